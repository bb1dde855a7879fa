"""Checks across a scenario that a single field cannot make: references, hours, uniqueness."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from game.clinical.lab import LAB_TESTS
from game.scenario.errors import PathPart, Problem
from game.scenario.models import Scenario
from game.scenario.types import seconds


def _duplicates(
    items: Iterable[str], where: str, what: str
) -> list[Problem]:
    values = list(items)
    counts = Counter(values)
    return [
        Problem((where, i, "id"), f"{what} id '{v}' is used more than once")
        for i, v in enumerate(values)
        if counts[v] > 1
    ]


def _within(
    path: tuple[PathPart, ...], value: str, low: str, high: str, what: str
) -> list[Problem]:
    if not seconds(low) <= seconds(value) <= seconds(high):
        return [Problem(path, f"{value} is outside {what} ({low} to {high})")]
    return []


def cross_check(s: Scenario) -> list[Problem]:
    """Every problem that involves two parts of the file."""
    out: list[Problem] = []
    opens, closes = s.clinic.opens, s.clinic.closes
    if seconds(closes) <= seconds(opens):
        out.append(Problem(("clinic", "closes"), f"closing time {closes} is not after {opens}"))
    room_ids = {r.id for r in s.clinic.rooms}
    provider_ids = {p.id for p in s.providers}
    visit_ids = {v.id for v in s.visit_types}
    out += _duplicates((r.id for r in s.clinic.rooms), "clinic.rooms", "room")
    out += _duplicates((p.id for p in s.providers), "providers", "provider")
    out += _duplicates((v.id for v in s.visit_types), "visit_types", "visit type")
    out += _duplicates((p.id for p in s.patients), "patients", "patient")
    task_ids = Counter(t.id for t in [*s.opening_tasks, *s.closing_tasks])
    for field, tasks in (("opening_tasks", s.opening_tasks), ("closing_tasks", s.closing_tasks)):
        out += [
            Problem((field, i, "id"), f"task id '{t.id}' is used more than once")
            for i, t in enumerate(tasks)
            if task_ids[t.id] > 1
        ]
    mrns = Counter(p.mrn for p in s.patients)

    for i, prov in enumerate(s.providers):
        here = ("providers", i)
        out += _within((*here, "start"), prov.start, opens, closes, "clinic hours")
        out += _within((*here, "end"), prov.end, opens, closes, "clinic hours")
        if seconds(prov.end) <= seconds(prov.start):
            out.append(Problem((*here, "end"), f"{prov.end} is not after start {prov.start}"))
        for j, br in enumerate(prov.breaks):
            out += _within((*here, "breaks", j, "start"), br.start, prov.start, prov.end,
                           "the provider's hours")
            if seconds(br.end) <= seconds(br.start):
                out.append(Problem((*here, "breaks", j, "end"), "a break must end after it starts"))

    for field, tasks in (("opening_tasks", s.opening_tasks), ("closing_tasks", s.closing_tasks)):
        for i, task in enumerate(tasks):
            if task.room is not None and task.room not in room_ids:
                out.append(Problem((field, i, "room"), _unknown("room", task.room, room_ids)))

    for i, when in enumerate(s.courier.pickups):
        out += _within(("courier", "pickups", i), when, opens, closes, "clinic hours")

    for i, p in enumerate(s.patients):
        here = ("patients", i)
        appt = p.appointment
        out += _within((*here, "appointment", "time"), appt.time, opens, closes, "clinic hours")
        if appt.provider not in provider_ids:
            out.append(Problem((*here, "appointment", "provider"),
                               _unknown("provider", appt.provider, provider_ids)))
        if appt.visit_type not in visit_ids:
            out.append(Problem((*here, "appointment", "visit_type"),
                               _unknown("visit type", appt.visit_type, visit_ids)))
        if mrns[p.mrn] > 1:
            out.append(Problem((*here, "mrn"), f"MRN {p.mrn} belongs to more than one patient"))
        if p.dob >= s.date:
            out.append(Problem((*here, "dob"), f"date of birth {p.dob} is not before {s.date}"))
        elif s.date.year - p.dob.year > 120:
            out.append(Problem((*here, "dob"), f"date of birth {p.dob} is over 120 years ago"))
        for j, code in enumerate(p.orders.labs):
            if code not in LAB_TESTS:
                out.append(Problem((*here, "orders", "labs", j),
                                   _unknown("lab test", code, set(LAB_TESTS))))
        if len(set(p.orders.labs)) != len(p.orders.labs):
            out.append(Problem((*here, "orders", "labs"), "a test is ordered twice"))
        fu = p.orders.follow_up
        if fu is not None and fu.visit_type not in visit_ids:
            out.append(Problem((*here, "orders", "follow_up", "visit_type"),
                               _unknown("visit type", fu.visit_type, visit_ids)))
        av = p.availability
        if av.earliest and av.latest and seconds(av.latest) < seconds(av.earliest):
            out.append(Problem((*here, "availability", "latest"), "latest is before earliest"))

    cal = s.calendar
    if seconds(cal.day_end) <= seconds(cal.day_start):
        out.append(Problem(("calendar", "day_end"), "day_end is not after day_start"))
    for i, b in enumerate(cal.booked):
        if b.provider not in provider_ids:
            out.append(Problem(("calendar", "booked", i, "provider"),
                               _unknown("provider", b.provider, provider_ids)))
    return out


def _unknown(what: str, value: str, known: set[str]) -> str:
    choices = ", ".join(sorted(known)[:12]) or "none are defined"
    return f"unknown {what} '{value}' (known: {choices})"
