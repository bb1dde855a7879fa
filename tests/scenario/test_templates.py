"""The authoring templates are valid days that the reference bot can win."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "scenarios" / "templates").glob("*.json"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_template_is_valid_and_winnable(path: Path) -> None:
    sim = Simulation(load_scenario(path).scenario, 1)
    play_policy(sim, POLICIES["reference"]())
    assert sim.score().passed


def test_there_is_a_template() -> None:
    assert TEMPLATES
