"""The team on the floor plan: a square token per staff member, ringed when directed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.kit import theme
from game.ui.kit.fmt import time_left

if TYPE_CHECKING:
    from game.sim.state import StaffState
    from game.ui.day.floorplan import FloorPlan


def _tip(floor: FloorPlan, m: StaffState, team: bool, directed: bool) -> str:
    now = floor.sim.now
    who = f"{m.name} ({'MA' if m.role == 'ma' else 'front desk'})" if team else "You (the MA)"
    state = (f"{m.activity}, {time_left(m.busy_until - now)} left" if m.busy_until > now
             else "clocked out" if m.clocked_out else "free")
    queued = f"; {len(m.queue)} queued" if m.queue else ""
    how = ("" if not team else " You direct them now." if directed
           else " Click to direct them." if m.player else " A coworker: they work alone.")
    return f"{who}: {state}{queued}.{how}"


def draw_team(floor: FloorPlan, s: pygame.Surface, now: float) -> None:
    """Every staff member where they are (or walking); a token is a square, not a circle,
    so it never reads as a patient. The one the player directs is ringed, a coworker's is
    grey, and a badge on a token counts the commands waiting in its queue."""
    sim, g = floor.sim, floor.geo
    team = len(sim.world.staff) > 1
    directed = sim.staff(floor.actor)
    r = g.token_r
    # The directed one last, on top: a token walking off can pass over another's spot.
    for m in sorted(sim.world.staff.values(), key=lambda x: x is directed):
        c = g.px(*floor.ma_position(now, m.id))
        label = floor.you if not team else "".join(w[0] for w in m.name.split()[:2]).upper()
        box = pygame.Rect(c[0] - r - 3, c[1] - r, 2 * r + 6, 2 * r)
        pygame.draw.rect(s, theme.ACCENT if m.player else theme.MUTED, box, border_radius=4)
        pygame.draw.rect(s, theme.INK, box, 2, border_radius=4)
        if team and m is directed:
            pygame.draw.rect(s, theme.WARN, box.inflate(6, 6), 3, border_radius=6)
        floor.text.blit(s, label, c, max(9, r * 3 // 4), (255, 255, 255), bold=True,
                        anchor="center")
        if m.queue:  # a badge with how many commands wait in the queue
            badge = pygame.Rect(0, 0, r + 4, r + 4)
            badge.center = (box.right + 2, box.top - 2)
            pygame.draw.ellipse(s, theme.WARN, badge)
            pygame.draw.ellipse(s, theme.INK, badge, 1)
            floor.text.blit(s, f"+{len(m.queue)}", badge.center, max(8, r * 2 // 3),
                            (255, 255, 255), bold=True, anchor="center")
        floor.hits.insert(0, (box, _tip(floor, m, team, m is directed),
                              ("staff", m.id) if team else None))
