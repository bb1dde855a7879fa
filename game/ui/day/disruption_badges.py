"""The scripted events on the floor plan: a room out of service, and the vaccine fridge
while an alarm keeps its vaccines out of use (the simulation says why; this only shows it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.sim.view_disruptions import alarm_problem, alarms, out_of_service
from game.ui.day.station_badge import Badge, draw_station_badge
from game.ui.kit import theme

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def room_badge(sim: Simulation, room: str) -> Badge | None:
    """"Out of service" on a room that cannot be used now, with the reason as its tip."""
    why = out_of_service(sim, room)
    return None if why is None else ("cross", "Out of service", theme.BAD, why)


def fridge_badge(sim: Simulation) -> Badge | None:
    """The vaccine units' alarm: "Alarm" until its vaccines are labeled, then "On hold"
    until the coordinator clears them; None while both units are usable."""
    for unit, a in alarms(sim).alarms.items():
        why = alarm_problem(sim, unit)
        if why is None:
            continue
        if a.quarantined_t is None:
            return ("warning", "Alarm", theme.BAD,
                    f"{why[0].upper()}{why[1:]}. Label them and record the excursion.")
        return ("cross", "On hold", theme.WARN, f"{why[0].upper()}{why[1:]}.")
    return None


def draw_fridge_badge(floor: Any, surface: pygame.Surface) -> None:
    """The fridge station's alarm badge, when there is one."""
    badge = fridge_badge(floor.sim)
    if badge is not None and "fridge" in floor.geo.layout.positions:
        draw_station_badge(floor, surface, "fridge", "Vaccine fridge", badge)
