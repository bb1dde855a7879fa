"""The report shows what happened: each patient's readings and how they were judged, and
where each tube ended up; the HTML shows the readings beside the flag entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.clinical.vitals import Reading, abnormal_signs
from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy
from tests.cli.test_cli import Run, main, play

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("fields")
    return {policy: play(folder, policy) for policy in ("naive", "idle")}


def test_vitals_are_the_readings_and_the_games_judgement(runs: dict[str, Run]) -> None:
    sim = Simulation(load_scenario(ROOT / "scenarios" / "standard_day.json").scenario, 1)
    play_policy(sim, POLICIES["naive"]())  # the same day as the run, to read the world
    measured = [p for p in runs["naive"].report["patients"] if p["vitals"]["measured"]]
    assert measured
    for p in measured:
        v, state = p["vitals"], sim.world.patients[p["id"]]
        assert Reading(**v["measured"]) == state.measured
        assert Reading(**v["recorded"]) == state.recorded
        assert v["abnormal"] == sorted(abnormal_signs(state.measured, state.age_years))
    # At least one patient of the day has an abnormal reading, and the report says which.
    assert any(p["vitals"]["abnormal"] for p in measured)


def test_nobody_measured_has_null_vitals_and_no_specimens(runs: dict[str, Run]) -> None:
    for p in runs["idle"].report["patients"]:
        assert p["vitals"] == {"measured": None, "recorded": None, "abnormal": [],
                               "bp_category": None}
        assert p["specimens"] == []


def test_specimens_say_where_each_tube_went(runs: dict[str, Run]) -> None:
    tubes = [s for p in runs["naive"].report["patients"] for s in p["specimens"]]
    assert tubes
    for s in tubes:
        assert s["status"] in ("received", "rejected", "not_sent")
        assert (s["reason"] is None) == (s["status"] == "received")
        assert isinstance(s["tests"], list)


def test_html_shows_readings_beside_flag_entries_and_titles(tmp_path: Path) -> None:
    page = tmp_path / "day.html"
    assert main("run", "standard_day", "--policy", "naive", "--report", str(page))[0] == 0
    text = page.read_text(encoding="utf-8")
    assert "Measure and record vital signs" in text  # a competency's title, not only its code
    row = next(r for r in text.split("<tr") if "Recorded " in r and "vitals" in r)
    assert "class=reading>Measured: BP " in row
    assert "played " in text and "was not verified" in text
