"""The simulated provider: sees ready patients (escalated and flagged first), calls for help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.commands import AssistProvider
from game.sim.results import Accepted, Rejected, Result
from game.sim.rules.expectations import key
from game.sim.rules.front_desk import patient
from game.sim.scheduler import Event
from game.sim.state import PatientState, ProviderState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

ASSIST_GIVE_UP = 15 * 60  # the provider manages alone after waiting this long
IDLE_PENALTY_EVERY = 10 * 60  # one flow point per ten minutes idle with patients waiting


def on_duty(sim: Simulation, prov: ProviderState) -> bool:
    """Started and not on a break. Providers stay past their hours for patients already here."""
    if sim.now < prov.start_t:
        return False
    return not any(a <= sim.now < b for a, b in prov.breaks_t)


def dispatch(sim: Simulation) -> None:
    """Each idle provider on duty starts the highest-priority patient whose door flag is up."""
    if sim.finished:
        return
    free = [prov for prov in sim.world.providers.values()
            if prov.patient is None and on_duty(sim, prov)]
    if not free:
        return
    ready: dict[str, list[PatientState]] = {}
    for p in sim.world.patients.values():
        if p.door_flag and p.busy_until <= sim.now:
            ready.setdefault(p.spec.appointment.provider, []).append(p)
    for prov in free:
        mine = ready.get(prov.id)
        if mine:
            start_exam(sim, prov, min(mine, key=lambda p: p.priority))


def start_exam(sim: Simulation, prov: ProviderState, p: PatientState) -> None:
    """The provider goes in; the patient's wait is scored now."""
    prov.patient = p.id
    p.status = Status.WITH_PROVIDER
    p.exam_start = sim.now
    # Only a patient with the door flag up gets here: rooming complete, signalled ready early
    # (the skipped steps were scored then) or escalated (an emergency comes first).
    length = 60 * (p.spec.exam_minutes or prov.spec.exam_minutes)
    _score_wait(sim, p)
    if p.spec.orders.assist:
        half = length // 2
        p.exam_remaining = length - half
        sim.schedule(sim.now + half, "assist_call", p.id, prov.id)
    else:
        sim.schedule(sim.now + length, "exam_done", p.id, prov.id)
    sim.notify("info", f"{prov.spec.name} is with {p.name}.", p.id)


def _score_wait(sim: Simulation, p: PatientState) -> None:
    target = sim.scenario.scoring.wait_target_minutes
    waited = p.waited(sim.now) // 60
    over = waited - target
    pts = 3 if over <= 0 else 2 if over <= 10 else 1 if over <= 25 else 0
    sim.ledger.award(key(p.id, "wait"), sim.now, pts,
                     f"{p.name} waited {waited} minutes to see the provider",
                     f"Waits past {target} minutes cost satisfaction (Vitals 2018, MGMA 2016): "
                     "room patients promptly and keep a room ready for the provider.")


def on_assist_call(sim: Simulation, event: Event) -> None:
    """Mid-exam the provider calls the MA to help with a procedure."""
    p = sim.world.patients[event.subject]
    prov = sim.world.providers[event.data[0]]
    prov.waiting_assist = True
    p.assist_requested_t = sim.now
    sim.notify("warning", f"{prov.spec.name} needs your help with {p.spec.orders.assist} "
               f"for {p.name}.", p.id, "assist")
    sim.schedule(sim.now + ASSIST_GIVE_UP, "assist_give_up", p.id, prov.id)


def assist(sim: Simulation, cmd: AssistProvider) -> Result:
    """Help with the procedure; the exam then runs to its end."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    if p.assist_requested_t is None or p.assist_done or p.status != Status.WITH_PROVIDER:
        return Rejected(f"Nobody has asked for help with {p.name}.")
    prov = sim.world.providers[p.spec.appointment.provider]
    secs = sim.walk(f"room:{p.room}") + sim.d.assist
    waited = sim.now - p.assist_requested_t
    p.assist_done = True
    prov.waiting_assist = False
    pts = 3 if waited <= 5 * 60 else 2
    sim.ledger.award(key(p.id, "assist"), sim.now, pts,
                     f"Assisted with {p.spec.orders.assist} for {p.name}"
                     + (f" after {waited // 60} minutes" if pts < 3 else ""))
    sim.schedule(sim.now + secs + p.exam_remaining, "exam_done", p.id, prov.id)
    return Accepted(secs, f"assisting with {p.spec.orders.assist}")


def on_assist_give_up(sim: Simulation, event: Event) -> None:
    """Nobody came: the provider finishes the procedure alone, late."""
    p = sim.world.patients[event.subject]
    if p.assist_done or p.status != Status.WITH_PROVIDER:
        return
    p.assist_done = True
    prov = sim.world.providers[event.data[0]]
    prov.waiting_assist = False
    sim.ledger.award(key(p.id, "assist"), sim.now, 0,
                     f"Nobody came to assist with {p.name}'s {p.spec.orders.assist}")
    sim.ledger.penalty(
        sim.now, "flow", 2, "I.P.9", p.id, f"The provider waited {ASSIST_GIVE_UP // 60} minutes "
        "for help, then went on alone", "An answered call for help keeps the provider's day "
        "moving and the patient safe.")
    sim.schedule(sim.now + sim.d.assist + p.exam_remaining, "exam_done", p.id, prov.id)


def on_exam_done(sim: Simulation, event: Event) -> None:
    """The provider writes orders and leaves the room."""
    p = sim.world.patients[event.subject]
    prov = sim.world.providers[event.data[0]]
    prov.patient = None
    p.status = Status.EXAM_DONE
    p.exam_end = sim.now
    sim.ledger.award(key(p.id, "seen"), sim.now, 3, f"{p.name} was seen by the provider")
    orders = p.spec.orders
    todo = [*orders.labs]
    if orders.follow_up:
        todo.append(f"follow-up in {orders.follow_up.min_days}-{orders.follow_up.max_days} days")
    if orders.referral:
        todo.append(f"referral to {orders.referral}")
    sim.notify("info", f"{p.name}'s exam is done. Orders: {', '.join(todo) or 'none'}.", p.id)


def on_provider_check(sim: Simulation, _event: Event) -> None:
    """A shift or a break starts or ends: dispatch runs after every event anyway."""


WAITING_FOR_PROVIDER = frozenset({Status.ARRIVED, Status.WAITING, Status.ROOMED})


def close_idle(sim: Simulation, force: bool = False) -> None:
    """Track each provider's idle stretches with patients waiting; score the long ones."""
    waiting_for = set() if force else {
        p.spec.appointment.provider for p in sim.world.patients.values()
        if p.status in WAITING_FOR_PROVIDER}
    for prov in sim.world.providers.values():
        waiting = (prov.id in waiting_for and prov.patient is None and on_duty(sim, prov)
                   and sim.now < prov.end_t)
        if waiting and prov.idle_since is None:
            prov.idle_since = sim.now
        elif not waiting and prov.idle_since is not None:
            idle = sim.now - prov.idle_since
            prov.idle_since = None
            if idle >= IDLE_PENALTY_EVERY:
                sim.ledger.penalty(
                    sim.now, "flow", min(5, idle // IDLE_PENALTY_EVERY), None, None,
                    f"{prov.spec.name} sat idle {idle // 60} minutes while patients waited",
                    "Keep a patient roomed, with vitals done, ready for the provider: an idle "
                    "provider makes everyone's wait longer.")
