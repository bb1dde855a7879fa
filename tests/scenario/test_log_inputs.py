"""Session logs and actions files are read by the scenario reader: the same limits, no crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.errors import InputError
from game.scenario.reader import MAX_DEPTH
from game.sim.log import load_actions, load_log
from tests.fuzz_settings import examples
from tests.scenario.test_input_limits import HUGE, main

BOM = b"\xef\xbb\xbf"
NO_SHOW = {"type": "mark_no_show", "patient": "s01-nakamura"}


def played_log(folder: Path) -> Path:
    """A finished reference-bot log of the short morning."""
    log = folder / "played.log.json"
    code, out, err = main("run", "short_morning", "--policy", "reference", "--log", str(log))
    assert code == 0, out + err
    return log


def check_refused(code: int, out: str, err: str, file: Path, *words: str) -> None:
    assert code == 1, out + err
    assert "Traceback" not in out + err
    assert f"{file}" in err
    for word in words:
        assert word in err, err


# -- huge numbers -------------------------------------------------------------------------
def test_a_huge_integer_in_an_actions_file(tmp_path: Path) -> None:
    actions = tmp_path / "huge.json"
    actions.write_text(f'{{"commands": [{{"t": {HUGE}, "command": {json.dumps(NO_SHOW)}}}]}}',
                       encoding="utf-8")
    check_refused(*main("run", "short_morning", "--actions", str(actions)), actions,
                  "commands[0].t: a number with 4,301 digits")


def test_a_huge_integer_in_a_session_log(tmp_path: Path) -> None:
    log = played_log(tmp_path)
    data = json.loads(log.read_text(encoding="utf-8"))
    data["seed"] = 0
    text = json.dumps(data).replace('"seed": 0', f'"seed": {HUGE}', 1)
    log.write_text(text, encoding="utf-8")
    check_refused(*main("replay", str(log)), log, "seed: a number with 4,301 digits")


# -- nesting ------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_nesting_in_an_actions_file(tmp_path: Path, depth: int) -> None:
    actions = tmp_path / "deep.json"
    actions.write_text('{"commands": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    check_refused(*main("run", "short_morning", "--actions", str(actions)), actions,
                  f"nested more than {MAX_DEPTH} levels", "commands[0]")


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_nesting_as_a_session_log(tmp_path: Path, depth: int) -> None:
    log = tmp_path / "deep.log.json"
    log.write_text("{" * 1 + '"seed": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    check_refused(*main("replay", str(log)), log, f"nested more than {MAX_DEPTH} levels")


# -- one rule for a byte-order mark -------------------------------------------------------
def test_an_actions_file_with_a_bom_is_accepted(tmp_path: Path) -> None:
    actions = tmp_path / "bom.json"
    actions.write_bytes(BOM + json.dumps({"commands": [{"t": 28800, "command": NO_SHOW}]})
                        .encode("utf-8"))
    assert load_actions(actions).commands[0].t == 28800
    code, out, err = main("run", "short_morning", "--actions", str(actions))
    assert code == 0, err
    assert "Score " in out


def test_a_session_log_with_a_bom_replays(tmp_path: Path) -> None:
    log = played_log(tmp_path)
    log.write_bytes(BOM + log.read_bytes())
    code, out, err = main("replay", str(log))
    assert code == 0, out + err


# -- fuzz ---------------------------------------------------------------------------------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=20)
NEAR_VALID = st.fixed_dictionaries(
    {"commands": st.lists(st.fixed_dictionaries({"t": st.integers(-5, 200_000) | JSON_VALUES,
                                                 "command": JSON_VALUES}), max_size=3)},
    optional={"seed": JSON_VALUES, "scenario": JSON_VALUES, "format_version": JSON_VALUES,
              "player": JSON_VALUES, "final_digest": JSON_VALUES})


def _read_all(file: Path) -> None:
    for reader in (load_log, load_actions):
        try:
            reader(file)
        except InputError as exc:
            assert exc.file == str(file)
            assert exc.problems and all(p.message for p in exc.problems)


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200)
       | st.builds(lambda t: t.encode("utf-8", "surrogatepass"), st.text(max_size=80)))
def test_any_bytes_as_a_log_or_actions_file(tmp_path: Path, raw: bytes) -> None:
    file = tmp_path / "fuzz.json"
    file.write_bytes(raw)
    _read_all(file)


@settings(max_examples=examples(80), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=NEAR_VALID | JSON_VALUES, bom=st.booleans())
def test_any_json_as_a_log_or_actions_file(tmp_path: Path, data: Any, bom: bool) -> None:
    file = tmp_path / "fuzz.json"
    text = json.dumps(data, allow_nan=True)
    file.write_bytes((BOM if bom else b"") + text.encode("utf-8", "surrogatepass"))
    _read_all(file)
