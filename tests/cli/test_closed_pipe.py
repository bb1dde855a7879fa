"""A reader that goes away (`| head -1`) never changes the exit code or loses a file."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import env

TRIES = 4


def piped(argv: list[str], reader: str, cwd: Path) -> tuple[int, str]:
    """Run `python -m game ARGV | READER` in bash; the game's own exit code and stderr."""
    game = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "game", *argv])
    script = f"{game} 2>err.txt | {reader}; exit ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", script], cwd=cwd, env=env(), capture_output=True,
                          text=True, timeout=120)
    return proc.returncode, (cwd / "err.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A good log of the short morning and a tampered copy of it."""
    folder = tmp_path_factory.mktemp("pipe")
    good = folder / "good.json"
    subprocess.run([sys.executable, "-m", "game", "run", "short_morning", "--policy", "naive",
                    "--log", str(good)], cwd=folder, env=env(), check=True,
                   capture_output=True, timeout=120)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["player"] = "Someone Else"
    bad = folder / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    return good, bad


# `true` reads nothing and exits at once: every write after that meets a closed pipe.
@pytest.mark.parametrize("reader", ["head -1", "true"])
def test_a_tampered_log_exits_3_through_a_closed_pipe(reader: str, logs: tuple[Path, Path],
                                                      tmp_path: Path) -> None:
    _, bad = logs
    for i in range(TRIES):
        report = tmp_path / f"r{i}.json"
        code, err = piped(["replay", str(bad), "--report", str(report)], reader, tmp_path)
        assert code == 3, err
        assert "DIGEST MISMATCH" in err and "Traceback" not in err
        assert json.loads(report.read_text(encoding="utf-8"))["verified"] is False


@pytest.mark.parametrize("reader", ["head -1", "true"])
def test_a_good_log_exits_0_through_a_closed_pipe(reader: str, logs: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    good, _ = logs
    code, err = piped(["replay", str(good), "--report", str(tmp_path / "r.json")], reader,
                      tmp_path)
    assert (code, err) == (0, "")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["verified"] is True


def test_run_writes_both_files_through_a_closed_pipe(tmp_path: Path) -> None:
    for i in range(TRIES):
        report, log = tmp_path / f"r{i}.html", tmp_path / f"l{i}.json"
        code, err = piped(["run", "short_morning", "--policy", "reference", "--report",
                           str(report), "--log", str(log)], "head -1", tmp_path)
        assert (code, err) == (0, "")
        assert "<html" in report.read_text(encoding="utf-8")
        assert json.loads(log.read_text(encoding="utf-8"))["final_digest"]


def test_invalid_input_keeps_exit_1_through_a_closed_pipe(tmp_path: Path) -> None:
    code, err = piped(["run", "no_such_day", "--policy", "idle"], "true", tmp_path)
    assert code == 1 and "no_such_day" in err
