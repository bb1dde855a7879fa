"""The lab station's live state on the floor plan: tubes in the centrifuge and tubes packed
in the courier box, with the next pickup in its tip."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.clinical.lab import CENTRIFUGE_MINUTES
from game.scenario.types import clock
from game.ui.kit import status_icons, theme
from game.ui.kit.fmt import plural

if TYPE_CHECKING:
    from game.ui.day.floorplan import FloorPlan


def draw_lab_state(floor: FloorPlan, s: pygame.Surface) -> None:
    """The lab station's centrifuge and courier box, each a count with its tip."""
    sim, r = floor.sim, max(7, floor.geo.token_r * 2 // 3)
    spinning = [sp for sp in sim.world.specimens if sp.spun_at is not None
                and sim.now < sp.spun_at + 60 * CENTRIFUGE_MINUTES]
    boxed = [sp for sp in sim.world.specimens if sp.packed and not sp.shipped]
    nxt = next((p for p in sim.pickups if p >= sim.now), None)
    size = max(11, floor.font - 3)
    for c, icon, n, word, tip in (
            (floor.spin_c, "spinner", len(spinning), "spinning",
             f"Centrifuge: {plural(len(spinning), 'tube')} spinning"),
            (floor.box_c, "courier", len(boxed), "packed",
             f"Courier box: {plural(len(boxed), 'tube')} packed; next pickup "
             f"{clock(nxt) if nxt is not None else 'none left today'}")):
        c = (c[0] + floor.rect.x - round(floor.geo.view_x), c[1] + floor.rect.y)
        status_icons.draw(icon, s, c, r, theme.ACCENT if n else theme.MUTED)
        tr = floor.text.blit(s, f"{n} {word}", (c[0] + r + 5, c[1]), size, theme.INK,
                             anchor="midleft")
        floor.hits.insert(0, (pygame.Rect(c[0] - r, c[1] - r, tr.right - c[0] + r, 2 * r),
                              tip, ("station", "lab")))
