"""The phone: calls ring at seeded times, go to voicemail, wait on hold; each is answered,
verified, dealt with and documented, and scored on all four."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.scenario.types import clock, seconds
from game.sim.commands import ClockOut, Command
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command, on
from game.sim.rules.phone.calls import (
    NAME,
    HangUp,
    Ring,
    S,
    ToVoicemail,
    build,
    caller_name,
    cap,
    end_of_day,
    expect,
    find,
    on_hang_up,
    on_ring,
    on_voicemail,
    patient_of,
    phone,
    start,
    what,
)
from game.sim.rules.phone.commands import AnswerCall, HandleCall, HoldCall, VerifyCaller
from game.sim.rules.phone.privacy import chart_of, permission
from game.sim.rules.phone.responses import judge
from game.sim.rules.phone.score import score_message, score_response
from game.sim.rules.phone.state import CallState
from game.sim.scoring import LedgerKey, Step
from game.sim.state import Booking, StaffState

if TYPE_CHECKING:
    from game.sim.engine import Simulation

# --- the commands ---------------------------------------------------------------------
def _on_line(sim: Simulation, actor: StaffState, cid: str) -> tuple[CallState | None, str | None]:
    c = find(sim, cid)
    if c is None:
        return None, f"There is no call '{cid}' today."
    if c.status != S.ON_LINE or c.staff != actor.id:
        return None, f"{cap(sim.subject(actor))} not on the line with {caller_name(c)}."
    return c, None


def check_answer(sim: Simulation, actor: StaffState, cmd: AnswerCall) -> str | None:
    """A ringing phone, a caller on hold, or a voicemail to return."""
    c = find(sim, cmd.call)
    if c is None:
        return f"There is no call '{cmd.call}' today."
    if c.portal:
        return f"{caller_name(c)}'s portal message is answered from the inbox."
    if c.status not in (S.RINGING, S.ON_HOLD, S.VOICEMAIL):
        return {S.COMING: "That call has not come in yet.",
                S.DONE: f"{caller_name(c)}'s call is already dealt with."}.get(
            c.status, f"{caller_name(c)} is already on the line.")
    return None


def answer(sim: Simulation, actor: StaffState, cmd: AnswerCall) -> Accepted:
    """Walk to the phone and pick up: ringing, it is answered; a voicemail, returned."""
    c = phone(sim).calls[cmd.call]
    secs = sim.walk(actor, sim.scenario.phone.station)
    who, was = caller_name(c), c.status
    key = LedgerKey(c.id, Step.ANSWER)
    if was == S.RINGING:
        secs += sim.d.answer_call
        sim.ledger.award(key, sim.now, 2, f"Answered {who}'s call")
    elif was == S.VOICEMAIL:
        secs += sim.d.return_call
        sim.ledger.award(key, sim.now, 1, f"Returned {who}'s voicemail",
                         "Answer within a few rings: a voicemail costs the caller a wait and "
                         "you a call back.")
    else:
        secs += sim.d.hold_call
        c.hold_until = None
    phone(sim).move(c, S.ON_LINE, actor.id)
    c.answered_t = c.answered_t if c.answered_t is not None else sim.now
    verb = {S.RINGING: "answering", S.VOICEMAIL: "calling back"}.get(was, "back on the line "
                                                                         "with")
    return Accepted(secs, f"{verb} {who}")


def check_verify(sim: Simulation, actor: StaffState, cmd: VerifyCaller) -> str | None:
    """On the line, once."""
    c, why = _on_line(sim, actor, cmd.call)
    if c is None:
        return why
    if c.verified:
        return f"{caller_name(c)} is already verified against the chart."
    return None


def verify(sim: Simulation, _actor: StaffState, cmd: VerifyCaller) -> Accepted:
    """Ask the caller's name, date of birth and relation, and open the chart."""
    c = phone(sim).calls[cmd.call]
    c.verified = True
    c.moves.append("verify")
    return Accepted(sim.d.verify_caller, f"verifying {caller_name(c)}")


def check_hold(sim: Simulation, actor: StaffState, cmd: HoldCall) -> str | None:
    """On the line."""
    return _on_line(sim, actor, cmd.call)[1]


def hold(sim: Simulation, _actor: StaffState, cmd: HoldCall) -> Accepted:
    """The caller waits; after a while they hang up."""
    c = phone(sim).calls[cmd.call]
    phone(sim).move(c, S.ON_HOLD)
    c.moves.append("hold")
    c.hold_until = sim.now + 60 * sim.scenario.phone.hold_minutes
    sim.schedule(c.hold_until, HangUp(c.id))
    return Accepted(sim.d.hold_call, f"putting {caller_name(c)} on hold")


def check_handle(sim: Simulation, actor: StaffState, cmd: HandleCall) -> str | None:
    """On the line (a portal message: in the inbox), with an action the call allows."""
    c = find(sim, cmd.call)
    if c is None:
        return f"There is no call '{cmd.call}' today."
    if c.portal:
        if c.status != S.INBOX:
            return (f"{caller_name(c)}'s portal message is already answered."
                    if c.status == S.DONE else "That message has not come in yet.")
    elif (why := _on_line(sim, actor, cmd.call)[1]) is not None:
        return why
    kind = c.spec.kind
    if cmd.action == "book":
        wants = c.spec.wants
        if wants is None:
            return f"{caller_name(c)} is not asking for an appointment."
        if cmd.date is None or cmd.time is None:
            return "Choose a day and a time to book."
        return sim.calendar.check(wants.provider, wants.visit_type, cmd.date, cmd.time,
                                  1, 365, wants.availability).impossible
    if cmd.action == "cancel":
        chart = chart_of(sim, c.spec.patient)
        if kind not in ("cancel", "reschedule") or getattr(chart, "next_visit", None) is None:
            return f"{caller_name(c)} has no visit booked to cancel."
        if chart.id in sim.world.cancelled:
            return "That visit is already cancelled."
    return None


def handle(sim: Simulation, actor: StaffState, cmd: HandleCall) -> Accepted:
    """Do what was chosen, write the message, and end the call; each is scored."""
    c = phone(sim).calls[cmd.call]
    spec, who, pid = c.spec, caller_name(c), patient_of(sim, c)
    secs = sim.d.handle_call
    if c.portal:
        secs += sim.walk(actor, "workstation")
        sim.ledger.award(LedgerKey(c.id, Step.ANSWER), sim.now, 2,
                         f"Answered {who}'s portal message")
    allowed = permission(sim, spec).allowed
    verdict = judge(spec.kind, allowed, c.verified or c.portal, cmd.action, not c.moves)
    problems: tuple[str, ...] = ()
    if cmd.action == "book":
        secs += _book(sim, c, cmd)
        wants = spec.wants
        assert wants is not None and cmd.date is not None and cmd.time is not None
        problems = sim.calendar.check(wants.provider, wants.visit_type, cmd.date, cmd.time,
                                      wants.min_days, wants.max_days,
                                      wants.availability).problems
    elif cmd.action == "cancel":
        sim.world.cancelled.append(spec.patient)
    elif cmd.action == "call_911":
        secs += sim.walk(actor, "provider_office")
        sim.notify(Tone.WARNING, f"Told {who} to call 911 now and told the provider.", pid,
                   Topic.PHONE)
    elif cmd.action == "route":
        sim.notify(Tone.INFO, f"Sent {who}'s {what(c)} to the provider's inbox.", pid,
                   Topic.PHONE)
    score_response(sim, c, cmd.action, verdict, problems)
    score_message(sim, c, cmd)
    phone(sim).move(c, S.DONE)
    c.action, c.done_t = cmd.action, sim.now
    return Accepted(secs, f"dealing with {who}'s {what(c)}")


def _book(sim: Simulation, c: CallState, cmd: HandleCall) -> int:
    wants = c.spec.wants
    assert wants is not None and cmd.date is not None and cmd.time is not None
    sim.calendar.add(Booking(c.spec.patient, wants.provider, cmd.date, seconds(cmd.time),
                             sim.calendar.minutes[wants.visit_type]))
    if c.spec.kind == "reschedule" and c.spec.patient not in sim.world.cancelled:
        sim.world.cancelled.append(c.spec.patient)  # the old slot is freed
    return sim.d.book_follow_up


# --- what holds a staff member, and what is on offer ------------------------------------
PHONE_COMMANDS = (AnswerCall, VerifyCaller, HoldCall, HandleCall)


LIVE = frozenset({S.COMING, S.RINGING, S.ON_LINE, S.ON_HOLD})


def _phone_unstaffed(sim: Simulation, leaving: StaffState) -> bool:
    """Before closing, the last of the team leaving while a call may still come."""
    return (sim.now < sim.closes
            and not any(not m.clocked_out and m.id != leaving.id
                        for m in sim.world.staff.values())
            and any(call.status in LIVE for call in phone(sim).calls.values()))


def guard(sim: Simulation, actor: StaffState, cmd: Command) -> str | None:
    """On the line, a staff member deals with the caller (or puts them on hold) first; and
    the last one of the team does not clock out before closing while calls may still come
    (calls come only in clinic hours, so after closing nobody is held)."""
    c = phone(sim).on_line_with(actor.id)
    if isinstance(cmd, ClockOut) and c is None and _phone_unstaffed(sim, actor):
        return f"The phone is answered until closing at {clock(sim.closes)}."
    if c is None or sim.commands[type(cmd)].instant:
        return None
    if isinstance(cmd, PHONE_COMMANDS) and cmd.call == c.id:
        return None
    return (f"{cap(sim.subject(actor))} on the phone with {caller_name(c)}: deal with "
            "the call or put them on hold first.")


def remind(sim: Simulation) -> None:
    """At closing, once: voicemails and portal messages still to answer."""
    if sim.now < sim.closes or "phone:closing" in sim.world.flags:
        return
    state = phone(sim)
    left = [k for k in state.waiting if state.calls[k].status != S.RINGING]
    if left:
        sim.world.flags.add("phone:closing")
        n = len(left)
        sim.notify(Tone.WARNING, f"Closing: {n} {'call waits' if n == 1 else 'calls wait'} "
                   "to be returned or answered (voicemails, callers on hold, portal "
                   "messages) before you clock out.", None, Topic.PHONE)


def offers(sim: Simulation, actor: StaffState) -> Iterator[Offer]:
    """Pick up, return, verify, hold, deal with the call; answer the inbox."""
    station = sim.scenario.phone.station
    state = phone(sim)
    current = state.on_line_with(actor.id)
    if current is not None:
        cid, who = current.id, caller_name(current)
        if not current.verified:
            yield Offer(GroupKind.STATION, "phone", VerifyCaller(call=cid),
                        f"Verify {who}", "Ask their name, date of birth and who they are to "
                        "the patient, and check the chart's release list.", key="v",
                        station=station)
        yield Offer(GroupKind.STATION, "phone", HandleCall(call=cid, action="take_message"),
                    f"Deal with {who}'s call…", "Book, route to the provider, tell them to "
                    "call 911, answer them or take a message, and write it down.",
                    form="call", key="c", station=station)
        yield Offer(GroupKind.STATION, "phone", HoldCall(call=cid), f"Put {who} on hold",
                    f"Ask first. After {sim.scenario.phone.hold_minutes} min they hang up.",
                    key="h", station=station)
    for c in (state.calls[k] for k in state.waiting):
        if c.status == S.RINGING:
            left = c.t + sim.scenario.phone.ring_seconds - sim.now
            yield Offer(GroupKind.STATION, "phone", AnswerCall(call=c.id), "Answer the phone",
                        f"Voicemail picks up in {max(0, left)} s.", key="p", station=station)
        elif c.status == S.ON_HOLD:
            yield Offer(GroupKind.STATION, "phone", AnswerCall(call=c.id),
                        f"Back to {caller_name(c)} (on hold)", "They hang up if left too "
                        "long.", station=station)
        elif c.status == S.VOICEMAIL:
            yield Offer(GroupKind.STATION, "phone", AnswerCall(call=c.id),
                        f"Return {caller_name(c)}'s voicemail ({clock(c.voicemail_t or c.t)})",
                        f"\"{c.spec.words}\"",
                        station=station)
        elif c.status == S.INBOX:
            yield Offer(GroupKind.STATION, "inbox", HandleCall(call=c.id, action="route"),
                        f"Portal message: {caller_name(c)}", f"\"{c.spec.words}\"",
                        form="call", station="workstation")


RULE = Rule(
    NAME, state=build,
    commands=(command(AnswerCall, check_answer, answer, roles=ANY_ROLE),
              command(VerifyCaller, check_verify, verify, roles=ANY_ROLE),
              command(HoldCall, check_hold, hold, roles=ANY_ROLE),
              command(HandleCall, check_handle, handle, roles=ANY_ROLE)),
    events=(on(Ring, on_ring), on(ToVoicemail, on_voicemail), on(HangUp, on_hang_up)),
    start=start, expect=expect, after_change=remind, end_of_day=end_of_day, offers=offers,
    guard=guard)
