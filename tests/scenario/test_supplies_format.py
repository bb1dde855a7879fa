"""Bad supplies sections: each problem with its JSON path and its message, as `clinic-day
validate` shows them; and the section's fields all in the JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.scenario.errors import InputError, json_path
from game.scenario.load import load_scenario
from game.scenario.schema import scenario_schema
from tests.sim.supplies_helpers import day, shelf

Edit = Callable[[dict[str, Any]], None]


def stock(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["supplies"]["stock"]
    return found


def problems(tmp_path: Path, edit: Edit) -> dict[str, str]:
    data = day()
    edit(data)
    file = tmp_path / "day.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(file)
    return {json_path(p.path): p.message for p in info.value.problems}


def _set(place: str, i: int, **fields: Any) -> Edit:
    return lambda d: stock(d)[place][i].update(fields)


CASES: list[tuple[str, Edit, str, str]] = [
    ("unknown room", lambda d: stock(d).update(exam9=stock(d)["exam1"]),
     "supplies.stock.exam9", "unknown place 'exam9' (known: exam1, exam2, lab, supply)"),
    ("unknown item on a shelf", _set("exam1", 0, item="gauze"),
     "supplies.stock.exam1[0].item", "unknown item 'gauze' (known: gloves, glucose_strip, "),
    ("an item the game does not know", lambda d: d["supplies"]["items"].append(
        {"id": "gauze", "name": "gauze", "unit": "pad"}),
     "supplies.items[5].id", "unknown supply item 'gauze' (known: "),
    ("negative count", _set("exam1", 0, count=-1, lots=[]),
     "supplies.stock.exam1[0].count", "greater than or equal to 0"),
    ("par below zero", _set("exam1", 0, par=-2),
     "supplies.stock.exam1[0].par", "greater than or equal to 0"),
    ("lots that do not add up", _set("exam1", 0, count=3),
     "supplies.stock.exam1[0].lots", "the lots add up to 1, not the shelf's count 3"),
    ("a lot twice", lambda d: shelf(d, "exam2", "gloves").update(lots=[
        {"lot": "G-1", "count": 2, "expires": "2027-01-01"},
        {"lot": "G-1", "count": 3, "expires": "2027-01-01"}]),
     "supplies.stock.exam2[0].lots[1].lot", "lot 'G-1' is listed more than once"),
    ("an expiry on an item whose date does not matter",
     lambda d: shelf(d, "exam1", "table_paper").update(
         lots=[{"lot": "T1", "count": 6, "expires": "2027-01-01"}]),
     "supplies.stock.exam1[1].lots[0].expires", "table paper does not expire in the game"),
    ("an implausible year", lambda d: shelf(d, "exam1", "gloves")["lots"][0].update(
        expires="1990-06-30"),
     "supplies.stock.exam1[0].lots[0].expires", "is more than 10 years from the day"),
    ("an item stocked nowhere", lambda d: d["supplies"]["items"].append(
        {"id": "electrodes", "name": "electrodes", "unit": "electrode"}),
     "supplies.items[5].id", "'electrodes' is stocked nowhere"),
    ("two shelves of one item", lambda d: stock(d)["exam1"].append(
        {"item": "gloves", "count": 1, "par": 1}),
     "supplies.stock.exam1[5].item", "'gloves' has more than one shelf in 'exam1'"),
    ("no items", lambda d: d["supplies"].update(items=[]),
     "supplies.items", "at least 1 item"),
    ("a lot number with spaces", lambda d: shelf(d, "exam1", "gloves")["lots"][0].update(
        lot="G 22"), "supplies.stock.exam1[0].lots[0].lot", "pattern"),
]


@pytest.mark.parametrize(("edit", "where", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_problem_has_its_path_and_message(tmp_path, edit, where, message):
    found = problems(tmp_path, edit)
    assert where in found, found
    assert message in found[where]


def test_the_fixture_and_the_shipped_day_are_valid():
    load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "standard_day.json")
    from tests.sim.supplies_helpers import FIXTURE

    assert load_scenario(FIXTURE).scenario.supplies is not None


def test_the_schema_describes_the_section():
    text = json.dumps(scenario_schema())
    for words in ("The par level", "first expiring, first used", "tube_<tube>",
                  "the supply room every place is restocked from"):
        assert words in text
