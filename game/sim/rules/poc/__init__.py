"""Point-of-care tests: one concern, its rule in `rule.py`."""

from game.sim.rules.poc.rule import RULE

__all__ = ["RULE"]
