"""Arbitrary JSON in the medications section, the patients' medication orders and notes, and
in the medication commands of an actions file: a clear problem or a playable day, never a
traceback."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
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
from tests.scenario.test_phone_fuzz import changed

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "medications_day.json"
VALUES = json_values("2026-12-02", "2026-11-01", "2010-05-10", "FLU_IIV", "MMR", "VAR", "B12",
                     "PPD", "HEPB_PED", "flu-2627", "tdap-a", "hpv-9", "b12-cab", "fridge",
                     "freezer", "cabinet", "IM", "SC", "ID", "deltoid", "triceps", "forearm",
                     "parent", "patient", "allergy", "storage", "recapped", "gelatin (hives)",
                     "eggs", 0.5, 1.0, 0.1, 0.625, 12.0)
KEYS = ("code", "lot", "manufacturer", "expires", "multi_dose", "opened", "beyond_use",
        "storage", "vis_edition", "product", "dose_ml", "allergies_told",
        "faints_if_released_early", "extra")
ROOTS: tuple[Path_, ...] = (("medications",), ("patients", 2, "orders", "medications"),
                            ("patients", 2, "medication_notes"),
                            ("patients", 4, "medication_notes"), ("patients", 4, "dob"))


@cache
def _base_text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def base() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_base_text())
    return data


@cache
def paths() -> tuple[Path_, ...]:
    """Every JSON path inside the medication parts (and the parts themselves)."""
    data = base()
    found: list[Path_] = []
    for root in ROOTS:
        node: Any = data
        for part in root:
            node = node[part]
        found += [root, *paths_in(node, root)]
    return tuple(found)


def test_the_paths_reach_every_medication_part() -> None:
    found = set(paths())
    for where in [("medications", "products", 0, "beyond_use"),
                  ("patients", 2, "orders", "medications", 1, "dose_ml"),
                  ("patients", 2, "medication_notes", "allergies_told", 0),
                  ("patients", 4, "medication_notes", "faints_if_released_early")]:
        assert where in found
    load_scenario_text(json.dumps(base()))


@settings(max_examples=examples(100), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(KEYS))
def test_a_mutant_medication_part_is_a_problem_or_a_playable_day(
        data: st.DataObject, how: str, value: Any, key: str) -> None:
    where = data.draw(st.sampled_from(paths()), label="path")
    text = json.dumps(changed(base(), where, how, value, key), ensure_ascii=False)
    problem_or_playable(text, data.draw(st.sampled_from(["reference", "naive"]),
                                        label="policy"))


# --- actions files -----------------------------------------------------------------------
MED_TYPES = ("check_allergies", "give_vis", "prepare_dose", "give_medication",
             "hold_medication", "document_medication", "end_observation", "first_aid")


@pytest.fixture(scope="module")
def med_actions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every command the reference and naive bots played on the fixture, naive's medication
    commands (early release, first aid) moved onto the reference's timeline."""
    folder = tmp_path_factory.mktemp("meds")
    out = []
    for policy in ("reference", "naive"):
        log = folder / f"{policy}.json"
        code, _, err = main("run", str(FIXTURE), "--policy", policy, "--log", str(log))
        assert code == 0, err
        out.append(json.loads(log.read_text(encoding="utf-8"))["commands"])
    ref, naive = out
    extra = [c for c in naive if c["command"]["type"] in ("end_observation", "first_aid")]
    commands = sorted(ref + extra, key=lambda c: c["t"])
    assert {c["command"]["type"] for c in commands} >= set(MED_TYPES)
    return commands


def run_actions(commands: Any) -> tuple[int, str, str]:
    return fuzz_days.run_actions(FIXTURE, commands)


def test_the_bots_commands_run_as_an_actions_file(med_actions: list[dict[str, Any]]) -> None:
    code, out, err = run_actions(med_actions)
    assert code == 0, err
    assert "Score" in out


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(("product", "patient", "dose_ml", "checks", "route", "site",
                            "needle_in", "needle_gauge", "sharps", "reason", "record", "to",
                            "ask",
                            "identifiers", "label_check", "extra")))
def test_a_mutated_medication_command_never_gives_a_traceback(
        med_actions: list[dict[str, Any]], data: st.DataObject, how: str, value: Any,
        key: str) -> None:
    commands = json.loads(json.dumps(med_actions))
    mine = [i for i, c in enumerate(commands) if c["command"]["type"] in MED_TYPES]
    i = data.draw(st.sampled_from(mine), label="command")
    where = data.draw(st.sampled_from(paths_in(commands[i]["command"], (i, "command"))),
                      label="path")
    changed(commands, where, how, value, key)
    fuzz_days.run_or_refused(FIXTURE, commands)
