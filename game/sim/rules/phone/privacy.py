"""Who may be told about a patient on the phone (HIPAA, 45 CFR 164.502, 164.506, 164.510),
and what a verified caller turns out to be."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.clinical.vitals import age_on
from game.scenario.models import Patient
from game.scenario.people import Chart
from game.scenario.phone import CallContent

if TYPE_CHECKING:
    from game.sim.engine import Simulation

# Adulthood for the personal-representative rule: 18 in almost every state. State rules on
# minors' own consent (e.g. for reproductive or mental health care) are not modelled.
ADULT_YEARS = 18


def plain(text: str) -> str:
    """A name or phrase for comparison: letters and digits only, lower case, one space
    between words, so "O'Neil,  Ana" and "oneil ana" compare equal (no exact-string traps)."""
    return " ".join(re.sub(r"[^\w\s]|_", "", text.casefold()).split())


@dataclass(frozen=True)
class Permission:
    """Whether the caller may be told about the patient, and why (with the rule's source)."""

    allowed: bool
    why: str


def chart_of(sim: Simulation, pid: str) -> Patient | Chart:
    """The chart a call is about: a patient on today's schedule or another of the practice."""
    if pid in sim.world.patients:
        return sim.world.patients[pid].spec
    return next(c for c in sim.scenario.charts if c.id == pid)


def permission(sim: Simulation, call: CallContent) -> Permission:
    """The rule for this caller and this chart, as the chart and the caller's answers show."""
    chart = chart_of(sim, call.patient)
    caller = call.caller
    name = plain(caller.name)
    if caller.relation == "self":
        dob = caller.dob_given or chart.dob
        if name == plain(chart.name.full) and dob == chart.dob:
            return Permission(True, "the patient, verified by name and date of birth "
                                    "(45 CFR 164.502(a)(1)(i))")
        return Permission(False, "the caller says they are the patient but the name or date "
                                 "of birth does not match the chart: they cannot be verified")
    if any(plain(c.name) == name for c in chart.release_to):
        return Permission(True, "on the chart's release list (45 CFR 164.510(b))")
    if caller.relation in ("parent", "guardian") and age_on(chart.dob, sim.scenario.date) \
            < ADULT_YEARS:
        return Permission(True, "a parent or guardian of a minor is the child's personal "
                                "representative (45 CFR 164.502(g))")
    if caller.relation in ("pharmacy", "provider"):
        return Permission(True, "a pharmacy or another provider, for the patient's treatment "
                                "(45 CFR 164.506(c))")
    return Permission(False, f"a caller who is the patient's {caller.relation} and not on the "
                             "release list may be told nothing; offer to take a message "
                             "(45 CFR 164.510(b))")


def answers(sim: Simulation, call: CallContent) -> str:
    """What the caller says when asked who they are (the call panel shows it once the MA
    has asked): the player compares it with the chart."""
    caller = call.caller
    if caller.relation == "self":
        dob = caller.dob_given or chart_of(sim, call.patient).dob
        return f"\"This is {caller.name}. My date of birth is {dob:%B} {dob.day}, {dob.year}.\""
    if caller.relation in ("pharmacy", "provider"):
        return f"\"This is {caller.name}, calling about a patient's treatment.\""
    return f"\"This is {caller.name}. I'm the patient's {caller.relation}.\""
