"""The forms' own theme blocks (object ids '#form_*'), merged into the manager's theme."""

from __future__ import annotations

from typing import Any

import pygame_gui

from game.ui.kit.theme import (
    ACCENT,
    BAD,
    FONT_BOLD,
    FONT_REGULAR,
    GOOD,
    INK,
    LINE,
    MUTED,
    PANEL,
    hexcol,
)

BOX_SMALL_SIZE = 13
LCD_BG = (24, 33, 43)
LCD_TEXT = (170, 236, 176)


def _font(size: int, bold: bool = False) -> dict[str, str]:
    return {"name": "noto", "size": str(size), "bold": "1" if bold else "0",
            "regular_path": str(FONT_REGULAR), "bold_path": str(FONT_BOLD)}


def _text(colour: tuple[int, int, int], size: int = 15, bold: bool = False,
          align: str = "left") -> dict[str, Any]:
    return {"colours": {"normal_text": hexcol(colour), "dark_bg": "#00000000"},
            "font": _font(size, bold), "misc": {"text_horiz_alignment": align}}


def form_theme() -> dict[str, Any]:
    """Theme blocks for labels, ticks, the device display and calendar slots."""
    white, ink, accent = "#FFFFFF", hexcol(INK), hexcol(ACCENT)
    return {
        "#form_text": _text(INK),
        "#form_small": _text(MUTED, 13),
        "#form_task": _text(INK, 13),
        "#form_heading": _text(INK, 15, bold=True),
        "#form_heading_center": _text(INK, 15, bold=True, align="center"),
        "#form_small_center": _text(MUTED, 12, align="center"),
        "#form_error": _text(BAD, 14, bold=True),
        "#form_good": _text(GOOD, 14, bold=True),
        "#form_lcd": {"colours": {"normal_text": hexcol(LCD_TEXT),
                                  "dark_bg": hexcol(LCD_BG)},
                      "font": _font(18, bold=True), "misc": {"text_horiz_alignment": "center"}},
        "#form_device": {"colours": {"dark_bg": hexcol(LCD_BG),
                                     "normal_border": hexcol(LCD_BG)}},
        "#form_lcd_caption": {"colours": {"normal_text": "#C9D3DE", "dark_bg": "#00000000"},
                              "font": _font(12), "misc": {"text_horiz_alignment": "center"}},
        "#form_box": {"colours": {"normal_text": ink, "dark_bg": hexcol(PANEL),
                                  "normal_border": hexcol(LINE)},
                      "font": _font(14), "misc": {"padding": "6,4", "border_width": "1",
                                                "line_spacing": "1.0"}},
        "#form_box_small": {"colours": {"normal_text": ink, "dark_bg": hexcol(PANEL),
                                        "normal_border": hexcol(LINE)},
                            "font": _font(BOX_SMALL_SIZE),
                            "misc": {"padding": "6,4", "border_width": "1",
                                     "line_spacing": "1.0"}},
        "#form_tick": {"colours": {"normal_bg": white, "hovered_bg": "#E3EEF6",
                                   "selected_bg": accent, "normal_border": "#7D8B9B",
                                   "hovered_border": accent, "selected_border": accent,
                                   "normal_text": white, "hovered_text": ink,
                                   "selected_text": white, "disabled_bg": "#E4E8EC",
                                   "disabled_border": hexcol(LINE)},
                       # Noto Sans has no check mark: pygame_gui's bundled symbol font does.
                       "font": {"name": "fira_code_symbols", "size": "15", "bold": "0"},
                       "misc": {"check_symbol": "\u2713", "shadow_width": "0"}},
        "#form_slot": {"colours": {"normal_bg": white, "hovered_bg": "#E3EEF6",
                                   "active_bg": "#CFE2F0", "selected_bg": accent,
                                   "normal_text": accent, "hovered_text": accent,
                                   "active_text": accent, "selected_text": white,
                                   "normal_border": "#9FB4C8", "disabled_bg": "#E9ECEF",
                                   "disabled_text": "#6B7785", "disabled_border": "#D5DBE1"},
                       "font": _font(13), "misc": {"shadow_width": "0", "border_width": "1"}},
        "#form_status": {"colours": {"normal_text": ink, "dark_bg": "#00000000",
                                     "normal_border": "#00000000"},
                         "font": _font(14, bold=True),
                         "misc": {"padding": "0,1", "border_width": "0", "shadow_width": "0",
                                  "line_spacing": "1.0"}},
        "#form_tube": {"font": _font(13)},
        "#form_day": _text(INK, 13, bold=True, align="center"),
        "#form_day_in": {"colours": {"normal_text": white, "dark_bg": accent},
                         "font": _font(13, bold=True), "misc": {"text_horiz_alignment": "center"}},
    }


def ensure_form_theme(manager: pygame_gui.UIManager) -> None:
    """Add the forms' blocks to the manager's theme (idempotent; existing widgets untouched)."""
    theme = manager.get_theme()
    if getattr(theme, "ui_element_fonts_info", {}).get("#form_text"):
        return
    # pygame_gui takes a dict here too; its hints name only a JSON string.
    theme.update_theming(form_theme(), rebuild_all=False)  # type: ignore[arg-type]
