"""Badge icons for the menu screens (pass, fail, warning, star, info, logo, chevron), cached."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.ui.kit.theme import ACCENT, BAD, GOOD, MUTED, WARN

Colour = tuple[int, int, int]
WHITE = (255, 255, 255)
SCALE = 4  # drawn this many times larger, then smoothly scaled down for soft edges


def _pass(s: pygame.Surface, n: int, colour: Colour) -> None:
    pygame.draw.circle(s, colour, (n // 2, n // 2), n // 2)
    pts = [(n * 0.27, n * 0.52), (n * 0.44, n * 0.69), (n * 0.74, n * 0.34)]
    pygame.draw.lines(s, WHITE, False, pts, max(2, n // 9))


def _fail(s: pygame.Surface, n: int, colour: Colour) -> None:
    pygame.draw.circle(s, colour, (n // 2, n // 2), n // 2)
    a, b, w = n * 0.32, n * 0.68, max(2, n // 9)
    pygame.draw.line(s, WHITE, (a, a), (b, b), w)
    pygame.draw.line(s, WHITE, (a, b), (b, a), w)


def _warning(s: pygame.Surface, n: int, colour: Colour) -> None:
    pygame.draw.polygon(s, colour, [(n / 2, n * 0.04), (n * 0.98, n * 0.94),
                                    (n * 0.02, n * 0.94)])
    w = max(2, n // 9)
    pygame.draw.line(s, WHITE, (n / 2, n * 0.36), (n / 2, n * 0.64), w)
    pygame.draw.circle(s, WHITE, (n / 2, n * 0.79), w * 0.65)


def _star(s: pygame.Surface, n: int, colour: Colour) -> None:
    c, pts = n / 2, []
    for i in range(10):
        r = n * (0.5 if i % 2 == 0 else 0.21)
        ang = -math.pi / 2 + i * math.pi / 5
        pts.append((c + r * math.cos(ang), c * 1.06 + r * math.sin(ang)))
    pygame.draw.polygon(s, colour, pts)


def _info(s: pygame.Surface, n: int, colour: Colour) -> None:
    pygame.draw.circle(s, colour, (n // 2, n // 2), n // 2)
    w = max(2, n // 8)
    pygame.draw.line(s, WHITE, (n / 2, n * 0.44), (n / 2, n * 0.76), w)
    pygame.draw.circle(s, WHITE, (n / 2, n * 0.28), w * 0.7)


def _logo(s: pygame.Surface, n: int, colour: Colour) -> None:
    pygame.draw.rect(s, colour, (0, 0, n, n), border_radius=n // 5)
    arm, c = n * 0.16, n / 2
    cross = ACCENT if sum(colour) > 600 else WHITE  # a light badge gets an accent cross
    pygame.draw.rect(s, cross, (c - arm, n * 0.2, arm * 2, n * 0.6), border_radius=n // 24)
    pygame.draw.rect(s, cross, (n * 0.2, c - arm, n * 0.6, arm * 2), border_radius=n // 24)
    # a heartbeat line across the cross, in the badge colour
    beat = [(n * 0.16, c), (n * 0.38, c), (n * 0.45, c - n * 0.13), (n * 0.53, c + n * 0.15),
            (n * 0.6, c), (n * 0.84, c)]
    pygame.draw.lines(s, colour, False, beat, max(2, n // 22))


def _chevron(s: pygame.Surface, n: int, colour: Colour) -> None:
    pygame.draw.polygon(s, colour, [(n * 0.25, n * 0.12), (n * 0.8, n / 2), (n * 0.25, n * 0.88)])


def _clock(s: pygame.Surface, n: int, colour: Colour) -> None:
    c = n / 2
    pygame.draw.circle(s, colour, (c, c), n / 2, max(2, n // 10))
    w = max(2, n // 10)
    pygame.draw.line(s, colour, (c, c), (c, n * 0.22), w)
    pygame.draw.line(s, colour, (c, c), (n * 0.72, c), w)


def _lock(s: pygame.Surface, n: int, colour: Colour) -> None:
    w = max(2, n // 8)
    pygame.draw.rect(s, colour, (n * 0.3, n * 0.12, n * 0.4, n * 0.5), w,
                     border_top_left_radius=n // 4, border_top_right_radius=n // 4)
    pygame.draw.rect(s, colour, (n * 0.18, n * 0.45, n * 0.64, n * 0.48), border_radius=2)


_DRAW: dict[str, tuple[Callable[[pygame.Surface, int, Colour], None], Colour]] = {
    "pass": (_pass, GOOD), "fail": (_fail, BAD), "warning": (_warning, WARN),
    "critical": (_warning, BAD), "star": (_star, WARN), "info": (_info, ACCENT),
    "logo": (_logo, ACCENT), "chevron": (_chevron, ACCENT), "clock": (_clock, ACCENT),
    "lock": (_lock, MUTED),
}
NAMES = tuple(_DRAW)


class Icons:
    """Icons by name and pixel size, drawn once and kept."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int, Colour], pygame.Surface] = {}

    def get(self, name: str, size: int, colour: Colour | None = None) -> pygame.Surface:
        """The icon as a surface with alpha."""
        draw, default = _DRAW[name]
        key = (name, size, colour or default)
        surf = self._cache.get(key)
        if surf is None:
            big = pygame.Surface((size * SCALE, size * SCALE), pygame.SRCALPHA)
            draw(big, size * SCALE, key[2])
            surf = pygame.transform.smoothscale(big, (size, size))
            self._cache[key] = surf
        return surf

    def blit(self, surface: pygame.Surface, name: str, pos: tuple[int, int], size: int,
             colour: Colour | None = None, anchor: str = "topleft") -> pygame.Rect:
        """Draw an icon anchored at pos."""
        surf = self.get(name, size, colour)
        rect = surf.get_rect(**{anchor: pos})
        surface.blit(surf, rect)
        return rect
