"""The bots' medication steps: a careful MA checks allergies by asking, holds what must be
held, gives the VIS (to a parent for a child), checks every label, gives the right dose at
the right site, discards the needle, waits out the observation and documents; a naive one
skips the allergy question, the VIS and the observation and gives whatever is ordered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.vaccines import CATALOGUE, GAUGES
from game.sim.policies.steps import ConcernSteps
from game.sim.rules.medications.commands import (
    LABEL_CHECKS,
    CheckAllergies,
    DocumentMedication,
    EndObservation,
    FirstAid,
    GiveMedication,
    GiveVis,
    HoldMedication,
    LabelCheck,
    PrepareDose,
)
from game.sim.rules.medications.look import (
    doses_of,
    hold_reason,
    observation_left,
    record_of,
    right_choice,
    vis_recipient,
)
from game.sim.rules.medications.state import DoseState, DoseStatus, meds

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.policies.bot import Menu
    from game.sim.state import PatientState


def urgent(m: Menu, _careful: bool) -> Command | None:
    """Anyone who fainted gets first aid before anything else."""
    # Asked before almost every command: look at the offers only when someone has fainted.
    if not any(pm.fainted_t is not None and not pm.aided for pm in meds(m.sim).patients.values()):
        return None
    return m.first(FirstAid)


def _give(m: Menu, d: DoseState, careful: bool) -> Command:
    right = right_choice(m.sim, d)
    site, needle = right.best
    return GiveMedication(patient=d.patient, product=d.product.id,
                          identifiers=["name", "dob"] if careful else ["name"],
                          route=right.route, site=site, needle_in=needle,
                          needle_gauge=GAUGES[right.route][0], label_check=careful)


def _dose_step(m: Menu, d: DoseState, careful: bool) -> Command | None:
    sim, pid = m.sim, d.patient
    if d.status == DoseStatus.GIVEN:
        return DocumentMedication(patient=pid, product=d.product.id, record=record_of(sim, d)) \
            if not d.documented else None
    if not d.open:
        return None
    if careful and (reason := hold_reason(sim, d)) is not None:
        return HoldMedication(patient=pid, product=d.product.id, reason=reason)
    if careful and CATALOGUE[d.product.code].vaccine and d.vis_t is None:
        return GiveVis(patient=pid, product=d.product.id, to=vis_recipient(sim, pid))
    if d.status == DoseStatus.ORDERED:
        checks: list[LabelCheck] = list(LABEL_CHECKS) if careful else []
        return PrepareDose(patient=pid, product=d.product.id, dose_ml=d.ordered_ml,
                           checks=checks)
    member = sim.staff(m.actor)
    if member is not None and meds(sim).syringes.get(member.id) == d.key:
        return _give(m, d, careful)
    return None


def after_exam(m: Menu, p: PatientState, careful: bool) -> Command | None:
    """The next medication step for a patient whose exam is over."""
    pm = meds(m.sim).patients.get(p.id)
    if pm is None:
        return None
    if observation_left(m.sim, p.id) is not None and not careful:
        return EndObservation(patient=p.id)  # a naive MA lets them go at once
    if careful and pm.checked != "asked" and any(d.open for d in pm.doses.values()):
        return CheckAllergies(patient=p.id, ask=True)
    for d in doses_of(m.sim, p.id):
        if (cmd := _dose_step(m, d, careful)) is not None:
            return cmd
    return None


STEPS = ConcernSteps(urgent=urgent, after_exam=after_exam)
