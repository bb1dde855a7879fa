"""Counted nouns for messages: "1 patient", "3 patients", never "3 patient(s)"."""

from __future__ import annotations


def count(n: int, one: str, many: str | None = None) -> str:
    """The number with the noun in the form it takes: count(1, "tube") is "1 tube"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
