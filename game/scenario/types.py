"""Small reusable field types of the scenario format: ids, clock times, weekdays, text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


class Strict(BaseModel):
    """Base of every scenario model: unknown keys are errors, and values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_CLOCK = re.compile(r"[0-9]{2}:[0-9]{2}", re.ASCII)
# What people write for a time that is not HH:MM: "8:00", "8.30", "8h30", "0800", "8am",
# "8:30 p.m.", "08:00:00". Only these shapes get a suggested fix; anything else gets the
# format and an example.
_LOOSE = re.compile(r"\s*([0-9]{1,2})(?:[:.h]([0-9]{2}))?(?::([0-9]{2}))?\s*"
                    r"(?:([ap])\.?\s*m\.?)?\s*", re.ASCII | re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"\s*([0-9]{2})([0-9]{2})\s*", re.ASCII)
CLOCK_EXAMPLE = "08:30 or 15:00"


def clock_fix(value: str) -> str | None:
    """The HH:MM time a loosely written time means ("8:00" is "08:00", "2pm" is "14:00"),
    or None when it means no time of day (25:00) or cannot be read as one."""
    four = _FOUR_DIGITS.fullmatch(value)
    m = _LOOSE.fullmatch(value)
    if four:
        hours, minutes = int(four[1]), int(four[2])
    elif m:
        hours, minutes = int(m[1]), int(m[2] or 0)
        if m[4]:  # a 12-hour clock: 12 am is midnight, 12 pm is noon
            if not 1 <= hours <= 12:
                return None
            hours = hours % 12 + (12 if m[4].lower() == "p" else 0)
    else:
        return None
    if hours > 23 or minutes > 59:
        return None
    fixed = f"{hours:02d}:{minutes:02d}"
    return fixed if fixed != value else None


def clock_problem(value: str) -> str | None:
    """Why a text is not an HH:MM time of day, with the fix when there is one, or None."""
    if _CLOCK.fullmatch(value) and int(value[:2]) <= 23 and int(value[3:]) <= 59:
        return None
    # Quoted only when it prints as it is; the "(found ...)" the loader adds shows it escaped.
    shown = f"'{value}'" if value.isprintable() and len(value) <= 20 else "this text"
    message = f"{shown} is not a time of day: use HH:MM from 00:00 to 23:59"
    fix = clock_fix(value)
    if fix is not None:
        return f"{message}, two digits each on a 24-hour clock: write '{fix}'"
    if not _CLOCK.fullmatch(value):
        return f"{message}, two digits each on a 24-hour clock, for example {CLOCK_EXAMPLE}"
    return message  # the shape is right, the hour or the minute is not (25:00, 12:61)


def _check_clock(value: object) -> object:
    # Before the pattern: "8:00" and "25:00" get the same message, with the fix for "8:00".
    # A value that is not text is left to the type check, which names its type.
    if isinstance(value, str):
        problem = clock_problem(value)
        if problem:
            raise ValueError(problem)
    return value


ClockTime = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{2}:[0-9]{2}$",
        description="A time of day on a 24-hour clock, HH:MM (for example 08:30 or 15:00).",
        examples=["08:30"],
    ),
    BeforeValidator(_check_clock),
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
