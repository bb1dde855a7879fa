"""A day card's standing: its stars and best score, "Not played yet", or what unlocks it.
Stars are icons, filled or hollow, and a word says the same ("2 of 3 stars" in the tip)."""

from __future__ import annotations

import pygame

from game.campaign import MAX_STARS
from game.ui.kit.badges import Icons
from game.ui.kit.text_cache import TextCache
from game.ui.kit.theme import INK, LINE, MUTED, WARN

STAR = 16  # icon size, pixels
STARS_W = MAX_STARS * (STAR + 2) + 4


def standing_label(best: int | None, locked_by: str | None) -> str:
    """The words of the standing."""
    if locked_by is not None:
        return "Locked: pass the day above first"
    return "Not played yet" if best is None else f"Best {best} / 100"


def standing_width(best: int | None, stars: int, locked_by: str | None,
                   text: TextCache) -> int:
    """How wide the standing is drawn (for laying a short card out)."""
    label = standing_label(best, locked_by)
    bold = best is not None and locked_by is None
    lead = STAR + 6 if locked_by is not None else (STARS_W if best is not None else 0)
    return lead + text.render(label, 14, INK, bold=bold).get_width()


def draw_standing(surface: pygame.Surface, pos: tuple[int, int], width: int, best: int | None,
                  stars: int, locked_by: str | None, text: TextCache, icons: Icons) -> None:
    """Draw the standing from pos, within width."""
    x, y = pos
    label = standing_label(best, locked_by)
    if locked_by is not None:
        icons.blit(surface, "lock", (x, y + 1), STAR)
        text.blit(surface, text.fit(label, 14, width - STAR - 6), (x + STAR + 6, y), 14, MUTED)
        return
    if best is None:
        text.blit(surface, label, (x, y), 14, MUTED)
        return
    for k in range(MAX_STARS):
        icons.blit(surface, "star", (x + k * (STAR + 2), y + 1), STAR,
                   WARN if k < stars else LINE)
    text.blit(surface, text.fit(label, 14, width - STARS_W, bold=True), (x + STARS_W, y), 14,
              INK, bold=True)
    text.drawn.append(f"{stars} of {MAX_STARS} stars")  # what the icons say, for the record
