"""What the window may ask the point-of-care concern: its commands, a patient's test runs,
and what a run shows now."""

from __future__ import annotations

from game.sim.rules.poc.commands import CollectPoc, ReadPoc, RecordPoc, StartPoc
from game.sim.rules.poc.rule import shown
from game.sim.rules.poc.state import TestRun, runs_of, value_of

__all__ = ["CollectPoc", "ReadPoc", "RecordPoc", "StartPoc", "TestRun", "runs_of", "shown",
           "value_of"]
