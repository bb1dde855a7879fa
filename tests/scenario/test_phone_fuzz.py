"""Arbitrary JSON in the phone, chart and walk-in parts of a day, and in the phone and walk-in
commands of an actions file: a clear problem or a playable day, never a traceback."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.cli.test_cli import main
from tests.fuzz_settings import examples
from tests.scenario import fuzz_days
from tests.scenario.fuzz_days import (
    Path_,
    json_values,
    load_scenario_text,
    paths_in,
    problem_or_playable,
)
from tests.sim.phone_day import FIXTURE, fixture

VALUES = json_values("08:30", "07:29", "12:00", "25:00", "2026-12-02", "2026-12-03", "c-ruiz",
                     "c-kid", "s01-nakamura", "w-walkin", "okafor", "follow_up", "self",
                     "spouse", "parent", "pharmacy", "portal", "phone", "red_flag", "refill",
                     "chest_pain", "call_911", "fit_in", "555-0142")
# Keys an author may add to an object of these parts (real ones, so they get past "unknown
# key" and reach the checks behind it).
KEYS = ("dob_given", "release_to", "next_visit", "walk_in", "red_flag", "protocol", "wants",
        "medication", "channel", "rate", "ring_seconds", "hold_minutes", "station",
        "fit_within_minutes", "double_booking", "availability", "min_days", "max_days",
        "per_hour", "pool", "calls", "extra")
ROOTS = ("phone", "charts", "walk_in_policy", ("patients", 5, "walk_in"),
         ("patients", 0, "release_to"))


@cache
def _base_text() -> str:
    data = fixture()
    data["walk_in_policy"] = {"fit_within_minutes": 60, "double_booking": True}
    data["patients"][0]["release_to"] = [{"name": "Aiko Nakamura", "relation": "spouse"}]
    data["phone"]["rate"] = {"per_hour": 3, "start": "08:00", "end": "11:00", "pool": [
        {k: v for k, v in data["phone"]["calls"][1].items() if k != "time"} | {"id": "pool1"}]}
    return json.dumps(data)


def base() -> dict[str, Any]:
    """The fixture with every new part present: a policy, a release list, a rate."""
    data: dict[str, Any] = json.loads(_base_text())
    return data


@cache
def paths() -> tuple[Path_, ...]:
    """Every JSON path inside the phone, chart and walk-in parts (and the parts themselves)."""
    found: list[Path_] = []
    data = base()
    for root in ROOTS:
        where: Path_ = (root,) if isinstance(root, str) else root
        node: Any = data
        for part in where:
            node = node[part]
        found += paths_in(node, where)
    return tuple(found)


def mutate(where: Path_, how: str, value: Any, key: str) -> dict[str, Any]:
    """The day with one change at `where`: replaced, deleted, or a key added beside it."""
    return changed(base(), where, how, value, key)


def changed(data: Any, where: Path_, how: str, value: Any, key: str) -> Any:
    """JSON data with one change at `where` (in place): replaced, deleted, a key added to
    an object or an item to a list."""
    parent: Any = data
    for part in where[:-1]:
        parent = parent[part]
    last = where[-1]
    if how == "delete":
        del parent[last]
    elif how == "add" and isinstance(parent[last], dict):
        parent[last][key] = value
    elif how == "add" and isinstance(parent[last], list):
        parent[last].append(value)
    else:
        parent[last] = value
    return data


def test_the_paths_reach_every_new_part() -> None:
    found = set(paths())
    for where in [("phone", "calls", 0, "caller", "number"), ("charts", 0, "next_visit", "date"),
                  ("charts", 0, "release_to", 0, "name"), ("walk_in_policy", "double_booking"),
                  ("patients", 5, "walk_in", "complaint"), ("phone", "rate", "pool", 0, "kind"),
                  ("patients", 0, "release_to", 0, "relation")]:
        assert where in found
    load_scenario_text(json.dumps(base()))  # the base itself is valid


@settings(max_examples=examples(120), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(KEYS))
def test_a_mutant_phone_or_walk_in_part_is_a_problem_or_a_playable_day(
        data: st.DataObject, how: str, value: Any, key: str) -> None:
    where = data.draw(st.sampled_from(paths()), label="path")
    problem_or_playable(json.dumps(mutate(where, how, value, key), ensure_ascii=False),
                        data.draw(st.sampled_from(["reference", "naive"]), label="policy"))


# --- actions files -----------------------------------------------------------------------
PHONE_TYPES = ("answer_call", "verify_caller", "hold_call", "handle_call", "screen_walk_in")


@pytest.fixture(scope="module")
def phone_actions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The reference bot's phone and walk-in commands on the fixture day, with their times."""
    log = tmp_path_factory.mktemp("phone") / "log.json"
    code, _, err = main("run", str(FIXTURE), "--policy", "reference", "--log", str(log))
    assert code == 0, err
    commands = json.loads(log.read_text(encoding="utf-8"))["commands"]
    mine = [c for c in commands if c["command"]["type"] in PHONE_TYPES]
    assert {c["command"]["type"] for c in mine} >= {"answer_call", "verify_caller",
                                                    "handle_call", "screen_walk_in"}
    return list(mine)


def run_actions(commands: Any) -> tuple[int, str, str]:
    return fuzz_days.run_actions(FIXTURE, commands)


def test_the_reference_phone_commands_run_as_an_actions_file(
        phone_actions: list[dict[str, Any]]) -> None:
    code, out, err = run_actions(phone_actions)
    assert code == 0, err
    assert "Score" in out


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(("message", "date", "time", "decision", "action", "call",
                            "patient", "actor", "dob", "callback", "extra")))
def test_a_mutated_phone_command_never_gives_a_traceback(
        phone_actions: list[dict[str, Any]], data: st.DataObject, how: str, value: Any,
        key: str) -> None:
    commands = json.loads(json.dumps(phone_actions))
    where = data.draw(st.sampled_from(paths_in(commands)), label="path")
    changed(commands, where, how, value, key)
    fuzz_days.run_or_refused(FIXTURE, commands)


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(t=st.integers(-10, 20 * 3600), call=st.sampled_from(["refill1", "red1", "mom1",
                                                            "spouse1#1", "nope", "REFILL1"]),
       kind=st.sampled_from(PHONE_TYPES), choice=VALUES | st.sampled_from(
           ["book", "route", "answer", "call_911", "take_message", "fit_in", "urgent_care"]),
       message=VALUES)
def test_an_invented_phone_command_is_run_or_refused(t: int, call: str, kind: str,
                                                     choice: Any, message: Any) -> None:
    command: dict[str, Any] = {"type": kind}
    if kind == "screen_walk_in":
        command.update(patient="w-walkin" if call == "refill1" else call, decision=choice)
    else:
        command["call"] = call
    if kind == "handle_call":
        command.update(action=choice, message=message)
    code, out, err = run_actions([{"t": t, "command": command}])
    assert code in (0, 1) and "Traceback" not in out + err
    event(f"exit {code}")
