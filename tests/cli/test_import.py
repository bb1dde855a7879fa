"""`clinic-day import FILE`: a checked day goes into the player's days folder, a bad one never."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game import __version__, user_days
from game.user_days import days_dir, list_days
from tests.cli.test_cli import main

ROOT = Path(__file__).resolve().parents[2]
SHORT = ROOT / "scenarios" / "short_morning.json"


@pytest.fixture
def data_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder, pointed at a temporary one (as the UI tests do for saves)."""
    root = tmp_path / "data"
    monkeypatch.setattr(user_days, "default_root", lambda: root)
    return root


def sent_by_instructor(tmp_path: Path, name: str = "ward_round.json",
                       source: Path = SHORT) -> Path:
    """A day file in some folder of the player's, as an instructor's e-mail leaves it."""
    folder = tmp_path / "Downloads" / "from instructor"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source, target)
    return target


def test_a_valid_day_is_copied_as_it_is_and_the_folder_is_named(data_root: Path,
                                                                 tmp_path: Path) -> None:
    src = sent_by_instructor(tmp_path)
    code, out, err = main("import", str(src))
    assert code == 0, err
    target = days_dir(data_root) / "ward_round.json"
    assert str(target) in out and "title screen" in out
    # Byte for byte: a session log's hash of the day stays the one of the sent file.
    assert target.read_bytes() == src.read_bytes()
    [day] = list_days(days_dir(data_root)).days
    assert day.loaded is not None and day.loaded.scenario.id == "short_morning"
    # Again, unchanged: said so, still success.
    code, out, _ = main("import", str(src))
    assert code == 0 and "unchanged" in out


def test_an_invalid_day_is_refused_with_its_json_paths_and_nothing_is_copied(
        data_root: Path, tmp_path: Path) -> None:
    data = json.loads(SHORT.read_text(encoding="utf-8"))
    data["patients"][0]["appointment"]["time"] = "25:99"
    del data["title"]
    src = tmp_path / "broken.json"
    src.write_text(json.dumps(data, indent=1), encoding="utf-8")
    code, out, err = main("import", str(src))
    assert code == 1 and out == ""
    assert f"{src}:" in err and "patients[0].appointment.time" in err
    assert "title: missing" in err and "nothing was copied" in err
    # The same messages `clinic-day validate` gives.
    _, _, validated = main("validate", str(src))
    assert validated.splitlines()[0] in err.splitlines()
    assert not days_dir(data_root).exists() or not any(days_dir(data_root).iterdir())


@pytest.mark.parametrize("kind", ["missing", "folder", "not_json"])
def test_a_file_that_cannot_be_read_is_refused(kind: str, data_root: Path,
                                               tmp_path: Path) -> None:
    src = tmp_path / "day.json"
    if kind == "folder":
        src.mkdir()
    elif kind == "not_json":
        src.write_bytes(b"\xff\xfe{not json")
    code, out, err = main("import", str(src))
    assert code == 1 and out == "" and str(src) in err and "Traceback" not in err
    assert not (days_dir(data_root) / "day.json").exists()


def test_a_different_day_of_the_same_name_is_kept_unless_forced(data_root: Path,
                                                                tmp_path: Path) -> None:
    first = sent_by_instructor(tmp_path, "day.json")
    assert main("import", str(first))[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    second = sent_by_instructor(other, "day.json", ROOT / "scenarios" / "standard_day.json")
    target = days_dir(data_root) / "day.json"
    code, out, err = main("import", str(second))
    assert code == 1 and "--force" in err and "different day" in err
    assert "A Short Morning" in err  # says which day would have been lost
    assert target.read_bytes() == first.read_bytes()
    code, out, err = main("import", str(second), "--force")
    assert code == 0 and "replaced" in out and str(target) in out
    assert target.read_bytes() == second.read_bytes()


def test_import_is_in_the_help_and_the_version_is_printed() -> None:
    code, out, _ = main("--help")
    assert code == 0 and "import" in out
    code, out, _ = main("import", "--help")
    assert code == 0 and "--force" in out and "days folder" in out
    code, out, _ = main("--version")
    assert code == 0 and out.strip() == f"clinic-day {__version__}"


def test_the_report_carries_the_game_version(tmp_path: Path) -> None:
    report, log = tmp_path / "r.json", tmp_path / "l.json"
    code, _, err = main("run", "short_morning", "--policy", "idle", "--report", str(report),
                        "--log", str(log))
    assert code == 0, err
    assert json.loads(report.read_text(encoding="utf-8"))["game_version"] == __version__
    assert json.loads(log.read_text(encoding="utf-8"))["game_version"] == __version__
    html = tmp_path / "r.html"
    assert main("replay", str(log), "--report", str(html))[0] == 0
    assert f"Clinic Day {__version__}" in html.read_text(encoding="utf-8")


def test_a_log_of_an_imported_day_replays_from_the_days_folder(data_root: Path,
                                                               tmp_path: Path) -> None:
    src = sent_by_instructor(tmp_path)
    assert main("import", str(src))[0] == 0
    src.unlink()  # the e-mail's copy is gone; the imported one is found
    imported = days_dir(data_root) / src.name
    log = tmp_path / "logs" / "l.json"
    log.parent.mkdir()
    assert main("run", str(imported), "--policy", "idle", "--log", str(log))[0] == 0
    code, out, err = main("replay", str(log))
    assert code == 0, err
    assert "replay ok" in out


def test_play_opens_a_day_from_any_folder(tmp_path: Path) -> None:
    src = sent_by_instructor(tmp_path)
    shot = tmp_path / "day.png"
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYGAME_HIDE_SUPPORT_PROMPT": "1", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(ROOT),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "game", "play", str(src), "--frames", "3",
                           "--screenshot", str(shot)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert shot.is_file() and "Traceback" not in done.stderr
    # The session log names the day it was played on.
    [log] = (tmp_path / "data" / "clinic-day" / "sessions").glob("*.json")
    assert json.loads(log.read_text(encoding="utf-8"))["scenario"]["file"] == src.name


def test_a_day_with_a_bundled_days_id_is_imported_with_a_note_on_best_scores(
        data_root: Path, tmp_path: Path) -> None:
    """Best scores are kept per id: a copy of short_morning would share its best score."""
    code, _, err = main("import", str(sent_by_instructor(tmp_path, "my_morning.json")))
    assert code == 0
    assert ("its id 'short_morning' is also the id of \"A Short Morning at Maple Street "
            "Family Practice\": the two share one best score") in err
    own = tmp_path / "own.json"
    data = json.loads(SHORT.read_text(encoding="utf-8"))
    data["id"] = "my_own_morning"
    own.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = main("import", str(own))
    assert code == 0 and "best score" not in err
