"""The bots on every shipped scenario: reference passes, naive does clearly worse, idle fails."""

from __future__ import annotations

import pytest

from game.paths import bundled_scenarios
from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy

SCENARIOS = bundled_scenarios()


def score(path, policy: str, seed: int = 1):
    sim = Simulation(load_scenario(path).scenario, seed)
    play_policy(sim, POLICIES[policy]())
    assert sim.finished
    return sim, sim.score()


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reference_passes_with_a_good_grade(path, seed):
    sim, result = score(path, "reference", seed)
    assert result.passed and result.grade in ("A", "B"), result
    assert not result.critical_errors
    assert sim.world.ma.clocked_out


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_naive_scores_clearly_lower_with_its_mistakes_in_the_ledger(path):
    _, ref = score(path, "reference")
    sim, naive = score(path, "naive")
    assert naive.total <= ref.total - 20
    reasons = " ".join(e.reason for e in sim.ledger.entries if e.points < e.max)
    assert "only one valid identifier" in reasons
    assert "Did not verify" in reasons


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_idle_fails(path):
    _, idle = score(path, "idle")
    assert not idle.passed and idle.total < 10


def test_every_policy_faces_the_same_possible_points():
    path = SCENARIOS[0]
    possible = {name: score(path, name)[1].categories for name in POLICIES}
    totals = {name: {c: p for c, (_, p) in cats.items()} for name, cats in possible.items()}
    assert totals["reference"] == totals["naive"] == totals["idle"]
