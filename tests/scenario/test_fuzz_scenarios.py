"""Scenario mutants at every JSON path of the bundled days: a clear error or a playable day."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.paths import SCENARIOS
from game.scenario.errors import InputError
from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy
from tests.fuzz_settings import examples

DAYS = ("short_morning", "standard_day")
Path_ = tuple[str | int, ...]


@cache
def original(day: str) -> Any:
    return json.loads((SCENARIOS / f"{day}.json").read_text(encoding="utf-8"))


@cache
def paths(day: str) -> tuple[Path_, ...]:
    """Every JSON path in the day, the top level excluded."""
    found: list[Path_] = []

    def walk(node: Any, where: Path_) -> None:
        if where:
            found.append(where)
        items = node.items() if isinstance(node, dict) else \
            enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            walk(value, (*where, key))

    walk(original(day), ())
    return tuple(found)


# Raw JSON text a value is replaced by: what json.dumps cannot write, or writes only one way.
RAW = st.sampled_from([
    "1" * 4301, "-" + "9" * 5000, "1e999", "-1e999", "NaN", "Infinity", "1" * 101,
    "[" * 1000 + "]" * 1000, "[" * 63 + "]" * 63, '{"a":' * 200 + "1" + "}" * 200,
    '"\\ud800"', '"\\udfff x"', '"a\\u0000b"', "9" * 100, "0.1e-400", "-0", "1.5",
])
ODD_TEXT = st.text(
    alphabet=st.sampled_from(["a", "Z", " ", "\n", "\t", "\r", "\x00", "\x1b", "\x7f",
                              "\u200b", "\ufeff", "\u0301", "\u00a0", "é", "中", "\U0001f600",
                              "\\", '"', "-", "_", ":", "0"]),
    max_size=12)
PLAIN = (st.none() | st.booleans() | st.integers(-10**6, 10**6)
         | st.floats(allow_nan=False, allow_infinity=False) | ODD_TEXT
         | st.sampled_from(["", "x" * 600, "08:30", "25:00", "2026-01-05", "9999-12-31",
                            "exam1", "okafor", "CBC", "active", "early"]))
VALUES = st.recursive(PLAIN, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(ODD_TEXT, inner, max_size=3), max_leaves=6)

MUTATIONS = st.one_of(
    st.tuples(st.just("set"), VALUES),
    st.tuples(st.just("raw"), RAW),
    st.tuples(st.just("delete"), st.none()),
    st.tuples(st.just("grow"), st.integers(2, 300)),  # a list or text made long
    st.tuples(st.just("wrap"), st.sampled_from(["list", "object"])),
)


def mutate(day: str, where: Path_, kind: str, arg: Any) -> str:
    """The day's text with one change at where."""
    data = copy.deepcopy(original(day))
    parent: Any = data
    for part in where[:-1]:
        parent = parent[part]
    key = where[-1]
    marker = "\u2063RAW\u2063"
    if kind == "set":
        parent[key] = arg
    elif kind == "raw":
        parent[key] = marker
    elif kind == "delete":
        del parent[key]
    elif kind == "grow":
        value = parent[key]
        parent[key] = (value * arg if isinstance(value, list | str)
                       else [value] * arg)
    elif kind == "wrap":
        parent[key] = [parent[key]] if arg == "list" else {"value": parent[key]}
    text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=True)
    return text.replace(json.dumps(marker, ensure_ascii=False), arg) if kind == "raw" else text


@pytest.mark.parametrize("day", DAYS)
def test_every_path_is_reachable(day: str) -> None:
    assert len(paths(day)) > 100
    assert ("patients", 0, "vitals", "systolic") in paths(day)


@settings(max_examples=examples(150), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), mutation=MUTATIONS)
def test_a_mutant_loads_with_clear_errors_or_plays(tmp_path: Path, data: st.DataObject,
                                                   mutation: tuple[str, Any]) -> None:
    day = data.draw(st.sampled_from(DAYS), label="day")
    where = data.draw(st.sampled_from(paths(day)), label="path")
    kind, arg = mutation
    file = tmp_path / "mutant.json"
    file.write_bytes(mutate(day, where, kind, arg).encode("utf-8", "surrogatepass"))
    try:
        loaded = load_scenario(file)
    except InputError as exc:
        assert exc.file == str(file)
        assert exc.problems
        assert all(p.message for p in exc.problems)
        # Every mutation is below the top level: some problem says where.
        assert any(p.path for p in exc.problems), exc.render()
        exc.render().encode("utf-8", "backslashreplace")
        return
    sim = Simulation(loaded.scenario, 1)
    play_policy(sim, POLICIES["reference"]())
    assert 0 <= sim.score().total <= 100
