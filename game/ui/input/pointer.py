"""Where the mouse is, for hover tips."""

from __future__ import annotations

import pygame


class Pointer:
    """Where the mouse really is, for hover tips: nowhere until it moves in the window,
    nowhere once it leaves or the window loses focus, and a tip goes away once the mouse
    has rested a while (a pointer parked over the plan must not caption every frame)."""

    REST_SECONDS = 6.0

    def __init__(self) -> None:
        self.pos: tuple[int, int] | None = None
        self.still = 0.0

    def handle(self, event: pygame.event.Event) -> None:
        """Follow the mouse's events."""
        if event.type == pygame.MOUSEMOTION:
            self.pos, self.still = (int(event.pos[0]), int(event.pos[1])), 0.0
        elif event.type in (pygame.WINDOWLEAVE, pygame.WINDOWFOCUSLOST):
            self.pos = None
        elif event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL):
            self.still = 0.0

    def update(self, dt: float) -> None:
        """Real time passes; a resting mouse's tip fades after REST_SECONDS."""
        self.still += dt

    def over(self, rect: pygame.Rect) -> tuple[int, int] | None:
        """The pointer's place if it is inside rect, however long it has rested (a
        message being read under the mouse stays readable)."""
        return self.pos if self.pos is not None and rect.collidepoint(self.pos) else None

    @property
    def tip_pos(self) -> tuple[int, int] | None:
        """Where to show a hover tip now, or None."""
        return self.pos if self.pos is not None and self.still < self.REST_SECONDS else None
