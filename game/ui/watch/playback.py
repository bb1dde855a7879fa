"""The session log driving the day scene instead of the player (as Autoplay lets a bot)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation
    from game.sim.log import TimedCommand


class Playback:
    """Gives each logged command when the simulated clock reaches its time.

    The day scene's advance is stopped at the next command's time (`until`), so a command is
    never given late: a frame at 4x covers seconds, and a command given a second after its
    time would make another day than the one the log records.
    """

    def __init__(self, commands: list[TimedCommand]) -> None:
        self.commands = commands
        self.given = 0  # how many of the commands have been given

    @property
    def next_time(self) -> int | None:
        """When the next command is due (None once all are given)."""
        return self.commands[self.given].t if self.given < len(self.commands) else None

    def until(self, now: int, to: int) -> int:
        """Where an advance from now towards `to` must stop: at the next command's time."""
        nxt = self.next_time
        return to if nxt is None else max(now, min(to, nxt))

    def step(self, sim: Simulation, submit: Callable[[Command], Any]) -> int:
        """Give every command whose time has come (through the scene's submit, so the floor
        animates and refusals show as they did to the player); how many were given."""
        n = 0
        while not sim.finished and (nxt := self.next_time) is not None and nxt <= sim.now:
            command = self.commands[self.given].command
            self.given += 1
            submit(command)
            n += 1
        return n

    def fast_forward(self, sim: Simulation, to: int) -> None:
        """Headless, with no drawing: every command due by `to` at its time, then the clock
        to `to` (as the replay does: game.sim.runner.play_commands)."""
        while not sim.finished and (nxt := self.next_time) is not None and nxt <= to:
            sim.advance(nxt)
            command = self.commands[self.given].command
            self.given += 1
            sim.submit(command)
        sim.advance(to)
