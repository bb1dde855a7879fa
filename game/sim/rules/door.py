"""The exam-room door flag: up when rooming is complete, or early when the MA signals ready."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from game.sim.commands import SignalReady
from game.sim.results import Accepted, Rejected, Result
from game.sim.rules.expectations import key
from game.sim.rules.front_desk import patient
from game.sim.state import PatientState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

SIGNAL_SECONDS = 10  # raising the flag on the door (or the light by it) takes a moment


class RoomingStep(StrEnum):
    """What the MA does between rooming a patient and the provider going in."""

    MEASURE = "measure vitals"
    HISTORY = "review history"
    RECORD = "record vitals"


def steps_left(p: PatientState) -> tuple[RoomingStep, ...]:
    """The rooming steps not done yet, in the order to suggest them. The vitals must be
    measured before they are recorded; the history may come before or after the vitals."""
    out: list[RoomingStep] = []
    if p.measured is None:
        out.append(RoomingStep.MEASURE)
    if not p.history_reviewed:
        out.append(RoomingStep.HISTORY)
    if p.recorded is None:
        out.append(RoomingStep.RECORD)
    return tuple(out)


def rooming_steps_left(sim: Simulation, pid: str) -> tuple[RoomingStep, ...]:
    """The steps the rules still want before the provider takes this patient: none once the
    door flag is up (or the patient is past rooming)."""
    p = sim.world.patients[pid]
    if p.status != Status.ROOMED:
        return ()
    return steps_left(p)


def rooming_steps_now(sim: Simulation, pid: str) -> tuple[RoomingStep, ...]:
    """The rooming steps the MA can start now, as `submit` would accept them: recording waits
    for a measurement; once the provider is in (an escalation), only the chart and, for an
    escalated patient, the history are left to do with them."""
    p = sim.world.patients[pid]
    if p.status in (Status.ROOMED, Status.READY):
        left = steps_left(p)
        if RoomingStep.MEASURE in left:
            left = tuple(s for s in left if s != RoomingStep.RECORD)
        return left
    if p.status == Status.WITH_PROVIDER:
        out = [RoomingStep.HISTORY] if not p.history_reviewed and p.escalated_t is not None \
            else []
        if p.measured is not None and p.recorded is None:
            out.append(RoomingStep.RECORD)
        return tuple(out)
    return ()


def raise_flags(sim: Simulation) -> None:
    """After every change: a roomed patient whose rooming is complete is ready for the
    provider; the time the flag is up is kept (an escalation raises it too)."""
    for p in sim.world.patients.values():
        if p.status == Status.ROOMED and not steps_left(p):
            p.status = Status.READY
        if p.status == Status.READY and p.ready_t is None:
            p.ready_t = max(sim.now, p.busy_until)  # once the step under way is done


# What a skipped step costs: (ledger step, reason).
_SKIP_COSTS: dict[RoomingStep, tuple[tuple[str, str], ...]] = {
    RoomingStep.MEASURE: (("vitals", "vital signs were not taken"),
                          ("flags", "vital signs could not be judged")),
    RoomingStep.RECORD: (("vitals", "vital signs were not in the chart"),
                         ("flags", "vital signs were not flagged")),
    RoomingStep.HISTORY: (("history", "allergies and medications were not reviewed"),),
}
_SKIP_NOTE = ("Finish rooming before the provider comes in: allergies and medications "
              "reviewed, vital signs recorded. Signal early only when the provider must come "
              "at once.")


def signal_ready(sim: Simulation, cmd: SignalReady) -> Result:
    """Put the door flag up before rooming is complete: the skipped steps are scored as
    missed now, and the provider takes the patient like any other ready patient."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    if p.status != Status.ROOMED or p.room is None:
        if p.status == Status.READY:
            return Rejected(f"The door flag is already up: {p.name} is ready for the provider.")
        return Rejected(f"{p.name} is not being roomed ({p.status.value}).")
    skipped = steps_left(p)
    if not skipped:  # not reachable after raise_flags; kept so the rule stands on its own
        return Rejected(f"{p.name}'s rooming is complete.")
    secs = sim.walk(f"room:{p.room}") + SIGNAL_SECONDS
    for step in skipped:
        for ledger_step, what in _SKIP_COSTS[step]:
            sim.ledger.award(key(p.id, ledger_step), sim.now, 0,
                             f"Signalled {p.name} ready early: {what}", _SKIP_NOTE)
    p.skipped = tuple(str(s) for s in skipped)
    p.status = Status.READY
    p.busy_until = max(p.busy_until, sim.now + secs)
    sim.notify("warning", f"{p.name} is flagged ready with steps skipped: "
               f"{', '.join(p.skipped)}.", p.id)
    return Accepted(secs, f"signalling {p.name} ready")
