"""Observation after a vaccine: the 15 minutes, a patient let go early, fainting and first
aid, and the checkout held until the observation is over."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.clinical.vaccines import OBSERVE_MINUTES
from game.scenario.types import clock
from game.sim.commands import CheckOut, Command
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.common import no_patient
from game.sim.rules.medications.commands import EndObservation, FirstAid
from game.sim.rules.medications.look import fainted, observation_left
from game.sim.rules.medications.score import NOTES, STEPS
from game.sim.rules.medications.state import meds
from game.sim.scheduler import Event
from game.sim.scoring import Step, key
from game.sim.state import Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import StaffState

FAINT_AFTER = 60  # a syncope-prone patient stands up and faints about a minute after release
UNATTENDED = 5 * 60  # a fainted patient left this long without first aid is a serious miss


@dataclass(frozen=True)
class ObservationOver(Event):
    """A vaccinated patient's 15 minutes are up."""

    patient: str


@dataclass(frozen=True)
class Faint(Event):
    """A patient released early stands up and faints."""

    patient: str


@dataclass(frozen=True)
class FaintUnattended(Event):
    """A fainted patient has waited for help too long."""

    patient: str


def check_release(sim: Simulation, _a: StaffState, cmd: EndObservation) -> str | None:
    """A patient under observation."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    if observation_left(sim, cmd.patient) is None:
        return f"{sim.world.patients[cmd.patient].name} is not under observation."
    return None


def release(sim: Simulation, _a: StaffState, cmd: EndObservation) -> Accepted:
    """Let them go early: unobserved, a fainter faints on the way out."""
    p = sim.world.patients[cmd.patient]
    pm = meds(sim).patients[p.id]
    left = (pm.observe_until or sim.now) - sim.now
    pm.released_early = True
    sim.ledger.award(key(p.id, Step.OBSERVE), sim.now, 0, f"Let {p.name} go {round(left / 60)} "
                     "min before the 15 minutes of observation were over", NOTES[Step.OBSERVE])
    notes = p.spec.medication_notes
    if notes is not None and notes.faints_if_released_early:
        sim.schedule(sim.now + FAINT_AFTER, Faint(p.id))
    return Accepted(0, f"letting {p.name} go")


def on_over(sim: Simulation, event: ObservationOver) -> None:
    """The 15 minutes are up: the patient may leave."""
    pm = meds(sim).patients[event.patient]
    if pm.released_early or pm.observe_until is None or sim.now < pm.observe_until:
        return
    p = sim.world.patients[event.patient]
    sim.ledger.award(key(p.id, Step.OBSERVE), sim.now, STEPS[Step.OBSERVE][1],
                     f"Observed {p.name} {OBSERVE_MINUTES} minutes after the vaccine")
    sim.notify(Tone.INFO, f"{p.name}'s observation is over: they may leave.", p.id,
               Topic.MEDICATION)


def on_faint(sim: Simulation, event: Faint) -> None:
    """The patient stands up and faints."""
    p = sim.world.patients[event.patient]
    pm = meds(sim).patients[p.id]
    pm.fainted_t = sim.now
    sim.notify(Tone.BAD, f"{p.name} fainted on the way out: give first aid now.", p.id,
               Topic.MEDICATION)
    sim.ledger.penalty(sim.now, "safety", 2, "I.P.7", p.id, f"{p.name} fainted after being "
                       "let go before the 15 minutes of observation", NOTES[Step.OBSERVE]
                       + " A fall after syncope can injure the head.")
    sim.schedule(sim.now + UNATTENDED, FaintUnattended(p.id))


def on_unattended(sim: Simulation, event: FaintUnattended) -> None:
    """Nobody helped a patient who fainted."""
    if not fainted(sim, event.patient):
        return
    p = sim.world.patients[event.patient]
    sim.ledger.penalty(sim.now, "safety", 4, "I.P.13", p.id, f"Nobody helped {p.name} after "
                       "they fainted", "Syncope is first aid at once: lie the patient down, "
                       "raise the legs, check breathing and pulse, stay until they recover, "
                       "and tell the provider.")


def check_first_aid(sim: Simulation, _a: StaffState, cmd: FirstAid) -> str | None:
    """A patient who fainted and has had no help."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    if not fainted(sim, cmd.patient):
        return f"{sim.world.patients[cmd.patient].name} does not need first aid."
    return None


def first_aid(sim: Simulation, actor: StaffState, cmd: FirstAid) -> Accepted:
    """Lie them down, legs up, stay until they recover."""
    p = sim.world.patients[cmd.patient]
    pm = meds(sim).patients[p.id]
    pm.aided = True
    late = sim.now - (pm.fainted_t or sim.now)
    sim.notify(Tone.GOOD, f"{p.name} recovered lying down with the legs raised.", p.id,
               Topic.MEDICATION)
    where = f"room:{p.room}" if p.status == Status.EXAM_DONE and p.room else "front_desk"
    secs = sim.walk(actor, where) + sim.d.first_aid
    return Accepted(secs, f"giving {p.name} first aid" + (" (late)" if late > UNATTENDED
                                                          else ""))


def guard(sim: Simulation, _a: StaffState, cmd: Command) -> str | None:
    """A vaccinated patient stays the 15 minutes (or is let go on purpose); one who fainted
    gets first aid before anything else happens to them."""
    if not isinstance(cmd, CheckOut):
        return None
    p = sim.world.patients.get(cmd.patient)
    if p is None:
        return None
    if fainted(sim, p.id):
        return f"{p.name} fainted: give first aid first."
    left = observation_left(sim, p.id)
    if left is not None:
        until = meds(sim).patients[p.id].observe_until or sim.now
        return (f"{p.name} is under observation until {clock(until)} ({OBSERVE_MINUTES} "
                "minutes after a vaccine, ACIP).")
    return None


