"""Shared look of the menu screens: widget styles from the palette, and cached text."""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.ui.kit import theme
from game.ui.kit.theme import ACCENT, BAD, INK, LINE, MUTED, PANEL, PAPER, hexcol

Colour = tuple[int, int, int]

# Extra pygame_gui styles, merged into the manager's theme once (pygame_gui merges a theme
# dict block by block, so the shared assets/theme.json is untouched).
_SCRIM = "#1D2733A6"  # INK at 65% opacity: dims whatever is under an overlay
_MARKER = "@screens_styles_loaded"


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


def card(surface: pygame.Surface, rect: pygame.Rect, fill: Colour = PANEL,
         border: Colour = LINE, width: int = 1, radius: int = 8) -> None:
    """A rounded panel with a thin border."""
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    pygame.draw.rect(surface, border, rect, width, border_radius=radius)
