"""The observation timer beside a patient's token after a vaccine ("Obs 12 min", with a clock),
and "Fainted" with a warning sign for one who needs first aid: an icon and a word each,
never colour alone."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.sim.view_meds import fainted, observation_left
from game.ui.kit import status_icons, theme

if TYPE_CHECKING:
    from game.sim.state import PatientState
    from game.ui.day.floorplan import FloorPlan

WHITE = (255, 255, 255)


def observation_badge(floor: FloorPlan, p: PatientState) -> tuple[str, str, str] | None:
    """(icon, word, hover text) for the patient's medication state, or None."""
    sim = floor.sim
    if fainted(sim, p.id):
        return ("warning", "Fainted", f"{p.name} fainted: give first aid now (lie them down, "
                "raise the legs, stay until they recover).")
    left = observation_left(sim, p.id)
    if left is None:
        return None
    minutes = math.ceil(left / 60)
    return ("clock", f"Obs {minutes} min", f"{p.name} is under observation after a vaccine: "
            f"{minutes} min left before they may leave.")


def draw_observation(floor: FloorPlan, s: pygame.Surface, p: PatientState,
                     c: tuple[int, int]) -> None:
    """A pill to the right of the token: the icon and its words; hovering explains."""
    badge = observation_badge(floor, p)
    if badge is None:
        return
    icon, word, tip = badge
    r = floor.geo.token_r
    size = max(11, floor.font - 3)
    ir = max(5, size // 2)
    label = floor.text.render(word, size, theme.INK, bold=True)
    pill = pygame.Rect(0, 0, label.get_width() + 2 * ir + 12, max(label.get_height(),
                                                                    2 * ir) + 4)
    pill.midleft = (c[0] + r + 2, c[1] + r // 2 + 2)  # below the need icon at the top right
    pill = pill.clamp(floor.rect)
    col = theme.BAD if icon == "warning" else theme.ACCENT
    pygame.draw.rect(s, WHITE, pill, border_radius=pill.h // 2)
    pygame.draw.rect(s, col, pill, 2, border_radius=pill.h // 2)
    status_icons.draw(icon, s, (pill.x + 4 + ir, pill.centery), ir, col)
    s.blit(label, (pill.x + 2 * ir + 8, pill.centery - label.get_height() // 2))
    floor.text.drawn.append(word)
    floor.hits.insert(0, (pill, tip, ("patient", p.id)))
