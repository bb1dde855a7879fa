"""What the rules share: whether a patient or a room exists, whether a patient is in an exam
room, and a duration as a tip gives it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.state import IN_ROOM, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def no_patient(sim: Simulation, pid: str) -> str | None:
    """Why there is no such patient, or None."""
    return None if pid in sim.world.patients else f"There is no patient '{pid}' today."


def not_in_room(sim: Simulation, pid: str, allowed: frozenset[Status] = IN_ROOM) -> str | None:
    """Why the patient is not in an exam room in one of the allowed states, or None."""
    missing = no_patient(sim, pid)
    if missing:
        return missing
    p = sim.world.patients[pid]
    if p.status not in allowed or p.room is None:
        return f"{p.name} is not in an exam room for that ({p.status.value})."
    return None


def no_room(sim: Simulation, rid: str) -> str | None:
    """Why there is no such room, or None."""
    return None if rid in sim.world.rooms else f"There is no room '{rid}'."


def about_minutes(secs: int) -> str:
    """A duration as a button's tip gives it: "about 3 min"."""
    return f"about {max(1, round(secs / 60))} min"
