"""Rendered-text cache: fonts by size and weight, surfaces by (text, size, colour, bold)."""

from __future__ import annotations

import pygame

from game.ui.kit import theme
from game.ui.kit.theme import INK

Colour = tuple[int, int, int]


class TextCache:
    """Fonts and rendered lines, kept so a frame redraws without re-rendering text."""

    def __init__(self, limit: int = 4000) -> None:
        # A day shows a few hundred strings; past the limit the cache starts over, which
        # drops stale texts such as old clock readings.
        self.limit = limit
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._lines: dict[tuple[str, int, bool, Colour], pygame.Surface] = {}
        self._wraps: dict[tuple[str, int, bool, int], list[str]] = {}
        self._fits: dict[tuple[str, int, bool, int], str] = {}
        #: every line drawn since the last clear_drawn(): what the player can read now
        self.drawn: list[str] = []

    def clear_drawn(self) -> None:
        """Start a new frame's record of drawn text."""
        self.drawn = []

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The shipped Noto Sans at a pixel size."""
        key = (size, bold)
        if key not in self._fonts:
            path = theme.FONT_BOLD if bold else theme.FONT_REGULAR
            self._fonts[key] = pygame.font.Font(str(path), size)
        return self._fonts[key]

    def render(self, text: str, size: int, colour: Colour = INK,
               bold: bool = False) -> pygame.Surface:
        """One line of text, rendered once."""
        key = (text, size, bold, colour)
        surf = self._lines.get(key)
        if surf is None:
            if len(self._lines) > self.limit:
                self._lines.clear()
            surf = self.font(size, bold).render(text, True, colour)
            self._lines[key] = surf
        return surf

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Split text into lines that fit a width (words longer than it are cut)."""
        key = (text, size, bold, width)
        lines = self._wraps.get(key)
        if lines is None:
            if len(self._wraps) > self.limit:
                self._wraps.clear()
            lines = _wrap(self.font(size, bold), text, width)
            self._wraps[key] = lines
        return lines

    def fit(self, text: str, size: int, width: int, bold: bool = False) -> str:
        """The text, shortened with an ellipsis if it is wider than width (worked out once:
        a bubble or a queue row asks for the same fit every frame)."""
        key = (text, size, bold, width)
        fitted = self._fits.get(key)
        if fitted is None:
            if len(self._fits) > self.limit:
                self._fits.clear()
            fitted = _fit(self.font(size, bold), text, width)
            self._fits[key] = fitted
        return fitted

    def blit(self, surface: pygame.Surface, text: str, pos: tuple[int, int], size: int,
             colour: Colour = INK, bold: bool = False, anchor: str = "topleft") -> pygame.Rect:
        """Draw one line with its rect anchored at pos; returns where it went."""
        surf = self.render(text, size, colour, bold)
        self.drawn.append(text)
        rect = surf.get_rect(**{anchor: pos})
        surface.blit(surf, rect)
        return rect

    def height(self, text: str, size: int, width: int, bold: bool = False,
               spacing: int = 3) -> int:
        """How tall paragraph() would draw the text."""
        line_h = self.font(size, bold).get_linesize() + spacing - 4
        return line_h * len(self.wrap(text, size, width, bold))

    def paragraph(self, surface: pygame.Surface, text: str, rect: pygame.Rect, size: int,
                  colour: Colour = INK, bold: bool = False, spacing: int = 3) -> int:
        """Draw wrapped text inside rect (clipped at its bottom); returns the height used."""
        y = rect.top
        line_h = self.font(size, bold).get_linesize() + spacing - 4
        for line in self.wrap(text, size, rect.width, bold):
            if y + line_h > rect.bottom + spacing:
                break
            surface.blit(self.render(line, size, colour, bold), (rect.left, y))
            self.drawn.append(line)
            y += line_h
        return y - rect.top


def _fit(font: pygame.font.Font, text: str, width: int) -> str:
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines
