"""Rendered-text cache: fonts by size and weight, surfaces by (text, size, colour, bold)."""

from __future__ import annotations

import pygame

from game.ui import theme

Colour = tuple[int, int, int]


class TextCache:
    """Renders each distinct string once; the cache is cleared when it grows too large."""

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._surfaces: dict[tuple[str, int, Colour, bool], pygame.Surface] = {}
        self._wraps: dict[tuple[str, int, int, bool], list[str]] = {}

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The shipped Noto Sans at a pixel size."""
        key = (size, bold)
        f = self._fonts.get(key)
        if f is None:
            f = pygame.font.Font(theme.FONT_BOLD if bold else theme.FONT_REGULAR, size)
            self._fonts[key] = f
        return f

    def render(self, text: str, size: int, colour: Colour = theme.INK,
               bold: bool = False) -> pygame.Surface:
        """A transparent surface with the text on it."""
        key = (text, size, colour, bold)
        surf = self._surfaces.get(key)
        if surf is None:
            if len(self._surfaces) >= self.limit:
                # A day shows a few hundred strings; a full cache means stale clock texts.
                self._surfaces.clear()
            surf = self.font(size, bold).render(text, True, colour)
            self._surfaces[key] = surf
        return surf

    def blit(self, surface: pygame.Surface, text: str, pos: tuple[int, int], size: int,
             colour: Colour = theme.INK, bold: bool = False, anchor: str = "topleft"
             ) -> pygame.Rect:
        """Draw text with a rect anchor ('topleft', 'center', 'midleft', ...); its rect."""
        surf = self.render(text, size, colour, bold)
        rect = surf.get_rect(**{anchor: pos})
        surface.blit(surf, rect)
        return rect

    def fit(self, text: str, size: int, width: int, bold: bool = False) -> str:
        """The text, shortened with an ellipsis to fit a width in pixels."""
        font = self.font(size, bold)
        if font.size(text)[0] <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if font.size(text[:mid].rstrip() + "…")[0] <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…"

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Greedy word wrap to a width in pixels (cached: panels wrap the same text every frame)."""
        key = (text, size, width, bold)
        cached = self._wraps.get(key)
        if cached is not None:
            return cached
        if len(self._wraps) >= self.limit:
            self._wraps.clear()
        font = self.font(size, bold)
        lines: list[str] = []
        line = ""
        for word in text.split():
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
        result = [self.fit(x, size, width, bold) for x in lines]
        self._wraps[key] = result
        return result
