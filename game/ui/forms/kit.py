"""Shared machinery of the forms: keyboard (Tab, Enter, Esc, shortcuts), widgets and results."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UICheckBox, UILabel, UITextBox, UITextEntryLine

from game.sim.results import Queued, Rejected, Result
from game.ui.forms.base import Form, Submit
from game.ui.forms.style import ensure_form_theme
from game.ui.input import FORM, Intent, KeyMap, form_keys, intent_for, shortcut_name
from game.ui.kit.fmt import time_left
from game.ui.kit.name_entry import NameEntry
from game.ui.kit.theme import BAD, GOOD, MUTED, hexcol

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation
    from game.ui.context import AppContext

Action = Callable[[], None]
PAD = 8  # margin inside the window and gap between widgets
ROW = 28  # height of a button, entry or tick row


class Tick(UICheckBox):
    """A checkbox that also toggles when its label is clicked, and ignores Enter (Enter submits)."""

    def process_event(self, event: pygame.event.Event) -> bool:
        """Space toggles a focused tick; a click on the box or the label toggles it."""
        if intent_for(event, FORM) == Intent.CONFIRM:
            return False
        if (event.type == pygame.MOUSEBUTTONDOWN and event.button == pygame.BUTTON_LEFT
                and self.is_enabled and self.visible
                and self.text_label.hover_point(*event.pos) and not self.hover_point(*event.pos)):
            self.set_state(not self.is_checked)
            return True
        return super().process_event(event)

    @property
    def checked(self) -> bool:
        """Ticked or not."""
        return bool(self.is_checked)


class Rows:
    """Hands out vertical space top-down: `y = rows.take(height)`."""

    def __init__(self, top: int = PAD, gap: int = 6) -> None:
        self.y = top
        self.gap = gap

    def take(self, height: int) -> int:
        """The top of the next row of this height."""
        top = self.y
        self.y += height + self.gap
        return top


class FormBase(Form):
    """A Form with keyboard handling, shortcut-labelled widgets and an inline result line."""

    primary_label = "OK"

    def __init__(self, ctx: AppContext, sim: Simulation, subject: str, submit: Submit,
                 rect: pygame.Rect) -> None:
        ensure_form_theme(ctx.manager)
        self._actions: dict[UIButton, Action] = {}
        self._keys: dict[str, Action] = {}  # by pygame key name: 'n', 'page down'
        self._key_map: KeyMap | None = None
        self._tick_changed: dict[Tick, Action] = {}
        self._shown: dict[int, str] = {}
        self.entries: list[UITextEntryLine] = []
        self.status: UITextBox | None = None
        self.hint_text = ""
        self.message = ""  # the last result or error shown, as plain text
        self.message_is_error = False
        self.last_result: Result | None = None
        super().__init__(ctx, sim, subject, submit, rect)

    # --- geometry and widgets ---------------------------------------------------------
    @property
    def container(self) -> pygame_gui.core.UIContainer:
        """The window's inside."""
        container = self.window.get_container()
        assert isinstance(container, pygame_gui.core.UIContainer)
        return container

    @property
    def size(self) -> tuple[int, int]:
        """Width and height available inside the window."""
        w, h = self.container.get_size()
        return int(w), int(h)

    def label(self, rect: pygame.Rect, text: str, style: str = "text", tip: str = "",
              container: pygame_gui.core.IContainerLikeInterface | None = None) -> UILabel:
        """A one-line label; style is one of text, small, heading, error, good, lcd, day."""
        widget = UILabel(rect, text, self.ctx.manager, container=container or self.container,
                         object_id=f"#form_{style}")
        if tip:
            widget.set_tooltip(tip)
        return widget

    def box(self, rect: pygame.Rect, html: str, small: bool = False) -> UITextBox:
        """A bordered text box for longer text (pygame_gui HTML subset)."""
        return UITextBox(html, rect, self.ctx.manager, container=self.container,
                         object_id="#form_box_small" if small else "#form_box")

    def button(self, rect: pygame.Rect, text: str, action: Action, key: str | None = None,
               tip: str = "", object_id: str | None = None,
               container: pygame_gui.core.IContainerLikeInterface | None = None) -> UIButton:
        """A button; with a key, '[K] ' is shown before the text and K triggers it."""
        shown = f"[{_key_name(key)}] {text}" if key else text
        widget = UIButton(rect, shown, self.ctx.manager, container=container or self.container,
                          tool_tip_text=tip or None, object_id=object_id)
        self._actions[widget] = action
        if key:
            self.bind(key, lambda: _press(widget, action))
        return widget

    def tick(self, pos: tuple[int, int], text: str, key: str | None = None, tip: str = "",
             on_change: Action | None = None,
             container: pygame_gui.core.IContainerLikeInterface | None = None) -> Tick:
        """A checkbox with its shortcut shown in the label."""
        shown = f"[{_key_name(key)}] {text}" if key else text
        widget = Tick(pygame.Rect(pos, (20, 20)), shown, self.ctx.manager,
                      container=container or self.container, object_id="#form_tick",
                      tool_tip_text=tip or None)
        if key:
            self.bind(key, lambda: widget.set_state(not widget.checked) if widget.is_enabled
                      else None)
        if on_change is not None:
            self._tick_changed[widget] = on_change
        return widget

    def entry(self, rect: pygame.Rect, tip: str = "", placeholder: str = "", text: str = "",
              container: pygame_gui.core.IContainerLikeInterface | None = None
              ) -> UITextEntryLine:
        """A text entry, added to the Tab order."""
        # Every form's field refuses what the font cannot draw (a zero-width or combining
        # character alone made pygame_gui raise), not only the title's name field.
        widget = NameEntry(rect, self.ctx.manager, container=container or self.container,
                           placeholder_text=placeholder or None, initial_text=text or None)
        if tip:
            widget.set_tooltip(tip)
        self.entries.append(widget)
        return widget

    def status_area(self, rect: pygame.Rect, hint: str) -> UITextBox:
        """Where Rejected reasons and confirmations appear (wrapping); the keyboard hint
        shows there while there is no message."""
        self.hint_text = hint
        self.status = UITextBox("", rect, self.ctx.manager, container=self.container,
                                object_id="#form_status")
        self.status.set_tooltip("Single keys in [brackets] work when no text field has the "
                                "cursor; inside a field, hold the left Alt with the key.")
        self.say("")
        return self.status

    def bind(self, key: str, action: Action) -> None:
        """A single-key shortcut ('n', '1', 'page down', ...)."""
        self._keys[pygame.key.name(pygame.key.key_code(key))] = action
        self._key_map = None

    @property
    def key_map(self) -> KeyMap:
        """This form's keys: the FORM map with its own [bracketed] shortcuts."""
        if self._key_map is None:
            self._key_map = form_keys(tuple(self._keys))
        return self._key_map

    def show(self, widget: UILabel | UITextBox | UIButton, text: str) -> None:
        """Set a widget's text only when it changed (refresh runs every frame)."""
        if self._shown.get(id(widget)) == text:
            return
        self._shown[id(widget)] = text
        widget.set_text(text)

    def enable(self, widget: UIButton | Tick, on: bool) -> None:
        """Enable or disable a control, only when that changes."""
        if on and not widget.is_enabled:
            widget.enable()
        elif not on and widget.is_enabled:
            widget.disable()

    # --- results ----------------------------------------------------------------------
    def say(self, text: str, error: bool = True) -> None:
        """Show a message in the status area (an empty text brings the hint back)."""
        self.message, self.message_is_error = text, error and bool(text)
        if self.status is None:
            return
        if not text:
            self.show(self.status, f"<font color='{hexcol(MUTED)}' pixel_size=13>"
                                   f"{html.escape(self.hint_text, quote=False)}</font>")
            return
        colour = hexcol(BAD if error else GOOD)
        self.show(self.status, f"<font color='{colour}'><b>"
                               f"{html.escape(text, quote=False)}</b></font>")

    def do(self, command: Command) -> bool:
        """Submit a command; show the Rejected reason inline. True when accepted."""
        result = self.submit(command)
        self.last_result = result
        if isinstance(result, Rejected):
            self.say(result.reason)
            return False
        if isinstance(result, Queued):
            self.say(f"Queued ({result.position} of 5): it starts when you are free.",
                     error=False)
            return True
        # A time on the minute can equal the clock's while the task still runs: say what is
        # left instead.
        self.say(f"Busy {time_left(result.seconds)}: {result.message}.", error=False)
        return True

    # --- input ------------------------------------------------------------------------
    def lets_time_run(self) -> bool:
        """True while the MA is busy with something started here (a measurement, a draw):
        a day scene that holds the clock while a form is open should let it run then, or
        the device never shows its readings and the form can do nothing more."""
        return not self.closed and self.sim.lead.busy_until > self.sim.now

    def wants_escape(self) -> bool:
        """Esc closes this form (the day scene asks before using Esc itself)."""
        return not self.closed

    def primary(self) -> None:
        """Enter: the form's main action."""

    def focus(self, entry: UITextEntryLine) -> None:
        """Give an entry the keyboard with the cursor after its text."""
        if not entry.is_focused:
            self.ctx.manager.set_focus_set(entry)
        entry.edit_position = len(entry.get_text())
        entry.cursor_has_moved_recently = True

    def focused_entry(self) -> UITextEntryLine | None:
        """The text entry that has the keyboard, if any."""
        return next((e for e in self.entries if e.is_focused), None)

    def typing(self) -> bool:
        """True while a text field has the keyboard (digits then belong to the field)."""
        return self.focused_entry() is not None

    def focus_next(self, backwards: bool = False) -> None:
        """Tab / Shift+Tab: move the keyboard to the next (previous) enabled text entry."""
        usable = [e for e in self.entries if e.is_enabled and e.visible]
        if not usable:
            return
        current = self.focused_entry()
        if current in usable:
            i = usable.index(current) + (-1 if backwards else 1)
        else:
            i = -1 if backwards else 0
        self.focus(usable[i % len(usable)])

    def handle(self, event: pygame.event.Event) -> None:
        """Keys first (FORM's and this form's shortcuts), then its widgets' events."""
        if self.closed:
            return
        super().handle(event)
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self._actions.get(event.ui_element)
            if action is not None:
                action()
        elif event.type in (pygame_gui.UI_CHECK_BOX_CHECKED, pygame_gui.UI_CHECK_BOX_UNCHECKED):
            changed = self._tick_changed.get(event.ui_element)
            if changed is not None:
                changed()

    def _key(self, event: pygame.event.Event) -> None:
        # A field with the keyboard keeps its characters: shortcuts need Alt there.
        intent = intent_for(event, self.key_map, typing=self.typing())
        if intent == Intent.CLOSE:
            self.close()
        elif intent in (Intent.NEXT, Intent.PREV):
            self.focus_next(backwards=intent == Intent.PREV)
        elif intent == Intent.CONFIRM:
            self.primary()
        elif intent is not None:
            action = self._keys.get(shortcut_name(intent) or "")
            if action is not None:
                action()


def keys_hint(primary: str, tab: bool = True) -> str:
    """The keyboard reminder shown in the status area while it has no message."""
    return ("Tab: next field \u00b7 " if tab else "") + f"Enter: {primary} \u00b7 Esc: close"


def _key_name(key: str) -> str:
    return key.upper() if len(key) == 1 else key.capitalize()


def _press(widget: UIButton, action: Action) -> None:
    if widget.is_enabled and widget.visible:
        action()
