"""The idle bot: does nothing all day (and fails), to show what neglect costs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation


class IdlePolicy:
    """Never acts."""

    name = "idle"

    def choose(self, sim: Simulation, actor: str | None = None) -> Command | None:
        """Always wait."""
        return None
