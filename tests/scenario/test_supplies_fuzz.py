"""Arbitrary JSON in the supplies section of a day, and invented supply commands in an
actions file: a clear problem or a playable day, never a traceback."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_settings import examples
from tests.scenario.fuzz_days import (
    Path_,
    json_values,
    paths_in,
    problem_or_playable,
    run_or_refused,
)
from tests.scenario.test_phone_fuzz import changed
from tests.sim.supplies_helpers import FIXTURE, day

VALUES = json_values("2026-12-01", "2026-12-02", "2026-12-03", "exam1", "exam2", "exam9",
                     "lab", "supply", "gloves", "tube_lavender", "electrodes", "G-1907")
KEYS = ("items", "stock", "item", "count", "par", "lots", "lot", "expires", "id", "name",
        "unit", "exam1", "lab", "supply", "extra")


@cache
def paths() -> tuple[Path_, ...]:
    """Every JSON path inside the supplies section (and the section itself)."""
    return tuple(paths_in(day()["supplies"], ("supplies",)))


def test_the_paths_reach_every_part_of_the_section() -> None:
    found = set(paths())
    for where in [("supplies", "items", 0, "unit"), ("supplies", "stock", "exam2", 0, "lots",
                                                     0, "expires"),
                  ("supplies", "stock", "supply", 1, "par")]:
        assert where in found


@settings(max_examples=examples(100), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(KEYS))
def test_a_mutant_supplies_section_is_a_problem_or_a_playable_day(
        data: st.DataObject, how: str, value: Any, key: str) -> None:
    where = data.draw(st.sampled_from(paths()), label="path")
    text = json.dumps(changed(day(), where, how, value, key), ensure_ascii=False)
    problem_or_playable(text, data.draw(st.sampled_from(["reference", "naive"]),
                                        label="policy"))




COMMAND = st.fixed_dictionaries(
    {"type": st.sampled_from(["restock", "count_stock", "discard_expired"])},
    optional={"place": VALUES | st.sampled_from(["exam1", "exam2", "lab", "supply", "exam9",
                                                 "EXAM1"]),
              "actor": VALUES, "extra": VALUES})


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(commands=st.lists(st.tuples(st.integers(-10, 20 * 3600), COMMAND), max_size=4))
def test_invented_supply_commands_are_run_or_refused(
        commands: list[tuple[int, dict[str, Any]]]) -> None:
    run_or_refused(FIXTURE, [{"t": t, "command": c}
                             for t, c in sorted(commands, key=lambda x: x[0])])
