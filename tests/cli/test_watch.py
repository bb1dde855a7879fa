"""`clinic-day watch LOG` from the command line: every bad input is one line naming the
file and exit 1, before any window opens; a good log opens the window and records nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.test_cli import ROOT, SCENARIOS, main
from tests.fuzz_settings import examples
from tests.grade.test_grade_fuzz import set_at
from tests.scenario.fuzz_days import json_values, paths_in


def one_line_about(err: str, path: Path | str) -> str:
    """The message, checked to be one line naming the file, with no traceback."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(str(path)), err
    return lines[0]


def refused(path: Path | str, *extra: str) -> str:
    with mock.patch("game.ui.app.watch_window") as window:
        code, out, err = main("watch", str(path), *extra)
    assert code == 1, (out, err)
    assert not window.called  # refused before a window would open
    return one_line_about(err, path)


@pytest.fixture(scope="module")
def good_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("log") / "log.json"
    assert main("run", "short_morning", "--policy", "reference", "--log", str(path))[0] == 0
    return path


def test_a_missing_file(tmp_path: Path) -> None:
    line = refused(tmp_path / "nope.json")
    assert "no such file" in line


def test_a_folder(tmp_path: Path) -> None:
    assert "a folder, not a session log" in refused(tmp_path)


def test_a_scenario_file_is_not_a_log() -> None:
    line = refused(SCENARIOS / "short_morning.json")
    assert "a scenario file, not a session log" in line


@pytest.mark.parametrize(("raw", "said"), [
    (b"", "not a session log this game can read: the file is empty"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"{broken", "not a session log this game can read"),
    (b"[1, 2]", "expected a JSON object"),
    (b'{"hello": 1}', "a JSON file, but not a session log"),
    (b'{"format_version": 99, "commands": []}', "log format 99 is not supported"),
])
def test_files_that_are_not_logs(tmp_path: Path, raw: bytes, said: str) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(raw)
    assert said in refused(path)


def test_a_damaged_log_names_what_is_wrong(tmp_path: Path, good_log: Path) -> None:
    data = json.loads(good_log.read_text(encoding="utf-8"))
    data["seed"] = "one"
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    line = refused(path)
    assert "not a session log this game can read" in line and "seed" in line


def test_a_missing_scenarios_folder(tmp_path: Path, good_log: Path) -> None:
    code, _, err = main("watch", str(good_log), "--scenarios", str(tmp_path / "none"))
    assert code == 1 and "Traceback" not in err
    assert err.strip() == f"--scenarios {tmp_path / 'none'}: no such folder"


@pytest.fixture
def changed_day(tmp_path: Path) -> tuple[Path, Path]:
    """A log played on an instructor's own copy of a day, and that day's folder; the day
    has been edited since (a new title) in the folder the game looks in."""
    played, logs = tmp_path / "played", tmp_path / "logs"
    played.mkdir()
    logs.mkdir()
    day = json.loads((SCENARIOS / "short_morning.json").read_text(encoding="utf-8"))
    day.update(id="clinic_b_morning", title="Clinic B's morning")
    (played / "clinic_b.json").write_text(json.dumps(day), encoding="utf-8")
    log = logs / "student.json"
    assert main("run", str(played / "clinic_b.json"), "--policy", "reference",
                "--log", str(log))[0] == 0
    edited = tmp_path / "edited"
    edited.mkdir()
    day["title"] = "Clinic B's morning (edited)"
    (edited / "clinic_b.json").write_text(json.dumps(day), encoding="utf-8")
    return log, played


def test_a_log_whose_day_is_nowhere(changed_day: tuple[Path, Path]) -> None:
    log, _ = changed_day
    line = refused(log)
    assert "'clinic_b_morning' (clinic_b.json)" in line
    assert "may have changed since it was played" in line and "--scenarios" in line


def test_a_log_whose_day_has_changed_names_it(changed_day: tuple[Path, Path]) -> None:
    log, played = changed_day
    edited = played.parent / "edited"
    line = refused(log, "--scenarios", str(edited))
    assert "'clinic_b_morning' (\"Clinic B's morning (edited)\", clinic_b.json)" in line
    assert f"{edited / 'clinic_b.json'} has that id or name but other contents" in line
    assert "--scenarios DIR" in line


def test_the_day_as_played_is_found_with_scenarios(changed_day: tuple[Path, Path]) -> None:
    log, played = changed_day
    with mock.patch("game.ui.app.watch_window", return_value=0) as window:
        code, _, err = main("watch", str(log), "--scenarios", str(played), "--speed", "4")
    assert code == 0, err
    watched, speed, *_ = window.call_args.args
    assert watched.loaded.path == played / "clinic_b.json" and speed == 4.0


def dummy_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONPATH=str(ROOT))
    return env


def test_the_window_opens_takes_a_picture_and_records_nothing(tmp_path: Path,
                                                              good_log: Path) -> None:
    shot = tmp_path / "watch.png"
    done = subprocess.run([sys.executable, "-m", "game", "watch", str(good_log), "--speed", "4",
                           "--frames", "120", "--screenshot", str(shot)], cwd=tmp_path,
                          env=dummy_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert shot.is_file() and shot.stat().st_size > 10_000
    data = tmp_path / "data" / "clinic-day"
    assert not list(data.glob("sessions/*")) and not (data / "best_scores.json").exists()


def watch_bytes(raw: bytes) -> None:
    """Any file as LOG: refused with one line naming it, or (a log still good) watched."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.json"
        path.write_bytes(raw)
        with mock.patch("game.ui.app.watch_window", return_value=0):
            code, _, err = main("watch", str(path))
        assert code in (0, 1)
        if code == 1:
            one_line_about(err, path)
        else:
            assert err == ""


@settings(max_examples=examples(40), deadline=None)
@given(raw=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_as_the_log(raw: bytes) -> None:
    watch_bytes(raw)


@settings(max_examples=examples(40), deadline=None)
@given(value=json_values("reference", "window", "short_morning", 27000, 1))
def test_any_json_as_the_log(value: Any) -> None:
    watch_bytes(json.dumps(value).encode())


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_changed_log(good_log: Path, data: st.DataObject) -> None:
    log = json.loads(good_log.read_text(encoding="utf-8"))
    where = data.draw(st.sampled_from(paths_in(log)))
    value = data.draw(json_values("reference", "window", "short_morning", 27000, 1))
    watch_bytes(json.dumps(set_at(log, where, value)).encode())


def test_a_log_beside_its_day_is_found(changed_day: tuple[Path, Path]) -> None:
    # as replay looks beside the log, so does watch (a class folder often holds its day)
    log, played = changed_day
    shutil.copy(played / "clinic_b.json", log.parent / "clinic_b.json")
    with mock.patch("game.ui.app.watch_window", return_value=0) as window:
        assert main("watch", str(log))[0] == 0
    assert window.call_args.args[0].loaded.scenario.id == "clinic_b_morning"
