"""The pause overlay (Esc during the day): resume, help, sound, end the day now, quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame_gui

from game.ui.input import PAUSE, Intent
from game.ui.scenes.overlay import BUTTON_H, PAD, ConfirmOverlay, OverlayScene
from game.ui.scenes.settings import sound_label, toggle_sound

if TYPE_CHECKING:
    from game.ui.context import AppContext


class PauseScene(OverlayScene):
    """Stops the clinic clock (the day below does not update) until Resume or Esc."""

    dialog_size = (420, 432)
    title = "Paused"
    keys = PAUSE

    def __init__(self, ctx: AppContext, end_day: Callable[[], None] | None = None) -> None:
        super().__init__(ctx)
        self.sound_button: pygame_gui.elements.UIButton | None = None
        self.end_day = end_day  # given by the day scene: ends the day and shows the debrief
        if end_day is not None:
            self.dialog_size = (420, 432 + BUTTON_H + 10)

    def build(self, panel: pygame_gui.elements.UIPanel, width: int) -> None:
        """Heading, the buttons, a reassuring note about the session log."""
        y = self.heading("Paused", PAD - 4, width)
        y = self.note("The clinic clock is stopped.", y, width) + 8
        step = BUTTON_H + 10
        self.add_button("Resume (Esc)", self.close, y, width, "@primary", object_id="#resume")
        self.add_button("Help (F1)", self.open_help, y + step, width, object_id="#help")
        self.sound_button = self.add_button(sound_label(self.ctx.settings.muted), self._sound,
                                            y + 2 * step, width, object_id="#sound")
        y += 3 * step
        if self.end_day is not None:
            self.add_button("End the day now", self.ask_end_day, y, width,
                            object_id="#end_day")
            y += step
        self.add_button("Quit to title", self.ask_title, y, width,
                        object_id="#quit_to_title")
        self.add_button("Quit game", self.ask_quit, y + step, width, "@danger",
                        object_id="#quit_game")
        self.note("Your session log is saved after every action.", y + 2 * step + 4, width)

    def open_help(self) -> None:
        """The help overlay, above this one."""
        from game.ui.scenes.help import HelpOverlay

        self.ctx.push(HelpOverlay(self.ctx))

    def _sound(self) -> None:
        toggle_sound(self.ctx)
        if self.sound_button is not None:
            self.sound_button.set_text(sound_label(self.ctx.settings.muted))

    def ask_end_day(self) -> None:
        """End the day here and see the debrief, after a confirmation (a slip must not)."""
        self.ctx.push(ConfirmOverlay(self.ctx, "End the day now?",
                                     "What is not done yet is scored as undone.",
                                     "End the day", self._end_day, "Keep playing"))

    def _end_day(self) -> None:
        self.close()
        if self.end_day is not None:
            self.end_day()

    def ask_title(self) -> None:
        """Leave the day for the title screen, after a confirmation."""
        self.ctx.push(ConfirmOverlay(self.ctx, "Leave this day?",
                                     "The day ends here; its log stays on disk.",
                                     "Quit to title", self.ctx.show_title, "Keep playing"))

    def ask_quit(self) -> None:
        """Close the game, after a confirmation."""
        self.ctx.push(ConfirmOverlay(self.ctx, "Quit Clinic Day?",
                                     "The day ends here; its log stays on disk.",
                                     "Quit game", self.ctx.quit, "Keep playing"))

    def on_intent(self, intent: str) -> None:
        """F1: help; M: mute (the PAUSE key map)."""
        if intent == Intent.HELP:
            self.open_help()
        elif intent == Intent.MUTE:
            self._sound()
