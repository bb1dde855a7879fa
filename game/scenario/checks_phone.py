"""Cross-checks of the phone, the practice's charts and walk-ins: every call about a chart
that exists, inside clinic hours, with the visit it wants bookable by its kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from game.scenario.errors import PathPart, Problem
from game.scenario.phone import CallContent
from game.scenario.refs import availability, provider_and_visit, unknown
from game.scenario.types import WEEKDAYS, seconds

if TYPE_CHECKING:
    from game.scenario.checks import Parts
    from game.scenario.people import Chart


def phone_checks(s: Parts) -> list[Problem]:
    """Every problem of the charts, calls and walk-ins that involves another part."""
    out: list[Problem] = []
    patient_ids = {p.id for _, p in s.patients}
    provider_ids = {p.id for p in s.providers} if s.complete else None
    visit_ids = {v.id for v in s.visit_types} if s.complete else None
    chart_ids = Counter(c.id for _, c in s.charts)
    mrns = Counter([p.mrn for _, p in s.patients] + [c.mrn for _, c in s.charts])
    for i, chart in s.charts:
        here: tuple[PathPart, ...] = ("charts", i)
        if chart_ids[chart.id] > 1:
            out.append(Problem((*here, "id"), f"chart id '{chart.id}' is used more than once"))
        if chart.id in patient_ids:
            out.append(Problem((*here, "id"), f"chart id '{chart.id}' is also a patient's id: "
                                              "a call could not say whose chart it means"))
        if mrns[chart.mrn] > 1:
            out.append(Problem((*here, "mrn"), f"MRN {chart.mrn} belongs to more than one "
                                               "patient or chart"))
        if s.date is not None and chart.dob >= s.date:
            out.append(Problem((*here, "dob"), f"date of birth {chart.dob} is not before "
                                               f"{s.date}"))
        visit = chart.next_visit
        if visit is not None:
            if s.date is not None and visit.date <= s.date:
                out.append(Problem((*here, "next_visit", "date"),
                                   f"the next visit {visit.date} is not after {s.date}"))
            cal = s.calendar
            if cal is not None and WEEKDAYS[visit.date.weekday()] not in cal.open_weekdays:
                out.append(Problem((*here, "next_visit", "date"),
                                   f"{visit.date} is a {visit.date:%A}: the calendar books "
                                   f"only on {', '.join(cal.open_weekdays)}"))
            if cal is not None and not (seconds(cal.day_start) <= seconds(visit.time)
                                        < seconds(cal.day_end)):
                out.append(Problem((*here, "next_visit", "time"),
                                   f"{visit.time} is outside the calendar's hours "
                                   f"({cal.day_start} to {cal.day_end})"))
            out += provider_and_visit((*here, "next_visit"), visit.provider,
                                      visit.visit_type, provider_ids, visit_ids)
    charts = {c.id: c for _, c in s.charts}
    whose = patient_ids | set(charts)
    phone = s.phone
    if phone is None:
        return out
    call_ids = Counter(c.id for c in phone.calls)
    for i, call in enumerate(phone.calls):
        here = ("phone", "calls", i)
        if call_ids[call.id] > 1:
            out.append(Problem((*here, "id"), f"call id '{call.id}' is used more than once"))
        if s.clinic is not None and not (seconds(s.clinic.opens) <= seconds(call.time)
                                         <= seconds(s.clinic.closes)):
            out.append(Problem((*here, "time"), f"{call.time} is outside clinic hours "
                                                f"({s.clinic.opens} to {s.clinic.closes})"))
        out += _content(here, call, whose, charts, provider_ids, visit_ids)
    rate = phone.rate
    if rate is not None:
        here = ("phone", "rate")
        if seconds(rate.end) <= seconds(rate.start):
            out.append(Problem((*here, "end"), f"{rate.end} is not after start {rate.start}"))
        if s.clinic is not None:
            for name in ("start", "end"):
                value = getattr(rate, name)
                if not seconds(s.clinic.opens) <= seconds(value) <= seconds(s.clinic.closes):
                    out.append(Problem((*here, name), f"{value} is outside clinic hours "
                                       f"({s.clinic.opens} to {s.clinic.closes})"))
        pool_ids = Counter(c.id for c in rate.pool)
        for j, entry in enumerate(rate.pool):
            where = (*here, "pool", j)
            if pool_ids[entry.id] > 1:
                out.append(Problem((*where, "id"), f"pool id '{entry.id}' is used more than "
                                                   "once"))
            if entry.id in call_ids:
                out.append(Problem((*where, "id"), f"pool id '{entry.id}' is also a call's id"))
            out += _content(where, entry, whose, charts, provider_ids, visit_ids)
    return out


def _content(here: tuple[PathPart, ...], call: CallContent, whose: set[str],
             charts: Mapping[str, Chart], provider_ids: set[str] | None,
             visit_ids: set[str] | None) -> list[Problem]:
    out: list[Problem] = []
    if call.patient not in whose:
        out.append(Problem((*here, "patient"), unknown("patient or chart", call.patient,
                                                        whose)))
    if call.kind in ("reschedule", "cancel"):
        chart = charts.get(call.patient)
        if chart is None or chart.next_visit is None:
            out.append(Problem((*here, "patient"), f"a {call.kind} call needs a chart (in "
                               "'charts') with a next_visit to move or cancel"))
    wants = call.wants
    if wants is not None:
        out += provider_and_visit((*here, "wants"), wants.provider, wants.visit_type,
                                  provider_ids, visit_ids)
        out += availability((*here, "wants", "availability"), wants.availability)
    return out


def walk_in_checks(s: Parts) -> list[Problem]:
    """A walk-in walks in at the appointment time: no arrival kind of their own."""
    return [Problem(("patients", i, "arrival", "kind"), "a walk-in arrives at the appointment "
                    f"time: its arrival kind must be on_time, not {p.arrival.kind}")
            for i, p in s.patients if p.walk_in is not None and p.arrival.kind != "on_time"]
