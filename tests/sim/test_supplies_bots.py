"""The bots and supplies: a day without the section plays exactly as it did before supplies
existed; on a day with it the reference bot discards, restocks and takes inventory, the naive
bot never does, and the idle bot does nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy
from tests.cli.test_cli import main
from tests.sim.supplies_helpers import FIXTURE, ROOT

PHONE_MORNING = ROOT / "tests" / "fixtures" / "phone_morning.json"
# The reference bot's report on phone_morning, recorded before the supplies rule existed.
BASELINE = json.loads((Path(__file__).parent / "supplies_baseline_phone_morning.json")
                      .read_text(encoding="utf-8"))
SUPPLY_TYPES = {"restock", "count_stock", "discard_expired"}


@pytest.mark.parametrize("with_key", [False, True], ids=["absent", "null"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_day_without_supplies_scores_exactly_as_before(tmp_path, seed, with_key):
    day = tmp_path / "day.json"
    data = json.loads(PHONE_MORNING.read_text(encoding="utf-8"))
    assert "supplies" not in data
    if with_key:
        data["supplies"] = None
    day.write_text(json.dumps(data), encoding="utf-8")
    report, log = tmp_path / "r.json", tmp_path / "l.json"
    code, _, err = main("run", str(day), "--policy", "reference", "--seed", str(seed),
                        "--report", str(report), "--log", str(log))
    assert code == 0, err
    got = json.loads(report.read_text(encoding="utf-8"))
    want = BASELINE[str(seed)]
    assert got["score"] == want["score"]
    assert got["ledger"] == want["ledger"]
    assert got["patients"] == want["patients"]
    commands = json.loads(log.read_text(encoding="utf-8"))["commands"]
    assert not [c for c in commands if c["command"]["type"] in SUPPLY_TYPES]


def _play(path: Path, policy: str, seed: int = 1) -> tuple[Simulation, list[str]]:
    sim = Simulation(load_scenario(path).scenario, seed)
    done: list[str] = []
    original = sim.submit

    def submit(cmd):  # type: ignore[no-untyped-def]
        result = original(cmd)
        if result.ok:
            done.append(cmd.type)
        return result

    sim.submit = submit  # type: ignore[method-assign]
    play_policy(sim, POLICIES[policy]())
    assert sim.finished
    return sim, done


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_reference_bot_discards_restocks_and_takes_inventory(seed):
    sim, done = _play(FIXTURE, "reference", seed)
    assert {"discard_expired", "restock", "count_stock"} <= set(done)
    reasons = [e.reason for e in sim.ledger.entries]
    assert not [r for r in reasons if r.startswith("Used expired") or "ran out of" in r]
    inventory = [e for e in sim.ledger.entries if e.competency == "VI.P.4" and
                 (e.reason.startswith("Counted") or e.reason.startswith("Closing inventory"))]
    assert len(inventory) == 3 and all(e.points == e.max == 2 for e in inventory)
    assert sim.score().grade == "A"


def test_the_naive_bot_never_counts_or_restocks_and_runs_out():
    sim, done = _play(FIXTURE, "naive")
    assert not SUPPLY_TYPES & set(done)
    reasons = [e.reason for e in sim.ledger.entries]
    assert "Exam 1 ran out of exam gloves: a walk to the supply room" in reasons
    assert sum(r.startswith("Closing inventory not done") for r in reasons) == 3


def test_the_idle_bot_does_nothing_with_supplies():
    sim, done = _play(FIXTURE, "idle")
    assert sim.score().total == 0
    assert not SUPPLY_TYPES & set(done)


def test_the_standard_day_runs_a_naive_student_out_of_gloves_with_an_expired_lot():
    sim, _ = _play(ROOT / "scenarios" / "standard_day.json", "naive")
    reasons = [e.reason for e in sim.ledger.entries]
    assert "Exam 1 ran out of exam gloves: a walk to the supply room" in reasons
    assert any(r.startswith("Used expired exam gloves") and "lot G1874" in r for r in reasons)
    ref, _ = _play(ROOT / "scenarios" / "standard_day.json", "reference")
    assert ref.score().grade == "A"
    assert not [e for e in ref.ledger.entries if e.reason.startswith("Used expired")]
