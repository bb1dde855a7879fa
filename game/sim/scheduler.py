"""The event queue: a heap of (time, priority, sequence, event), so ties resolve the same way."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import count


@dataclass(frozen=True)
class Event:
    """Something the world does at a time. Each rule declares its events as frozen data
    classes derived from this one, with typed fields (a patient id, a courier's index)."""


class Scheduler:
    """Pending events in time order; among equal times, lower priority first, then FIFO."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, int, Event]] = []
        self._seq = count()

    def schedule(self, time: int, event: Event, priority: int = 1) -> None:
        """Queue an event at a simulated second."""
        heapq.heappush(self._heap, (time, priority, next(self._seq), event))

    def peek_time(self) -> int | None:
        """The time of the next event, if any."""
        return self._heap[0][0] if self._heap else None

    def pop_until(self, time: int) -> tuple[int, Event] | None:
        """The next event at or before a time, removed from the queue."""
        if self._heap and self._heap[0][0] <= time:
            t, _, _, event = heapq.heappop(self._heap)
            return t, event
        return None

    def __len__(self) -> int:
        return len(self._heap)
