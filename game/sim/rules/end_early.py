"""Ending the day early: the rest is scored as undone, exactly as when the day runs out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.types import clock
from game.sim.commands import EndDay
from game.sim.results import Accepted, Result

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def end_day(sim: Simulation, _cmd: EndDay) -> Result:
    """Stop the day now, even with the MA mid-task; it is a command so a replay ends the
    day at the same second."""
    sim.notify("info", f"The day was ended early at {clock(sim.now)}: what was not done is "
               "scored as undone.", topic="end_day")
    sim.finish()
    return Accepted(0, "ending the day early")
