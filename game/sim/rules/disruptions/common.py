"""What the scripted events' rules share: a day's events of one kind, the ledger key of an
event's step, and how promptly the MA answered one."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from game.scenario.events import CourierChange, FridgeAlarm, ProviderLate, RoomOutOfService
from game.sim.scoring import LedgerKey, Step

if TYPE_CHECKING:
    from game.sim.engine import Simulation

E = TypeVar("E", ProviderLate, FridgeAlarm, CourierChange, RoomOutOfService)

# Answered within this long after the event (seconds): full points; within twice as long,
# one point less; later, one point. "At once" for an MA is a few minutes, not an hour.
PROMPT = 10 * 60


def events_of(sim: Simulation, kind: type[E]) -> list[E]:
    """The day's scripted events of one kind, in the file's order."""
    return [ev for ev in sim.scenario.events if isinstance(ev, kind)]


def event_key(subject: str, step: Step) -> LedgerKey:
    """The ledger key of an event's step; `subject` says which event ("late:okafor")."""
    return LedgerKey(subject, step)


def prompt_points(full: int, since: int, now: int) -> int:
    """Points for answering an event `now` that began at `since`: full when prompt, one
    fewer within twice the time, one point when late."""
    took = now - since
    if took <= PROMPT:
        return full
    return max(1, full - 1) if took <= 2 * PROMPT else 1


def late_words(since: int, now: int) -> str:
    """" after 25 minutes" when an answer took longer than prompt, else ""."""
    took = (now - since) // 60
    return f" after {took} minutes" if now - since > PROMPT else ""
