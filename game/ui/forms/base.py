"""The contract between the day scene and a form: build in a rect, submit commands, close."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation
    from game.sim.results import Result
    from game.ui.context import AppContext
    from game.ui.saves import Settings

Submit = Callable[["Command"], "Result"]


class Form:
    """A pygame_gui window for one task. The day scene owns it and passes events on.

    A form never changes the simulation itself: it builds a command and calls `submit`,
    which logs it and hands it to the simulation, and shows the Rejected reason if any.
    """

    title = "Form"
    held_word = "form open"  # the top bar's word while this form holds the clock
    # What the day scene does once this form has closed itself: open another form
    # (key, subject), or select something on the floor ("station", "phone").
    then_form: tuple[str, str] | None = None
    then_select: tuple[str, str] | None = None

    def __init__(self, ctx: AppContext, sim: Simulation, subject: str, submit: Submit,
                 rect: pygame.Rect) -> None:
        self.ctx = ctx
        self.sim = sim
        self.subject = subject  # a patient id, room id or task id, as the form needs
        self.submit = submit
        self.closed = False
        self.window = pygame_gui.elements.UIWindow(
            rect, ctx.manager, window_display_title=self.title, resizable=False,
            object_id="#form")
        self.build()

    def build(self) -> None:
        """Create the widgets inside self.window."""

    def handle(self, event: pygame.event.Event) -> None:
        """A pygame or pygame_gui event; forms react to their own widgets only."""
        if (event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window):
            self.closed = True

    def typing(self) -> bool:
        """True while a text field has the keyboard: digits then type, they are no speed keys."""
        return False

    def refresh(self) -> None:
        """The simulation moved on: update what the form shows (called every frame)."""

    def lets_time_run(self) -> bool:
        """True while the day should run although this form is open (see FormKit)."""
        return False

    def holds_clock(self, settings: Settings) -> bool:
        """Whether the day waits while this form is open: as the player chose in Settings
        ("Clock in forms"), unless the form lets time run."""
        return not self.lets_time_run() and not settings.clock_in_forms

    def close(self) -> None:
        """Remove the window."""
        self.closed = True
        self.window.kill()
