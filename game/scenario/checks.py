"""Checks across a scenario that a single field cannot make: references, hours, uniqueness."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.clinical.lab import LAB_TESTS
from game.scenario.checks_ecg import ecg_checks
from game.scenario.checks_events import event_checks, salvage_events
from game.scenario.checks_meds import med_checks
from game.scenario.checks_phone import phone_checks, walk_in_checks
from game.scenario.checks_poc import poc_checks
from game.scenario.checks_supplies import supply_checks
from game.scenario.errors import PathPart, Problem
from game.scenario.events import ScriptedEvent
from game.scenario.meds import MedicationSetup
from game.scenario.models import (
    Calendar,
    Clinic,
    Courier,
    Patient,
    Provider,
    Scenario,
    Task,
    VisitType,
)
from game.scenario.people import Chart
from game.scenario.phone import PhoneSetup
from game.scenario.poc import PocSetup
from game.scenario.refs import availability, provider_and_visit, unknown
from game.scenario.supplies import SupplySetup
from game.scenario.types import FIRST_DAY, LAST_DAY, seconds

M = TypeVar("M", bound=BaseModel)


@dataclass
class Parts:
    """The parts of a scenario that are valid on their own; None or missing items are skipped.

    A file with format errors is checked on its valid parts too, so an author sees every
    problem in one go instead of fixing one layer only to meet the next.
    """

    date: dt.date | None = None
    clinic: Clinic | None = None
    providers: list[Provider] = field(default_factory=list)
    visit_types: list[VisitType] = field(default_factory=list)
    patients: list[tuple[int, Patient]] = field(default_factory=list)
    opening_tasks: list[tuple[int, Task]] = field(default_factory=list)
    closing_tasks: list[tuple[int, Task]] = field(default_factory=list)
    courier: Courier | None = None
    calendar: Calendar | None = None
    charts: list[tuple[int, Chart]] = field(default_factory=list)
    phone: PhoneSetup | None = None
    complete: bool = True  # every provider and visit type is valid: unknown means unknown
    medications: MedicationSetup | None = None
    poc: PocSetup | None = None
    supplies: SupplySetup | None = None
    events: list[tuple[int, ScriptedEvent]] = field(default_factory=list)


def parts_of(s: Scenario) -> Parts:
    """A valid scenario, all of it."""
    return Parts(s.date, s.clinic, list(s.providers), list(s.visit_types),
                 list(enumerate(s.patients)), list(enumerate(s.opening_tasks)),
                 list(enumerate(s.closing_tasks)), s.courier, s.calendar,
                 list(enumerate(s.charts)), s.phone, True, s.medications, s.poc, s.supplies,
                 list(enumerate(s.events)))


def _one(model: type[M], value: Any) -> M | None:
    try:
        return model.model_validate_json(json.dumps(value), strict=True)
    except (ValidationError, TypeError, ValueError):
        return None


def _each(model: type[M], values: Any) -> list[tuple[int, M]]:
    if not isinstance(values, list):
        return []
    found = ((i, _one(model, v)) for i, v in enumerate(values))
    return [(i, m) for i, m in found if m is not None]


def _length(value: Any) -> int:
    """The length of a list, -1 for anything else (missing counts as an empty list)."""
    if value is None:
        return 0
    return len(value) if isinstance(value, list) else -1


def salvage(data: dict[str, Any]) -> Parts:
    """The valid parts of a file that failed validation as a whole."""
    date = None
    if isinstance(data.get("date"), str):
        try:
            date = dt.date.fromisoformat(data["date"])
        except ValueError:
            date = None
        if date is not None and not FIRST_DAY <= date <= LAST_DAY:
            date = None  # reported by the format check; ages cannot count from it
    providers = _each(Provider, data.get("providers"))
    visits = _each(VisitType, data.get("visit_types"))
    # A list given as something else ("providers": 5) is reported by the format check;
    # here it only means the known ids are not known, so references are not judged.
    complete = (len(providers) == _length(data.get("providers"))
                and len(visits) == _length(data.get("visit_types")))
    return Parts(date, _one(Clinic, data.get("clinic")), [p for _, p in providers],
                 [v for _, v in visits], _each(Patient, data.get("patients")),
                 _each(Task, data.get("opening_tasks")), _each(Task, data.get("closing_tasks")),
                 _one(Courier, data.get("courier")), _one(Calendar, data.get("calendar") or {}),
                 _each(Chart, data.get("charts")), _one(PhoneSetup, data.get("phone") or {}),
                 complete, _one(MedicationSetup, data.get("medications") or {}),
                 _one(PocSetup, data.get("poc") or {}),
                 _one(SupplySetup, data["supplies"]) if data.get("supplies") else None,
                 salvage_events(data.get("events")))


def _duplicates(
    items: Iterable[str], where: tuple[str, ...], what: str
) -> list[Problem]:
    values = list(items)
    counts = Counter(values)
    return [
        Problem((*where, i, "id"), f"{what} id '{v}' is used more than once")
        for i, v in enumerate(values)
        if counts[v] > 1
    ]


def _within(
    path: tuple[PathPart, ...], value: str, low: str, high: str, what: str
) -> list[Problem]:
    if not seconds(low) <= seconds(value) <= seconds(high):
        return [Problem(path, f"{value} is outside {what} ({low} to {high})")]
    return []


def cross_check(s: Scenario | Parts) -> list[Problem]:
    """Every problem that involves two parts of the file."""
    s = parts_of(s) if isinstance(s, Scenario) else s
    out: list[Problem] = []
    clinic = s.clinic
    room_ids = {r.id for r in clinic.rooms} if clinic else None
    provider_ids = {p.id for p in s.providers} if s.complete else None
    visit_ids = {v.id for v in s.visit_types} if s.complete else None
    if clinic:
        opens, closes = clinic.opens, clinic.closes
        if seconds(closes) <= seconds(opens):
            out.append(Problem(("clinic", "closes"), f"closing time {closes} is not after {opens}"))
        out += _duplicates((r.id for r in clinic.rooms), ("clinic", "rooms"), "room")
        out += _staff(clinic)
    out += _duplicates((p.id for p in s.providers), ("providers",), "provider")
    out += _duplicates((v.id for v in s.visit_types), ("visit_types",), "visit type")
    patient_ids = Counter(p.id for _, p in s.patients)
    out += [
        Problem(("patients", i, "id"), f"patient id '{p.id}' is used more than once")
        for i, p in s.patients
        if patient_ids[p.id] > 1
    ]
    task_ids = Counter(t.id for _, t in [*s.opening_tasks, *s.closing_tasks])
    for field_name, tasks in (("opening_tasks", s.opening_tasks),
                              ("closing_tasks", s.closing_tasks)):
        for i, task in tasks:
            if task_ids[task.id] > 1:
                out.append(Problem((field_name, i, "id"),
                                   f"task id '{task.id}' is used more than once"))
            if room_ids is not None and task.room is not None and task.room not in room_ids:
                out.append(Problem((field_name, i, "room"), unknown("room", task.room, room_ids)))
    mrns = Counter(p.mrn for _, p in s.patients)

    if clinic:
        for i, prov in enumerate(s.providers):
            out += _provider_hours(i, prov, clinic.opens, clinic.closes)
        if s.courier:
            for i, when in enumerate(s.courier.pickups):
                out += _within(("courier", "pickups", i), when, clinic.opens, clinic.closes,
                               "clinic hours")

    for i, p in s.patients:
        out += _patient(s, i, p, provider_ids, visit_ids, mrns[p.mrn] > 1)

    cal = s.calendar
    if cal is not None:
        if seconds(cal.day_end) <= seconds(cal.day_start):
            out.append(Problem(("calendar", "day_end"), "day_end is not after day_start"))
        for i, b in enumerate(cal.booked):
            if provider_ids is not None and b.provider not in provider_ids:
                out.append(Problem(("calendar", "booked", i, "provider"),
                                   unknown("provider", b.provider, provider_ids)))
    return (out + phone_checks(s) + walk_in_checks(s) + med_checks(s) + poc_checks(s)
            + ecg_checks(s) + supply_checks(s) + event_checks(s))


def _staff(clinic: Clinic) -> list[Problem]:
    """A team needs an MA (only an MA does clinical work) and someone the player directs."""
    if clinic.staff is None:
        return []
    out = _duplicates((m.id for m in clinic.staff), ("clinic", "staff"), "staff")
    if not any(m.role == "ma" for m in clinic.staff):
        out.append(Problem(("clinic", "staff"), "the team has no medical assistant (role "
                                                "'ma'): nobody could room a patient"))
    if not any(m.controlled_by == "player" for m in clinic.staff):
        out.append(Problem(("clinic", "staff"), "nobody on the team is directed by the player "
                                                "(controlled_by 'player')"))
    return out


def _provider_hours(i: int, prov: Provider, opens: str, closes: str) -> list[Problem]:
    here = ("providers", i)
    out = _within((*here, "start"), prov.start, opens, closes, "clinic hours")
    out += _within((*here, "end"), prov.end, opens, closes, "clinic hours")
    if seconds(prov.end) <= seconds(prov.start):
        out.append(Problem((*here, "end"), f"{prov.end} is not after start {prov.start}"))
    for j, br in enumerate(prov.breaks):
        out += _within((*here, "breaks", j, "start"), br.start, prov.start, prov.end,
                       "the provider's hours")
        if seconds(br.end) <= seconds(br.start):
            out.append(Problem((*here, "breaks", j, "end"), "a break must end after it starts"))
    return out


def _patient(s: Parts, i: int, p: Patient, provider_ids: set[str] | None,
             visit_ids: set[str] | None, shared_mrn: bool) -> list[Problem]:
    here: tuple[PathPart, ...] = ("patients", i)
    out: list[Problem] = []
    appt = p.appointment
    if s.clinic:
        out += _within((*here, "appointment", "time"), appt.time, s.clinic.opens,
                       s.clinic.closes, "clinic hours")
    out += provider_and_visit((*here, "appointment"), appt.provider, appt.visit_type,
                              provider_ids, visit_ids)
    if shared_mrn:
        out.append(Problem((*here, "mrn"), f"MRN {p.mrn} belongs to more than one patient"))
    if s.date is not None:
        if p.dob >= s.date:
            out.append(Problem((*here, "dob"), f"date of birth {p.dob} is not before {s.date}"))
        elif s.date.year - p.dob.year > 120:
            out.append(Problem((*here, "dob"), f"date of birth {p.dob} is over 120 years ago"))
    for j, code in enumerate(p.orders.labs):
        if code not in LAB_TESTS:
            out.append(Problem((*here, "orders", "labs", j),
                               unknown("lab test", code, set(LAB_TESTS))))
    if len(set(p.orders.labs)) != len(p.orders.labs):
        out.append(Problem((*here, "orders", "labs"), "a test is ordered twice"))
    fu = p.orders.follow_up
    if fu is not None and visit_ids is not None and fu.visit_type not in visit_ids:
        out.append(Problem((*here, "orders", "follow_up", "visit_type"),
                           unknown("visit type", fu.visit_type, visit_ids)))
    out += availability((*here, "availability"), p.availability)
    return out

