"""The day's key map as data: the only place that turns pygame key events into actions."""

from __future__ import annotations

import pygame

# Scene-wide actions. Letters are left to the context panel's buttons ("act:<letter>").
KEY_ACTIONS: dict[int, str] = {
    pygame.K_SPACE: "toggle_pause",
    pygame.K_1: "speed_1",
    pygame.K_2: "speed_2",
    pygame.K_3: "speed_4",
    pygame.K_KP1: "speed_1",
    pygame.K_KP2: "speed_2",
    pygame.K_KP3: "speed_4",
    pygame.K_TAB: "select_next",
    pygame.K_ESCAPE: "menu",
    pygame.K_F1: "help",
    pygame.K_BACKSPACE: "deselect",
}
SHIFTED: dict[int, str] = {pygame.K_TAB: "select_prev"}

# What the help overlay lists (key caption, what it does).
HELP_KEYS: tuple[tuple[str, str], ...] = (
    ("Space", "Pause or resume the day"),
    ("1 / 2 / 3", "Speed 1x / 2x / 4x (in a form too, unless typing in a field)"),
    ("Tab / Shift+Tab", "Select the next / previous patient needing attention"),
    ("Letter keys", "The selected patient's or station's actions, as shown on each button"),
    ("Click", "Select a patient, a room or a station on the floor plan or in the queue"),
    ("Backspace", "Select nothing: the day's overview and checklists"),
    ("T / Q", "The checklist / clock out, whatever is selected"),
    ("Mouse wheel", "Scroll a long clinic's floor plan sideways"),
    ("Esc", "Close the open form, or the pause menu"),
    ("F1", "This help"),
    ("F11", "Full screen"),
)


def key_action(event: pygame.event.Event) -> str | None:
    """The action a KEYDOWN event stands for, or None."""
    if event.type != pygame.KEYDOWN:
        return None
    if event.mod & pygame.KMOD_SHIFT and event.key in SHIFTED:
        return SHIFTED[event.key]
    if event.key in KEY_ACTIONS:
        return KEY_ACTIONS[event.key]
    if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
        return None
    if pygame.K_a <= event.key <= pygame.K_z:  # SDL key codes of letters are ASCII
        return f"act:{chr(event.key)}"
    return None


class Pointer:
    """Where the mouse really is, for hover tips: nowhere until it moves in the window,
    nowhere once it leaves or the window loses focus, and a tip goes away once the mouse
    has rested a while (a pointer parked over the plan must not caption every frame)."""

    REST_SECONDS = 6.0

    def __init__(self) -> None:
        self.pos: tuple[int, int] | None = None
        self.still = 0.0

    def handle(self, event: pygame.event.Event) -> None:
        """Follow the mouse's events."""
        if event.type == pygame.MOUSEMOTION:
            self.pos, self.still = (int(event.pos[0]), int(event.pos[1])), 0.0
        elif event.type in (pygame.WINDOWLEAVE, pygame.WINDOWFOCUSLOST):
            self.pos = None
        elif event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL):
            self.still = 0.0

    def update(self, dt: float) -> None:
        """Real time passes; a resting mouse's tip fades after REST_SECONDS."""
        self.still += dt

    def over(self, rect: pygame.Rect) -> tuple[int, int] | None:
        """The pointer's place if it is inside rect, however long it has rested (a
        message being read under the mouse stays readable)."""
        return self.pos if self.pos is not None and rect.collidepoint(self.pos) else None

    @property
    def tip_pos(self) -> tuple[int, int] | None:
        """Where to show a hover tip now, or None."""
        return self.pos if self.pos is not None and self.still < self.REST_SECONDS else None
