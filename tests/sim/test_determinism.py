"""The same scenario, seed and commands give the same day; a session log replays exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.headless import replay
from game.scenario.load import load_scenario
from game.session import new_log
from game.sim.engine import Simulation
from game.sim.log import SessionLog, save_log
from game.sim.policies import POLICIES
from game.sim.runner import play_commands, play_policy

ROOT = Path(__file__).resolve().parents[2]
STANDARD = ROOT / "scenarios" / "standard_day.json"


def played(policy: str, seed: int = 7) -> tuple[Simulation, list]:
    sim = Simulation(load_scenario(STANDARD).scenario, seed)
    return sim, play_policy(sim, POLICIES[policy]())


def test_two_runs_with_one_seed_give_one_digest():
    a, _ = played("reference")
    b, _ = played("reference")
    assert a.finished and b.finished
    assert a.digest() == b.digest()


def test_another_seed_gives_another_day():
    a, _ = played("reference", seed=1)
    b, _ = played("reference", seed=2)
    assert a.digest() != b.digest()


def test_the_world_does_not_depend_on_the_players_choices():
    ref, _ = played("reference")
    idle, _ = played("idle")
    arrivals = {pid: p.arrival_t for pid, p in ref.world.patients.items()}
    assert arrivals == {pid: p.arrival_t for pid, p in idle.world.patients.items()}
    for pid, p in ref.world.patients.items():
        if p.measured is not None and idle.world.patients[pid].measured is None:
            from game.sim.rules.vitals_device import device_reading

            assert device_reading(idle.streams, p.spec) == p.measured


def test_replaying_the_commands_reproduces_the_digest():
    sim, record = played("naive")
    again = Simulation(load_scenario(STANDARD).scenario, 7)
    play_commands(again, record)
    assert again.digest() == sim.digest()


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    loaded = load_scenario(STANDARD)
    sim = Simulation(loaded.scenario, 3)
    log = new_log(loaded, 3, "reference")
    log.commands = play_policy(sim, POLICIES["reference"]())
    log.seal(sim.digest())
    path = tmp_path / "session.json"
    save_log(log, path)
    return path


def test_replay_checks_the_digest(log_file: Path, capsys):
    assert replay(log_file, None, None) == 0
    assert "replay ok" in capsys.readouterr().out


def test_a_tampered_log_is_caught(log_file: Path, capsys):
    data = json.loads(log_file.read_text())
    first_check_in = next(tc for tc in data["commands"] if tc["command"]["type"] == "check_in")
    first_check_in["command"]["identifiers"] = ["name"]
    log_file.write_text(json.dumps(data))
    assert replay(log_file, None, None) == 3
    assert "DIGEST MISMATCH" in capsys.readouterr().err


def test_log_round_trips_through_json(log_file: Path):
    log = SessionLog.model_validate_json(log_file.read_text())
    assert log.commands and log.final_digest and log.scenario.file == "standard_day.json"
    assert log.source == "bot" and log.policy == "reference" and log.played_at
