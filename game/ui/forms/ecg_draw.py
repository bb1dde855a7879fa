"""Drawings for the ECG screen, made in code: a patient's torso and limbs with the candidate
electrode sites, and a stylised tracing strip on which artifact shows as noise."""

from __future__ import annotations

import math
import random

import pygame

from game.clinical.ecg import SITE_IDS
from game.ui.kit.text_cache import TextCache
from game.ui.kit.theme import ACCENT, INK, LINE, MUTED, PANEL

# Where each site is on the drawing, as fractions of its width and height. The patient faces
# the viewer: their left side is on the right of the picture.
_ICS_Y = {2: 0.24, 3: 0.305, 4: 0.37, 5: 0.435, 6: 0.50}
_RSB, _LSB, _MCL, _AAL, _MAL = 0.44, 0.56, 0.665, 0.735, 0.80
SITE_POS: dict[str, tuple[float, float]] = {
    "right_arm": (0.07, 0.62), "left_arm": (0.93, 0.62),
    "right_leg": (0.42, 0.94), "left_leg": (0.58, 0.94),
    "r2": (_RSB, _ICS_Y[2]), "l2": (_LSB, _ICS_Y[2]), "r3": (_RSB, _ICS_Y[3]),
    "l3": (_LSB, _ICS_Y[3]), "r4": (_RSB, _ICS_Y[4]), "l4": (_LSB, _ICS_Y[4]),
    "v3": ((_LSB + _MCL) / 2, (_ICS_Y[4] + _ICS_Y[5]) / 2),
    "l4_mcl": (_MCL, _ICS_Y[4]), "l5_mcl": (_MCL, _ICS_Y[5]), "l6_mcl": (_MCL, _ICS_Y[6]),
    "l5_aal": (_AAL, _ICS_Y[5]), "l6_aal": (_AAL, _ICS_Y[6]),
    "l5_mal": (_MAL, _ICS_Y[5]), "l6_mal": (_MAL, _ICS_Y[6]),
}
assert set(SITE_POS) == set(SITE_IDS)

# The AHA colour code of the lead wires, so each electrode looks as it does on a real cart.
COLOURS: dict[str, tuple[int, int, int]] = {
    "RA": (245, 245, 245), "LA": (30, 30, 30), "RL": (40, 150, 60), "LL": (200, 40, 40),
    "V1": (200, 40, 40), "V2": (225, 190, 30), "V3": (40, 150, 60), "V4": (40, 90, 200),
    "V5": (235, 130, 20), "V6": (130, 60, 170)}
SKIN, SKIN_EDGE = (238, 214, 196), (170, 140, 120)
HIT = 7  # pixels around a site that a click still finds it


def site_xy(site: str, size: tuple[int, int]) -> tuple[int, int]:
    """A site's pixel position in a drawing of this size."""
    fx, fy = SITE_POS[site]
    return round(fx * size[0]), round(fy * size[1])


def site_at(pos: tuple[int, int], size: tuple[int, int]) -> str | None:
    """The site under a point of the drawing (within HIT pixels), or None."""
    best, dist = None, float(HIT + 1)
    for site in SITE_IDS:
        x, y = site_xy(site, size)
        d = math.hypot(pos[0] - x, pos[1] - y)
        if d < dist:
            best, dist = site, d
    return best if dist <= HIT else None


def neighbour(site: str, dx: int, dy: int) -> str:
    """The nearest site in a direction (an arrow key), or the same site when none is."""
    x0, y0 = SITE_POS[site]
    best, score = site, math.inf
    for other in SITE_IDS:
        x, y = SITE_POS[other]
        ax, ay = x - x0, y - y0
        along = ax * dx + ay * dy
        if other == site or along <= 0.005:
            continue
        across = abs(ax * dy - ay * dx)
        s = along + 2.5 * across
        if s < score:
            best, score = other, s
    return best


def torso(size: tuple[int, int], placed: dict[str, str], cursor: str | None,
          text: TextCache) -> pygame.Surface:
    """The patient lying supine, seen from above: candidate sites as rings, electrodes as
    coloured discs (a chest lead's number inside, a limb lead's name beside), the keyboard
    cursor as a blue ring."""
    w, h = size
    s = pygame.Surface(size)
    s.fill(PANEL)
    limb = max(6, w // 16)
    for a, b in (((0.22, 0.20), (0.07, 0.66)), ((0.78, 0.20), (0.93, 0.66)),
                 ((0.44, 0.66), (0.42, 0.97)), ((0.56, 0.66), (0.58, 0.97))):
        pygame.draw.line(s, SKIN_EDGE, (a[0] * w, a[1] * h), (b[0] * w, b[1] * h), limb + 2)
        pygame.draw.line(s, SKIN, (a[0] * w, a[1] * h), (b[0] * w, b[1] * h), limb)
    body = pygame.Rect(round(0.18 * w), round(0.15 * h), round(0.64 * w), round(0.54 * h))
    pygame.draw.rect(s, SKIN, body, border_radius=w // 10)
    pygame.draw.rect(s, SKIN_EDGE, body, 1, border_radius=w // 10)
    pygame.draw.circle(s, SKIN, (w // 2, round(0.08 * h)), round(0.07 * h))
    pygame.draw.circle(s, SKIN_EDGE, (w // 2, round(0.08 * h)), round(0.07 * h), 1)
    # the sternum, and the intercostal spaces as faint lines with their numbers
    pygame.draw.line(s, SKIN_EDGE, (w // 2, round(0.21 * h)), (w // 2, round(0.47 * h)), 3)
    for n, fy in _ICS_Y.items():
        y = round(fy * h)
        pygame.draw.line(s, (222, 196, 178), (round(0.30 * w), y), (round(0.81 * w), y), 1)
        s.blit(text.render(str(n), 10, MUTED), (round(0.24 * w), y - 7))
    for i, (x, label) in enumerate(((_MCL, "MCL"), (_AAL, "AAL"), (_MAL, "MAL"))):
        shown = text.render(label, 9, MUTED)  # staggered: the lines are close together
        s.blit(shown, (round(x * w) - shown.get_width() // 2, round((0.54 + 0.04 * (i % 2))
                                                                     * h)))
    s.blit(text.render("R", 12, MUTED, bold=True), (4, 4))
    s.blit(text.render("L", 12, MUTED, bold=True), (w - 12, 4))
    at = {site: el for el, site in placed.items()}
    for site in SITE_IDS:
        x, y = site_xy(site, size)
        el = at.get(site)
        if el is None:
            pygame.draw.circle(s, (255, 255, 255), (x, y), 4)
            pygame.draw.circle(s, MUTED, (x, y), 4, 1)
        else:
            pygame.draw.circle(s, COLOURS[el], (x, y), 7)
            pygame.draw.circle(s, INK, (x, y), 7, 1)
        if site == cursor:
            pygame.draw.circle(s, ACCENT, (x, y), 9, 2)
    # the names last, on top of every disc and ring
    for el, where in placed.items():
        x, y = site_xy(where, size)
        if el.startswith("V"):
            # the chest leads sit a finger's breadth apart: each shows its number inside
            # its disc, in a colour that reads on it
            digit = text.render(el[1:], 9, INK if el == "V2" else (255, 255, 255), bold=True)
            s.blit(digit, (x - digit.get_width() // 2, y - digit.get_height() // 2))
        else:
            name = text.render(el, 10, INK, bold=True)
            s.blit(name, limb_label_at(el, (x, y), name.get_size(), w))
    pygame.draw.rect(s, LINE, s.get_rect(), 1)
    return s


def limb_label_at(el: str, xy: tuple[int, int], label: tuple[int, int], width: int
                  ) -> tuple[int, int]:
    """Where a limb lead's name goes: under an arm's disc (kept inside the drawing), on the
    outer side of a leg's, so no name covers a chest site or an axis label."""
    (x, y), (lw, lh) = xy, label
    if el in ("RA", "LA"):
        return max(2, min(width - lw - 2, x - lw // 2)), y + 8
    return (x - 8 - lw if el == "RL" else x + 8), y - lh // 2


NOISE = {"talking": "tremor", "shivering": "tremor", "interference": "hum",
         "loose_lead": "wander"}


def _beat(phase: float) -> float:
    """One stylised heartbeat, P wave, QRS and T wave, for a phase from 0 to 1."""
    def bump(c: float, width: float, height: float) -> float:
        return height * math.exp(-((phase - c) / width) ** 2)
    return (bump(0.18, 0.035, 0.12) - bump(0.33, 0.012, 0.12) + bump(0.36, 0.014, 1.0)
            - bump(0.39, 0.012, 0.25) + bump(0.62, 0.06, 0.28))


def strip(size: tuple[int, int], leads: tuple[str, ...], artifact: str | None,
          inverted: frozenset[str], text: TextCache, seed: int = 7) -> pygame.Surface:
    """A few leads of a tracing on ECG paper; artifact shows as noise of its kind."""
    w, h = size
    s = pygame.Surface(size)
    s.fill((255, 246, 246))
    for x in range(0, w, 5):
        pygame.draw.line(s, (250, 215, 215) if x % 25 else (238, 170, 170), (x, 0), (x, h))
    for gy in range(0, h, 5):
        pygame.draw.line(s, (250, 215, 215) if gy % 25 else (238, 170, 170), (0, gy), (w, gy))
    rng = random.Random(seed)  # the same noise every redraw: a picture, not a measurement
    row = h / max(1, len(leads))
    kind = NOISE.get(artifact or "")
    for i, lead in enumerate(leads):
        base = row * (i + 0.62)
        amp = row * 0.42 * (-1 if lead in inverted else 1)
        points = []
        for x in range(28, w - 4):
            y = _beat((x / 60.0) % 1.0) * amp
            if kind == "tremor":
                y += rng.uniform(-0.22, 0.22) * row * 0.45
            elif kind == "hum":
                y += math.sin(x * 2.6) * row * 0.09
            elif kind == "wander":
                y += math.sin(x / 37.0 + i) * row * 0.3
                if 0.55 < (x / w + 0.3 * i) % 1.0 < 0.65:
                    y = rng.uniform(-1, 1) * row * 0.05 - row * 0.35
            points.append((x, base - y))
        pygame.draw.lines(s, INK, False, points, 1)
        s.blit(text.render(lead, 11, INK, bold=True), (4, round(base - row * 0.45)))
    pygame.draw.rect(s, LINE, s.get_rect(), 1)
    return s
