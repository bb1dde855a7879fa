"""The day that goes wrong, changed for a test, and a bot played up to a time."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from game.scenario.models import Scenario
from game.scenario.types import seconds
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import _next_look
from game.sim.scoring import Entry

ROUGH = Path(__file__).resolve().parents[2] / "scenarios" / "rough_day.json"


@cache
def _text() -> str:
    return ROUGH.read_text(encoding="utf-8")


def data() -> dict[str, Any]:
    """rough_day.json as plain data, a fresh copy each time."""
    found: dict[str, Any] = json.loads(_text())
    return found


def event(d: dict[str, Any], kind: str) -> dict[str, Any]:
    """The day's event of one kind."""
    return next(e for e in d["events"] if e["kind"] == kind)


def scenario(edit: Callable[[dict[str, Any]], None] | None = None) -> Scenario:
    """The day, changed by `edit`, validated as a file is."""
    d = data()
    if edit is not None:
        edit(d)
    return Scenario.model_validate_json(json.dumps(d), strict=True)


def sim_of(edit: Callable[[dict[str, Any]], None] | None = None, seed: int = 1) -> Simulation:
    """A simulation of the (changed) day."""
    return Simulation(scenario(edit), seed)


def play_until(sim: Simulation, clock: str | None, policy: str = "reference",
               until: Callable[[Simulation], bool] | None = None) -> Simulation:
    """Let a bot play the lead MA up to a time of day (None: to the day's end), or until
    something is true of the day."""
    stop = seconds(clock) if clock is not None else None
    bot = POLICIES[policy]()
    while not sim.finished and (stop is None or sim.now < stop) \
            and (until is None or not until(sim)):
        if sim.is_free():
            cmd = bot.choose(sim)
            if cmd is not None and sim.submit(cmd).ok:
                continue
        nxt = _next_look(sim)
        sim.advance(nxt if stop is None else min(nxt, stop))
    return sim


def about(sim: Simulation, words: str) -> list[Entry]:
    """The ledger's entries whose reason holds these words."""
    return [e for e in sim.ledger.entries if words in e.reason]
