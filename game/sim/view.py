"""What the window may ask the simulation beyond its affordances: read-only questions about
the day, answered by the rules that own them (the window restates none of them)."""

from __future__ import annotations

from game.sim.rules.base import Affordance, Can, GroupKind, Offer
from game.sim.rules.checklist import (
    FREEZER_RANGE_C,
    FRIDGE_RANGE_C,
    checklist_phase,
    closing_starts,
)
from game.sim.rules.checkout import unfinished_orders
from game.sim.rules.door import RoomingStep, rooming_steps_left
from game.sim.rules.front_desk import WALKOUT_WARNING, chart_opened, patience_left
from game.sim.rules.lab import needed_tubes, specimen_stage, specimens_of
from game.sim.rules.lab_courier import courier_soon, next_pickup
from game.sim.rules.provider import on_duty

__all__ = [
    "FREEZER_RANGE_C", "FRIDGE_RANGE_C", "WALKOUT_WARNING", "Affordance", "Can", "GroupKind",
    "Offer", "RoomingStep", "chart_opened", "checklist_phase", "closing_starts", "courier_soon",
    "needed_tubes", "next_pickup", "on_duty",
    "patience_left", "rooming_steps_left", "specimen_stage", "specimens_of",
    "unfinished_orders",
]
