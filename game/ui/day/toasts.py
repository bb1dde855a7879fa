"""Short stacked messages that fade: notices, points won and lost, rejected commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.ui.kit import status_icons, theme
from game.ui.kit.text_cache import TextCache

# kind -> (icon, colour, seconds shown, caption)
STYLES: dict[str, tuple[str, tuple[int, int, int], float, str]] = {
    "info": ("arrow", theme.ACCENT, 6.0, ""),
    "good": ("check", theme.GOOD, 6.0, ""),
    "warning": ("warning", theme.WARN, 14.0, "Warning"),
    "bad": ("cross", theme.BAD, 10.0, ""),
    "rejected": ("cross", theme.BAD, 7.0, "Not possible"),
}
FADE = 1.0
MAX_LINES = 3  # a longer message ends in "…" and is read whole by hovering it
MORE = " … (hover to read all)"


@dataclass
class Toast:
    """One message and its age in real seconds."""

    text: str
    kind: str
    age: float = 0.0
    surface: pygame.Surface | None = field(default=None, repr=False)
    # a warning leaves as soon as its problem is dealt with, not only when its time is up
    resolved: Callable[[], bool] | None = field(default=None, repr=False)

    @property
    def life(self) -> float:
        """How long it stays, by kind (warnings longest)."""
        return STYLES[self.kind][2]


class Toasts:
    """The message strip: newest on top; each fades after its time."""

    def __init__(self, text: TextCache, limit: int = 12) -> None:
        self.text = text
        self.limit = limit
        self.items: list[Toast] = []
        self.shown: list[tuple[pygame.Rect, Toast]] = []  # where each toast was drawn
        self.held: Toast | None = None  # the toast under the mouse does not fade

    def add(self, text: str, kind: str = "info",
            resolved: Callable[[], bool] | None = None) -> None:
        """Show a message (until `resolved()` turns true, if given)."""
        self.items.insert(0, Toast(text, kind if kind in STYLES else "info", resolved=resolved))
        del self.items[self.limit:]

    def update(self, dt: float) -> None:
        """Age the messages; drop the expired."""
        for t in self.items:
            if t is not self.held:
                t.age += dt
        self.held = None
        self.items = [t for t in self.items
                      if t.age < t.life and not (t.resolved is not None and t.resolved())]

    def texts(self) -> list[str]:
        """What is shown now (for tests)."""
        return [t.text for t in self.items]

    def draw(self, s: pygame.Surface, rect: pygame.Rect, size: int) -> None:
        """Stack the toasts inside rect, warnings styled to stand out."""
        pygame.draw.rect(s, theme.PANEL, rect, border_radius=6)
        pygame.draw.rect(s, theme.LINE, rect, 1, border_radius=6)
        self.shown = []
        if not self.items:
            self.text.blit(s, "Messages appear here.", (rect.x + 10, rect.y + 8), size,
                           theme.MUTED)
            return
        y = rect.y + 4
        for toast in self.items:
            surf = toast.surface
            if surf is None or surf.get_width() != rect.w - 8:
                surf = toast.surface = self._render(toast, rect.w - 8, size)
            if y + surf.get_height() > rect.bottom - 2:
                break
            left = toast.life - toast.age
            surf.set_alpha(255 if left > FADE else max(0, int(255 * left / FADE)))
            self.shown.append((s.blit(surf, (rect.x + 4, y)), toast))
            y += surf.get_height() + 3

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        """The whole text of a toast under the mouse (it stays while hovered)."""
        for rect, toast in self.shown:
            if rect.collidepoint(pos):
                self.held = toast
                caption = STYLES[toast.kind][3]
                return f"{caption}: {toast.text}" if caption else toast.text
        return None

    def _render(self, toast: Toast, width: int, size: int) -> pygame.Surface:
        icon, col, _life, caption = STYLES[toast.kind]
        strong = toast.kind in ("warning", "bad", "rejected")
        text = f"{caption}: {toast.text}" if caption else toast.text
        lines = self.text.wrap(text, size, width - 40, bold=strong)
        if len(lines) > MAX_LINES:
            # Never cut silently: the last line says there is more, and hovering shows it.
            last = self.text.fit(lines[MAX_LINES - 1] + " " + " ".join(lines[MAX_LINES:]),
                                 size, width - 40 - self.text.font(size, strong).size(MORE)[0],
                                 bold=strong)
            lines = [*lines[:MAX_LINES - 1], last.rstrip("…").rstrip() + MORE]
        h = len(lines) * (size + 4) + 8
        surf = pygame.Surface((width, h), pygame.SRCALPHA)
        bg = (255, 245, 225) if toast.kind == "warning" else (
            (253, 235, 236) if strong else (255, 255, 255))
        pygame.draw.rect(surf, bg, surf.get_rect(), border_radius=5)
        pygame.draw.rect(surf, col, (0, 0, 5, h), border_top_left_radius=5,
                         border_bottom_left_radius=5)
        status_icons.draw(icon, surf, (20, 4 + (size + 4) // 2 + 1), max(6, size // 2), col)
        for i, line in enumerate(lines):
            self.text.blit(surf, line, (34, 4 + i * (size + 4)), size, theme.INK, bold=strong)
        return surf
