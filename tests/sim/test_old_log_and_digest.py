"""A log from before teams still loads and is reported as made under other rules; the
digest covers the whole world, so no change of state goes unseen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import RULES_VERSION
from game.cli import main
from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.log import load_log
from game.sim.rules.lab_courier import courier_state
from game.sim.state import Booking

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "log_rules2_short_morning.json"


def test_a_format_2_log_loads_and_replay_names_its_rules(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    log = load_log(FIXTURE)
    assert log.format_version == 2 and log.rules_version == 2 < RULES_VERSION
    assert log.commands and all(tc.command.actor is None for tc in log.commands)
    report = tmp_path / "report.json"
    code = main(["replay", str(FIXTURE), "--report", str(report)])
    out = capsys.readouterr()
    assert code == 3  # not verified: the replay says why, and still writes the report
    text = out.out + out.err
    assert "another version of the game's rules (rules version 2" in text
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["verified"] is False and "rules version 2" in data["verified_reason"]


def _sim() -> Simulation:
    return Simulation(load_scenario(SCENARIOS / "short_morning.json").scenario, 1)


CHANGES = {
    "a provider's idle time": lambda s: setattr(
        next(iter(s.world.providers.values())), "idle_since", 1),
    "a one-time flag": lambda s: s.world.flags.add("unstocked:exam1"),
    "a courier gone": lambda s: setattr(courier_state(s), "done", 1),
    "the meter's QC": lambda s: setattr(s.world, "glucose_qc_done", True),
    "a booking in the calendar": lambda s: s.calendar.add(
        Booking("s01-nakamura", "okafor", s.scenario.date, 9 * 3600, 15)),
    "a staff member's queue": lambda s: s.lead.queue.append(
        __import__("game.sim.commands", fromlist=["ClockOut"]).ClockOut()),
    "a patient's door flag time": lambda s: setattr(
        next(iter(s.world.patients.values())), "ready_t", 5),
    "a room's stock": lambda s: setattr(next(iter(s.world.rooms.values())), "stocked", False),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_the_digest_sees_every_part_of_the_world(change: str) -> None:
    sim = _sim()
    before = sim.digest()
    assert _sim().digest() == before  # the same day is the same digest
    CHANGES[change](sim)
    assert sim.digest() != before, change
