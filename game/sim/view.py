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
from game.sim.rules.phone.calls import caller_name, phone
from game.sim.rules.phone.commands import (
    PAD_LONG,
    PAD_SHORT,
    AnswerCall,
    HandleCall,
    HoldCall,
    PhoneMessage,
    VerifyCaller,
)
from game.sim.rules.phone.privacy import answers, chart_of
from game.sim.rules.phone.responses import ACTIONS as CALL_ACTIONS
from game.sim.rules.phone.state import CallState, CallStatus
from game.sim.rules.provider import on_duty
from game.sim.rules.walk_ins import DECISIONS as WALK_IN_DECISIONS
from game.sim.rules.walk_ins import ScreenWalkIn, starts_at, unscreened

__all__ = [
    "CALL_ACTIONS",
    "FREEZER_RANGE_C",
    "FRIDGE_RANGE_C",
    "PAD_LONG",
    "PAD_SHORT",
    "WALKOUT_WARNING",
    "WALK_IN_DECISIONS",
    "Affordance",
    "AnswerCall",
    "CallState",
    "CallStatus",
    "Can",
    "GroupKind",
    "HandleCall",
    "HoldCall",
    "Offer",
    "PhoneMessage",
    "RoomingStep",
    "ScreenWalkIn",
    "VerifyCaller",
    "answers",
    "caller_name",
    "chart_of",
    "chart_opened",
    "checklist_phase",
    "closing_starts",
    "courier_soon",
    "needed_tubes",
    "next_pickup",
    "on_duty",
    "patience_left",
    "phone",
    "rooming_steps_left",
    "specimen_stage",
    "specimens_of",
    "starts_at",
    "unfinished_orders",
    "unscreened",
]
