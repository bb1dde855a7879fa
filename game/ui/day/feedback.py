"""Turns new simulation notices and ledger entries into toasts and sounds, once each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.sim.state import Status
from game.sim.view import CallStatus, phone
from game.ui.day.toasts import Toasts

if TYPE_CHECKING:
    from game.sim.engine import Notice, Simulation
    from game.sim.scoring import Entry
    from game.ui.kit.sound import Sounds

# Only one sound per frame, the most important one.
SOUND_RANK = ("alert", "points_down", "phone", "points_up", "chime")


def entry_toast(e: Entry) -> tuple[str, str, str]:
    """(text, toast kind, sound) for a ledger entry."""
    if e.max > 0 and e.points >= e.max:
        return f"+{e.points}: {e.reason}", "good", "points_up"
    pts = f"{e.points:+d}" if e.max == 0 else f"+{e.points} of {e.max}"
    # The whole note: the strip shows what fits and the rest on hover, never a cut text.
    note = f" — {e.note}" if e.note else ""
    return f"{pts}: {e.reason}{note}", "bad", "points_down"


class Feedback:
    """Reads sim.notices and sim.ledger.entries by index, so nothing is shown twice."""

    def __init__(self, sim: Simulation, toasts: Toasts, sounds: Sounds) -> None:
        self.sim = sim
        self.toasts = toasts
        self.sounds = sounds
        self.notices_seen = len(sim.notices)
        self.entries_seen = len(sim.ledger.entries)
        self.rung: set[str] = set()  # calls whose ring has been played

    def _rings(self) -> list[str]:
        """Calls ringing now that have not rung here yet (one sound per ring)."""
        state = phone(self.sim)
        new = [k for k in state.waiting
               if state.calls[k].status == CallStatus.RINGING and k not in self.rung]
        self.rung.update(new)
        return new

    def _answered(self, rung: list[str]) -> Callable[[], bool]:
        """A ringing toast goes once those calls ring no more (answered, or voicemail)."""
        calls = phone(self.sim).calls
        return lambda: all(calls[c].status != CallStatus.RINGING for c in rung)

    def poll(self) -> None:
        """Show what is new since the last call; play the most important sound."""
        sim = self.sim
        sounds: list[str] = []
        for n in sim.notices[self.notices_seen:]:
            rung = self._rings() if n.topic == "phone" else []
            self.toasts.add(n.text, n.kind, self._answered(rung) if rung else self._resolved(n))
            if rung:
                sounds.append("phone")
            elif n.kind in ("warning", "bad"):
                sounds.append("alert")
            elif n.topic == "arrival":
                sounds.append("chime")
            elif n.kind == "good":
                sounds.append("points_up")
        self.notices_seen = len(sim.notices)
        if not sim.finished:  # the day's close-out lists every miss: the debrief shows those
            for e in sim.ledger.entries[self.entries_seen:]:
                text, kind, sound = entry_toast(e)
                self.toasts.add(text, kind)
                sounds.append(sound)
        self.entries_seen = len(sim.ledger.entries)
        if sounds:
            self.sounds.play(min(sounds, key=SOUND_RANK.index))

    def _resolved(self, n: Notice) -> Callable[[], bool] | None:
        """When a warning has been dealt with, so its toast can go."""
        world = self.sim.world
        p = world.patients.get(n.patient or "")
        if n.topic == "patience" and p is not None:
            return lambda: p.status not in (Status.ARRIVED, Status.WAITING)
        if n.topic == "assist" and p is not None:
            return lambda: p.assist_done
        if n.topic == "courier":
            return lambda: all(s.packed for s in world.specimens)
        return None

    def rejected(self, reason: str) -> None:
        """A command the simulation refused."""
        self.toasts.add(reason, "rejected")
        self.sounds.play("alert")
