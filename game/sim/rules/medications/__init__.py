"""Medications and vaccines: one concern, its rule in `rule.py`, its commands in
`commands.py`, and what a form or a bot may read in `look.py`."""

from game.sim.rules.medications.rule import RULE

__all__ = ["RULE"]
