"""The bots' steps for the supply concern (placeholder: filled in with the rule)."""

from __future__ import annotations

from game.sim.policies.steps import ConcernSteps

STEPS = ConcernSteps()
