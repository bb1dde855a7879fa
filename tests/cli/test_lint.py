"""`clinic-day lint`: the bots' table, the fairness checks, the day's own findings at their
JSON paths, the exit codes, and no traceback whatever the file holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.lint import Level, content, fairness
from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.sim.scoring import Score
from tests.cli.test_cli import main
from tests.fuzz_settings import examples
from tests.scenario.test_phone_fuzz import VALUES, changed

MINIMAL = SCENARIOS / "templates" / "minimal_day.json"


def day() -> dict[str, Any]:
    return json.loads(MINIMAL.read_text(encoding="utf-8"))


def write(tmp: Path, data: dict[str, Any], name: str = "day.json") -> Path:
    path = tmp / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_shipped_day_is_clean_with_the_bots_table() -> None:
    code, out, err = main("lint", str(SCENARIOS / "short_morning.json"), "--seeds", "2")
    assert code == 0, err
    assert "reference   97 P" in out and "idle         0 F" in out
    assert "ok  " in out and "winnable and fair on seeds 1-2" in out


def test_an_empty_day_is_an_error_and_lets_an_idle_player_pass(tmp_path: Path) -> None:
    data = day()
    data["patients"], data["opening_tasks"], data["closing_tasks"] = [], [], []
    code, out, err = main("lint", str(write(tmp_path, data)), "--seeds", "1")
    assert code == 1
    assert "day.json: patients: error: the day has no patients" in out
    assert "1 of 1 file(s) did not pass lint" in err


def scored(*totals: int) -> list[Score]:
    return [Score(t, t >= 70, "A" if t >= 90 else "F", {}, []) for t in totals]


def test_fairness_at_its_boundaries() -> None:
    # The reference bot must pass every seed; idle fail every seed; naive stay 10 below.
    fair = {"reference": scored(90, 91), "naive": scored(80, 81), "idle": scored(0, 0)}
    assert fairness(fair) == []
    close = {**fair, "naive": scored(81, 82)}  # 9.5 below on average: too close
    assert [f.level for f in fairness(close)] == [Level.WARNING]
    tight = {**fair, "reference": scored(90, 69), "naive": scored(40, 40)}
    assert [(f.level, f.path) for f in fairness(tight)] == [
        (Level.ERROR, ("scoring", "pass_mark"))]
    assert "fails on seed(s) 2" in fairness(tight)[0].message
    lax = {**fair, "idle": scored(70, 0)}  # the pass mark of the shipped days, 70
    assert "a player who does nothing passes on seed(s) 1" in fairness(lax)[0].message


def test_a_provider_without_patients_is_a_warning_that_fails_only_when_strict(
        tmp_path: Path) -> None:
    data = day()
    data["providers"].append({"id": "np", "name": "Sam Idle, NP", "start": "08:00",
                              "end": "11:00"})
    path = write(tmp_path, data)
    code, out, _ = main("lint", str(path), "--seeds", "1")
    assert code == 0 and "providers[1]: warning: Sam Idle, NP has no patients today" in out
    code, _, err = main("lint", str(path), "--seeds", "1", "--strict")
    assert code == 1 and "did not pass lint" in err


def test_a_follow_up_no_one_can_book_is_found_at_its_order() -> None:
    # The patient can come only on Saturdays; the calendar books Monday to Friday.
    data = day()
    data["patients"][0]["availability"] = {"weekdays": ["sat"]}
    scenario = load_scenario_from(data)
    found = content(scenario)
    assert [(f.level, f.path) for f in found] == [
        (Level.WARNING, ("patients", 0, "orders", "follow_up"))]
    assert "no slot in 28-42 days fits both the calendar and Alex Example's availability" \
        in found[0].message


def load_scenario_from(data: dict[str, Any]) -> Any:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return load_scenario(write(Path(folder), data)).scenario


def test_bad_input_is_reported_never_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, out, err = main("lint", str(broken), str(tmp_path / "missing.json"))
    assert code == 1 and "Traceback" not in out + err
    assert "broken.json" in err and "missing.json" in err
    code, _, err = main("lint", str(MINIMAL), "--seeds", "0")
    assert code == 2 and "--seeds must be from 1 to 100" in err


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(where=st.sampled_from([("patients",), ("patients", 0), ("providers", 0),
                              ("patients", 0, "orders"), ("patients", 0, "orders", "follow_up"),
                              ("visit_types", 0), ("clinic", "rooms")]),
       how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(["follow_up", "weekdays", "pass_mark", "x"]))
def test_a_mutated_day_is_linted_or_refused_without_a_traceback(
        tmp_path_factory: Any, where: tuple[Any, ...], how: str, value: Any, key: str) -> None:
    data = changed(day(), where, how, value, key)
    path = tmp_path_factory.mktemp("lint") / "day.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = main("lint", str(path), "--seeds", "1")
    assert code in (0, 1), (code, err)
    assert "Traceback" not in out + err


def test_a_reading_near_its_threshold_is_found_and_one_far_from_it_is_not() -> None:
    # Adults: a systolic from 120 is flagged (AHA/ACC 2017 "elevated"); the cuff's seeded
    # variation (3 mmHg, game/sim/rules/vitals_device.py) moves 119 across it on some seeds.
    from game.lint import noise

    data = day()
    data["patients"][0]["vitals"].update(systolic=119, diastolic=74)
    near = noise(load_scenario_from(data), 10)
    assert near and near[0].path == ("patients", 0, "vitals")
    assert near[0].message.startswith("the true values make bp normal, but the devices' "
                                      "variation says otherwise on seed(s) ")
    data["patients"][0]["vitals"].update(systolic=110, diastolic=70)
    assert noise(load_scenario_from(data), 10) == []


def test_every_shipped_day_and_template_lints_clean_even_when_strict() -> None:
    code, out, err = main("lint", str(SCENARIOS), str(SCENARIOS / "templates"), "--seeds", "5",
                          "--strict")
    assert code == 0, out + err
    assert out.count("winnable and fair on seeds 1-5") == len(
        [*SCENARIOS.glob("*.json"), *(SCENARIOS / "templates").glob("*.json")]) - 2  # schemas
