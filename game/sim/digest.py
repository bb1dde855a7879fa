"""The state a digest covers: enough that any difference in play changes it."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def snapshot(sim: Simulation) -> dict[str, Any]:
    """Plain data of the world and the ledger."""
    w = sim.world
    return {
        "t": sim.now,
        "patients": {
            pid: {k: v for k, v in asdict(p).items() if k != "spec"}
            for pid, p in sorted(w.patients.items())
        },
        "rooms": [asdict(r) for r in w.rooms.values()],
        "tasks": {tid: t.done_t for tid, t in sorted(w.tasks.items())},
        "specimens": [asdict(s) for s in w.specimens],
        "bookings": [asdict(b) for b in w.bookings],
        "ledger": [e.as_dict() for e in sim.ledger.entries],
        "ma": asdict(w.ma),
        "activities": sim.activities,
    }
