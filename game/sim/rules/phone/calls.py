"""The day's calls: drawn and scheduled, ringing, going to voicemail, callers on hold
hanging up; what each call is expected to earn, and a red flag left unanswered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.scenario.people import RED_FLAG_WORDS
from game.scenario.types import seconds
from game.sim.notices import Tone, Topic
from game.sim.rules.phone.privacy import permission
from game.sim.rules.phone.responses import best_action
from game.sim.rules.phone.state import CallState, CallStatus, PhoneState
from game.sim.scheduler import Event
from game.sim.scoring import LedgerKey, Opportunity, Step

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NAME = "phone"
MAX_DRAWN = 2000  # calls a rate may draw in one day (60 an hour for a long day is fewer)
S = CallStatus

# kind -> (category, points, competency) of the response step.
RESPONSE_STEP: dict[str, tuple[str, int, str]] = {
    "red_flag": ("safety", 5, "I.P.3"),
    "third_party": ("safety", 3, "X.P.2"),
    "refill": ("administrative", 2, "V.P.4"),
    "result": ("administrative", 2, "V.P.4"),
    "appointment": ("administrative", 2, "VI.P.1"),
    "reschedule": ("administrative", 2, "VI.P.1"),
    "cancel": ("administrative", 2, "VI.P.1"),
}
MESSAGE_POINTS = 3


@dataclass(frozen=True)
class Ring(Event):
    """A call rings (or a portal message arrives)."""

    call: str


@dataclass(frozen=True)
class ToVoicemail(Event):
    """Nobody picked up: voicemail takes the message."""

    call: str


@dataclass(frozen=True)
class HangUp(Event):
    """A caller on hold has waited long enough."""

    call: str


def phone(sim: Simulation) -> PhoneState:
    """The phone's part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, PhoneState)
    return part


def build(sim: Simulation) -> PhoneState:
    """The day's calls: the scenario's, and those its rate draws from the seed's own stream."""
    setup = sim.scenario.phone
    calls = [CallState(c.id, c, seconds(c.time)) for c in setup.calls]
    rate = setup.rate
    if rate is not None and rate.per_hour > 0:
        rng = sim.streams.stream("phone", "rate")
        t, end = seconds(rate.start), seconds(rate.end)
        for n in range(1, MAX_DRAWN + 1):
            t += max(1, round(rng.expovariate(rate.per_hour / 3600)))
            if t > end:
                break
            entry = rng.choice(rate.pool)
            calls.append(CallState(f"{entry.id}#{n}", entry, t))
    calls.sort(key=lambda c: (c.t, c.id))
    return PhoneState({c.id: c for c in calls})


def find(sim: Simulation, cid: str) -> CallState | None:
    return phone(sim).calls.get(cid)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def caller_name(c: CallState) -> str:
    """How the player knows the call: the caller's name."""
    return c.spec.caller.name


def patient_of(sim: Simulation, c: CallState) -> str | None:
    """The call's patient, when on today's schedule (the report's patients)."""
    return c.spec.patient if c.spec.patient in sim.world.patients else None


def expect(sim: Simulation) -> None:
    """Every call is answered (or returned), dealt with, and documented."""
    for c in phone(sim).calls.values():
        who, pid = caller_name(c), patient_of(sim, c)
        exp = sim.ledger.expect
        exp(LedgerKey(c.id, Step.ANSWER), Opportunity(
            "administrative", 2, "V.P.4", pid, f"{who}'s {what(c)} was never answered",
            "Answer within a few rings with the practice's name and your own; return "
            "voicemails and portal messages the same day."))
        cat, pts, comp = RESPONSE_STEP[c.spec.kind]
        exp(LedgerKey(c.id, Step.RESPONSE), Opportunity(
            cat, pts, comp, pid, f"Nothing was done for {who}'s {what(c)}",
            "Every call is dealt with the same day: booked, routed to the provider, or a "
            "message taken."))
        exp(LedgerKey(c.id, Step.MESSAGE), Opportunity(
            "administrative", MESSAGE_POINTS, "V.P.5", pid,
            f"{who}'s {what(c)} was never documented",
            "Document every call: caller and relation, the patient's name and date of birth, "
            "the callback number, the message and the action taken."))


def what(c: CallState) -> str:
    return "portal message" if c.portal else "call"


def start(sim: Simulation) -> None:
    """Each call rings at its time."""
    for c in phone(sim).calls.values():
        sim.schedule(c.t, Ring(c.id))


def on_ring(sim: Simulation, event: Ring) -> None:
    """The phone rings; a portal message lands in the inbox."""
    c = phone(sim).calls[event.call]
    if c.portal:
        phone(sim).move(c, S.INBOX)
        sim.notify(Tone.INFO, f"A portal message from {caller_name(c)} is in the inbox.",
                   patient_of(sim, c), Topic.PHONE)
        return
    phone(sim).move(c, S.RINGING)
    sim.notify(Tone.WARNING, "The phone is ringing.", None, Topic.PHONE)
    sim.schedule(sim.now + sim.scenario.phone.ring_seconds, ToVoicemail(c.id))


def on_voicemail(sim: Simulation, event: ToVoicemail) -> None:
    """Unanswered, the call goes to voicemail: it must be returned."""
    c = phone(sim).calls[event.call]
    if c.status != S.RINGING:
        return
    phone(sim).move(c, S.VOICEMAIL)
    c.voicemail_t = sim.now
    sim.notify(Tone.WARNING, f"Voicemail from {caller_name(c)}: \"{c.spec.words}\"",
               patient_of(sim, c), Topic.PHONE)


def on_hang_up(sim: Simulation, event: HangUp) -> None:
    """A caller left on hold too long hangs up and has to be called back."""
    c = phone(sim).calls[event.call]
    if c.status != S.ON_HOLD or c.hold_until is None or sim.now < c.hold_until:
        return
    phone(sim).move(c, S.VOICEMAIL)
    c.voicemail_t, c.hold_until = sim.now, None
    pid = patient_of(sim, c)
    minutes = sim.scenario.phone.hold_minutes
    sim.notify(Tone.BAD, f"{caller_name(c)} hung up after {minutes} min on hold: call them "
               "back.", pid, Topic.PHONE)
    sim.ledger.penalty(sim.now, "experience", 1, "V.P.4", pid,
                       f"{caller_name(c)} hung up on hold",
                       "Ask before putting a caller on hold, and come back within a minute or "
                       "two, or offer to call back.")
    if c.spec.kind == "red_flag":
        red_flag_missed(sim, c, "was left on hold")


def red_flag_missed(sim: Simulation, c: CallState, how: str) -> None:
    flag = RED_FLAG_WORDS.get(c.spec.red_flag or "", "a red flag")
    sim.ledger.penalty(sim.now, "safety", 5, "I.P.3", patient_of(sim, c),
                       f"{caller_name(c)}, who described {flag}, {how}",
                       "A red-flag caller is told to call 911 now and the provider is told at "
                       "once: anything slower can cost a life.", critical=True)


def end_of_day(sim: Simulation) -> None:
    """A red-flag call never dealt with is the worst miss of the day."""
    for c in phone(sim).calls.values():
        if c.spec.kind == "red_flag" and c.status not in (S.DONE, S.COMING):
            red_flag_missed(sim, c, "was never told to call 911")




def call_report(sim: Simulation) -> list[dict[str, object]]:
    """Every call as the report lists it, with what the rules expected."""
    return [{"id": c.id, "kind": c.spec.kind, "channel": c.spec.channel,
             "caller": c.spec.caller.name, "relation": c.spec.caller.relation,
             "patient": c.spec.patient, "came_t": c.t, "status": c.status.value,
             "answered_t": c.answered_t, "voicemail_t": c.voicemail_t, "action": c.action,
             "expected": best_action(c.spec.kind, permission(sim, c.spec).allowed),
             "done_t": c.done_t}
            for c in phone(sim).calls.values()]
