"""Speech bubbles on the floor plan: a walk-in's complaint, in their words, until screened."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.kit import theme

if TYPE_CHECKING:
    from game.sim.state import PatientState
    from game.ui.day.floorplan import FloorPlan

MAX_W = 190  # pixels: two short lines, the whole complaint on hover
LINES = 2
WHITE = (255, 255, 255)


def complaint(p: PatientState) -> str:
    """What the walk-in says at the desk."""
    return p.spec.walk_in.complaint if p.spec.walk_in is not None else ""


def draw_bubbles(floor: FloorPlan, s: pygame.Surface,
                 who: list[tuple[tuple[int, int], PatientState]]) -> None:
    """A bubble above each token (drawn after every token, so none covers a bubble)."""
    t, r = floor.text, floor.geo.token_r
    size = max(11, floor.font - 3)
    for (cx, cy), p in who:
        words = f"\u201c{complaint(p)}\u201d"
        lines = t.wrap(words, size, MAX_W - 12)
        if len(lines) > LINES:
            lines = [*lines[:LINES - 1], t.fit(" ".join(lines[LINES - 1:]), size, MAX_W - 12)]
        w = max(t.render(line, size).get_width() for line in lines) + 12
        h = len(lines) * (size + 3) + 6
        box = pygame.Rect(0, 0, w, h)
        box.midbottom = (cx, cy - r - 7)
        box = box.clamp(floor.rect)
        pill = floor.phone_rect
        if pill is not None and box.colliderect(pill):
            box.top = pill.bottom + 2  # below the phone, which must stay readable
        tail = [(cx - 5, box.bottom - 1), (cx + 5, box.bottom - 1), (cx, cy - r - 1)]
        pygame.draw.polygon(s, WHITE, tail)
        pygame.draw.rect(s, WHITE, box, border_radius=6)
        pygame.draw.rect(s, theme.INK, box, 1, border_radius=6)
        pygame.draw.lines(s, theme.INK, False, tail, 1)
        pygame.draw.line(s, WHITE, (cx - 4, box.bottom - 1), (cx + 4, box.bottom - 1), 2)
        for i, line in enumerate(lines):
            t.blit(s, line, (box.x + 6, box.y + 3 + i * (size + 3)), size, theme.INK)
        floor.hits.insert(0, (box, f"{p.name}, a walk-in, says: {words}. Screen them first: "
                              "select them and press W.", ("patient", p.id)))
