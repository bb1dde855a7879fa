"""The menu Esc opens while watching a session: resume, restart, skip to the end, quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame_gui

from game.ui.scenes.overlay import BUTTON_H, PAD
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.settings import sound_label

if TYPE_CHECKING:
    from game.ui.context import AppContext


class WatchPause(PauseScene):
    """The pause menu of a watched day: nothing in it ends a day, since none is recorded."""

    def __init__(self, ctx: AppContext, restart: Callable[[], None],
                 skip: Callable[[], None]) -> None:
        super().__init__(ctx)
        self.restart, self.skip = restart, skip
        self.dialog_size = (420, 160 + 6 * (BUTTON_H + 10))

    def build(self, panel: pygame_gui.elements.UIPanel, width: int) -> None:
        """Heading, the buttons, and a note that watching records nothing."""
        y = self.heading("Paused", PAD - 4, width)
        y = self.note("Watching a session log: nothing is recorded.", y, width) + 8
        step = BUTTON_H + 10
        self.add_button("Resume (Esc)", self.close, y, width, "@primary", object_id="#resume")
        self.add_button("Restart from the start", self._then(self.restart), y + step, width,
                        object_id="#restart")
        self.add_button("Skip to the end (debrief)", self._then(self.skip), y + 2 * step,
                        width, object_id="#skip")
        self.add_button("Help (F1)", self.open_help, y + 3 * step, width, object_id="#help")
        self.sound_button = self.add_button(sound_label(self.ctx.settings.muted), self._sound,
                                            y + 4 * step, width, object_id="#sound")
        self.add_button("Quit to title", self.ask_title, y + 5 * step, width,
                        object_id="#quit_to_title")
        self.add_button("Quit", self.ctx.quit, y + 6 * step, width, "@danger",
                        object_id="#quit_game")

    def _then(self, run: Callable[[], None]) -> Callable[[], None]:
        """Close the menu first, then act on the day below it."""
        def go() -> None:
            self.close()
            run()
        return go
