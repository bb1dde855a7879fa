"""An actions file: names the scenario does not have are invalid input, checked before the
day is played; a command that cannot run is printed with its time and reason."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import main

CHECK_IN = {"type": "check_in", "patient": "s01-nakamura", "identifiers": ["name", "dob"]}


def actions_file(folder: Path, commands: list[dict[str, Any]]) -> Path:
    path = folder / "actions.json"
    path.write_text(json.dumps({"commands": commands}, indent=2), encoding="utf-8")
    return path


def timed(t: int, command: dict[str, Any]) -> dict[str, Any]:
    return {"t": t, "command": command}


@pytest.mark.parametrize(("bad", "where", "name"), [
    ({"type": "mark_no_show", "patient": "nobody"}, "commands[3].command.patient", "nobody"),
    ({"type": "room_patient", "patient": "s01-nakamura", "room": "closet"},
     "commands[3].command.room", "closet"),
    ({"type": "complete_task", "task": "polish-floor"}, "commands[3].command.task",
     "polish-floor"),
    ({"type": "draw_blood", "patient": "s01-nakamura", "tubes": ["gold", "purple"]},
     "commands[3].command.tubes[1]", "purple"),
], ids=["patient", "room", "task", "tube"])
def test_an_unknown_name_is_invalid_input(bad: dict[str, Any], where: str, name: str,
                                          tmp_path: Path) -> None:
    commands = [timed(27000 + i, {"type": "complete_task", "task": "open-fridge"})
                for i in range(3)] + [timed(28000, bad)]
    path = actions_file(tmp_path, commands)
    code, out, err = main("run", "short_morning", "--actions", str(path))
    assert code == 1
    assert out == ""  # refused before the day is played
    assert f"{path}:" in err and f"{where}: " in err and f"'{name}'" in err
    line = next(i for i, x in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if f'"{bad["type"]}"' in x)
    assert re.search(rf"{re.escape(str(path))}:(\d+): {re.escape(where)}", err)
    assert int(re.search(r":(\d+): ", err).group(1)) >= line  # the line of the command


def test_every_unknown_name_is_listed(tmp_path: Path) -> None:
    path = actions_file(tmp_path, [timed(28000, {"type": "check_in", "patient": "x1"}),
                                   timed(28001, {"type": "check_in", "patient": "x2"})])
    _, _, err = main("run", "short_morning", "--actions", str(path))
    assert "commands[0].command.patient" in err and "commands[1].command.patient" in err
    assert "s01-nakamura" in err  # what the scenario does have


def test_rejected_commands_are_printed_with_time_and_reason(tmp_path: Path) -> None:
    # Clocking out comes while patients are still expected (07:55, when the first is at
    # the desk); "end the day now" ends it, so the last command comes too late.
    path = actions_file(tmp_path, [
        timed(28500, CHECK_IN),
        timed(28501, {"type": "clock_out"}),
        timed(40000, {"type": "end_day"}),
        timed(40100, {"type": "mark_no_show", "patient": "s05-fischer"}),
    ])
    code, out, err = main("run", "short_morning", "--actions", str(path))
    assert code == 0, err
    assert "command(s) of" in out
    busy = next(x for x in out.splitlines() if "commands[1]" in x)
    assert "07:55:01" in busy and "clock_out" in busy
    assert "still here or expected" in busy
    late = next(x for x in out.splitlines() if "commands[3]" in x)
    assert "11:08:20" in late and "The day was already over" in late
    assert "commands[0]" not in out  # the one that ran is not listed
    assert "Score " in out


def test_an_actions_file_that_all_runs_prints_no_rejections(tmp_path: Path) -> None:
    path = actions_file(tmp_path, [timed(28500, CHECK_IN)])
    code, out, _ = main("run", "short_morning", "--actions", str(path))
    assert code == 0 and "could not be done" not in out
