"""Simulation(scenario, seed): submit commands, advance time; the same day for the same inputs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.scenario.models import Scenario
from game.scenario.types import seconds
from game.sim import digest as digest_mod
from game.sim.calendar import Calendar
from game.sim.commands import Command
from game.sim.layout import Layout
from game.sim.results import Accepted, Rejected, Result
from game.sim.rng import Streams
from game.sim.rules import HANDLERS, ON_EVENT, WHILE_BUSY, after_change, expectations, setup
from game.sim.scheduler import Event, Scheduler
from game.sim.scoring import Ledger, Score
from game.sim.state import World


@dataclass(frozen=True)
class Notice:
    """A message for the player: something happened, or is about to."""

    t: int
    kind: str  # "info", "warning", "good", "bad"
    text: str
    patient: str | None = None
    topic: str = ""  # what it is about ("arrival", "patience", "assist", "courier"), for the UI


def duration(secs: int) -> str:
    """A short span for the player: "40 s", "2 min", "3 min 5 s"."""
    mins, rest = divmod(max(0, secs), 60)
    if not mins:
        return f"{rest} s"
    return f"{mins} min" + (f" {rest} s" if rest else "")


class Simulation:
    """One clinic day. Time is integer seconds since midnight; nothing here reads a clock."""

    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.seed = seed
        self.streams = Streams(seed)
        self.d = scenario.durations
        self.layout = Layout([r.id for r in scenario.clinic.rooms])
        self.events = Scheduler()
        self.ledger = Ledger()
        self.notices: list[Notice] = []
        self.activities: list[tuple[int, int, str]] = []  # (start, end, what) of the MA
        self.opens = seconds(scenario.clinic.opens)
        self.closes = seconds(scenario.clinic.closes)
        self.end_time = self.closes + 60 * scenario.clinic.overtime_minutes
        appts = [seconds(p.appointment.time) for p in scenario.patients]
        self.first_appt = min(appts, default=self.closes)
        self.pickups = sorted(seconds(t) for t in scenario.courier.pickups)
        self.now = self.opens
        self.finished = False
        self.flags: set[str] = set()  # one-time consequences already applied
        self.world: World = setup.build_world(self)
        self.calendar = Calendar(scenario)
        expectations.register(self)
        setup.schedule_day(self)
        after_change(self)

    # --- time -------------------------------------------------------------------------
    def advance(self, to_time: int) -> None:
        """Run the world forward to a time, handling every event on the way."""
        to_time = min(to_time, self.end_time)
        while not self.finished:
            popped = self.events.pop_until(to_time)
            if popped is None:
                break
            t, event = popped
            self.now = max(self.now, t)
            ON_EVENT[event.kind](self, event)
            after_change(self)
        if not self.finished:
            self.now = max(self.now, to_time)
            if self.now >= self.end_time:
                self.finish()

    def next_event_time(self) -> int | None:
        """When something will next happen by itself."""
        return self.events.peek_time()

    def schedule(self, t: int, kind: str, subject: str = "", *data: str) -> None:
        """Queue a world event."""
        self.events.schedule(t, Event(kind, subject, tuple(data)))

    @property
    def phase(self) -> str:
        """opening, clinic or closing, by the clock."""
        if self.now < self.first_appt:
            return "opening"
        return "clinic" if self.now < self.closes else "closing"

    # --- the MA -----------------------------------------------------------------------
    @property
    def ma_free(self) -> bool:
        """The MA can start something now."""
        return not self.finished and self.world.ma.busy_until <= self.now

    def busy_reason(self) -> str | None:
        """Why the MA cannot start something now: what they are doing and how long is left
        (never a clock time, which reads as "now" in its last minute); None when free."""
        ma = self.world.ma
        left = ma.busy_until - self.now
        if left <= 0:
            return None
        return f"You are busy {ma.activity} for another {duration(left)}."

    def submit(self, command: Command) -> Result:
        """Have the MA do something now. Rejected leaves the world unchanged."""
        if self.finished:
            return Rejected("The day is over.")
        ma = self.world.ma
        busy = self.busy_reason()
        if busy is not None and type(command) not in WHILE_BUSY:
            return Rejected(busy)
        handler: Callable[[Simulation, Any], Result] = HANDLERS[type(command)]
        result = handler(self, command)
        if isinstance(result, Accepted) and not self.finished:
            ma.busy_until = self.now + result.seconds
            ma.activity = result.message
            self.activities.append((self.now, ma.busy_until, result.message))
            self.schedule(ma.busy_until, "ma_free")
            after_change(self)
        return result

    def walk(self, station: str) -> int:
        """Move the MA to a station; the seconds it takes."""
        ma = self.world.ma
        steps = self.layout.steps(ma.location, station)
        ma.location = station
        return steps * self.d.walk_per_step

    def notify(self, kind: str, text: str, patient: str | None = None, topic: str = "") -> None:
        """Tell the player something."""
        self.notices.append(Notice(self.now, kind, text, patient, topic))

    # --- the end ----------------------------------------------------------------------
    def finish(self) -> None:
        """End the day: score what was left undone."""
        if self.finished:
            return
        setup.end_of_day(self)
        self.finished = True

    def score(self) -> Score:
        """The day's score so far (final once finished)."""
        return self.ledger.score(self.scenario.scoring)

    def digest(self) -> str:
        """A hash of the final state; equal digests mean the same day."""
        data: dict[str, Any] = digest_mod.snapshot(self)
        blob = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(blob.encode()).hexdigest()
