"""What the window may ask the scripted events: why a room is out of service, and whether a
vaccine unit's alarm keeps its vaccines out of use."""

from __future__ import annotations

from game.sim.rules.disruptions.fridge_alarm import alarm_problem, alarms
from game.sim.rules.disruptions.room_closed import out_of_service

__all__ = ["alarm_problem", "alarms", "out_of_service"]
