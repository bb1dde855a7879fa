"""Bad medications sections and orders: each problem with its JSON path and its message, as
`clinic-day validate` shows them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.scenario.errors import InputError, json_path
from game.scenario.load import load_scenario
from tests.cli.test_cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "medications_day.json"
Edit = Callable[[dict[str, Any]], None]


def day() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def product(data: dict[str, Any], pid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in data["medications"]["products"] if p["id"] == pid)
    return found


def problems_of(data: dict[str, Any], tmp_path: Path) -> dict[str, str]:
    file = tmp_path / "day.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_scenario(file)
    return {json_path(p.path): p.message for p in exc.value.problems}


def _set(path: tuple[Any, ...], value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return edit


def _unlogged(data: dict[str, Any]) -> None:
    data["opening_tasks"] = [t for t in data["opening_tasks"] if t["kind"] != "log_fridge"]


def _infant_tdap(data: dict[str, Any]) -> None:
    data["patients"][0]["dob"] = "2026-01-10"
    data["patients"][0]["orders"]["medications"] = [{"product": "tdap-a", "dose_ml": 0.5}]


CASES: list[tuple[str, Edit, str, str]] = [
    ("unknown product", _set(("patients", 0, "orders", "medications", 0, "product"), "nope"),
     "patients[0].orders.medications[0].product", "unknown product 'nope'"),
    ("vaccine for the wrong age", _infant_tdap, "patients[0].orders.medications[0].product",
     "Tdap vaccine is given from 10 years"),
    ("dose out of range", _set(("patients", 0, "orders", "medications", 0, "dose_ml"), 0.25),
     "patients[0].orders.medications[0].dose_ml", "0.25 mL is out of the catalogue's range"),
    ("unknown code", _set(("medications", "products", 0, "code"), "FLU_LAIV"),
     "medications.products[0].code", "unknown product code 'FLU_LAIV'"),
    ("frozen influenza", _set(("medications", "products", 0, "storage"), "freezer"),
     "medications.products[0].storage", "is kept in the fridge, not the freezer"),
    ("a vaccine without its VIS", _set(("medications", "products", 1, "vis_edition"), None),
     "medications.products[1].vis_edition", "give the edition date of its Vaccine"),
    ("B12 with a VIS", _set(("medications", "products", 3, "vis_edition"), "2024-01-01"),
     "medications.products[3].vis_edition", "is not a vaccine"),
    ("beyond use before opened", _set(("medications", "products", 0, "beyond_use"),
                                      "2026-11-01"),
     "medications.products[0].beyond_use", "is before the vial was opened"),
    ("unlogged fridge", _unlogged, "medications.products[0].storage",
     "no opening log_fridge task reads the fridge"),
    ("duplicate product id", _set(("medications", "products", 1, "id"), "flu-2627"),
     "medications.products[1].id", "product id 'flu-2627' is used more than once"),
    ("ordered twice", _set(("patients", 2, "orders", "medications", 1, "product"), "flu-2627"),
     "patients[2].orders.medications[1].product", "is ordered twice"),
    ("bad lot", _set(("medications", "products", 0, "lot"), "lot 1"),
     "medications.products[0].lot", "should match pattern"),
    ("unknown patient field", _set(("patients", 2, "medication_notes", "faints"), True),
     "patients[2].medication_notes.faints", "unknown key"),
]


@pytest.mark.parametrize(("name", "edit", "path", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_medication_part_is_reported_at_its_path(name: str, edit: Edit, path: str,
                                                       words: str, tmp_path: Path) -> None:
    data = day()
    edit(data)
    found = problems_of(data, tmp_path)
    assert path in found, found
    assert words in found[path], found[path]


def test_the_fixture_and_the_shipped_days_validate() -> None:
    assert load_scenario(FIXTURE).scenario.medications.products
    code, out, err = main("validate", str(FIXTURE))
    assert code == 0, err
    assert "ok" in out


def test_validate_prints_the_path_and_message(tmp_path: Path) -> None:
    data = day()
    _infant_tdap(data)
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    code, _out, err = main("validate", str(file))
    assert code == 1
    assert "patients[0].orders.medications[0].product: Tdap vaccine is given from 10 years" \
        in err + _out
