"""The policy interface and the look-ups every bot needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from game.sim.state import PatientState, Status

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation


class Policy(Protocol):
    """Chooses a staff member's next command when they are free; None means wait."""

    name: str

    def choose(self, sim: Simulation, actor: str | None = None) -> Command | None:
        """The next command for the staff member (the lead when None), or None to wait."""
        ...


def by_status(sim: Simulation, *statuses: Status) -> list[PatientState]:
    """Patients in the given states, earliest appointment first."""
    return sim.patients_in(*statuses)
