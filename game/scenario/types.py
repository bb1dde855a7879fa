"""Small reusable field types of the scenario format: ids, clock times, weekdays, text."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Strict(BaseModel):
    """Base of every scenario model: unknown keys are errors, and values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_clock(value: str) -> str:
    hours, minutes = int(value[:2]), int(value[3:])
    if hours > 23 or minutes > 59:
        raise ValueError(f"'{value}' is not a time of day: use HH:MM from 00:00 to 23:59")
    return value


ClockTime = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{2}:[0-9]{2}$",
        description="A time of day on a 24-hour clock, HH:MM (for example 08:30 or 15:00).",
        examples=["08:30"],
    ),
    AfterValidator(_check_clock),
]

Ident = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$",
        description="An identifier: lower-case letters, digits, '-' and '_' (up to 40).",
    ),
]

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Characters a text field may not hold: control characters (NUL, escape...), lone surrogates
# and invisible format characters (zero-width space, byte-order mark). They cannot be drawn
# in the window (pygame refuses NUL, surrogates and text of zero width) or are invisible
# traps in a name a student must match.
_REFUSED = {"Cc": "a control character", "Cs": "a lone surrogate", "Cf": "an invisible "
            "format character"}
# A character that is drawn with some width: letters, digits, punctuation and symbols.
_VISIBLE = ("L", "N", "P", "S")


def text_problem(value: str, line_breaks: bool = False) -> str | None:
    """Why a text cannot be shown as a name or a sentence, or None when it can."""
    for i, ch in enumerate(value):
        if ch == "\n" and line_breaks:
            continue
        kind = unicodedata.category(ch)
        if kind not in _REFUSED:
            continue
        where = f"character {i + 1} is"
        if ch in "\r\n" and not line_breaks:
            return f"{where} a line break (U+{ord(ch):04X}): this text must be one line"
        if ch == "\r":
            return f"{where} a carriage return (U+000D): break lines with \\n only"
        what = "a tab" if ch == "\t" else _REFUSED[kind]
        return f"{where} {what} (U+{ord(ch):04X}): only printable text is allowed"
    if not any(unicodedata.category(ch)[0] in _VISIBLE for ch in value):
        return "the text has no visible character (only spaces, marks or nothing)"
    return None


def printable(value: str) -> str:
    """The text with every refused character taken out (for text typed by a player)."""
    return "".join(ch for ch in value if unicodedata.category(ch) not in _REFUSED)


def _check(line_breaks: bool) -> AfterValidator:
    def check(value: str) -> str:
        problem = text_problem(value, line_breaks)
        if problem:
            raise ValueError(problem)
        return value
    return AfterValidator(check)


# Add to an Annotated str: printable characters only, on one line (names, labels, ids)...
OneLine = _check(line_breaks=False)
# ...or in paragraphs separated by "\n" (long text, which the window wraps); never tabs.
Paragraphs = _check(line_breaks=True)

Text = Annotated[str, Field(min_length=1, max_length=500), OneLine]

# Clinic days and bookings fall in this range: a training day is set near the present, and
# a bound keeps every date the game computes from it (follow-ups up to a year on) valid.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)


def _check_day(value: dt.date) -> dt.date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"{value} is outside the dates the game plays ({FIRST_DAY} to "
                         f"{LAST_DAY})")
    return value


Day = Annotated[dt.date, AfterValidator(_check_day)]


def seconds(clock: str) -> int:
    """Seconds since midnight of an HH:MM time."""
    return int(clock[:2]) * 3600 + int(clock[3:]) * 60


def clock(t: int) -> str:
    """HH:MM of seconds since midnight (minutes rounded down)."""
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}"
