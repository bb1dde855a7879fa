"""The day scene's watch on the phone: when a call starts ringing and no form is open, the
incoming-call card opens and stops the clock; a form that closed itself is followed to what
it asked for next (the call form after an answer, the phone after the checklist's line)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from game.sim.view import AnswerCall, CallStatus, Can, phone
from game.ui.forms.ringing import RingingCard, answer_offer

if TYPE_CHECKING:
    from game.ui.scenes.day import DayScene


class RingWatch:
    """Remembers every ring it has seen, so that each ring gets at most one card."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.ring_times: list[int] | None = None

    def active(self, scene: DayScene) -> bool:
        """The card may open: the player wants it, plays the day themselves, and it runs."""
        return (scene.ctx.settings.phone_stops_clock and scene.autoplay_bot is None
                and not scene.sim.finished)

    def until(self, scene: DayScene, to: int) -> int:
        """Where this frame's advance stops: at the next ring when a card would open for
        it, so that a slow frame at 4x cannot carry a ring straight to voicemail."""
        sim = scene.sim
        if scene.form is not None or not self.active(scene):
            return to
        if self.ring_times is None:  # the day's calls are fixed: their times are read once
            self.ring_times = sorted(c.t for c in phone(sim).calls.values() if not c.portal)
        i = bisect.bisect_right(self.ring_times, sim.now)
        nxt = self.ring_times[i] if i < len(self.ring_times) else to
        return min(nxt, to)

    def step(self, scene: DayScene) -> None:
        """Once a frame, before the clock ticks: follow a closed form, then a new ring."""
        form = scene.form
        if form is not None and form.closed:
            scene.form = None
            if form.then_form is not None:
                scene.open_form(*form.then_form)
            elif form.then_select is not None:
                scene.select(form.then_select)
        state = phone(scene.sim)
        new = [k for k in state.waiting if state.calls[k].status == CallStatus.RINGING
               and k not in self.seen]
        if not new:
            return
        # Seen now, carded or not: a ring that met an open form is left to the light.
        self.seen.update(new)
        if scene.form is not None or not self.active(scene):
            return
        sim, actor = scene.sim, scene.actor
        offer = answer_offer(sim.affordances(actor, lambda o: isinstance(o.command, AnswerCall)),
                             new[0])
        if offer is None or offer.can == Can.NO:
            return  # nothing the directed staff member could do: the card would only wait
        scene.open_form("ringing", new[0])
        card = scene.form
        if isinstance(card, RingingCard):
            card.actor = actor
            card.refresh()
            place(card, scene)


def place(card: RingingCard, scene: DayScene) -> None:
    """Over the floor, but beside the phone, never on it: its light says it rings."""
    lay, pill = scene.layout, scene.floor.phone_rect
    area = lay.floor.union(lay.toasts)
    rect = card.window.rect.copy()
    rect.center = area.center
    if pill is not None and rect.colliderect(pill.inflate(16, 16)):
        if area.right - pill.right - 16 >= rect.w:
            rect.left = pill.right + 16
        elif pill.left - area.left - 16 >= rect.w:
            rect.right = pill.left - 16
        elif area.bottom - pill.bottom - 8 >= rect.h:
            rect.top = pill.bottom + 8
        else:
            rect.bottom = pill.top - 8
    card.window.set_position(rect.clamp(area).topleft)
