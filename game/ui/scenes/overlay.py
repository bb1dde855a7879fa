"""A modal overlay: a dimming scrim over everything, a dialog, and keyboard-driven buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui.input import DIALOG, Intent, KeyMap, intent_for
from game.ui.kit.menu_style import ensure_styles, oid
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.ui.context import AppContext

PAD = 24
BUTTON_H = 42
GAP = 10


@dataclass
class Action:
    """A dialog button and what it does."""

    button: pygame_gui.elements.UIButton
    run: Callable[[], None]


class OverlayScene(Scene):
    """Dims the screens below (widgets included) and shows a dialog; Esc closes it.

    The scrim is an always-on-top pygame_gui window, so it sits above every widget of the
    scenes below, forms included, and takes their clicks. Up/Down/Tab move the selection
    between the buttons; Enter or Space presses the selected one (the DIALOG key map).
    """

    overlay = True
    keys: KeyMap = DIALOG  # a subclass with keys of its own gives a map that extends DIALOG
    dialog_size = (420, 380)
    title = ""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.scrim: pygame_gui.elements.UIWindow | None = None
        self.panel: pygame_gui.elements.UIPanel | None = None
        self.actions: list[Action] = []
        self.selected = 0

    # -- building -------------------------------------------------------------------------
    def enter(self) -> None:
        """Build the scrim and the dialog."""
        ensure_styles(self.ctx.manager)
        self._build()

    def exit(self) -> None:
        """Remove every widget of the overlay."""
        if self.scrim is not None:
            self.scrim.kill()
        self.scrim = self.panel = None
        self.actions = []

    def resize(self, size: tuple[int, int]) -> None:
        """Lay out again for the new window size."""
        keep = self.selected
        self.exit()
        self._build()
        self.select(keep)

    def _build(self) -> None:
        manager = self.ctx.manager
        w, h = self.ctx.size
        self.scrim = pygame_gui.elements.UIWindow(
            pygame.Rect(0, 0, w, h), manager, window_display_title="", draggable=False,
            resizable=False, always_on_top=True, object_id=oid("@scrim", "#scrim"))
        dw, dh = min(self.dialog_size[0], w - 40), min(self.dialog_size[1], h - 40)
        self.panel = pygame_gui.elements.UIPanel(
            pygame.Rect((w - dw) // 2, (h - dh) // 2, dw, dh), starting_height=1,
            manager=manager, container=self.scrim, object_id=oid("@dialog", "#dialog"))
        self.actions = []
        self.build(self.panel, dw - 2 * PAD)
        manager.set_focus_set(self.scrim)
        self.select(self.selected)

    def build(self, panel: pygame_gui.elements.UIPanel, width: int) -> None:
        """Subclasses add their widgets to the panel (content width given)."""

    def heading(self, text: str, y: int, width: int) -> int:
        """A title line at y; returns the y below it."""
        pygame_gui.elements.UILabel(pygame.Rect(PAD, y, width, 34), text, self.ctx.manager,
                                    container=self.panel, object_id=oid("@heading"))
        return y + 38

    def note(self, text: str, y: int, width: int, height: int = 24) -> int:
        """A muted line of text at y; returns the y below it."""
        pygame_gui.elements.UILabel(pygame.Rect(PAD, y, width, height), text, self.ctx.manager,
                                    container=self.panel, object_id=oid("@muted"))
        return y + height + 2

    def add_button(self, text: str, run: Callable[[], None], y: int, width: int,
                   style: str = "@secondary", x: int = PAD,
                   object_id: str | None = None) -> pygame_gui.elements.UIButton:
        """A dialog button; the order of adding is the keyboard order."""
        button = pygame_gui.elements.UIButton(
            pygame.Rect(x, y, width, BUTTON_H), text, self.ctx.manager, container=self.panel,
            object_id=oid(style, object_id))
        self.actions.append(Action(button, run))
        return button

    # -- input ----------------------------------------------------------------------------
    def select(self, index: int) -> None:
        """Show which button Enter would press."""
        if not self.actions:
            return
        self.selected = index % len(self.actions)
        for i, action in enumerate(self.actions):
            if i == self.selected:
                action.button.select()
            else:
                action.button.unselect()

    def close(self) -> None:
        """Leave this overlay (the scene below resumes)."""
        if self.ctx.stack.top is self:
            self.ctx.pop()

    def on_escape(self) -> None:
        """Esc: close by default."""
        self.close()

    def handle(self, event: pygame.event.Event) -> None:
        """Buttons by mouse; Esc, arrows, Tab, Enter by keyboard."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for i, action in enumerate(self.actions):
                if event.ui_element is action.button:
                    self.selected = i
                    action.run()
                    return
        intent = intent_for(event, self.keys)
        if intent == Intent.CLOSE:
            self.on_escape()
        elif intent in (Intent.NEXT, Intent.PREV):
            self.select(self.selected + (1 if intent == Intent.NEXT else -1))
        elif intent == Intent.PRESS:
            if self.actions:
                self.actions[self.selected].run()
        elif intent is not None:
            self.on_intent(intent)

    def on_intent(self, intent: str) -> None:
        """Intents of a subclass's own keys (its key map's bindings)."""

class ConfirmOverlay(OverlayScene):
    """Asks one yes/no question; Enter confirms, Esc cancels."""

    dialog_size = (420, 200)

    def __init__(self, ctx: AppContext, title: str, text: str, yes: str,
                 on_yes: Callable[[], None], no: str = "Cancel") -> None:
        super().__init__(ctx)
        self.title, self.text, self.yes, self.no, self.on_yes = title, text, yes, no, on_yes

    def build(self, panel: pygame_gui.elements.UIPanel, width: int) -> None:
        """Title, one line of text, two buttons."""
        y = self.heading(self.title, PAD - 4, width)
        y = self.note(self.text, y, width)
        half = (width - GAP) // 2
        y = panel.get_container().get_rect().height - PAD - BUTTON_H
        self.add_button(self.yes, self._confirm, y, half, "@primary", object_id="#confirm_yes")
        self.add_button(self.no, self.close, y, half, x=PAD + half + GAP,
                        object_id="#confirm_no")

    def _confirm(self) -> None:
        self.close()
        self.on_yes()
