"""A real window under Xvfb, driven with xdotool like a player: the session log records it all."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.paths import ROOT

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool")

ARRIVAL_WAIT = 15.0  # real seconds at 4x: 07:30 + 15 s x 120 = about 08:00; the first
# patient of short_morning (seed 1) arrives at 07:55 and the next at 08:29.
STEP_WAIT = 3.0  # real seconds at 4x: six simulated minutes, longer than any step below


def free_display() -> int:
    """A display number with no X server."""
    for n in range(90, 200):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display")


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb server, stopped afterwards."""
    n = free_display()
    server = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x720x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                break
            time.sleep(0.05)
        yield f":{n}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdo(env: dict[str, str], *args: str) -> str:
    """Run xdotool; its output."""
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                          timeout=30, check=False)
    return done.stdout.strip()


def keys(env: dict[str, str], *names: str) -> None:
    """Press keys one by one, leaving the game a few frames for each."""
    for name in names:
        xdo(env, "key", name)
        time.sleep(0.15)


def test_play_a_check_in_and_vitals_in_a_real_window(display: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": display, "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "SDL_AUDIODRIVER": "dummy",
           "PYTHONPATH": str(ROOT)}
    env.pop("SDL_VIDEODRIVER", None)
    game = subprocess.Popen([sys.executable, "-m", "game", "play", "short_morning", "--seed",
                             "1", "--player", "test"], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        window = xdo(env, "search", "--sync", "--pid", str(game.pid)).splitlines()[-1]
        xdo(env, "windowmove", window, "0", "0")
        xdo(env, "mousemove", "640", "700")  # the message strip: no tooltip over the plan
        xdo(env, "windowfocus", "--sync", window)
        keys(env, "q")  # nothing selected: clock out, refused (patients expected) but logged
        keys(env, "3")  # 4x
        time.sleep(ARRIVAL_WAIT)
        keys(env, "space", "Tab", "c")  # pause, select the arrived patient, open check-in
        keys(env, "n", "d", "e", "Tab")  # name, date of birth, eligibility, to the copay
        xdo(env, "type", "--delay", "60", "25")
        keys(env, "Return", "space")  # check in; resume
        time.sleep(STEP_WAIT)
        keys(env, "space", "a", "space")  # pause, room in the first room, resume
        time.sleep(STEP_WAIT)
        keys(env, "space", "v", "space")  # pause, measure vitals, resume
        time.sleep(0.5)
        xdo(env, "windowclose", window)
        try:
            game.wait(timeout=10)
        except subprocess.TimeoutExpired:
            game.terminate()
            game.wait(timeout=10)
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    logs = sorted((tmp_path / "data" / "clinic-day" / "sessions").glob("*.json"))
    assert logs, game.stderr.read().decode() if game.stderr else "no session log"
    log = json.loads(logs[-1].read_text(encoding="utf-8"))
    assert log["player"] == "test" and log["seed"] == 1
    commands = [tc["command"] for tc in log["commands"]]
    assert commands[0] == {"type": "clock_out"}
    if importlib.util.find_spec("game.ui.forms.registry") is None:
        return  # no forms yet: the check-in (and so what follows) cannot happen
    commands = commands[1:]
    assert [c["type"] for c in commands] == ["check_in", "room_patient", "measure_vitals"]
    check_in = commands[0]
    assert check_in["patient"] == "s01-nakamura"
    assert check_in["identifiers"] == ["name", "dob"]
    assert check_in["verify_insurance"] is True and check_in["copay"] == 25.0
    assert commands[1]["room"] == "exam1"
