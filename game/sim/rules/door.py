"""The exam-room door flag: up when rooming is complete, or early when the MA signals ready."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING

from game.sim.commands import SignalReady
from game.sim.notices import Tone
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer, Rule, command
from game.sim.rules.common import no_patient
from game.sim.scoring import Step, key
from game.sim.state import PatientState, StaffState, Status

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


def raise_flags(sim: Simulation) -> None:
    """After every change: a roomed patient whose rooming is complete is ready for the
    provider; the time the flag is up is kept (an escalation raises it too)."""
    for p in sim.patients_in(Status.ROOMED, Status.READY):
        if p.status == Status.ROOMED and not steps_left(p):
            p.status = Status.READY
        if p.status == Status.READY and p.ready_t is None:
            p.ready_t = max(sim.now, p.busy_until)  # once the step under way is done


# What a skipped step costs: (ledger step, reason).
_SKIP_COSTS: dict[RoomingStep, tuple[tuple[Step, str], ...]] = {
    RoomingStep.MEASURE: ((Step.VITALS, "vital signs were not taken"),
                          (Step.FLAGS, "vital signs could not be judged")),
    RoomingStep.RECORD: ((Step.VITALS, "vital signs were not in the chart"),
                         (Step.FLAGS, "vital signs were not flagged")),
    RoomingStep.HISTORY: ((Step.HISTORY, "allergies and medications were not reviewed"),),
}
_SKIP_NOTE = ("Finish rooming before the provider comes in: allergies and medications "
              "reviewed, vital signs recorded. Signal early only when the provider must come "
              "at once.")


def check_signal(sim: Simulation, _actor: StaffState, cmd: SignalReady) -> str | None:
    """Only a patient being roomed, with steps left, can be flagged early."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if p.status != Status.ROOMED or p.room is None:
        if p.status == Status.READY:
            return f"The door flag is already up: {p.name} is ready for the provider."
        return f"{p.name} is not being roomed ({p.status.value})."
    if not steps_left(p):  # not reachable after raise_flags; kept so the rule stands alone
        return f"{p.name}'s rooming is complete."
    return None


def signal_ready(sim: Simulation, actor: StaffState, cmd: SignalReady) -> Accepted:
    """Put the door flag up before rooming is complete: the skipped steps are scored as
    missed now, and the provider takes the patient like any other ready patient."""
    p = sim.world.patients[cmd.patient]
    skipped = steps_left(p)
    secs = sim.walk(actor, f"room:{p.room}") + SIGNAL_SECONDS
    for step in skipped:
        for ledger_step, what in _SKIP_COSTS[step]:
            sim.ledger.award(key(p.id, ledger_step), sim.now, 0,
                             f"Signalled {p.name} ready early: {what}", _SKIP_NOTE)
    p.skipped = tuple(str(s) for s in skipped)
    p.status = Status.READY
    p.busy_until = max(p.busy_until, sim.now + secs)
    sim.notify(Tone.WARNING, f"{p.name} is flagged ready with steps skipped: "
               f"{', '.join(p.skipped)}.", p.id)
    return Accepted(secs, f"signalling {p.name} ready")


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """While rooming steps are left, the door flag can go up early."""
    for p in sim.patients_in(Status.ROOMED):
        left = rooming_steps_left(sim, p.id)
        if left:
            yield Offer(GroupKind.PATIENT, p.id, SignalReady(patient=p.id), "Signal ready now",
                        f"Put the door flag up without: {', '.join(left)}. The provider comes "
                        "in and the skipped steps are scored as missed. The flag goes up by "
                        "itself once the history is reviewed and the vitals recorded.", key="y")


RULE = Rule("door flag", commands=(command(SignalReady, check_signal, signal_ready,
                                           occupies_patient=True),),
            after_change=raise_flags, offers=offers)
