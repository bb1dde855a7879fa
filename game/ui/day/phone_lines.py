"""The context panel's text for the phone and the inbox: every call waiting, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.types import clock
from game.sim.view import CallStatus, caller_name, phone
from game.ui.kit.fmt import plural

if TYPE_CHECKING:
    from game.sim.engine import Simulation

Line = tuple[str, str]
S = CallStatus


def phone_lines(sim: Simulation, station: str) -> list[Line]:
    """The phone (with the inbox) or the inbox alone: what rings, waits and was said."""
    setup = sim.scenario.phone
    calls = list(phone(sim).calls.values())
    inbox_only = station == "inbox"
    where = "workstation" if inbox_only else setup.station.replace("_", " ")
    out: list[Line] = [("title", "Portal inbox" if inbox_only else "Phone and inbox"),
                       ("sub", f"At the {where}")]
    if not inbox_only:
        for c in calls:
            if c.status == S.RINGING:
                left = max(0, c.t + setup.ring_seconds - sim.now)
                out.append(("warn", f"Ringing: voicemail picks up in {left} s"))
            elif c.status == S.ON_LINE:
                out.append(("text", f"On the line: {caller_name(c)}"))
            elif c.status == S.ON_HOLD:
                out.append(("warn", f"On hold: {caller_name(c)} (hangs up at "
                                    f"{clock(c.hold_until or sim.now)})"))
            elif c.status == S.VOICEMAIL:
                out.append(("text", f"Voicemail from {caller_name(c)} "
                                    f"({clock(c.voicemail_t or c.t)}): \u201c{c.spec.words}\u201d"))
    portal = [c for c in calls if c.status == S.INBOX]
    for c in portal:
        out.append(("text", f"Portal message from {caller_name(c)} ({clock(c.t)}): "
                            f"\u201c{c.spec.words}\u201d"))
    done = sum(c.status == S.DONE for c in calls)
    if len(out) == 2:
        out.append(("muted", "Nothing waiting."))
    dealt = plural(done, "call or message", "calls and messages")
    out += [("gap", ""), ("muted", f"Dealt with today: {dealt}")]
    return out
