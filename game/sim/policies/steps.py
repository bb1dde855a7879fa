"""How a concern's bot steps plug into the bot: what it does first, at opening, for a patient
after the exam, at any free moment and at closing, each returning a command or None."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.policies.bot import Menu
    from game.sim.state import PatientState

Step = Callable[["Menu", bool], "Command | None"]  # (menu, careful)
PatientStep = Callable[["Menu", "PatientState", bool], "Command | None"]


def _nothing(_m: Menu, _careful: bool) -> Command | None:
    return None


def _nothing_for(_m: Menu, _p: PatientState, _careful: bool) -> Command | None:
    return None


@dataclass(frozen=True)
class ConcernSteps:
    """One concern's places in the bot's priority list; a concern leaves out what it has
    nothing for."""

    urgent: Step = _nothing  # before everything but the phone: a fainting patient
    opening: Step = _nothing  # with the opening checklist: quality control
    after_exam: PatientStep = _nothing_for  # for a patient whose exam is over
    anytime: Step = _nothing  # after the specimens: restocking a room
    closing: Step = _nothing  # after the closing checklist, before clocking out
