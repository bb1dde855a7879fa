"""The ECG order's format: each error with its JSON path, and the no-show cross-check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.scenario.errors import InputError, json_path
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
DAY = ROOT / "tests" / "fixtures" / "ecg_day.json"
ECG = ("patients", 0, "orders", "ecg")


def write(tmp_path: Path, ecg: Any, **patient: Any) -> Path:
    data = json.loads(DAY.read_text(encoding="utf-8"))
    data["patients"][0]["orders"]["ecg"] = ecg
    data["patients"][0].update(patient)
    file = tmp_path / "day.json"
    file.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return file


def problems(file: Path) -> dict[str, str]:
    with pytest.raises(InputError) as info:
        load_scenario(file)
    for p in info.value.problems:
        assert p.line is not None
    return {json_path(p.path): p.message for p in info.value.problems}


def test_the_fixture_and_the_standard_day_load():
    assert load_scenario(DAY).scenario.patients[0].orders.ecg is not None
    day = load_scenario(ROOT / "scenarios" / "standard_day.json").scenario
    pierce = next(p for p in day.patients if p.id == "p12-pierce")
    assert pierce.orders.ecg is not None and pierce.orders.ecg.artifact == "talking"


@pytest.mark.parametrize(("ecg", "path", "words"), [
    ({}, "patients[0].orders.ecg.reason", "required"),
    ({"reason": ""}, "patients[0].orders.ecg.reason", "at least 1"),
    ({"reason": "x", "artifact": "sneezing"}, "patients[0].orders.ecg.artifact", "talking"),
    ({"reason": "x", "chest_pain": "yes"}, "patients[0].orders.ecg.chest_pain", "boolean"),
    ({"reason": "x", "leads": 15}, "patients[0].orders.ecg.leads", "unknown key"),
    ("12-lead", "patients[0].orders.ecg", ""),
])
def test_each_format_error_names_its_path(tmp_path, ecg, path, words):
    found = problems(write(tmp_path, ecg))
    assert path in found, found
    assert words.lower() in found[path].lower()


def test_an_ecg_for_a_no_show_is_a_problem(tmp_path):
    found = problems(write(tmp_path, {"reason": "palpitations"}, arrival={"kind": "no_show"}))
    assert "is a no-show" in found["patients[0].orders.ecg"]
