"""The poc concern (placeholder: its rule is being built)."""

from __future__ import annotations

from game.sim.rules.base import Rule

RULE = Rule("poc")
