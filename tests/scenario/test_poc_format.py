"""The point-of-care section's errors with their JSON paths, and arbitrary JSON in it and in
the point-of-care commands of an actions file: a clear problem or a playable day."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from game.scenario.errors import InputError, json_path
from game.sim.command_set import COMMAND_ADAPTER
from tests.fuzz_settings import examples
from tests.sim.phone_day import load
from tests.sim.poc_day import fixture, sim_of


def _problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(InputError) as err:
        load(data)
    return [f"{json_path(p.path)}: {p.message}" for p in err.value.problems]


def test_unknown_patient_and_unordered_test_have_paths() -> None:
    data = fixture()
    data["poc"]["results"]["s99-nobody"] = {"POC_UA": {}}
    data["poc"]["results"]["s04-castillo"] = {"POC_STREP": {"reading": "negative"}}
    got = _problems(data)
    assert "poc.results.s99-nobody: no patient 's99-nobody' today" in got
    assert any(g.startswith("poc.results.s04-castillo.POC_STREP: POC_STREP is not in") for g in got)


def test_a_test_ordered_with_no_kit_is_an_error_at_the_order() -> None:
    data = fixture()
    data["patients"][3].setdefault("orders", {})["labs"] = ["POC_COVID"]
    assert any(g.startswith("patients[3].orders.labs[0]: POC_COVID is ordered but no kit")
               for g in _problems(data))


def test_unknown_test_in_a_kit_and_unknown_pad_are_errors() -> None:
    data = fixture()
    data["poc"]["kits"][0]["tests"] = ["POC_XRAY"]
    data["poc"]["results"]["s02-okeefe"]["POC_UA"]["pads"] = {"colour": "amber"}
    got = " ".join(_problems(data))
    assert "poc.kits[0].tests[0]" in got and "unknown pad 'colour'" in got


def test_a_result_of_the_wrong_shape_is_an_error() -> None:
    data = fixture()
    data["poc"]["results"]["s03-adeyemi"]["POC_STREP"] = {"value": 3.0}
    # at the result's own path, so the line number points at it
    assert "poc.results.s03-adeyemi.POC_STREP: a Rapid strep result gives a reading only, " \
        "not value" in _problems(data)


KEYS = ("kits", "results", "tests", "lot", "expires", "qc", "qc_today", "spare_lot",
        "every_days", "last_run", "new_lot", "reading", "value", "pads", "id")
PLAIN = (st.none() | st.booleans() | st.integers(-5, 400) | st.floats(-1, 200)
         | st.sampled_from(["", "POC_UA", "POC_STREP", "POC_HGB", "fail", "pass",
                            "fail_then_pass", "positive", "negative", "2026-12-02",
                            "1999-01-01", "s02-okeefe", "s99-x", "nitrite", "strips"]))
VALUES = st.recursive(PLAIN, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner,
                                        max_size=3), max_leaves=8)


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(where=st.sampled_from(["poc", "kit", "result"]), value=VALUES)
def test_fuzzed_poc_section_is_a_problem_or_a_day(where: str, value: Any) -> None:
    data = fixture()
    if where == "poc":
        data["poc"] = value
    elif where == "kit":
        data["poc"]["kits"][0] = value
    else:
        data["poc"]["results"]["s02-okeefe"]["POC_UA"] = value
    try:
        sim = sim_of(data)
    except InputError as err:
        assert err.problems and all(p.message for p in err.problems)
        return
    sim.advance(sim.end_time)


COMMAND = st.fixed_dictionaries({
    "type": st.sampled_from(["run_qc", "collect_poc", "start_poc", "read_poc", "record_poc"]),
}, optional={"patient": st.sampled_from(["s02-okeefe", "s03-adeyemi", "nobody", ""]),
             "test": st.sampled_from(["POC_UA", "POC_STREP", "POC_X"]),
             "kit": st.sampled_from(["strips", "strep", "none"]),
             "collection": st.sampled_from(["clean_catch", "tongue_cheeks", "X y"]),
             "reading": PLAIN, "value": PLAIN, "pads": VALUES, "units": PLAIN,
             "abnormal": st.booleans(), "send_to_lab": PLAIN, "open_new_lot": PLAIN})


@settings(max_examples=examples(60), deadline=None)
@given(cmds=st.lists(st.tuples(st.integers(0, 4 * 3600), COMMAND), max_size=6))
def test_fuzzed_poc_commands_in_an_actions_file(cmds: list[tuple[int, dict[str, Any]]]) -> None:
    sim = sim_of()
    for dt, raw in sorted(cmds, key=lambda c: c[0]):
        try:
            cmd = COMMAND_ADAPTER.validate_json(json.dumps(raw))
        except ValidationError:
            continue
        sim.advance(sim.opens + dt)
        result = sim.submit(cmd)
        assert result.ok or result.reason  # type: ignore[union-attr]
    sim.advance(sim.end_time)
    assert sim.finished
