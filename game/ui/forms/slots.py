"""The provider's calendar as the forms read it: open days, the day's slot times, free starts
(the follow-up grid and the call panel's day and time picker share these)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from game.scenario.types import WEEKDAYS, clock, seconds

if TYPE_CHECKING:
    from game.sim.engine import Simulation

DAYS_AHEAD = 120  # how far the call panel's day picker goes


def open_weekdays(sim: Simulation) -> list[int]:
    """The weekdays the practice is open (0 is Monday)."""
    opened = sim.scenario.calendar.open_weekdays
    return [i for i, name in enumerate(WEEKDAYS) if name in opened]


def open_days(sim: Simulation, ahead: int = DAYS_AHEAD) -> list[dt.date]:
    """The open days after today, up to `ahead` days from it."""
    today, weekdays = sim.scenario.date, set(open_weekdays(sim))
    days = (today + dt.timedelta(days=n) for n in range(1, ahead + 1))
    return [d for d in days if d.weekday() in weekdays]


def slot_times(sim: Simulation, visit_type: str | None) -> list[str]:
    """Every start time of the day where a visit of that type fits before closing."""
    cal = sim.scenario.calendar
    minutes = sim.calendar.minutes.get(visit_type, 15) if visit_type else 15
    t, end = seconds(cal.day_start), seconds(cal.day_end)
    out = []
    while t + 60 * minutes <= end:
        out.append(clock(t))
        t += 60 * cal.slot_minutes
    return out


def free_times(sim: Simulation, provider: str, visit_type: str, day: dt.date) -> list[str]:
    """The start times free for that visit on that day, earliest first."""
    if day <= sim.scenario.date:
        return []
    return sorted(sim.calendar.free_slots(provider, visit_type, day))
