"""Arbitrary JSON in an ECG order and in the ECG commands of an actions file: a clear problem
or a playable day, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.test_cli import main
from tests.fuzz_settings import examples
from tests.scenario import fuzz_days
from tests.scenario.fuzz_days import paths_in

ROOT = Path(__file__).resolve().parents[2]
DAY = ROOT / "tests" / "fixtures" / "ecg_day.json"
ECG_TYPES = ("prepare_ecg", "place_electrodes", "record_ecg", "hand_ecg", "report_chest_pain")
PLAIN = (st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=6)
         | st.sampled_from(["talking", "shivering", "loose_lead", "interference", "r3", "l4",
                            "V1", "RA", "left_arm", "ask_still", "unplug", "s01-nakamura",
                            "x" * 600, "\x00"]))
VALUES = st.recursive(PLAIN, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(["reason", "artifact", "chest_pain",
                                                         "V1", "RA", "extra"]), inner,
                                        max_size=3), max_leaves=6)


def _change(data: Any, where: tuple[Any, ...], how: str, value: Any, key: str) -> None:
    parent = data
    for part in where[:-1]:
        parent = parent[part]
    last = where[-1]
    if how == "delete":
        del parent[last]
    elif how == "add" and isinstance(parent[last], dict):
        parent[last][key] = value
    else:
        parent[last] = value


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(["reason", "artifact", "chest_pain", "extra"]))
def test_a_mutant_ecg_order_is_a_problem_or_a_playable_day(data: st.DataObject, how: str,
                                                            value: Any, key: str) -> None:
    day = json.loads(DAY.read_text(encoding="utf-8"))
    orders = [(i, "ecg") for i, p in enumerate(day["patients"]) if "ecg" in p.get("orders", {})]
    i, _ = data.draw(st.sampled_from(orders), label="patient")
    root = ("patients", i, "orders", "ecg")
    where = data.draw(st.sampled_from([root, *[(*root, *p) for p in paths_in(
        day["patients"][i]["orders"]["ecg"])]]), label="path")
    _change(day, where, how, value, key)
    fuzz_days.problem_or_playable(json.dumps(day),
                                  data.draw(st.sampled_from(["reference", "naive"])))


@pytest.fixture(scope="module")
def ecg_actions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The naive bot's commands on the ECG day (its ECGs have every step, repeats too)."""
    log = tmp_path_factory.mktemp("ecg") / "log.json"
    code, _, err = main("run", str(DAY), "--policy", "naive", "--log", str(log))
    assert code == 0, err
    commands = json.loads(log.read_text(encoding="utf-8"))["commands"]
    assert {c["command"]["type"] for c in commands} >= set(ECG_TYPES)
    return list(commands)


def run_actions(commands: Any) -> tuple[int, str, str]:
    return fuzz_days.run_actions(DAY, commands)


def test_the_naive_commands_run_as_an_actions_file(ecg_actions: list[dict[str, Any]]) -> None:
    code, out, err = run_actions(ecg_actions)
    assert code == 0, err
    assert "Score" in out


@settings(max_examples=examples(50), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(["sites", "fix", "patient", "supine", "identifiers", "V1", "extra"]))
def test_a_mutated_ecg_command_never_gives_a_traceback(
        ecg_actions: list[dict[str, Any]], data: st.DataObject, how: str, value: Any,
        key: str) -> None:
    commands = json.loads(json.dumps(ecg_actions))
    mine = [i for i, c in enumerate(commands) if c["command"]["type"] in ECG_TYPES]
    i = data.draw(st.sampled_from(mine), label="command")
    where = data.draw(st.sampled_from(paths_in(commands[i], (i,))), label="path")
    _change(commands, where, how, value, key)
    fuzz_days.run_or_refused(DAY, commands)
