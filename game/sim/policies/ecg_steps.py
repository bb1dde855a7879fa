"""The bots' ECG: a careful MA gets the provider for chest pain first, prepares every step,
places each electrode on its site and hands the tracing over at once; a naive one does not
ask the patient to keep still and puts V1 and V2 one space too high (the most common
placement error, Rajaganeshan et al. 2008), fixing each only when a tracing is repeated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.ecg import ARTIFACTS, ONE_SPACE_HIGH, STANDARD
from game.sim.policies.steps import ConcernSteps
from game.sim.rules.ecg.commands import (
    HandEcg,
    PlaceElectrodes,
    PrepareEcg,
    RecordEcg,
    ReportChestPain,
)
from game.sim.rules.ecg.state import ecg_of, ecg_state
from game.sim.state import Status

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.policies.bot import Menu
    from game.sim.state import PatientState


def urgent(m: Menu, careful: bool) -> Command | None:
    """Chest pain: the provider, before anything else; a careful MA also hands a finished
    tracing over before starting anything new."""
    state = ecg_state(m.sim)
    if not state.patients:
        return None
    for p in m.sim.patients_in(Status.EXAM_DONE):
        if p.id not in state.patients:
            continue
        if cmd := m.first(ReportChestPain, p.id):
            return cmd
        if careful and (cmd := m.first(HandEcg, p.id)):
            return cmd
    return None


def after_exam(m: Menu, p: PatientState, careful: bool) -> Command | None:
    """The patient's next ECG step."""
    e = ecg_of(m.sim, p.id)
    if e is None or e.handed_t is not None:
        return None
    pid = p.id
    if m.get(PrepareEcg, pid):
        return PrepareEcg(patient=pid, identifiers=["name", "dob"] if careful else ["name"],
                          supine=True, skin=True, explained=careful, warm=True,
                          devices_away=True)
    last = e.last
    if m.get(PlaceElectrodes, pid) and (not e.sites or (last is not None and last.misplaced
                                                        and not e.fresh)):
        sites = dict(STANDARD)
        if not careful and not e.tracings:
            sites.update(ONE_SPACE_HIGH)
        return PlaceElectrodes(patient=pid, sites=sites)
    if m.get(RecordEcg, pid) and (last is None or not last.usable):
        fix = ARTIFACTS[last.artifact].fix if last is not None and last.artifact else None
        return RecordEcg(patient=pid, fix=fix)
    return m.first(HandEcg, pid)


STEPS = ConcernSteps(urgent=urgent, after_exam=after_exam)
