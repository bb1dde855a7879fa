"""Floor-plan geometry: the simulation's station positions (game/sim/layout.py) scaled to pixels."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pygame

from game.sim.layout import ROOM_Y, Layout

CORRIDOR_Y = 10.6  # the corridor between the exam rooms and the work area, in steps
MIN_SCALE = 17.0  # pixels per step below which the plan scrolls instead of shrinking
ROOM_HALF_W = 2.8  # rooms are ROOM_PITCH (6) steps apart: 0.4 of wall between them
# Boxes around the fixed stations, in steps relative to their layout position: (dx0, dy0, dx1, dy1)
BOXES: dict[str, tuple[float, float, float, float]] = {
    "front_desk": (-3.0, -1.6, 3.2, 2.0),
    "waiting_room": (-2.6, -2.0, 5.6, 3.4),
    "workstation": (-2.6, -1.6, 2.6, 2.0),
    "lab": (-3.6, -1.6, 4.0, 2.0),
    "supply": (-2.6, -2.0, 2.6, 2.2),
    "fridge": (-1.6, -2.0, 3.4, 2.2),
    "provider_office": (-1.4, -1.6, 4.0, 2.0),
}
TITLES: dict[str, str] = {
    "front_desk": "Front desk", "waiting_room": "Waiting room", "workstation": "Workstation",
    "lab": "Lab", "supply": "Supply room", "fridge": "Vaccine fridge",
    "provider_office": "Provider's office",
}


@dataclass
class FloorGeometry:
    """Maps floor-plan steps to screen pixels inside a rect, keeping the aspect ratio."""

    layout: Layout
    rect: pygame.Rect

    def __post_init__(self) -> None:
        xs = [x for x, _ in self.layout.positions.values()]
        self.x0 = min(xs) - 3.0
        self.x1 = max(max(xs) + 4.4, 29.4)
        self.y0, self.y1 = ROOM_Y - 4.6, 22.4
        sx = self.rect.w / (self.x1 - self.x0)
        sy = self.rect.h / (self.y1 - self.y0)
        # A clinic with many rooms is a long corridor: rather than shrink it to unreadable,
        # keep a readable scale and let the plan scroll sideways.
        self.scale = min(sy, max(sx, MIN_SCALE))
        self.content_w = round(self.scale * (self.x1 - self.x0))
        self.max_scroll = max(0, self.content_w - self.rect.w)
        self.view_x = 0.0
        # Centre the plan in its rect when it fits.
        self.ox0 = self.rect.x + max(0.0, (self.rect.w - self.content_w) / 2)
        self.oy = self.rect.y + (self.rect.h - self.scale * (self.y1 - self.y0)) / 2

    @property
    def ox(self) -> float:
        """Screen x of the plan's left edge, after scrolling."""
        return self.ox0 - self.view_x

    def scroll(self, dx: float) -> None:
        """Scroll the plan sideways by dx pixels (clamped)."""
        self.view_x = max(0.0, min(float(self.max_scroll), self.view_x + dx))

    def reveal(self, x_px: int, margin: int = 80) -> None:
        """Scroll so that a screen x is inside the view."""
        if x_px < self.rect.x + margin:
            self.scroll(x_px - self.rect.x - margin)
        elif x_px > self.rect.right - margin:
            self.scroll(x_px - self.rect.right + margin)

    @property
    def token_r(self) -> int:
        """Radius of a person's token in pixels."""
        return max(9, min(22, round(self.scale * 0.62)))

    def px(self, x: float, y: float) -> tuple[int, int]:
        """A point in steps to pixels."""
        return (round(self.ox + (x - self.x0) * self.scale),
                round(self.oy + (y - self.y0) * self.scale))

    def box(self, x0: float, y0: float, x1: float, y1: float) -> pygame.Rect:
        """A rectangle in steps to pixels."""
        a, b = self.px(x0, y0), self.px(x1, y1)
        return pygame.Rect(a[0], a[1], b[0] - a[0], b[1] - a[1])

    def station_rect(self, station: str) -> pygame.Rect:
        """The box drawn for a station or a room."""
        x, y = self.layout.positions[station]
        if station.startswith("room:"):
            return self.box(x - ROOM_HALF_W, y - 4.2, x + ROOM_HALF_W, y + 4.2)
        dx0, dy0, dx1, dy1 = BOXES[station]
        return self.box(x + dx0, y + dy0, x + dx1, y + dy1)

    def stations(self) -> list[str]:
        """Every station id, rooms first."""
        return sorted(self.layout.positions, key=lambda s: (not s.startswith("room:"), s))

    def ma_spot(self, station: str) -> tuple[float, float]:
        """Where the MA stands at a station, in steps."""
        x, y = self.layout.positions[station]
        if station.startswith("room:"):
            return x + 1.4, y + 1.6
        # At the right of the station's box, below its title.
        _dx0, dy0, dx1, dy1 = BOXES[station]
        return x + dx1 - 0.9, y + (dy0 + dy1) / 2 + 0.4

    def patient_spot(self, station: str, index: int) -> tuple[float, float]:
        """The index-th patient's place at a station, in steps."""
        x, y = self.layout.positions[station]
        if station.startswith("room:"):
            return x - 1.2, y + 0.4
        if station == "front_desk":  # a line in front of the counter
            return x - 2.0 + 1.5 * (index % 4), y + 0.7 + 1.4 * (index // 4)
        # Waiting room: rows of chairs; wraps past the box when it overflows.
        return x - 1.6 + 1.6 * (index % 5), y - 0.2 + 1.5 * (index // 5 % 3)

    def provider_spot(self, station: str, index: int) -> tuple[float, float]:
        """Where a provider stands: at their desk, or beside the patient in a room."""
        x, y = self.layout.positions[station]
        if station.startswith("room:"):
            return x + 1.4, y - 1.0
        return x - 0.4 + 1.4 * index, y + 0.9

    def path(self, a: str, b: str) -> list[tuple[float, float]]:
        """The MA's walk between stations: via the corridor when a room is involved."""
        pa, pb = self.ma_spot(a), self.ma_spot(b)
        if a.startswith("room:") or b.startswith("room:"):
            return [pa, (pa[0], CORRIDOR_Y), (pb[0], CORRIDOR_Y), pb]
        return [pa, pb]


def along(path: list[tuple[float, float]], frac: float) -> tuple[float, float]:
    """The point a fraction of the way along a polyline."""
    lengths = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in itertools.pairwise(path)]
    total = sum(lengths)
    if total <= 0:
        return path[-1]
    d = max(0.0, min(1.0, frac)) * total
    for (a, b), seg in zip(itertools.pairwise(path), lengths, strict=True):
        if d <= seg and seg > 0:
            t = d / seg
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        d -= seg
    return path[-1]
