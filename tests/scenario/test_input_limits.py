"""Inputs found by fuzzing that once ended in a traceback: each now gets a clear message."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.scenario.errors import InputError, json_path
from game.scenario.load import load_scenario
from game.scenario.reader import MAX_DEPTH, MAX_DIGITS
from game.sim.calendar import Calendar
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy
from tests.scenario.test_load_errors import BASE_FILE, base

HUGE = "1" * 4301  # json.loads raises ValueError from 4,301 digits on


def main(*argv: str) -> tuple[int, str, str]:
    """The command line in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def problems(file: Path) -> list[tuple[str, str]]:
    """(JSON path, message) of every problem loading the file reports."""
    with pytest.raises(InputError) as info:
        load_scenario(file)
    assert info.value.file == str(file)
    return [(json_path(p.path), p.message) for p in info.value.problems]


def validate(file: Path) -> str:
    """`clinic-day validate FILE`: must exit 1 without a traceback; returns stderr."""
    code, out, err = main("validate", str(file))
    assert code == 1, out + err
    assert "Traceback" not in out + err
    assert str(file) in err
    return err


def write(folder: Path, data: Any, name: str = "day.json") -> Path:
    file = folder / name
    file.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return file


def with_raw_value(folder: Path, raw: str, key: str = "x") -> Path:
    """The bundled day with one more top-level key whose value is raw JSON text."""
    text = BASE_FILE.read_text(encoding="utf-8").rstrip()
    assert text.endswith("}")
    file = folder / "raw.json"
    file.write_text(f'{text[:-1]},\n  "{key}": {raw}\n}}\n', encoding="utf-8")
    return file


# -- huge numbers -------------------------------------------------------------------------
def test_an_integer_of_4301_digits_in_a_scenario(tmp_path: Path) -> None:
    data = base()
    data["patients"][1]["vitals"]["pulse"] = 0  # replaced by the huge literal below
    text = json.dumps(data, indent=2).replace('"pulse": 0', f'"pulse": {HUGE}', 1)
    file = tmp_path / "huge.json"
    file.write_text(text, encoding="utf-8")
    assert problems(file) == [("patients[1].vitals.pulse",
                               f"a number with 4,301 digits; numbers have at most {MAX_DIGITS} "
                               "digits")]
    assert f"{file}: patients[1].vitals.pulse: a number with 4,301 digits" in validate(file)


def test_a_negative_huge_integer_at_the_top(tmp_path: Path) -> None:
    file = tmp_path / "top.json"
    file.write_text("-" + HUGE, encoding="utf-8")
    assert "4,301 digits" in validate(file)


def test_a_number_of_the_largest_allowed_length_is_just_out_of_range(tmp_path: Path) -> None:
    data = base()
    data["patients"][0]["patience_minutes"] = int("9" * MAX_DIGITS)
    found = dict(problems(write(tmp_path, data)))
    assert "less than or equal to 240" in found["patients[0].patience_minutes"]


# -- nesting ------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [1000, 100_000])
@pytest.mark.parametrize("bracket", ["[]", '{"a":}'])
def test_deep_nesting_at_the_top(tmp_path: Path, depth: int, bracket: str) -> None:
    opening, closing = (bracket[0], bracket[1]) if bracket == "[]" else ('{"a":', "}")
    file = tmp_path / "deep.json"
    file.write_text(opening * depth + ("1" if bracket != "[]" else "") + closing * depth,
                    encoding="utf-8")
    err = validate(file)
    assert f"nested more than {MAX_DEPTH} levels deep" in err
    (path, _), = problems(file)
    assert path == ("[0][0][0][0][0][0]" if bracket == "[]" else "a.a.a.a.a.a")


@pytest.mark.parametrize("depth", [MAX_DEPTH, 500, 1000, 100_000])
def test_deep_nesting_inside_a_value(tmp_path: Path, depth: int) -> None:
    # The whole file is one level more than the value: MAX_DEPTH inside is one too many.
    file = with_raw_value(tmp_path, "[" * depth + "]" * depth, key="learning_objectives")
    (path, message), = problems(file)
    assert path.startswith("learning_objectives[0]")
    assert f"more than {MAX_DEPTH} levels" in message
    assert f"{file}:" in validate(file)


def test_nesting_just_within_the_limit_is_judged_by_the_format(tmp_path: Path) -> None:
    # Deep enough once to break the line mapping (which recursed per level), not to parse.
    depth = MAX_DEPTH - 1
    file = with_raw_value(tmp_path, "[" * depth + "]" * depth)
    (path, message), = problems(file)
    assert (path, message) == ("x", "unknown key: not part of the format (check the spelling)")
    assert f"{file}:" in validate(file)


def test_deep_nesting_inside_a_string_is_only_text(tmp_path: Path) -> None:
    data = base()
    data["description"] = "[" * 1500
    assert load_scenario(write(tmp_path, data)).scenario.description == "[" * 1500


# -- a list given as a number -------------------------------------------------------------
@pytest.mark.parametrize(("key", "value"), [("providers", 5), ("visit_types", 1.5),
                                            ("patients", 3), ("opening_tasks", "x"),
                                            ("calendar", 7), ("courier", [])])
def test_a_list_field_given_as_a_number(tmp_path: Path, key: str, value: Any) -> None:
    data = base()
    data[key] = value
    file = write(tmp_path, data)
    found = dict(problems(file))
    assert key in found, found
    assert f"{file}:" in validate(file)


def test_a_list_given_as_a_number_does_not_hide_other_problems(tmp_path: Path) -> None:
    data = base()
    data["providers"] = 5
    data["patients"][0]["dob"] = "2099-01-01"
    found = dict(problems(write(tmp_path, data)))
    assert set(found) == {"providers", "patients[0].dob"}


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize("day", ["9999-12-31", "9999-01-01", "1999-12-31", "2100-01-01",
                                 "0001-01-01"])
def test_the_clinic_day_is_bounded(tmp_path: Path, day: str) -> None:
    data = base()
    data["date"] = day
    file = write(tmp_path, data)
    found = dict(problems(file))
    assert found["date"].startswith(f"{day} is outside the dates the game plays (2000-01-01 "
                                    "to 2099-12-31)")
    # no follow-on complaints counted from a date that is not accepted
    assert not any(p.startswith("patients") for p in found), found
    assert "date: " in validate(file)


def test_a_booking_near_year_9999_is_refused(tmp_path: Path) -> None:
    data = base()
    data.setdefault("calendar", {})["booked"] = [
        {"date": "9999-12-30", "time": "09:00", "minutes": 15, "provider": "okafor"}]
    found = dict(problems(write(tmp_path, data)))
    assert "outside the dates" in found["calendar.booked[0].date"]


@pytest.mark.parametrize("day", ["2000-01-01", "2099-12-31"])
def test_the_last_days_still_play_with_the_bots(tmp_path: Path, day: str) -> None:
    data = base()
    data["date"] = day
    for p in data["patients"]:  # keep every patient born before the day, within 120 years
        p["dob"] = f"{int(day[:4]) - 30}{p['dob'][4:]}"
    loaded = load_scenario(write(tmp_path, data))
    for name in ("reference", "naive"):
        sim = Simulation(loaded.scenario, 1)
        play_policy(sim, POLICIES[name]())
        assert 0 <= sim.score().total <= 100


def test_the_calendar_never_overflows() -> None:
    scenario = load_scenario(BASE_FILE).scenario.model_copy(update={"date": dt.date(9999, 12, 1)})
    calendar = Calendar(scenario, [])
    assert calendar.day_after(30) == dt.date(9999, 12, 31)
    assert calendar.day_after(31) is None
    assert calendar.day_after(10**6) is None


# -- text ---------------------------------------------------------------------------------
TEXT_FIELDS = [("title",), ("setting",), ("clinic", "name"), ("clinic", "rooms", 0, "name"),
               ("providers", 0, "name"), ("visit_types", 0, "name"),
               ("opening_tasks", 0, "label"), ("learning_objectives", 0),
               ("patients", 0, "name", "first"), ("patients", 0, "name", "last"),
               ("patients", 0, "appointment", "reason"), ("patients", 0, "insurance", "plan"),
               ("patients", 0, "insurance", "member_id"), ("patients", 0, "phone"),
               ("description",)]


def put(data: Any, where: tuple[Any, ...], value: Any) -> None:
    node = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value


@pytest.mark.parametrize("where", TEXT_FIELDS, ids=json_path)
@pytest.mark.parametrize(("bad", "words"), [
    ("\x00", "a control character (U+0000)"), ("\x1b", "a control character (U+001B)"),
    ("\t", "a tab (U+0009)"), ("\x7f", "a control character (U+007F)"),
    ("\u200b", "an invisible format character (U+200B)"),
    ("\ufeff", "an invisible format character (U+FEFF)"),
    ("\ud800", "a lone surrogate (U+D800)")])
def test_unprintable_characters_in_text_fields(tmp_path: Path, where: tuple[Any, ...],
                                               bad: str, words: str) -> None:
    data = base()
    put(data, where, f"Kenji{bad}-555-0100")
    file = write(tmp_path, data)
    found = dict(problems(file))
    message = found.get(json_path(where), "")
    assert f"character 6 is {words}" in message, found
    assert f"{json_path(where)}: character 6 is {words}" in validate(file)


@pytest.mark.parametrize("where", [w for w in TEXT_FIELDS if w != ("description",)],
                         ids=json_path)
def test_one_line_fields_refuse_line_breaks(tmp_path: Path, where: tuple[Any, ...]) -> None:
    data = base()
    put(data, where, "Kenji\n555-0100")
    found = dict(problems(write(tmp_path, data)))
    assert "a line break (U+000A): this text must be one line" in found[json_path(where)]


def test_the_description_may_have_paragraphs_but_no_tabs(tmp_path: Path) -> None:
    data = base()
    data["description"] = "First paragraph.\nSecond paragraph."
    assert "\n" in load_scenario(write(tmp_path, data)).scenario.description
    data["description"] = "First.\r\nSecond."
    assert "carriage return" in dict(problems(write(tmp_path, data)))["description"]


@pytest.mark.parametrize("text", [" ", "\u0301", "\u00a0\u2003"])
def test_text_with_nothing_visible_is_refused(tmp_path: Path, text: str) -> None:
    # Drawn, such a text has zero width, which pygame refuses with an exception.
    data = base()
    data["title"] = text
    found = dict(problems(write(tmp_path, data)))
    assert found["title"].startswith("the text has no visible character")


def test_accented_and_non_latin_names_are_fine(tmp_path: Path) -> None:
    data = base()
    data["patients"][0]["name"] = {"first": "Zoë-Renée", "last": "Nguyễn 中村"}
    loaded = load_scenario(write(tmp_path, data))
    assert loaded.scenario.patients[0].name.full == "Zoë-Renée Nguyễn 中村"


def test_a_key_with_a_nul_is_shown_escaped(tmp_path: Path) -> None:
    data = base()
    data["col\x00our"] = 1
    err = validate(write(tmp_path, data))
    assert '["col\\u0000our"]: unknown key' in err


# -- files that cannot be read ------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_validate_a_named_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    # Reading it would block for ever; it is refused before it is opened.
    assert "not a regular file" in validate(fifo)
    code, _, err = main("validate", str(tmp_path))
    assert code == 1 and f"{fifo}: not a regular file" in err


def test_validate_a_folder_named_json_inside_a_folder(tmp_path: Path) -> None:
    (tmp_path / "inner.json").mkdir()
    code, out, err = main("validate", str(tmp_path))
    assert code == 1 and "Traceback" not in out + err
    assert f"{tmp_path / 'inner.json'}: this is a folder, not a file" in err


def test_validate_a_file_that_cannot_be_opened(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, who reads any file: the refusal is simulated.
    file = tmp_path / "locked.json"
    file.write_text("{}", encoding="utf-8")

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert f"{file}: cannot read the file: Permission denied" in validate(file)


# -- one rule for a byte-order mark -------------------------------------------------------
def test_a_scenario_with_a_bom_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "bom.json"
    file.write_bytes(b"\xef\xbb\xbf" + BASE_FILE.read_bytes())
    assert load_scenario(file).scenario.id == load_scenario(BASE_FILE).scenario.id
    code, out, _ = main("validate", str(file))
    assert code == 0 and f"ok  {file}" in out


def test_two_boms_are_not_json(tmp_path: Path) -> None:
    file = tmp_path / "bom2.json"
    file.write_bytes(b"\xef\xbb\xbf" * 2 + BASE_FILE.read_bytes())
    assert "not valid JSON" in validate(file)
