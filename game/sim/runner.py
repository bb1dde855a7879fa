"""The headless driver: jumps from event to event, feeding a bot's or a file's commands."""

from __future__ import annotations

from collections.abc import Iterable

from game.sim.commands import Command
from game.sim.engine import Simulation
from game.sim.log import TimedCommand
from game.sim.policies.base import Policy
from game.sim.results import Rejected, Result

MAX_STEP = 60  # a bot looks again at least every simulated minute


def submit_logged(sim: Simulation, command: Command, record: list[TimedCommand]) -> Result:
    """Submit a command and append it to the record with its time."""
    record.append(TimedCommand(t=sim.now, command=command))
    return sim.submit(command)


def player_staff(sim: Simulation) -> list[str | None]:
    """The actors a bot directs for the player: the lead (as None, so a one-MA day's log
    looks as it always has) and every other player-directed staff member by id."""
    lead = sim.lead.id
    return [None if m.id == lead else m.id for m in sim.world.staff.values() if m.player]


def play_policy(sim: Simulation, policy: Policy) -> list[TimedCommand]:
    """Let a bot play the day to its end, directing every staff member the player directs;
    the commands it gave, with their times."""
    record: list[TimedCommand] = []
    actors = player_staff(sim)
    while not sim.finished:
        acted = False
        for actor in actors:
            if sim.finished or not sim.is_free(actor):
                continue
            command = policy.choose(sim, actor)
            if command is not None and submit_logged(sim, command, record).ok:
                acted = True
        if not acted:
            sim.advance(_next_look(sim))
    return record


def _next_look(sim: Simulation) -> int:
    candidates = [sim.now + MAX_STEP]
    candidates += [m.busy_until for m in sim.world.staff.values() if m.busy_until > sim.now]
    nxt = sim.next_event_time()
    if nxt is not None and nxt > sim.now:
        candidates.append(nxt)
    return min(candidates)


def play_commands(sim: Simulation, commands: Iterable[TimedCommand],
                  to_end: bool = True) -> list[tuple[int, Result]]:
    """Give each command at its time, then (unless `to_end` is False) run the day to its end.

    One (time given, result) per command, in order; a command after the day ended is
    rejected as such, so a caller can tell the player about every command that did not run.
    """
    results: list[tuple[int, Result]] = []
    for tc in commands:
        if sim.finished:
            results.append((tc.t, Rejected("The day was already over.")))
            continue
        sim.advance(tc.t)
        results.append((sim.now, sim.submit(tc.command)))
    if to_end:
        sim.advance(sim.end_time)
    return results
