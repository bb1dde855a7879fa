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


def test_a_room_out_of_service_all_day_is_found(tmp_path: Path) -> None:
    data = day()
    room, opens = data["clinic"]["rooms"][0], data["clinic"]["opens"]
    data["events"] = [{"kind": "room_out_of_service", "at": opens, "room": room["id"],
                       "reason": "the exam table's lift is broken"}]
    found = [f for f in content(load_scenario(write(tmp_path, data)).scenario)
             if f.path[:1] == ("events",)]
    assert [(f.level, f.path) for f in found] == [(Level.WARNING, ("events", 0))]
    assert found[0].message.startswith(f"{room['name']} is out of service from the opening "
                                       "to the closing")
    # Back in service at 10:00: usable for part of the day, so nothing to say.
    data["events"][0]["until"] = "10:00"
    assert not [f for f in content(load_scenario(write(tmp_path, data)).scenario)
                if f.path[:1] == ("events",)]


def test_every_room_out_of_service_at_once_is_found(tmp_path: Path) -> None:
    data = day()
    rooms = [r["id"] for r in data["clinic"]["rooms"]]
    data["events"] = [{"kind": "room_out_of_service", "at": f"1{k}:00", "room": room,
                       "until": "14:00", "reason": "a power cut in that wing"}
                      for k, room in enumerate(rooms)]
    found = [f for f in content(load_scenario(write(tmp_path, data)).scenario)
             if f.path[:1] == ("events",)]
    last = len(rooms) - 1
    assert [(f.level, f.path) for f in found] == [(Level.WARNING, ("events", last))]
    assert found[0].message.startswith(f"from 1{last}:00 every exam room is out of service")
    data["events"][0]["until"] = f"1{last}:00"  # the first is back as the last one closes
    assert not [f for f in content(load_scenario(write(tmp_path, data)).scenario)
                if f.path[:1] == ("events",)]
