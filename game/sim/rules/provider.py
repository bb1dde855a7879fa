"""The simulated provider: sees ready patients (escalated and flagged first), calls for help."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.clinical.lab import LAB_TESTS, TUBES
from game.scenario.types import seconds
from game.sim.commands import AssistProvider
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer, Rule, command, on
from game.sim.rules.common import about_minutes, no_patient
from game.sim.rules.disruptions.room_closed import out_of_service
from game.sim.scheduler import Event
from game.sim.scoring import Opportunity, Step, key
from game.sim.state import PatientState, ProviderState, StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

ASSIST_GIVE_UP = 15 * 60  # the provider manages alone after waiting this long
IDLE_PENALTY_EVERY = 10 * 60  # one flow point per ten minutes idle with patients waiting


@dataclass(frozen=True)
class AssistCall(Event):
    """Mid-exam, the provider calls for help with a procedure."""

    patient: str
    provider: str


@dataclass(frozen=True)
class AssistGiveUp(Event):
    """The provider has waited long enough for help."""

    patient: str
    provider: str


@dataclass(frozen=True)
class ExamDone(Event):
    """The provider finishes an exam and writes orders."""

    patient: str
    provider: str


@dataclass(frozen=True)
class ProviderCheck(Event):
    """A shift or a break starts or ends."""

    provider: str


def start(sim: Simulation) -> None:
    """Shifts and breaks wake the dispatcher when they start and end."""
    for pr in sim.scenario.providers:
        sim.schedule(seconds(pr.start), ProviderCheck(pr.id))
        for br in pr.breaks:
            sim.schedule(seconds(br.start), ProviderCheck(pr.id))
            sim.schedule(seconds(br.end), ProviderCheck(pr.id))


def expect(sim: Simulation) -> None:
    """Every patient who comes is to be seen soon enough; an ordered assist is to be given."""
    for p in sim.world.patients.values():
        if p.spec.arrival.kind == "no_show":
            continue
        pid, name = p.id, p.name
        sim.ledger.expect(key(pid, Step.SEEN), Opportunity(
            "flow", 3, None, pid, f"{name} was never seen by the provider",
            "Keep patients moving: a checked-in patient should be roomed as soon as a clean "
            "room and the provider are free."))
        sim.ledger.expect(key(pid, Step.WAIT), Opportunity(
            "experience", 3, None, pid, f"{name} never saw the provider",
            "Waits past about 20 minutes cost satisfaction, and some patients walk out."))
        if p.spec.orders.assist:
            sim.ledger.expect(key(pid, Step.ASSIST), Opportunity(
                "clinical", 3, "I.P.9", pid, f"The provider was not assisted with {name}",
                "When the provider calls for help with a procedure, go at once: the patient "
                "and the provider are waiting."))


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
    for p in sim.patients_in(Status.READY):
        # A room out of service (a scripted event) is no place for an exam: the patient is
        # moved first.
        if p.door_flag and p.busy_until <= sim.now and out_of_service(sim, p.room) is None:
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
        sim.schedule(sim.now + half, AssistCall(p.id, prov.id))
    else:
        sim.schedule(sim.now + length, ExamDone(p.id, prov.id))
    sim.notify(Tone.INFO, f"{prov.spec.name} is with {p.name}.", p.id)


def _score_wait(sim: Simulation, p: PatientState) -> None:
    target = sim.scenario.scoring.wait_target_minutes
    waited = p.waited(sim.now) // 60
    over = waited - target
    pts = 3 if over <= 0 else 2 if over <= 10 else 1 if over <= 25 else 0
    sim.ledger.award(key(p.id, Step.WAIT), sim.now, pts,
                     f"{p.name} waited {waited} minutes to see the provider",
                     f"Waits past {target} minutes cost satisfaction (Vitals 2018, MGMA 2016): "
                     "room patients promptly and keep a room ready for the provider.")


def on_assist_call(sim: Simulation, event: AssistCall) -> None:
    """Mid-exam the provider calls the MA to help with a procedure."""
    p = sim.world.patients[event.patient]
    prov = sim.world.providers[event.provider]
    prov.waiting_assist = True
    p.assist_requested_t = sim.now
    sim.notify(Tone.WARNING, f"{prov.spec.name} needs your help with {p.spec.orders.assist} "
               f"for {p.name}.", p.id, Topic.ASSIST)
    sim.schedule(sim.now + ASSIST_GIVE_UP, AssistGiveUp(p.id, prov.id))


def check_assist(sim: Simulation, _actor: StaffState, cmd: AssistProvider) -> str | None:
    """Help is given when the provider has called for it."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if p.assist_requested_t is None or p.assist_done or p.status != Status.WITH_PROVIDER:
        return f"Nobody has asked for help with {p.name}."
    return None


def assist(sim: Simulation, actor: StaffState, cmd: AssistProvider) -> Accepted:
    """Help with the procedure; the exam then runs to its end."""
    p = sim.world.patients[cmd.patient]
    assert p.assist_requested_t is not None
    prov = sim.world.providers[p.spec.appointment.provider]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.assist
    waited = sim.now - p.assist_requested_t
    p.assist_done = True
    prov.waiting_assist = False
    pts = 3 if waited <= 5 * 60 else 2
    sim.ledger.award(key(p.id, Step.ASSIST), sim.now, pts,
                     f"Assisted with {p.spec.orders.assist} for {p.name}"
                     + (f" after {waited // 60} minutes" if pts < 3 else ""))
    sim.schedule(sim.now + secs + p.exam_remaining, ExamDone(p.id, prov.id))
    return Accepted(secs, f"assisting with {p.spec.orders.assist}")


def on_assist_give_up(sim: Simulation, event: AssistGiveUp) -> None:
    """Nobody came: the provider finishes the procedure alone, late."""
    p = sim.world.patients[event.patient]
    if p.assist_done or p.status != Status.WITH_PROVIDER:
        return
    p.assist_done = True
    prov = sim.world.providers[event.provider]
    prov.waiting_assist = False
    sim.ledger.award(key(p.id, Step.ASSIST), sim.now, 0,
                     f"Nobody came to assist with {p.name}'s {p.spec.orders.assist}")
    sim.ledger.penalty(
        sim.now, "flow", 2, "I.P.9", p.id, f"The provider waited {ASSIST_GIVE_UP // 60} minutes "
        "for help, then went on alone", "An answered call for help keeps the provider's day "
        "moving and the patient safe.")
    sim.schedule(sim.now + sim.d.assist + p.exam_remaining, ExamDone(p.id, prov.id))


def on_exam_done(sim: Simulation, event: ExamDone) -> None:
    """The provider writes orders and leaves the room."""
    p = sim.world.patients[event.patient]
    prov = sim.world.providers[event.provider]
    prov.patient = None
    p.status = Status.EXAM_DONE
    p.exam_end = sim.now
    sim.ledger.award(key(p.id, Step.SEEN), sim.now, 3, f"{p.name} was seen by the provider")
    orders = p.spec.orders
    # In words, as the checkout will list them: the venous and fingerstick tests by name,
    # then what each other concern now owes the patient (a vaccine, a rapid strep, an ECG).
    todo = [LAB_TESTS[c].name for c in orders.labs
            if LAB_TESTS[c].tube in TUBES or c == "POC_GLUCOSE"]
    todo += [o for owed in sim.unfinished_hooks for o in owed(sim, p)]
    if orders.follow_up:
        todo.append(f"follow-up in {orders.follow_up.min_days}-{orders.follow_up.max_days} days")
    if orders.referral:
        todo.append(f"referral to {orders.referral}")
    sim.notify(Tone.INFO, f"{p.name}'s exam is done. Orders: {', '.join(todo) or 'none'}.", p.id)


def on_provider_check(sim: Simulation, _event: ProviderCheck) -> None:
    """A shift or a break starts or ends: dispatch runs after every event anyway."""


WAITING_FOR_PROVIDER = frozenset({Status.ARRIVED, Status.WAITING, Status.ROOMED})


def close_idle(sim: Simulation, force: bool = False) -> None:
    """Track each provider's idle stretches with patients waiting; score the long ones."""
    waiting_for = set() if force else {
        p.spec.appointment.provider for p in sim.patients_in(*WAITING_FOR_PROVIDER)}
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


def _after_change(sim: Simulation) -> None:
    dispatch(sim)
    close_idle(sim)


def _end_of_day(sim: Simulation) -> None:
    close_idle(sim, force=True)


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """Help for a provider who has called for it."""
    for p in sim.patients_in(Status.WITH_PROVIDER):
        if p.status == Status.WITH_PROVIDER and p.assist_requested_t is not None \
                and not p.assist_done:
            yield Offer(GroupKind.PATIENT, p.id, AssistProvider(patient=p.id),
                        f"Assist: {p.spec.orders.assist}", "The provider called for help "
                        f"({about_minutes(sim.d.assist)}).", key="a")


RULE = Rule(
    "provider",
    commands=(command(AssistProvider, check_assist, assist),),
    events=(on(AssistCall, on_assist_call), on(AssistGiveUp, on_assist_give_up),
            on(ExamDone, on_exam_done), on(ProviderCheck, on_provider_check)),
    start=start, expect=expect, after_change=_after_change, end_of_day=_end_of_day,
    offers=offers)
