"""The state a digest covers: the whole world and the ledger, walked field by field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

if TYPE_CHECKING:
    from game.sim.engine import Simulation

# Fields holding the scenario's own data: fixed for a day (the log binds the scenario's
# sha256), so they add nothing to the digest but time.
STATIC_FIELDS = frozenset({"spec", "task", "status_changes"})


def plain(value: Any) -> Any:
    """Any world value as JSON-ready data; a new field of any rule is covered without
    being listed here."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in STATIC_FIELDS}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def snapshot(sim: Simulation) -> dict[str, Any]:
    """Plain data of the world (clock, patients, rooms, providers, staff and their queues,
    specimens, tasks, bookings, flags, couriers, QC, notices) and the ledger."""
    return {"world": plain(sim.world), "ledger": [e.as_dict() for e in sim.ledger.entries]}
