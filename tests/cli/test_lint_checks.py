"""lint's checks on what the author set: a pass mark above what careful work reaches, a kit
whose QC never passes, and a reading pinned against the devices' variation."""

from __future__ import annotations

import json
from pathlib import Path

from game.lint import Level, content, noise
from game.scenario.load import load_scenario
from game.sim.rng import Streams
from game.sim.rules.vitals_device import device_reading, true_reading
from tests.cli.test_cli import main
from tests.cli.test_lint import day, write

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_a_pass_mark_above_the_reference_bots_best_is_an_error(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "short_morning.json").read_text(encoding="utf-8"))
    data.setdefault("scoring", {})["pass_mark"] = 100  # the reference bot reaches 97-98
    code, out, _ = main("lint", str(write(tmp_path, data)), "--seeds", "2")
    assert code == 1
    assert "scoring.pass_mark: error: the pass mark 100 is above the best score the " \
           "reference bot reaches (98): no student can be expected to pass" in out


def test_a_kit_whose_qc_fails_all_day_without_a_spare_lot_is_found(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "poc_day.json").read_text(encoding="utf-8"))
    strep = next(i for i, k in enumerate(data["poc"]["kits"]) if k["id"] == "strep")
    data["poc"]["kits"][strep]["qc_today"] = "fail"
    found = content(load_scenario(write(tmp_path, data)).scenario)
    assert [(f.level, f.path) for f in found] == [
        (Level.WARNING, ("poc", "kits", strep, "qc_today"))]
    assert "no one can report POC_STREP for" in found[0].message
    data["poc"]["kits"][strep]["spare_lot"] = "ST-2"  # a lot to open: QC can pass on it
    assert content(load_scenario(write(tmp_path, data)).scenario) == []


def test_a_pinned_reading_is_shown_exactly_on_every_seed_and_lint_accepts_it(
        tmp_path: Path) -> None:
    data = day()
    # 119 systolic sits one below the adult "elevated" line (AHA/ACC 2017): noise moves it.
    data["patients"][0]["vitals"].update(systolic=119, diastolic=74)
    assert noise(load_scenario(write(tmp_path, data)).scenario, 10)
    data["patients"][0]["vitals"]["exact"] = True
    loaded = load_scenario(write(tmp_path, data))
    assert noise(loaded.scenario, 10) == []
    spec = loaded.scenario.patients[0]
    assert all(device_reading(Streams(seed), spec) == true_reading(spec)
               for seed in range(1, 11))
