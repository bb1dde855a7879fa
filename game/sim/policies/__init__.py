"""Bots that play a day: reference (competent), naive (cuts corners), idle (does nothing)."""

from __future__ import annotations

from collections.abc import Callable

from game.sim.policies.base import Policy
from game.sim.policies.idle import IdlePolicy
from game.sim.policies.naive import NaivePolicy
from game.sim.policies.reference import ReferencePolicy

POLICIES: dict[str, Callable[[], Policy]] = {
    "reference": ReferencePolicy,
    "naive": NaivePolicy,
    "idle": IdlePolicy,
}

__all__ = ["POLICIES", "Policy"]
