"""How the window writes times, dates, durations and money for the player."""

from __future__ import annotations

import datetime as dt

from game.scenario.types import clock


def spoken_time(hhmm: str) -> str:
    """'08:40' as a patient says it, with its article: 'an 8:40 am', 'a 1:00 pm'."""
    hours, minutes = int(hhmm[:2]), int(hhmm[3:])
    half = "am" if hours < 12 else "pm"
    twelve = hours % 12 or 12
    article = "an" if twelve in (8, 11) else "a"
    return f"{article} {twelve}:{minutes:02d} {half}"


def chart_date(day: dt.date) -> str:
    """A date as a US chart shows it: 03/22/1971."""
    return f"{day:%m/%d/%Y}"


def spoken_date(day: dt.date) -> str:
    """A date as a patient says it: March 22, 1971."""
    return f"{day:%B} {day.day}, {day.year}"


def short_date(day: dt.date) -> str:
    """Tue 15 Dec."""
    return f"{day:%a} {day.day} {day:%b}"


def minutes_left(now: int, until: int) -> str:
    """'12 min' or '1 h 05 min' from now until a time (never negative)."""
    left = max(0, until - now + 59) // 60
    return f"{left // 60} h {left % 60:02d} min" if left >= 60 else f"{left} min"


def time_left(secs: float) -> str:
    """What is left of a task, never rounded to the minute the clock shows: '40 s',
    '3 min 05 s', '1 h 02 min'."""
    secs = max(1, int(secs))
    if secs < 60:
        return f"{secs} s"
    mins, rest = divmod(secs, 60)
    if mins < 60:
        return f"{mins} min {rest:02d} s"
    return f"{mins // 60} h {mins % 60:02d} min"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 point', '2 points', '1 tube', '0 tubes': the number with its noun agreeing."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def pts(n: int, sign: bool = False) -> str:
    """'1 pt', '-3 pts', '+0 pts': the short form of points, agreeing with the number."""
    number = f"{n:+d}" if sign else f"{n}"
    return number + (" pt" if abs(n) == 1 else " pts")


def at(t: int) -> str:
    """A simulated time of day, HH:MM."""
    return clock(t)


def money(amount: float) -> str:
    """$25.00."""
    return f"${amount:,.2f}"
