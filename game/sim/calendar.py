"""The follow-up calendar: provider slots, visit lengths, conflicts, patient constraints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from game.scenario.models import Scenario
from game.scenario.people import Availability
from game.scenario.types import WEEKDAYS, clock, seconds
from game.sim.state import Booking


@dataclass(frozen=True)
class SlotCheck:
    """Whether a booking is possible (hard) and whether it suits the order and patient (soft)."""

    impossible: str | None  # the calendar refuses it
    problems: tuple[str, ...]  # accepted, but wrong for this patient


class Calendar:
    """Bookings of the coming weeks, for every provider."""

    def __init__(self, scenario: Scenario, today: list[Booking],
                 cancelled: list[str] | None = None) -> None:
        self.scenario = scenario
        self.cal = scenario.calendar
        self.minutes = {v.id: v.minutes for v in scenario.visit_types}
        self.booked: tuple[Booking, ...] = tuple(
            Booking("", b.provider, b.date, seconds(b.time), b.minutes) for b in self.cal.booked)
        # The practice's other charts' next visits, by chart: a caller may free one.
        self.visits: dict[str, Booking] = {
            c.id: Booking(c.id, c.next_visit.provider, c.next_visit.date,
                          seconds(c.next_visit.time), self.minutes[c.next_visit.visit_type])
            for c in scenario.charts if c.next_visit is not None}
        # Today's bookings and the visits freed today are the world's lists (one copy, in the
        # digest); this only reads them.
        self.today = today
        self.cancelled = [] if cancelled is None else cancelled

    @property
    def taken(self) -> list[Booking]:
        """Every booking: the scenario's and today's."""
        return [*self.booked, *self._visits_kept(), *self.today]

    def _visits_kept(self) -> list[Booking]:
        return [b for cid, b in self.visits.items() if cid not in self.cancelled]

    def day_after(self, days: int) -> dt.date | None:
        """The date `days` after the clinic day, or None past the last date there is.

        The scenario format keeps days before 2100, but a caller adding days must never
        crash on a date near year 9999."""
        try:
            return self.scenario.date + dt.timedelta(days=days)
        except OverflowError:
            return None

    def add(self, booking: Booking) -> None:
        """Record a booking made today."""
        self.today.append(booking)

    def conflicts(self, provider: str, date: dt.date, start: int, minutes: int) -> bool:
        """True if the stretch overlaps another booking of the provider."""
        end = start + 60 * minutes
        return any(b.provider == provider and b.date == date
                   and start < b.start + 60 * b.minutes and b.start < end
                   for group in (self.booked, self._visits_kept(), self.today) for b in group)

    def check(self, provider: str, visit_type: str, date: dt.date, time: str,
              min_days: int, max_days: int, avail: Availability) -> SlotCheck:
        """Judge a proposed follow-up."""
        cal, start = self.cal, seconds(time)
        minutes = self.minutes[visit_type]
        days = (date - self.scenario.date).days
        if days < 1:
            return SlotCheck("A follow-up must be on a later day.", ())
        if WEEKDAYS[date.weekday()] not in cal.open_weekdays:
            return SlotCheck(f"The clinic is closed on {date:%A}s.", ())
        if (start - seconds(cal.day_start)) % (60 * cal.slot_minutes):
            return SlotCheck(f"Bookings start every {cal.slot_minutes} minutes from "
                             f"{cal.day_start}.", ())
        if start < seconds(cal.day_start) or start + 60 * minutes > seconds(cal.day_end):
            return SlotCheck(f"A {minutes}-minute visit must fit between {cal.day_start} and "
                             f"{cal.day_end}.", ())
        if not cal.allow_double_booking and self.conflicts(provider, date, start, minutes):
            return SlotCheck(f"{date:%a %d %b} {time} is already booked.", ())
        problems = []
        if not min_days <= days <= max_days:
            problems.append(f"{days} days out; the provider asked for {min_days}-{max_days} days")
        if WEEKDAYS[date.weekday()] not in avail.weekdays:
            problems.append(f"the patient cannot come on {date:%A}s")
        if avail.earliest and start < seconds(avail.earliest):
            problems.append(f"the patient cannot come before {avail.earliest}")
        if avail.latest and start > seconds(avail.latest):
            problems.append(f"the patient cannot come after {avail.latest}")
        return SlotCheck(None, tuple(problems))

    def free_slots(self, provider: str, visit_type: str, date: dt.date) -> Iterator[str]:
        """Start times on a day where the visit fits without a conflict."""
        cal = self.cal
        if WEEKDAYS[date.weekday()] not in cal.open_weekdays:
            return
        minutes = self.minutes[visit_type]
        t, end = seconds(cal.day_start), seconds(cal.day_end)
        while t + 60 * minutes <= end:
            if not self.conflicts(provider, date, t, minutes):
                yield clock(t)
            t += 60 * cal.slot_minutes

    def first_free(self, provider: str, visit_type: str, min_days: int, max_days: int,
                   avail: Availability | None = None) -> tuple[dt.date, str] | None:
        """The earliest free slot between the two days, at a time the patient can keep when
        their availability is given."""
        for days in range(min_days, max_days + 1):
            date = self.day_after(days)
            if date is None:
                break  # no dates past the end of the calendar
            if avail is not None and WEEKDAYS[date.weekday()] not in avail.weekdays:
                continue
            for time in self.free_slots(provider, visit_type, date):
                if avail is not None and (
                    (avail.earliest and seconds(time) < seconds(avail.earliest))
                    or (avail.latest and seconds(time) > seconds(avail.latest))
                ):
                    continue
                return date, time
        return None
