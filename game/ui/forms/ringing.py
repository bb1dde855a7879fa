"""The incoming-call card: the phone rings, the clock stops, and the player answers it live
or lets it ring to voicemail."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from game.sim.view import Affordance, AnswerCall, CallState, CallStatus, Can, phone
from game.ui.day.sim_clock import SIM_SECONDS_PER_REAL_SECOND
from game.ui.forms.kit import PAD, ROW, FormBase
from game.ui.kit.theme import BAD, MUTED, hexcol

if TYPE_CHECKING:
    from game.ui.saves import Settings

CARD = (460, 320)  # the card's own size, centred in the rect the day scene gives its forms
HINT = "P: answer \u00b7 Esc: let it ring (the clock runs again)"


def answer_offer(sim_affordances: list[Affordance], call: str) -> Affordance | None:
    """The simulation's offer to answer this call, if it makes one."""
    return next((a for a in sim_affordances if isinstance(a.offer.command, AnswerCall)
                 and a.offer.command.call == call), None)


class RingingCard(FormBase):
    """A small modal card for one ringing call, its subject the call's id.

    Everything it offers comes from the simulation: the answer is the phone rule's own
    offer, started, queued or refused as `sim.can` says.
    """

    title = "The phone is ringing"
    primary_label = "Answer"
    held_word = "phone ringing"
    actor: str | None = None  # whom the player directs (set by the day scene)

    def build(self) -> None:
        """Where it rings, the time left, what the MA is doing, Answer and Let it ring."""
        self.call: CallState = phone(self.sim).calls[self.subject]
        # A card, not a full form: shrink the window around its few lines.
        given = self.window.rect
        rect = pygame.Rect((0, 0), (min(CARD[0], given.w), min(CARD[1], given.h)))
        rect.center = given.center
        self.window.set_dimensions(rect.size)
        self.window.set_position(rect.topleft)
        w, h = self.size
        inner = w - 2 * PAD
        station = self.sim.scenario.phone.station.replace("_", " ")
        self.where = self.label(pygame.Rect(PAD, PAD, inner, 24),
                                f"Ringing at the {station}", "heading")
        self.body = self.box(pygame.Rect(PAD, PAD + 28, inner, h - 3 * PAD - 28 - ROW - 40),
                             "", small=True)
        y = h - PAD - 40 - 4 - ROW
        half = (inner - PAD) // 2
        self.answer_button = self.button(pygame.Rect(PAD, y, half, ROW), "Answer",
                                         self.answer, "p", "Pick up the phone.")
        self.let_ring = self.button(pygame.Rect(2 * PAD + half, y, half, ROW),
                                    "[Esc] Let it ring", self.close,
                                    tip="Close the card; the call goes to voicemail if "
                                        "nobody answers.")
        self.status_area(pygame.Rect(PAD, h - PAD - 40, inner, 40), HINT)
        self._drawn: tuple[object, ...] = ()
        self.refresh()

    # --- what the simulation says ------------------------------------------------------
    def offer(self) -> Affordance | None:
        """The phone rule's offer to answer this call now, for the directed staff member."""
        return answer_offer(self.sim.affordances(
            self.actor, lambda o: isinstance(o.command, AnswerCall)), self.call.id)

    def queued(self) -> bool:
        """The answer waits in the staff member's queue (it starts when they are free)."""
        member = self.sim.staff(self.actor)
        return member is not None and any(
            isinstance(q, AnswerCall) and q.call == self.call.id for q in member.queue)

    def picked_up(self) -> bool:
        """The directed staff member has the caller on the line."""
        member = self.sim.staff(self.actor)
        c = self.call
        return member is not None and c.status == CallStatus.ON_LINE and c.staff == member.id

    # --- the clock ---------------------------------------------------------------------
    def lets_time_run(self) -> bool:
        """Only a queued answer lets the day run: the MA must finish first."""
        return not self.closed and self.queued()

    def holds_clock(self, settings: Settings) -> bool:
        """The card stops the clock whatever "Clock in forms" says: that is its point."""
        return not self.lets_time_run()

    # --- what the player sees ----------------------------------------------------------
    def refresh(self) -> None:
        """Close when the call is picked up (the call form follows) or no longer waits."""
        if self.closed:
            return
        c, queued = self.call, self.queued()
        if self.picked_up():
            self.then_form = ("call", c.id)
            self.close()
            return
        if c.status != CallStatus.RINGING and not (queued and c.status == CallStatus.VOICEMAIL):
            self.close()  # answered elsewhere, or rung out with no answer waiting
            return
        state = (self.sim.revision, self.sim.now, queued, self.actor)
        if state == self._drawn:
            return
        self._drawn = state
        aff = self.offer()
        can = aff.can if aff is not None else Can.NO
        why = aff.reason if aff is not None else "The call no longer waits."
        self.show(self.body, self._words(queued, can, why))
        self.enable(self.answer_button, can != Can.NO and not queued)
        self.show(self.answer_button, "[P] Answer when free" if can == Can.WHEN_FREE
                  else "[P] Answer")
        if queued:
            self.show(self.let_ring, "[Esc] Close")

    def _words(self, queued: bool, can: Can, why: str) -> str:
        sim, c = self.sim, self.call
        muted = hexcol(MUTED)
        busy = sim.busy_reason(self.actor)
        doing = html.escape(busy or f"{_cap(self._who())} free to answer.", quote=False)
        if c.status == CallStatus.VOICEMAIL:
            left = "It went to voicemail: the queued answer returns the call."
        else:
            secs = max(0, c.t + sim.scenario.phone.ring_seconds - sim.now)
            real = secs / (SIM_SECONDS_PER_REAL_SECOND * self.ctx.settings.speed)
            left = (f"Voicemail picks up in {secs} s of clinic time (about {real:.1f} s of "
                    f"real time at {self.ctx.settings.speed:g}x).")
        if queued:
            clock = "The clock runs until you are free." + (
                "" if c.status == CallStatus.VOICEMAIL else
                " If it rings out first, the queued answer returns the voicemail.")
        else:
            clock = "The clock is stopped while this card is open."
        out = f"<b>{html.escape(left, quote=False)}</b><br>Now: {doing}<br>" \
              f"<font color='{muted}'>{html.escape(clock, quote=False)}</font>"
        if can == Can.NO and not queued:
            out += f"<br><font color='{hexcol(BAD)}'>Not now: " \
                   f"{html.escape(why, quote=False)}</font>"
        return out

    def _who(self) -> str:
        member = self.sim.staff(self.actor)
        return self.sim.subject(member) if member is not None else "you are"

    # --- actions ----------------------------------------------------------------------
    def answer(self) -> None:
        """Submit the rule's own answer; started, the call form follows; busy, it queues."""
        aff = self.offer()
        if aff is None:
            self.say("The call no longer waits.")
            return
        if self.do(aff.offer.command) and self.queued():
            self.say("Queued: you answer as soon as you are free.", error=False)
        self._drawn = ()
        self.refresh()

    def primary(self) -> None:
        """Enter answers too."""
        self.answer()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
