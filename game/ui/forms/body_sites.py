"""The injection-site picker's drawing, made in code: a body seen from the front with the
sites as clickable spots on both sides (deltoid, fatty tissue over the triceps, inner
forearm, vastus lateralis, anterolateral thigh), hit-testing and arrow-key moves."""

from __future__ import annotations

import math

import pygame

from game.clinical.vaccines import SITE_NAMES, SITES
from game.ui.kit.text_cache import TextCache
from game.ui.kit.theme import ACCENT, INK, LINE, MUTED, PANEL

# The patient faces the viewer: their right side is on the left of the picture.
SIDES = ("right", "left")
# Where each site is on the patient's right side, as fractions of the drawing's width and
# height; the left side mirrors it.
_RIGHT: dict[str, tuple[float, float]] = {
    "deltoid": (0.275, 0.215), "triceps": (0.235, 0.315), "forearm": (0.205, 0.46),
    "vastus_lateralis": (0.355, 0.63), "thigh": (0.445, 0.69)}
assert set(_RIGHT) == set(SITES)
LETTERS = {"deltoid": "D", "triceps": "T", "forearm": "F", "vastus_lateralis": "V",
           "thigh": "S"}
LEGEND = ("D deltoid \u00b7 T over the triceps \u00b7 F inner forearm \u00b7 V vastus "
          "lateralis \u00b7 S thigh (fatty tissue)")
SKIN, SKIN_EDGE = (238, 214, 196), (170, 140, 120)
HIT = 9  # pixels around a spot that a click still finds it
Region = str  # "right:deltoid", "left:vastus_lateralis"


def regions() -> tuple[Region, ...]:
    """Every spot: each site on each side."""
    return tuple(f"{side}:{site}" for site in SITES for side in SIDES)


def site_of(region: Region) -> str:
    """The site a spot is (the command names the site, not the side)."""
    return region.split(":", 1)[1]


def region_name(region: Region) -> str:
    """A spot in words: "left deltoid"."""
    side, site = region.split(":", 1)
    return f"{side} {SITE_NAMES[site]}"


def spot(region: Region, size: tuple[int, int]) -> tuple[int, int]:
    """A spot's pixel position in a drawing of this size."""
    side, site = region.split(":", 1)
    fx, fy = _RIGHT[site]
    if side == "left":
        fx = 1 - fx
    return round(fx * size[0]), round(fy * size[1])


def region_at(pos: tuple[int, int], size: tuple[int, int]) -> Region | None:
    """The spot under a point of the drawing (within HIT pixels), or None."""
    best, dist = None, float(HIT + 1)
    for region in regions():
        x, y = spot(region, size)
        d = math.hypot(pos[0] - x, pos[1] - y)
        if d < dist:
            best, dist = region, d
    return best if dist <= HIT else None


def neighbour(region: Region | None, dx: int, dy: int, size: tuple[int, int]) -> Region:
    """The nearest spot in an arrow's direction (the same spot when there is none); from no
    spot, the first (the patient's left deltoid, the commonest site)."""
    if region is None:
        return "left:deltoid"
    x0, y0 = spot(region, size)
    best, score = region, math.inf
    for other in regions():
        x, y = spot(other, size)
        along = (x - x0) * dx + (y - y0) * dy
        if other == region or along <= 0:
            continue
        across = abs((x - x0) * dy) + abs((y - y0) * dx)
        # Within 45 degrees of the arrow first; a spot off to the side only when none is.
        s = along + 2 * across + (0 if along >= across else 10_000)
        if s < score:
            best, score = other, s
    return best


def _limb(s: pygame.Surface, a: tuple[int, int], b: tuple[int, int], width: int) -> None:
    pygame.draw.line(s, SKIN_EDGE, a, b, width + 2)
    pygame.draw.line(s, SKIN, a, b, width)
    for end in (a, b):
        pygame.draw.circle(s, SKIN, end, width // 2)


def body(size: tuple[int, int], chosen: Region | None, text: TextCache) -> pygame.Surface:
    """The outline with every spot lettered; the chosen one ringed and named."""
    w, h = size
    s = pygame.Surface(size)
    s.fill(PANEL)
    pygame.draw.rect(s, LINE, s.get_rect(), 1)

    def px(fx: float, fy: float) -> tuple[int, int]:
        return round(fx * w), round(fy * h)

    arm, leg = max(8, round(w * 0.085)), max(10, round(w * 0.12))
    for side in (1, -1):  # the patient's right, then left (mirrored)
        def m(fx: float, fy: float, side: int = side) -> tuple[int, int]:
            return px(fx if side == 1 else 1 - fx, fy)
        _limb(s, m(0.31, 0.19), m(0.24, 0.36), arm)  # upper arm
        _limb(s, m(0.24, 0.36), m(0.19, 0.53), arm - 2)  # forearm
        _limb(s, m(0.43, 0.52), m(0.41, 0.77), leg)  # thigh
        _limb(s, m(0.41, 0.77), m(0.41, 0.95), leg - 3)  # lower leg
    torso = pygame.Rect(px(0.31, 0.16), (round(0.38 * w), round(0.38 * h)))
    pygame.draw.rect(s, SKIN, torso, border_radius=max(4, w // 14))
    pygame.draw.rect(s, SKIN_EDGE, torso, 1, border_radius=max(4, w // 14))
    pygame.draw.rect(s, SKIN, (px(0.46, 0.12), (round(0.08 * w), round(0.05 * h))))
    pygame.draw.circle(s, SKIN, px(0.5, 0.075), round(0.062 * h))
    pygame.draw.circle(s, SKIN_EDGE, px(0.5, 0.075), round(0.062 * h), 1)
    size_px = max(10, round(h * 0.042))
    for region in regions():
        c = spot(region, size)
        on = region == chosen
        pygame.draw.circle(s, ACCENT if on else (255, 255, 255), c, 7)
        pygame.draw.circle(s, INK if on else MUTED, c, 7, 2 if on else 1)
        text.blit(s, LETTERS[site_of(region)], c, size_px, (255, 255, 255) if on else INK,
                  bold=True, anchor="center")
        if on:
            pygame.draw.circle(s, INK, c, 11, 2)  # a ring, so the choice is not colour alone
    text.blit(s, "R", px(0.06, 0.03), size_px, MUTED, bold=True)
    text.blit(s, "L", px(0.90, 0.03), size_px, MUTED, bold=True)
    return s
