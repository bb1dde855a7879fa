"""The sdist and wheel carry the game's data; an installed wheel plays without the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

import game
from game.paths import ROOT, bundled_scenarios
from game.ui.kit.sound import NAMES as SOUND_NAMES

#: the top-level data folders of the checkout, shipped in the package as game/data/<name>
DATA_FOLDERS = ("assets", "scenarios")
TIMEOUT = 120


def checkout_data() -> set[str]:
    """Every data file of the checkout, as its path inside the built package."""
    return {f"game/data/{p.relative_to(ROOT).as_posix()}"
            for name in DATA_FOLDERS for p in (ROOT / name).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    """Run a command to completion, its output captured as text."""
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)


def installed_env(site: Path, home: Path) -> dict[str, str]:
    """An environment that finds the game only in `site` and its dependencies in this venv."""
    venv = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONPATH=os.pathsep.join([str(site), *sorted(venv)]),
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"))
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist built from the checkout and the wheel built from that sdist, offline."""
    out = tmp_path_factory.mktemp("dist")
    script = "import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))"
    sdist = run([sys.executable, "-c", script, str(out)], cwd=ROOT)
    assert sdist.returncode == 0, sdist.stderr
    tarball = out / sdist.stdout.strip().splitlines()[-1]
    # Building from the sdist, as pipx or pip do from an index, proves the sdist is complete.
    wheel = run([sys.executable, "-m", "pip", "wheel", str(tarball), "--no-deps",
                 "--no-build-isolation", "--no-index", "--no-cache-dir", "-w", str(out)], cwd=out)
    assert wheel.returncode == 0, wheel.stdout + wheel.stderr
    [whl] = out.glob("*.whl")
    print(f"\nwheel {whl.name}: {whl.stat().st_size / 1e6:.2f} MB")
    return tarball, whl


@pytest.fixture(scope="module")
def site(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own, with no dependencies."""
    target = tmp_path_factory.mktemp("install") / "site"
    done = run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
                "--no-cache-dir", "--target", str(target), str(built[1])], cwd=target.parent)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def test_the_wheel_carries_every_font_sound_theme_and_day(built: tuple[Path, Path]) -> None:
    """The wheel holds the checkout's assets and scenarios, byte for byte, under game/data."""
    with zipfile.ZipFile(built[1]) as whl:
        names = set(whl.namelist())
        data = {n for n in names if n.startswith("game/data/")}
        assert data == checkout_data()
        for name in data:
            assert whl.read(name) == (ROOT / name.removeprefix("game/data/")).read_bytes(), name
    fonts = {f"game/data/assets/fonts/NotoSans-{w}.ttf" for w in ("Regular", "Bold")}
    sounds = {f"game/data/assets/sounds/{n}.wav" for n in SOUND_NAMES}
    days = {f"game/data/scenarios/{p.name}" for p in bundled_scenarios()}
    assert fonts | sounds | days | {"game/data/assets/theme.json"} <= data
    assert "game/data/scenarios/standard_day.json" in days
    assert f"-{game.__version__}-" in built[1].name


def test_the_sdist_carries_the_data_and_the_build_hook(built: tuple[Path, Path]) -> None:
    """The sdist has the top-level data folders a wheel is built from."""
    with tarfile.open(built[0]) as tar:
        top = f"clinic_day-{game.__version__}/"
        names = {m.name.removeprefix(top) for m in tar.getmembers() if m.isfile()}
    assert {"setup.py", "pyproject.toml", "MANIFEST.in", "README.md", "LICENSE"} <= names
    assert {n.removeprefix("game/data/") for n in checkout_data()} <= names


def test_the_installed_wheel_plays_without_the_checkout(site: Path, tmp_path: Path) -> None:
    """From another folder, with only the installed wheel: a bot's day, validate, the window."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = installed_env(site, tmp_path / "home")
    # -S: the venv's site hooks stay off, so its editable install cannot put the checkout back.
    py = [sys.executable, "-S"]

    where = run([*py, "-c", "import game, game.paths as p; print(game.__file__); "
                 "print(p.SCENARIOS); print(p.ASSETS)"], cwd=work, env=env)
    assert where.returncode == 0, where.stderr
    lines = [Path(line) for line in where.stdout.splitlines()]
    assert lines == [site / "game" / "__init__.py", site / "game" / "data" / "scenarios",
                     site / "game" / "data" / "assets"]

    day = run([*py, "-m", "game", "run", "standard_day", "--policy", "reference"],
              cwd=work, env=env)
    assert day.returncode == 0, day.stderr
    assert "A Tuesday at Maple Street Family Practice" in day.stdout
    assert "PASSED" in day.stdout

    bundled = site / "game" / "data" / "scenarios" / "standard_day.json"
    checked = run([*py, "-m", "game", "validate", str(bundled)], cwd=work, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.startswith(f"ok  {bundled}")

    shot = tmp_path / "first.png"
    start = time.perf_counter()
    played = run([*py, "-m", "game", "play", "--frames", "30", "--screenshot", str(shot)],
                 cwd=work, env=env)
    took = time.perf_counter() - start
    assert played.returncode == 0, played.stdout + played.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"\ninstalled wheel: start to 30th frame {took:.2f} s")
