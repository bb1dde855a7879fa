"""Screening a walk-in at the desk: their complaint in their words, and the five decisions,
each greyed with the simulation's reason when it cannot be chosen."""

from __future__ import annotations

import html
from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton, UITextBox

from game.sim.view import WALK_IN_DECISIONS, Can, ScreenWalkIn
from game.ui.forms.kit import PAD, ROW, FormBase
from game.ui.kit.theme import BAD, hexcol

# (decision, button text, key), the emergency first: a red flag is never left waiting.
CHOICES: tuple[tuple[str, str, str], ...] = (
    ("call_911", "Call 911, tell the provider", "e"),
    ("provider_now", "Bring the provider now", "p"),
    ("fit_in", "Fit into an open slot", "f"),
    ("double_book", "Double-book (provider approves)", "d"),
    ("urgent_care", "Direct to urgent care", "u"),
)
SHORT_PROTOCOL = ("Red flag: 911 and the provider at once. Otherwise: fit in, double-book "
                  "(provider approves) or urgent care.")
PROTOCOL = ("Protocol: a red flag (chest pain, stroke signs, severe shortness of breath, heavy "
            "bleeding, suicidal thoughts, anaphylaxis) goes to 911 and the provider at once. "
            "Anyone else: fit them in, double-book with the provider's approval, or send them "
            "to urgent care.")


class WalkInForm(FormBase):
    """The walk-in's words, then one button per decision with why a greyed one is not open."""

    title = "Walk-in"
    primary_label = "Screen"

    def build(self) -> None:
        """The complaint, the protocol, and the decisions with their reasons."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Walk-in: {p.name}")
        w, h = self.size
        inner = w - 2 * PAD
        said = p.spec.walk_in.complaint if p.spec.walk_in else ""
        top = PAD
        self.label(pygame.Rect(PAD, top, inner, 22), "At the desk, they say", "heading",
                   tip=PROTOCOL)
        top += 24
        self.speech = self.box(pygame.Rect(PAD, top, inner, 56),
                               f"\u201c{html.escape(said, quote=False)}\u201d")
        top += 60
        self.box(pygame.Rect(PAD, top, inner, 52), html.escape(SHORT_PROTOCOL, quote=False),
                 small=True).set_tooltip(PROTOCOL)
        top += 58
        bw = 250
        row_h = max(ROW + 6, (h - top - PAD - 44 - 4) // len(CHOICES))
        self.decisions: dict[str, UIButton] = {}
        self.reasons: dict[str, UITextBox] = {}
        for decision, text, key in CHOICES:
            self.decisions[decision] = self.button(
                pygame.Rect(PAD, top, bw, ROW), text, self._screen(decision), key,
                WALK_IN_DECISIONS[decision].capitalize() + ".")
            # Borderless: an empty reason must not look like a field to type in.
            self.reasons[decision] = UITextBox(
                "", pygame.Rect(PAD + bw + 8, top - 4, inner - bw - 8, row_h - 2),
                self.ctx.manager, container=self.container, object_id="#form_status")
            top += row_h
        self.status_area(pygame.Rect(PAD, h - PAD - 44, inner, 44),
                         "The [letter] keys choose \u00b7 Esc: close")
        self._drawn: tuple[int, int] = (-1, -1)
        self.refresh()

    def _screen(self, decision: str) -> Callable[[], None]:
        return lambda: self.screen(decision)

    def refresh(self) -> None:
        """Ask the simulation about each decision when the world or the half-minute changes
        (an open slot comes and goes with time)."""
        if self.closed:
            return
        state = (self.sim.revision, self.sim.now // 30)
        if state == self._drawn:
            return
        self._drawn = state
        for decision, button in self.decisions.items():
            can, why = self.sim.can(ScreenWalkIn(patient=self.p.id,
                                                 decision=decision))  # type: ignore[arg-type]
            self.enable(button, can != Can.NO)
            # The reason in words beside the greyed button, never the grey alone.
            self.show(self.reasons[decision], "" if can != Can.NO else
                      f"<font color='{hexcol(BAD)}' pixel_size=13>Not possible: "
                      f"{html.escape(why, quote=False)}</font>")

    def screen(self, decision: str) -> None:
        """Decide where the walk-in goes; the form closes when the desk has decided."""
        if self.do(ScreenWalkIn(patient=self.p.id, decision=decision)):  # type: ignore[arg-type]
            self.close()

    def primary(self) -> None:
        """Enter decides nothing by itself."""
        self.say("Choose a decision: its button or its [letter] key.")
