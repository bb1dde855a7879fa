"""The bots on the phone and at the desk for walk-ins: a careful MA verifies, gives each
caller what the rules say they should get and writes a complete message; a naive one tells
anyone anything and lets a red flag wait."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.rules.base import Can
from game.sim.rules.phone.calls import phone
from game.sim.rules.phone.commands import AnswerCall, HandleCall, PhoneMessage, VerifyCaller
from game.sim.rules.phone.pad import complete
from game.sim.rules.phone.privacy import chart_of, permission
from game.sim.rules.phone.responses import Action, best_action
from game.sim.rules.phone.state import CallState, CallStatus
from game.sim.rules.walk_ins import ScreenWalkIn, best, open_slot, unscreened
from game.sim.state import Status

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation
    from game.sim.policies.bot import Menu

# What a naive MA does with each kind of call: whatever the caller asks, to whoever asks.
NAIVE: dict[str, Action] = {"appointment": "book", "reschedule": "book", "cancel": "cancel",
                         "refill": "answer", "result": "answer", "third_party": "answer",
                         "red_flag": "take_message"}


def on_call(m: Menu, careful: bool) -> Command | None:
    """The caller on the line (or nothing, when there is none)."""
    member = m.sim.staff(m.actor)
    c = phone(m.sim).on_line_with(member.id) if member else None
    if c is None:
        return None
    kind = c.spec.kind
    if careful and kind != "red_flag" and not c.verified:
        return VerifyCaller(call=c.id)
    return _handle(m.sim, c, careful)


def _handle(sim: Simulation, c: CallState, careful: bool) -> Command:
    spec = c.spec
    if careful:
        action: Action = best_action(spec.kind, permission(sim, spec).allowed)
        message = complete(spec, chart_of(sim, spec.patient), spec.words)
    else:
        action = NAIVE[spec.kind]
        message = PhoneMessage(caller=spec.caller.name, text=spec.words)
    date = time = None
    if action == "book" and spec.wants is not None:
        w = spec.wants
        slot = sim.calendar.first_free(w.provider, w.visit_type, w.min_days, w.max_days,
                                       w.availability if careful else None)
        if slot is None:
            action = "take_message"  # nothing fits: someone calls them back with options
        else:
            date, time = slot
    return HandleCall(call=c.id, action=action, message=message, date=date, time=time)


def ringing(m: Menu) -> Command | None:
    """Pick up a ringing phone, or a caller on hold."""
    state = phone(m.sim)
    for c in (state.calls[k] for k in state.waiting):
        if c.status in (CallStatus.RINGING, CallStatus.ON_HOLD):
            cmd = AnswerCall(call=c.id)
            if m.sim.can(cmd, m.actor)[0] == Can.NOW:
                return cmd
    return None


def callbacks(m: Menu, careful: bool, urgent_only: bool = False) -> Command | None:
    """Return a voicemail, or answer a portal message (a red flag first of all)."""
    state = phone(m.sim)
    calls = sorted((state.calls[k] for k in state.waiting), key=lambda c: c.spec.kind != "red_flag")
    for c in calls:
        if urgent_only and c.spec.kind != "red_flag":
            break
        cmd: Command | None = None
        if c.status == CallStatus.VOICEMAIL:
            cmd = AnswerCall(call=c.id)
        elif c.status == CallStatus.INBOX:
            cmd = _handle(m.sim, c, careful)
        if cmd is not None and m.sim.can(cmd, m.actor)[0] == Can.NOW:
            return cmd
    return None


def walk_ins(m: Menu, careful: bool) -> Command | None:
    """Screen a walk-in: by protocol, or (naive) fitted in whatever they said."""
    for p in m.sim.patients_in(Status.ARRIVED):
        if not unscreened(p):
            continue
        if careful:
            decision = best(m.sim, p)
        else:
            decision = "fit_in" if open_slot(m.sim, p) is not None else (
                "double_book" if m.sim.scenario.walk_in_policy.double_booking
                else "urgent_care")
        return ScreenWalkIn(patient=p.id, decision=decision)  # type: ignore[arg-type]
    return None
