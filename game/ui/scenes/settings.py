"""The settings overlay: sound, the clock in forms and when the phone rings, whether every
day is open, the default game speed, and how to go full screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui.kit.menu_style import oid
from game.ui.scenes.overlay import BUTTON_H, GAP, PAD, OverlayScene

if TYPE_CHECKING:
    from game.ui.context import AppContext

SPEEDS = (1.0, 2.0, 4.0)


def sound_label(muted: bool) -> str:
    """The sound button's text: the state in words, not only a colour."""
    return "Sound: off (click to turn on)" if muted else "Sound: on (click to mute)"


def pressure_label(on: bool) -> str:
    """The clock-in-forms button's text, its state in words."""
    return ("Clock in forms: runs (click to hold it)" if on
            else "Clock in forms: holds (click to let it run)")


def ring_label(on: bool) -> str:
    """The ring card button's text, its state in words."""
    return ("Phone: stop the clock when it rings (on)" if on
            else "Phone: stop the clock when it rings (off)")


def unlock_label(on: bool) -> str:
    """The campaign button's text, its state in words."""
    return ("Days: every day open (on)" if on
            else "Days: each opened by a star on the one before")


def toggle_sound(ctx: AppContext) -> None:
    """Mute or unmute, and remember it."""
    ctx.settings.muted = not ctx.settings.muted
    ctx.sounds.muted = ctx.settings.muted
    ctx.saves.save_settings(ctx.settings)
    if not ctx.settings.muted:
        ctx.sounds.play("chime")


# The yes/no settings: what the note above says, the setting, the overlay's attribute for
# its button, the button's words for each state, the button's object id.
SWITCHES: tuple[tuple[str, str, str, Callable[[bool], str], str], ...] = (
    ("Forms: the clock waits while you type, or runs on as on a shift:", "clock_in_forms",
     "pressure_button", pressure_label, "pressure"),
    ("A ringing phone: a card to answer it live, or only the light:", "phone_stops_clock",
     "ring_button", ring_label, "ring_card"),
    ("The library's days: in order, or all open (to assign any day):", "unlock_all",
     "unlock_button", unlock_label, "unlock_all"),
)


class SettingsOverlay(OverlayScene):
    """Sound, the clock, default speed, full screen; every change is saved at once."""

    dialog_size = (460, 610)
    title = "Settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.sound_button: pygame_gui.elements.UIButton | None = None
        self.pressure_button: pygame_gui.elements.UIButton | None = None
        self.ring_button: pygame_gui.elements.UIButton | None = None
        self.unlock_button: pygame_gui.elements.UIButton | None = None
        self.speed_buttons: dict[float, pygame_gui.elements.UIButton] = {}
        self.speed_note: pygame_gui.elements.UILabel | None = None

    def build(self, panel: pygame_gui.elements.UIPanel, width: int) -> None:
        """Heading, sound, clock in forms, the ringing phone, speeds, the F11 note, Done."""
        ctx = self.ctx
        y = self.heading("Settings", PAD - 4, width)
        y = self.note("Sound: the phone, chimes and alerts of the clinic.", y, width)
        self.sound_button = self.add_button(sound_label(ctx.settings.muted), self._sound, y,
                                            width, object_id="#sound")
        y += BUTTON_H + 16
        for note, setting, button, label, widget_id in SWITCHES:
            y = self.note(note, y, width)
            setattr(self, button, self.add_button(
                label(getattr(ctx.settings, setting)),
                partial(self._flip, setting, button, label), y, width,
                object_id=f"#{widget_id}"))
            y += BUTTON_H + 16
        y = self.note("Game speed a day starts at (change it during the day too):", y, width)
        third = (width - 2 * GAP) // 3
        self.speed_buttons = {}
        for i, speed in enumerate(SPEEDS):
            self.speed_buttons[speed] = self.add_button(
                f"{speed:g}x", partial(self._speed, speed), y, third,
                x=PAD + i * (third + GAP), object_id=f"#speed_{speed:g}x")
        y += BUTTON_H + 4
        self.speed_note = pygame_gui.elements.UILabel(
            pygame.Rect(PAD, y, width, 22), "", ctx.manager, container=panel,
            object_id=oid("@muted"))
        y += 32
        mode = "full screen" if ctx.settings.fullscreen else "a window"
        y = self.note(f"Full screen: press F11 at any time (now: {mode}).", y, width)
        bottom = panel.get_container().get_rect().height - PAD - BUTTON_H
        self.add_button("Done (Esc)", self.close, bottom, width, "@primary", object_id="#done")
        self._show_speed()

    def _sound(self) -> None:
        toggle_sound(self.ctx)
        if self.sound_button is not None:
            self.sound_button.set_text(sound_label(self.ctx.settings.muted))

    def _flip(self, setting: str, button: str, label: Callable[[bool], str]) -> None:
        """Turn a yes/no setting over, save it, and say its new state on its button."""
        settings = self.ctx.settings
        setattr(settings, setting, not getattr(settings, setting))
        self.ctx.saves.save_settings(settings)
        if (widget := getattr(self, button)) is not None:
            widget.set_text(label(getattr(settings, setting)))

    def _speed(self, speed: float) -> None:
        self.ctx.settings.speed = speed
        self.ctx.saves.save_settings(self.ctx.settings)
        self._show_speed()

    def _show_speed(self) -> None:
        chosen = self.ctx.settings.speed
        for speed, button in self.speed_buttons.items():
            style = "@chosen" if speed == chosen else "@secondary"
            button.change_object_id(oid(style, f"#speed_{speed:g}x"))
            button.set_text(f"{speed:g}x (chosen)" if speed == chosen else f"{speed:g}x")
        if self.speed_note is not None:
            self.speed_note.set_text(f"Days start at {chosen:g}x speed.")
        self.select(self.selected)
