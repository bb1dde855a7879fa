"""A badge on a floor-plan station: an icon and a word (never colour alone) at its bottom
left, with a tooltip; the supply room's stock and the vaccine fridge's alarm use it."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.kit import status_icons

Badge = tuple[str, str, tuple[int, int, int], str]  # icon, word, colour, tooltip


def draw_station_badge(floor: Any, surface: pygame.Surface, station: str, title: str,
                       badge: Badge) -> None:
    """Draw the badge on the station and register its tooltip ("Supply room: ...")."""
    icon, word, col, tip = badge
    r = floor.geo.station_rect(station)
    size = max(11, floor.font - 2)
    ir = max(5, size // 2)
    x, y = r.x + 6, r.bottom - size - 8
    status_icons.draw(icon, surface, (x + ir, y + size // 2 + 2), ir, col)
    # Short of the station's own icon at the bottom right.
    word = floor.text.fit(word, size, r.w - 2 * ir - 32, True)
    tr = floor.text.blit(surface, word, (x + 2 * ir + 4, y), size, col, bold=True)
    floor.hits.insert(0, (pygame.Rect(x, y, tr.right - x, size + 4), f"{title}: {tip}",
                          ("station", station)))
