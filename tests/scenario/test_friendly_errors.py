"""The mistakes authors make most, told as a fix: a lab code near a real one, a time not
written HH:MM, a key written twice, a choice misspelt; in scenarios, actions files and logs."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game.clinical.lab import LAB_TESTS
from game.scenario.errors import InputError, Problem, json_path
from game.scenario.load import load_scenario
from game.scenario.reader import parse_json
from game.scenario.types import clock_fix, clock_problem
from tests.fuzz_settings import examples
from tests.scenario.fuzz_days import load_scenario_text, paths_in, run_actions
from tests.scenario.test_input_limits import main
from tests.scenario.test_load_errors import base, line_text, put
from tests.scenario.test_log_inputs import check_refused, played_log

ROOT = Path(__file__).resolve().parents[2]
SHORT_MORNING = ROOT / "scenarios" / "short_morning.json"
LABS = ("patients", 1, "orders", "labs")  # s02-okeefe's labs in the short morning
TIME = ("patients", 3, "appointment", "time")


def problems(tmp_path: Path, data: dict[str, Any] | str) -> list[Problem]:
    """What loading this day reports (it must be refused)."""
    file = tmp_path / "day.json"
    file.write_text(data if isinstance(data, str) else json.dumps(data, indent=2),
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(file)
    return info.value.problems


def at(found: list[Problem], path: str) -> Problem:
    hits = [p for p in found if json_path(p.path) == path]
    assert hits, f"nothing at {path}: {[(json_path(p.path), p.message) for p in found]}"
    return hits[0]


# -- lab codes ----------------------------------------------------------------------------
# (written, the code it means): real codes from game/clinical/lab.py, mistyped as authors do.
NEAR_MISSES = [
    ("PT/INR", "PT_INR"),  # the lab's spelling, with a slash
    ("cbc", "CBC"),  # lower case
    ("CMP ", "CMP"),  # a trailing space
    ("Hep Panel", "HEP_PANEL"),  # words and case
    ("LIPIDS", "LIPID"),  # a plural
    ("HBA1", "HBA1C"),  # a letter short
    ("POC-STREP", "POC_STREP"),  # a hyphen
]


@pytest.mark.parametrize(("written", "meant"), NEAR_MISSES)
def test_a_near_miss_lab_code_names_the_closest_and_lists_every_code(
        tmp_path: Path, written: str, meant: str) -> None:
    data = base()
    put(LABS, [written])(data)
    problem = at(problems(tmp_path, data), "patients[1].orders.labs[0]")
    assert f"did you mean '{meant}'?" in problem.message
    assert all(code in problem.message for code in LAB_TESTS), problem.message
    assert problem.line is not None


def test_a_code_near_nothing_lists_the_codes_without_a_guess(tmp_path: Path) -> None:
    data = base()
    put(LABS, ["ZZZZZZZZ"])(data)
    problem = at(problems(tmp_path, data), "patients[1].orders.labs[0]")
    assert "unknown lab test 'ZZZZZZZZ'" in problem.message
    assert "did you mean" not in problem.message
    assert "PT_INR" in problem.message


def test_a_lab_code_that_is_not_text_is_told_its_type(tmp_path: Path) -> None:
    data = base()
    put(LABS, [12])(data)
    assert "valid string" in at(problems(tmp_path, data), "patients[1].orders.labs[0]").message


# -- clock times --------------------------------------------------------------------------
# (written, the fix the message gives, or None when there is none)
TIMES = [
    ("8:00", "08:00"), ("8:30", "08:30"), ("08:00:00", "08:00"), ("8am", "08:00"),
    ("2 pm", "14:00"), ("12am", "00:00"), ("12pm", "12:00"), ("8.30", "08:30"),
    ("0945", "09:45"), (" 09:45", "09:45"),
    ("25:00", None), ("12:61", None), ("24:00", None), ("13pm", None), ("noon", None),
]


@pytest.mark.parametrize(("written", "fix"), TIMES)
def test_every_bad_time_gets_the_same_message_with_its_fix(
        tmp_path: Path, written: str, fix: str | None) -> None:
    data = base()
    put(TIME, written)(data)
    problem = at(problems(tmp_path, data), "patients[3].appointment.time")
    assert "is not a time of day: use HH:MM from 00:00 to 23:59" in problem.message
    if fix is None:
        assert "write '" not in problem.message
    else:
        assert f"write '{fix}'" in problem.message
    assert '"time"' in line_text(tmp_path / "day.json", problem.line or 0)


def test_a_wrong_shape_without_a_fix_shows_an_example() -> None:
    message = clock_problem("half past eight") or ""
    assert "for example 08:30" in message


@pytest.mark.parametrize("good", ["00:00", "08:15", "23:59"])
def test_a_good_time_is_no_problem(good: str) -> None:
    assert clock_problem(good) is None
    assert clock_fix(good) is None


# -- choices ------------------------------------------------------------------------------
def test_a_misspelt_choice_is_told_the_one_it_meant(tmp_path: Path) -> None:
    data = base()
    put(("patients", 0, "arrival"), {"kind": "On time"})(data)
    problem = at(problems(tmp_path, data), "patients[0].arrival.kind")
    assert "did you mean 'on_time'?" in problem.message
    assert "'early'" in problem.message  # the choices are still listed


# -- keys written twice -------------------------------------------------------------------
def test_a_key_twice_in_a_patient_names_the_patient_and_the_line(tmp_path: Path) -> None:
    text = json.dumps(base(), indent=2).replace(
        '"id": "s03-adeyemi",', '"id": "s03-adeyemi",\n      "id": "s03-again",', 1)
    (problem,) = problems(tmp_path, text)
    assert json_path(problem.path) == "patients[2]"
    assert "the key 'id' appears twice in this object" in problem.message
    assert '"id": "s03-again"' in line_text(tmp_path / "day.json", problem.line or 0)


def test_every_key_twice_is_reported_at_once(tmp_path: Path) -> None:
    text = json.dumps(base(), indent=2)
    text = text.replace('"title":', '"title": "again",\n  "title":', 1)
    text = text.replace('"systolic":', '"systolic": 1,\n        "systolic":', 1)
    found = problems(tmp_path, text)
    assert [json_path(p.path) for p in found] == ["(the whole file)", "patients[0].vitals"]
    assert "top-level object" in found[0].message


def test_the_same_key_in_two_objects_is_no_duplicate() -> None:
    assert parse_json("x.json", '{"a": {"id": 1}, "b": {"id": 2}, "c": [{"id": 3}, {"id": 4}]}')


def test_a_key_twice_in_an_actions_file_is_named_at_its_command(tmp_path: Path) -> None:
    actions = tmp_path / "actions.json"
    actions.write_text('{"commands": [\n {"t": 28800, "command": {"type": "mark_no_show"}},\n'
                       ' {"t": 28900, "command": {"type": "mark_no_show",\n'
                       '   "patient": "s01-nakamura", "patient": "s02-okeefe"}}]}',
                       encoding="utf-8")
    check_refused(*main("run", "short_morning", "--actions", str(actions)), actions,
                  f"{actions}:4: commands[1].command: the key 'patient' appears twice")


def test_a_key_twice_in_a_session_log(tmp_path: Path) -> None:
    log = played_log(tmp_path)
    text = log.read_text(encoding="utf-8").replace('"seed":', '"seed": 3, "seed":', 1)
    log.write_text(text, encoding="utf-8")
    check_refused(*main("replay", str(log)), log,
                  "the key 'seed' appears twice in the top-level object")


def test_a_bad_time_in_an_actions_file_gets_the_fix(tmp_path: Path) -> None:
    actions = tmp_path / "actions.json"
    book = {"type": "book_follow_up", "patient": "s01-nakamura", "date": "2027-01-05",
            "time": "9:00"}
    actions.write_text(json.dumps({"commands": [{"t": 28800, "command": book}]}),
                       encoding="utf-8")
    check_refused(*main("run", "short_morning", "--actions", str(actions)), actions,
                  "commands[0].command.time: '9:00' is not a time of day", "write '09:00'")


def test_a_misspelt_test_in_an_actions_file_gets_the_one_it_meant(tmp_path: Path) -> None:
    actions = tmp_path / "actions.json"
    start = {"type": "start_poc", "patient": "s01-nakamura", "test": "poc_strep"}
    actions.write_text(json.dumps({"commands": [{"t": 28800, "command": start}]}),
                       encoding="utf-8")
    check_refused(*main("run", "short_morning", "--actions", str(actions)), actions,
                  "commands[0].command.test", "did you mean 'POC_STREP'?")


# -- fuzz: near misses, times and duplicates never crash ----------------------------------
def _near_miss(code: str, how: int, where: int, char: str) -> str:
    i = where % (len(code) + 1)
    return [code.lower(), code[:i] + char + code[i:], code[:i] + code[i + 1:],
            code.replace("_", char), f" {code} "][how % 5]


FUZZ = settings(max_examples=examples(40), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.sampled_from(list(LAB_TESTS)), st.integers(0, 4), st.integers(0, 20),
       st.sampled_from(list(" /-._" + string.ascii_letters + string.digits)))
def test_a_random_near_miss_code_is_refused_or_valid_never_a_crash(
        code: str, how: int, where: int, char: str) -> None:
    written = _near_miss(code, how, where, char)
    assume(written not in LAB_TESTS)  # a mutation that gave back a real code
    data = base()
    put(LABS, [written])(data)
    with pytest.raises(InputError) as info:
        load_scenario_text(json.dumps(data, indent=2))
    problem = at(info.value.problems, "patients[1].orders.labs[0]")
    assert "unknown lab test" in problem.message and "CBC" in problem.message
    info.value.render().encode("utf-8")


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("0123456789:. apmh\t\x00é")), max_size=9))
def test_a_random_time_is_accepted_or_told_the_format(written: str) -> None:
    data = base()
    put(TIME, written)(data)
    try:
        load_scenario_text(json.dumps(data, indent=2))
    except InputError as exc:
        found = {json_path(p.path): p.message for p in exc.problems}
        message = found.get("patients[3].appointment.time", "")
        fix = clock_fix(written)
        if clock_problem(written) is not None:
            assert "is not a time of day" in message, found
            assert fix is None or f"write '{fix}'" in message
            assert fix is None or clock_problem(fix) is None  # the fix itself is a time
        exc.render().encode("utf-8", "backslashreplace")
        return
    assert clock_problem(written) is None


@FUZZ
@given(st.data())
def test_a_key_written_twice_anywhere_is_named_at_its_object(data: st.DataObject) -> None:
    day = base()
    objects = [p for p in paths_in(day) if isinstance(_at(day, p), dict) and _at(day, p)]
    target = data.draw(st.sampled_from([(), *objects]), label="object")
    key = next(iter(_at(day, target)))
    marker = "\u2063duplicate\u2063"  # a placeholder key no day has, swapped for the repeat
    _at(day, target)[marker] = "again"
    text = json.dumps(day, indent=1, ensure_ascii=False)
    text = text.replace(json.dumps(marker, ensure_ascii=False), json.dumps(key), 1)
    with pytest.raises(InputError) as info:
        load_scenario_text(text)
    (problem,) = info.value.problems
    assert problem.path == target
    assert f"the key '{key}' appears twice" in problem.message
    assert problem.line == _line_of_second(text, key)


def _at(node: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


def _line_of_second(text: str, key: str) -> int:
    # The repeat was written last in its object, after the placeholder's value "again".
    needle = f'{json.dumps(key)}: "again"'
    return text.count("\n", 0, text.index(needle)) + 1


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("0123456789: apm.")), min_size=1, max_size=8))
def test_a_random_time_in_an_actions_file_is_run_or_told_the_format(written: str) -> None:
    book = {"type": "book_follow_up", "patient": "s01-nakamura", "date": "2027-01-05",
            "time": written}
    code, out, err = run_actions(SHORT_MORNING, [{"t": 28800, "command": book}])
    assert code in (0, 1) and "Traceback" not in out + err
    if clock_problem(written) is not None:
        assert code == 1 and "is not a time of day" in err, err
