"""The context panel: the selection's chart or state, and its action buttons with shortcuts."""

from __future__ import annotations

from typing import NamedTuple

import pygame
import pygame_gui

from game.ui.day.actions import Action
from game.ui.day.chart_lines import Line
from game.ui.kit import status_icons, theme
from game.ui.kit.text_cache import TextCache

STYLE = {  # style -> (size delta, colour, bold, icon)
    "title": (5, theme.INK, True, None), "sub": (-1, theme.MUTED, False, None),
    "text": (0, theme.INK, False, None), "label": (0, theme.INK, True, None),
    "muted": (-1, theme.MUTED, False, None), "good": (0, theme.GOOD, False, "check"),
    "warn": (0, theme.WARN, True, "warning"), "bad": (0, theme.BAD, True, "warning"),
}
BUTTON_FONT = 15  # the theme's button font size
MORE = "… more than fits here"


class Row(NamedTuple):
    """One wrapped line of the panel, placed."""

    y: int
    size: int
    text: str
    indent: int
    colour: tuple[int, int, int]
    bold: bool
    icon: str | None
    heading: bool


class ContextPanel:
    """Draws the text; keeps one pygame_gui button per action, rebuilt only on change."""

    def __init__(self, text: TextCache, manager: pygame_gui.UIManager) -> None:
        self.text = text
        self.manager = manager
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.font = 15
        self.actions: list[Action] = []
        self.buttons: list[pygame_gui.elements.UIButton] = []
        self.lines: list[Line] = []
        self._key: tuple[object, ...] = ()
        self._enabled: bool | None = None
        self._cans: tuple[bool, ...] = ()
        self.note = ""

    def layout(self, rect: pygame.Rect, font: int) -> None:
        """New rect: the buttons are rebuilt on the next set_actions."""
        self.rect = rect
        self.font = font
        self._key = ()
        self.set_actions(self.actions, self._enabled is not False)

    def set_actions(self, actions: list[Action], enabled: bool) -> None:
        """Rebuild the buttons if the actions changed; enable or disable them if that changed
        (whether each can be done now changes often, so it never rebuilds the buttons)."""
        key = tuple((a.caption, a.tip, a.command, a.form, a.subject, a.select) for a in actions)
        cans = tuple(a.enabled for a in actions)
        if key != self._key:
            self._key = key
            self.actions = actions
            self._build()
            self._enabled = None
        elif cans != self._cans:
            self.actions = actions
            self._enabled = None
        if enabled != self._enabled:
            self._enabled, self._cans = enabled, cans
            for a, b in zip(self.actions, self.buttons, strict=True):
                # Greyed when the simulation says it cannot be done (its tip says why).
                if (enabled and a.enabled) or a.select is not None:
                    b.enable()
                else:
                    b.disable()

    def _build(self) -> None:
        self.kill()
        r = self.rect
        bh = max(32, BUTTON_FONT + 18)
        y = r.bottom - 10 - len(self.actions) * (bh + 6)
        self.buttons_top = y
        for a in self.actions:
            cap = self.text.fit(a.caption, BUTTON_FONT, r.w - 40)
            self.buttons.append(pygame_gui.elements.UIButton(
                pygame.Rect(r.x + 10, y, r.w - 20, bh), cap, self.manager,
                tool_tip_text=f"{a.tip} Shortcut: {a.key.upper()}.", object_id="#action"))
            y += bh + 6

    def kill(self) -> None:
        """Remove the buttons."""
        for b in self.buttons:
            b.kill()
        self.buttons = []

    def action_for(self, element: object) -> Action | None:
        """The action of a pressed button."""
        for a, b in zip(self.actions, self.buttons, strict=True):
            if b is element:
                return a
        return None

    def by_key(self, letter: str) -> Action | None:
        """The action with that shortcut letter."""
        return next((a for a in self.actions if a.key == letter), None)

    def captions(self) -> list[str]:
        """The button texts (for tests)."""
        return [b.text for b in self.buttons]

    def draw(self, s: pygame.Surface, lines: list[Line]) -> None:
        """Panel background, the lines (clipped above the buttons) and a busy note."""
        r, t = self.rect, self.text
        self.lines = lines
        pygame.draw.rect(s, theme.PANEL, r, border_radius=6)
        pygame.draw.rect(s, theme.LINE, r, 1, border_radius=6)
        bottom = (self.buttons_top if self.buttons else r.bottom) - 8
        if self.note:
            bottom -= self.font + 8
            t.blit(s, t.fit(self.note, self.font - 1, r.w - 20, True), (r.x + 10, bottom + 4),
                   self.font - 1, theme.WARN, bold=True)
        rows = self._rows(lines, r.y + 10, r.w - 20)
        fits = [row for row in rows if row.y + row.size <= bottom]
        if len(fits) < len(rows):
            # Cut cleanly: whole lines only, room for the "more" line, and never a heading
            # ("Specimens") left alone above the buttons.
            fits = [row for row in fits if row.y + row.size + 5 + self.font <= bottom]
            while fits and fits[-1].heading:
                fits.pop()
        for row in fits:
            x = r.x + 10
            if row.icon:
                status_icons.draw(row.icon, s, (x + row.size // 3, row.y + row.size // 2 + 2),
                           max(5, row.size // 3), row.colour)
            t.blit(s, row.text, (x + row.indent, row.y), row.size, row.colour, bold=row.bold)
        if len(fits) < len(rows):
            y = fits[-1].y + fits[-1].size + 5 if fits else r.y + 10
            t.blit(s, MORE, (r.x + 10, y), self.font - 1, theme.MUTED)

    def _rows(self, lines: list[Line], top: int, width: int) -> list[Row]:
        """Every wrapped line with its place, before anything is drawn."""
        rows: list[Row] = []
        y = top
        for style, txt in lines:
            if style == "gap":
                y += self.font // 2
                continue
            delta, col, bold, icon = STYLE[style]
            size = self.font + delta
            indent = size if icon else 0
            for i, line in enumerate(self.text.wrap(txt, size, width - indent, bold)):
                rows.append(Row(y, size, line, indent, col, bold, icon if i == 0 else None,
                                style == "label"))
                y += size + 5
        return rows
