"""The bots on the ECG day and the shipped day: reference right the first time and at once,
naive with V1 and V2 too high and a patient who talks, idle nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.rules.ecg.state import ecg_state
from game.sim.runner import play_policy

ROOT = Path(__file__).resolve().parents[2]
DAY = ROOT / "tests" / "fixtures" / "ecg_day.json"


def played(policy: str, seed: int = 1, day: Path = DAY) -> Simulation:
    sim = Simulation(load_scenario(day).scenario, seed)
    play_policy(sim, POLICIES[policy]())
    return sim


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reference_records_each_ecg_once_and_hands_it_over_at_once(seed):
    sim = played("reference", seed)
    for pid, e in ecg_state(sim).patients.items():
        assert len(e.tracings) == 1 and e.tracings[0].usable, pid
        assert e.handed_t is not None and e.handed_t - e.tracings[0].t < 10 * 60
    entries = [x for x in sim.ledger.entries if "ECG" in x.reason or "chest pain" in x.reason]
    assert all(x.points == x.max and x.points > 0 for x in entries), entries
    assert sim.score().grade == "A" and not sim.score().critical_errors


def test_naive_puts_v1_v2_too_high_and_lets_the_patient_talk():
    sim = played("naive")
    repeats = [x for x in sim.ledger.entries if "must be repeated" in x.reason]
    assert repeats and all("V1, V2 on the wrong site" in x.reason for x in repeats)
    assert any("3rd intercostal space" in x.note for x in repeats)
    pierce = played("naive", day=ROOT / "scenarios" / "standard_day.json")
    e = ecg_state(pierce).patients["p12-pierce"]
    assert e.tracings[0].artifact == "talking" and e.tracings[0].misplaced == ("V1", "V2")
    assert e.tracings[-1].usable and e.handed_t is not None


def test_idle_records_nothing():
    sim = played("idle")
    assert all(not e.tracings for e in ecg_state(sim).patients.values())
    assert any(x.reason.endswith("ECG was never recorded") for x in sim.ledger.entries)


def test_reference_scores_an_a_on_the_shipped_day():
    sim = played("reference", day=ROOT / "scenarios" / "standard_day.json")
    e = ecg_state(sim).patients["p12-pierce"]
    assert len(e.tracings) == 1 and e.handed_t is not None
    assert sim.score().grade == "A"
