"""Scripted mid-day events, a day that goes wrong: one rule for each kind (the provider runs
late, the vaccine fridge alarms, the courier's time changes, a room goes out of service),
each with its commands, consequences and score; `common.py` holds what they share."""

from game.sim.rules.base import Rule
from game.sim.rules.disruptions import courier_change, fridge_alarm, provider_late, room_closed

RULES: tuple[Rule, ...] = (provider_late.RULE, fridge_alarm.RULE, courier_change.RULE,
                           room_closed.RULE)

__all__ = ["RULES"]
