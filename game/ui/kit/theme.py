"""The palette and the pygame_gui theme file; one font (Noto Sans, shipped) everywhere."""

from __future__ import annotations

import json
from typing import Any

from game.paths import ASSETS

THEME_PATH = ASSETS / "theme.json"
FONT_REGULAR = ASSETS / "fonts" / "NotoSans-Regular.ttf"
FONT_BOLD = ASSETS / "fonts" / "NotoSans-Bold.ttf"

# One palette for the whole game. State is never shown by colour alone: every coloured
# state also carries an icon or a word.
INK = (29, 39, 51)
MUTED = (96, 110, 126)
PAPER = (236, 240, 244)
PANEL = (250, 251, 252)
LINE = (200, 208, 218)
ACCENT = (32, 110, 160)
GOOD = (27, 110, 58)
WARN = (176, 110, 0)
BAD = (164, 38, 44)
FLOOR = (222, 228, 234)
ROOM = (246, 248, 250)


def load_theme() -> dict[str, Any]:
    """The theme file with the font paths made absolute, so it works from any folder."""
    theme: dict[str, Any] = json.loads(THEME_PATH.read_text(encoding="utf-8"))
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font:
            font["regular_path"] = str(FONT_REGULAR)
            font["bold_path"] = str(FONT_BOLD)
    return theme


def hexcol(rgb: tuple[int, int, int]) -> str:
    """A palette colour as a pygame_gui theme string, e.g. '#206EA0'."""
    return "#{:02X}{:02X}{:02X}".format(*rgb)
