"""Ending the day early: the rest is scored as undone, exactly as when the day runs out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.types import clock
from game.sim.commands import EndDay
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, Rule, command

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import StaffState


def check_end(_sim: Simulation, _actor: StaffState, _cmd: EndDay) -> str | None:
    """The day can be ended at any moment (the engine refuses it once it is over)."""
    return None


def end_day(sim: Simulation, _actor: StaffState, _cmd: EndDay) -> Accepted:
    """Stop the day now, even with staff mid-task; it is a command so a replay ends the
    day at the same second."""
    sim.notify(Tone.INFO, f"The day was ended early at {clock(sim.now)}: what was not done is "
               "scored as undone.", topic=Topic.END_DAY)
    sim.finish()
    return Accepted(0, "ending the day early")


RULE = Rule("ending early", commands=(command(EndDay, check_end, end_day, roles=ANY_ROLE,
                                              instant=True),))
