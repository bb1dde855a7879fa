"""Shared look of the menu screens: widget styles from the palette, and cached text."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.ui import theme
from game.ui.theme import ACCENT, BAD, INK, LINE, MUTED, PANEL, PAPER

Colour = tuple[int, int, int]

# Extra pygame_gui styles, merged into the manager's theme once (pygame_gui merges a theme
# dict block by block, so the shared assets/theme.json is untouched).
_SCRIM = "#1D2733A6"  # INK at 65% opacity: dims whatever is under an overlay
_MARKER = "@screens_styles_loaded"


def hexcol(rgb: Colour) -> str:
    """A palette colour as a pygame_gui theme string."""
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def _font(size: int, bold: bool = False) -> dict[str, str]:
    return {"name": "noto", "size": str(size), "bold": "1" if bold else "0",
            "regular_path": str(theme.FONT_REGULAR), "bold_path": str(theme.FONT_BOLD)}


def _rounded(radius: int = 6, border: int = 1, shadow: int = 0) -> dict[str, str]:
    return {"shape": "rounded_rectangle", "shape_corner_radius": str(radius),
            "border_width": str(border), "shadow_width": str(shadow)}


def _styles() -> dict[str, Any]:
    accent, panel, ink = hexcol(ACCENT), hexcol(PANEL), hexcol(INK)
    secondary_colours = {
        "normal_bg": panel, "hovered_bg": "#E4EEF6", "active_bg": "#CFE1EF",
        "selected_bg": "#D5E6F3", "normal_text": accent, "hovered_text": "#17557C",
        "active_text": "#17557C", "selected_text": "#0E3D5A", "normal_border": accent,
        "hovered_border": "#17557C", "selected_border": ink, "active_border": "#17557C",
        "disabled_bg": hexcol(PAPER), "disabled_text": hexcol(MUTED),
        "disabled_border": hexcol(LINE)}
    primary_colours = {"normal_border": "#17557C", "selected_bg": "#0E3D5A",
                       "selected_border": hexcol(INK), "hovered_border": "#17557C"}
    return {
        "@primary": {"font": _font(17, bold=True), "colours": primary_colours,
                     "misc": _rounded(6)},
        "@secondary": {"font": _font(15), "colours": secondary_colours, "misc": _rounded(6)},
        "@chosen": {"font": _font(15, bold=True), "colours": primary_colours,
                    "misc": _rounded(6)},
        "@danger": {"font": _font(15), "misc": _rounded(6),
                    "colours": {**secondary_colours, "normal_text": hexcol(BAD),
                                "normal_border": hexcol(BAD), "hovered_text": hexcol(BAD)}},
        "@field": {"font": _font(16), "misc": _rounded(4, border=1),
                   "colours": {"normal_border": hexcol(MUTED), "selected_border": accent,
                               "dark_bg": "#FFFFFF", "normal_text": ink}},
        "@notes": {"font": _font(14),
                   "colours": {"dark_bg": panel, "normal_border": hexcol(LINE),
                               "normal_text": ink, "link_text": accent},
                   "misc": {"border_width": "1", "shadow_width": "0", "padding": "10,8"}},
        "@notes_bold": {"font": _font(14, bold=True)},  # loads the bold face notes use
        "@heading": {"font": _font(22, bold=True), "misc": {"text_horiz_alignment": "left"},
                     "colours": {"normal_text": ink, "dark_bg": "#00000000"}},
        "@muted": {"font": _font(14), "misc": {"text_horiz_alignment": "left"},
                   "colours": {"normal_text": hexcol(MUTED), "dark_bg": "#00000000"}},
        "@scrim": {"colours": {"dark_bg": _SCRIM, "normal_border": "#00000000"},
                   "misc": {"enable_title_bar": "0", "shadow_width": "0", "border_width": "0"}},
        "@dialog": {"colours": {"dark_bg": panel, "normal_border": hexcol(LINE)},
                    "misc": _rounded(10, border=1, shadow=3)},
        _MARKER: {},
    }


def ensure_styles(manager: pygame_gui.UIManager) -> None:
    """Add the menu screens' styles to the manager's theme (once per manager)."""
    ui_theme = manager.get_theme()
    if getattr(ui_theme, "_clinic_day_screens", False):
        return
    ui_theme.load_theme(_styles())
    ui_theme._clinic_day_screens = True  # type: ignore[attr-defined]


def oid(class_id: str, object_id: str | None = None) -> ObjectID:
    """An ObjectID with one of the styles above (e.g. '@secondary')."""
    return ObjectID(object_id=object_id, class_id=class_id)


class TextCache:
    """Fonts and rendered lines, kept so a frame redraws without re-rendering text."""

    LIMIT = 4000  # rendered surfaces kept before the cache starts over

    def __init__(self) -> None:
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._lines: dict[tuple[str, int, bool, Colour], pygame.Surface] = {}
        self._wraps: dict[tuple[str, int, bool, int], list[str]] = {}
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
            if len(self._lines) > self.LIMIT:
                self._lines.clear()
            surf = self.font(size, bold).render(text, True, colour)
            self._lines[key] = surf
        return surf

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        """Split text into lines that fit a width (words longer than it are cut)."""
        key = (text, size, bold, width)
        lines = self._wraps.get(key)
        if lines is None:
            lines = _wrap(self.font(size, bold), text, width)
            self._wraps[key] = lines
        return lines

    def fit(self, text: str, size: int, width: int, bold: bool = False) -> str:
        """The text, shortened with an ellipsis if it is wider than width."""
        font = self.font(size, bold)
        if font.size(text)[0] <= width:
            return text
        while text and font.size(text + "…")[0] > width:
            text = text[:-1]
        return text.rstrip() + "…"

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


def card(surface: pygame.Surface, rect: pygame.Rect, fill: Colour = PANEL,
         border: Colour = LINE, width: int = 1, radius: int = 8) -> None:
    """A rounded panel with a thin border."""
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    pygame.draw.rect(surface, border, rect, width, border_radius=radius)
