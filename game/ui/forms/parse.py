"""Reading numbers the player typed, with messages that name the field and say what is wrong."""

from __future__ import annotations

import math


class FieldError(ValueError):
    """A typed value that cannot be used; str() is the message for the player."""


def number(text: str, field: str, low: float, high: float, whole: bool = False,
           example: str = "") -> float:
    """The value typed in a field, or FieldError naming the field."""
    raw = text.strip().replace(",", "").replace("\u2212", "-")
    hint = f" (e.g. {example})" if example else ""
    if not raw:
        raise FieldError(f"{field}: type a value{hint}.")
    try:
        value = float(raw)
    except ValueError:
        raise FieldError(f"{field}: \u201c{text.strip()}\u201d is not a number{hint}.") from None
    if not math.isfinite(value):
        raise FieldError(f"{field}: \u201c{text.strip()}\u201d is not a number{hint}.")
    if whole and value != int(value):
        raise FieldError(f"{field}: type a whole number{hint}.")
    if not low <= value <= high:
        raise FieldError(f"{field} must be between {_plain(low)} and {_plain(high)}.")
    return value


def dollars(text: str, field: str = "Copay", high: float = 10000) -> float:
    """An amount of money: '25', '25.00', '$25'; empty means nothing collected."""
    raw = text.strip().replace("$", "").replace(",", "").strip()
    if not raw:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise FieldError(f"{field}: \u201c{text.strip()}\u201d is not an amount in dollars "
                         "(e.g. 25 or 25.00).") from None
    if not math.isfinite(value) or value < 0:
        raise FieldError(f"{field}: type an amount of 0 or more dollars.")
    if value > high:
        raise FieldError(f"{field}: ${value:,.2f} is more than ${high:,.0f}.")
    if round(value, 2) != value:
        raise FieldError(f"{field}: dollars and cents only (e.g. 25.00).")
    return value


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
