"""The day screen's state icons, drawn with shapes: every state shown by colour gets one."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.ui.kit import theme

Colour = tuple[int, int, int]
Point = tuple[int, int]


def check(s: pygame.Surface, c: Point, r: int, col: Colour = theme.GOOD) -> None:
    """A check mark: done, clean, ok."""
    x, y = c
    w = max(2, r // 3)
    pygame.draw.lines(s, col, False, [(x - r, y), (x - r // 3, y + r * 2 // 3), (x + r, y - r)], w)


def cross(s: pygame.Surface, c: Point, r: int, col: Colour = theme.BAD) -> None:
    """An X: not done, missing."""
    x, y = c
    w = max(2, r // 3)
    pygame.draw.line(s, col, (x - r, y - r), (x + r, y + r), w)
    pygame.draw.line(s, col, (x - r, y + r), (x + r, y - r), w)


def clock(s: pygame.Surface, c: Point, r: int, col: Colour = theme.INK) -> None:
    """A clock face: waiting, time."""
    x, y = c
    pygame.draw.circle(s, (255, 255, 255), c, r)
    pygame.draw.circle(s, col, c, r, max(1, r // 5))
    pygame.draw.line(s, col, c, (x, y - r * 3 // 5), max(1, r // 5))
    pygame.draw.line(s, col, c, (x + r // 2, y), max(1, r // 5))


def drop(s: pygame.Surface, c: Point, r: int, col: Colour = theme.BAD) -> None:
    """A drop of blood: lab work."""
    x, y = c
    pygame.draw.circle(s, col, (x, y + r // 3), r * 2 // 3)
    pygame.draw.polygon(s, col, [(x, y - r), (x - r * 2 // 3, y + r // 3),
                                 (x + r * 2 // 3, y + r // 3)])


def warning(s: pygame.Surface, c: Point, r: int, col: Colour = theme.WARN) -> None:
    """A triangle with an exclamation mark: needs attention now."""
    x, y = c
    pts = [(x, y - r), (x - r, y + r * 4 // 5), (x + r, y + r * 4 // 5)]
    pygame.draw.polygon(s, col, pts)
    w = max(2, r // 4)
    pygame.draw.line(s, (255, 255, 255), (x, y - r // 3), (x, y + r // 4), w)
    pygame.draw.circle(s, (255, 255, 255), (x, y + r // 2), max(1, w // 2 + 1))


def bed(s: pygame.Surface, c: Point, r: int, col: Colour = theme.MUTED) -> None:
    """An exam table."""
    x, y = c
    pygame.draw.rect(s, col, (x - r, y - r // 4, 2 * r, r // 2), border_radius=2)
    pygame.draw.rect(s, col, (x - r, y - r * 2 // 3, r // 2, r // 2), border_radius=2)
    pygame.draw.line(s, col, (x - r + 2, y + r // 4), (x - r + 2, y + r * 3 // 4), 2)
    pygame.draw.line(s, col, (x + r - 3, y + r // 4), (x + r - 3, y + r * 3 // 4), 2)


def sparkle(s: pygame.Surface, c: Point, r: int, col: Colour = theme.GOOD) -> None:
    """A four-point star: freshly disinfected."""
    x, y = c
    k = max(1, r // 4)
    pygame.draw.polygon(s, col, [(x, y - r), (x + k, y - k), (x + r, y), (x + k, y + k),
                                 (x, y + r), (x - k, y + k), (x - r, y), (x - k, y - k)])


def smudge(s: pygame.Surface, c: Point, r: int, col: Colour = theme.BAD) -> None:
    """Three blots: dirty, needs cleaning."""
    x, y = c
    for dx, dy, rr in ((-r // 2, -r // 3, r // 2), (r // 3, -r // 2, r // 3),
                       (r // 4, r // 3, r // 2)):
        pygame.draw.circle(s, col, (x + dx, y + dy), max(2, rr))


def box(s: pygame.Surface, c: Point, r: int, col: Colour = theme.ACCENT) -> None:
    """A supply box: stocked."""
    x, y = c
    pygame.draw.rect(s, col, (x - r, y - r * 2 // 3, 2 * r, r * 4 // 3), 2, border_radius=2)
    pygame.draw.line(s, col, (x - r, y - r // 6), (x + r - 1, y - r // 6), 2)


def person(s: pygame.Surface, c: Point, r: int, col: Colour = theme.INK) -> None:
    """A head and shoulders."""
    x, y = c
    pygame.draw.circle(s, col, (x, y - r // 3), r // 2)
    pygame.draw.ellipse(s, col, (x - r * 3 // 4, y + r // 5, r * 3 // 2, r))


def hand(s: pygame.Surface, c: Point, r: int, col: Colour = theme.WARN) -> None:
    """A raised hand: the provider asks for help."""
    x, y = c
    pygame.draw.rect(s, col, (x - r // 2, y - r // 4, r, r), border_radius=3)
    for i in range(4):
        fx = x - r // 2 + 1 + i * r // 4
        pygame.draw.line(s, col, (fx, y - r // 4), (fx, y - r), max(2, r // 6))


def snowflake(s: pygame.Surface, c: Point, r: int, col: Colour = theme.ACCENT) -> None:
    """The vaccine fridge."""
    x, y = c
    for i in range(3):
        a = i * math.pi / 3
        dx, dy = int(r * math.cos(a)), int(r * math.sin(a))
        pygame.draw.line(s, col, (x - dx, y - dy), (x + dx, y + dy), 2)


def screen(s: pygame.Surface, c: Point, r: int, col: Colour = theme.INK) -> None:
    """A computer: the workstation."""
    x, y = c
    pygame.draw.rect(s, col, (x - r, y - r * 2 // 3, 2 * r, r * 7 // 6), 2, border_radius=2)
    pygame.draw.line(s, col, (x - r // 2, y + r * 3 // 4), (x + r // 2, y + r * 3 // 4), 2)


def spinner(s: pygame.Surface, c: Point, r: int, col: Colour = theme.INK) -> None:
    """A centrifuge seen from above."""
    pygame.draw.circle(s, col, c, r, 2)
    x, y = c
    for i in range(4):
        a = i * math.pi / 2 + math.pi / 4
        pygame.draw.circle(s, col, (x + int(r * 0.55 * math.cos(a)),
                                    y + int(r * 0.55 * math.sin(a))), max(2, r // 5))


def courier(s: pygame.Surface, c: Point, r: int, col: Colour = theme.INK) -> None:
    """A specimen transport box with a biohazard-style lid."""
    x, y = c
    pygame.draw.rect(s, col, (x - r, y - r // 2, 2 * r, r * 3 // 2), 2, border_radius=3)
    pygame.draw.rect(s, col, (x - r - 1, y - r * 3 // 4, 2 * r + 2, r // 3), border_radius=2)


def stethoscope(s: pygame.Surface, c: Point, r: int, col: Colour = theme.INK) -> None:
    """The provider's office."""
    x, y = c
    pygame.draw.arc(s, col, (x - r * 2 // 3, y - r, r * 4 // 3, r * 3 // 2), math.pi, 2 * math.pi,
                    2)
    pygame.draw.line(s, col, (x, y + r // 4), (x, y + r * 2 // 3), 2)
    pygame.draw.circle(s, col, (x, y + r * 2 // 3), max(2, r // 3), 2)


def chair(s: pygame.Surface, c: Point, r: int, col: Colour = theme.MUTED) -> None:
    """A waiting-room chair."""
    x, y = c
    pygame.draw.rect(s, col, (x - r // 2, y - r, r // 3, r * 3 // 2))
    pygame.draw.rect(s, col, (x - r // 2, y, r, r // 3))
    pygame.draw.line(s, col, (x + r // 2 - 1, y), (x + r // 2 - 1, y + r), 2)


def desk(s: pygame.Surface, c: Point, r: int, col: Colour = theme.MUTED) -> None:
    """The front desk counter."""
    x, y = c
    pygame.draw.rect(s, col, (x - r, y - r // 3, 2 * r, r // 2), border_radius=2)
    pygame.draw.line(s, col, (x - r + 2, y), (x - r + 2, y + r), 2)
    pygame.draw.line(s, col, (x + r - 3, y), (x + r - 3, y + r), 2)


def chart(s: pygame.Surface, c: Point, r: int, col: Colour = theme.ACCENT) -> None:
    """A clipboard: paperwork to do."""
    x, y = c
    pygame.draw.rect(s, col, (x - r * 2 // 3, y - r, r * 4 // 3, 2 * r), 2, border_radius=2)
    for i in range(3):
        yy = y - r // 3 + i * r // 3
        pygame.draw.line(s, col, (x - r // 3, yy), (x + r // 3, yy), 1)


def arrow(s: pygame.Surface, c: Point, r: int, col: Colour = theme.ACCENT) -> None:
    """A right arrow: next step."""
    x, y = c
    pygame.draw.polygon(s, col, [(x - r, y - r // 3), (x, y - r // 3), (x, y - r), (x + r, y),
                                 (x, y + r), (x, y + r // 3), (x - r, y + r // 3)])


def phone(s: pygame.Surface, c: Point, r: int, col: Colour = theme.INK) -> None:
    """A desk phone: a handset on a base."""
    x, y = c
    pygame.draw.rect(s, col, (x - r, y - r * 2 // 3, 2 * r, r // 2), border_radius=max(1, r // 3))
    pygame.draw.polygon(s, col, [(x - r * 2 // 3, y - r // 6), (x + r * 2 // 3, y - r // 6),
                                 (x + r, y + r * 3 // 4), (x - r, y + r * 3 // 4)])
    pygame.draw.circle(s, (255, 255, 255), (x, y + r // 4), max(2, r // 4))


def inbox(s: pygame.Surface, c: Point, r: int, col: Colour = theme.ACCENT) -> None:
    """An envelope: a portal message."""
    x, y = c
    body = pygame.Rect(x - r, y - r * 2 // 3, 2 * r, r * 4 // 3)
    pygame.draw.rect(s, col, body, 2, border_radius=2)
    pygame.draw.lines(s, col, False, [body.topleft, (x, y + r // 6), body.topright], 2)


def exit_door(s: pygame.Surface, c: Point, r: int, col: Colour = theme.WARN) -> None:
    """A door with an arrow going out: sent elsewhere (urgent care, the emergency room)."""
    x, y = c
    pygame.draw.rect(s, col, (x - r, y - r, r, 2 * r), 2)
    pygame.draw.line(s, col, (x - r // 2, y), (x + r, y), max(2, r // 4))
    pygame.draw.polygon(s, col, [(x + r, y), (x + r // 3, y - r // 2), (x + r // 3, y + r // 2)])


ICONS: dict[str, Callable[[pygame.Surface, Point, int, Colour], None]] = {
    "check": check, "cross": cross, "clock": clock, "drop": drop, "warning": warning,
    "bed": bed, "sparkle": sparkle, "smudge": smudge, "box": box, "person": person,
    "hand": hand, "snowflake": snowflake, "screen": screen, "spinner": spinner,
    "courier": courier, "stethoscope": stethoscope, "chair": chair, "desk": desk,
    "chart": chart, "arrow": arrow, "phone": phone, "inbox": inbox, "exit": exit_door,
}


def draw(name: str, s: pygame.Surface, c: Point, r: int, col: Colour | None = None) -> None:
    """Draw an icon by name, in its default colour unless one is given."""
    fn = ICONS[name]
    if col is None:
        fn(s, c, r)  # type: ignore[call-arg]
    else:
        fn(s, c, r, col)
