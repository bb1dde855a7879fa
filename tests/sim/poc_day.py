"""The point-of-care test day, loaded as the CLI loads it, and a bot that plays it but leaves
one patient's point-of-care steps to the test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.rules.poc.commands import CollectPoc, ReadPoc, RecordPoc, RunQc, StartPoc
from game.sim.runner import _next_look
from game.sim.state import Status
from tests.sim.phone_day import load

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "poc_day.json"
POC_COMMANDS = (RunQc, CollectPoc, StartPoc, ReadPoc, RecordPoc)


def fixture() -> dict[str, Any]:
    """A fresh copy of the fixture's JSON, to edit."""
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def sim_of(data: dict[str, Any] | None = None, seed: int = 1) -> Simulation:
    """A simulation of the day (the fixture unless given)."""
    return Simulation(load(data or fixture()), seed)


def until_exam_done(sim: Simulation, pid: str) -> None:
    """The reference bot plays (its QC included), doing none of this patient's point-of-care
    steps, until their exam is over and the MA is free."""
    bot = POLICIES["reference"]()
    p = sim.world.patients[pid]
    while not (p.status == Status.EXAM_DONE and sim.is_free()):
        assert not sim.finished, f"{pid} never finished the exam"
        cmd = bot.choose(sim)
        mine = isinstance(cmd, POC_COMMANDS[1:]) and getattr(cmd, "patient", pid) == pid
        if cmd is not None and not mine and sim.submit(cmd).ok:
            continue
        sim.advance(_next_look(sim))


def free(sim: Simulation) -> None:
    """Wait until the MA is free."""
    sim.advance(sim.lead.busy_until)
