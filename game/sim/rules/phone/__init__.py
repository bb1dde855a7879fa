"""The phone, voicemail and the portal inbox: one concern, its rule in `rule.py`."""

from game.sim.rules.phone.rule import RULE

__all__ = ["RULE"]
