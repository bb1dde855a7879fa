"""The supplies test day, loaded with changes, and a driver that brings a patient to the end of
the exam in a chosen room (the moment the day's supplies are used)."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from game.scenario.models import Scenario
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.state import Status

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "supplies_day.json"


@cache
def _text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def day() -> dict[str, Any]:
    """The supplies day as JSON data (a fresh copy)."""
    data: dict[str, Any] = json.loads(_text())
    return data


def shelf(data: dict[str, Any], place: str, item: str) -> dict[str, Any]:
    """One shelf of the day's data, to change."""
    found: dict[str, Any] = next(s for s in data["supplies"]["stock"][place] if s["item"] == item)
    return found


def sim_of(data: dict[str, Any] | None = None, seed: int = 1) -> Simulation:
    """A simulation of the day (or of changed data)."""
    return Simulation(Scenario.model_validate(copy.deepcopy(data or day())), seed)


def wait(sim: Simulation) -> None:
    """Let the lead finish what they are doing."""
    sim.advance(max(sim.now, sim.lead.busy_until))


def do(sim: Simulation, cmd: c.Command) -> None:
    """Submit and wait until done; the command must be accepted."""
    result = sim.submit(cmd)
    assert result.ok, result
    wait(sim)


def exam_done(sim: Simulation, pid: str, room: str) -> None:
    """Check a patient in, room them in `room`, call the provider in and wait until the exam
    is over."""
    p = sim.world.patients[pid]
    sim.advance(max(sim.now, p.arrival_t or sim.now))
    ins = p.spec.insurance
    do(sim, c.CheckIn(patient=pid, identifiers=["name", "dob"], verify_insurance=True,
                      scan_new_card=ins.status == "new_card",
                      inform_self_pay=ins.status == "inactive",
                      copay=0 if ins.status == "inactive" else ins.copay,
                      update_demographics=p.spec.demographics_changed))
    do(sim, c.RoomPatient(patient=pid, room=room))
    do(sim, c.SignalReady(patient=pid))
    while p.status != Status.EXAM_DONE:
        assert sim.now < sim.end_time, p.status
        sim.advance(sim.now + 60)
