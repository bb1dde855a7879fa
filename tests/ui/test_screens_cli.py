"""The real program opens on the title screen; the shipped sounds are what the generator makes."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from array import array
from pathlib import Path

import pytest

from game.paths import ROOT
from game.ui.kit.sound import NAMES, SOUND_DIR

sys.path.insert(0, str(ROOT / "tools"))
import make_sounds


def dummy_env(home: Path) -> dict[str, str]:
    """The dummy drivers, and a home of its own so no real settings are read or written."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONPATH=str(ROOT))
    return env


def test_no_scenario_opens_the_title_and_saves_a_screenshot(tmp_path: Path) -> None:
    # `--frames` and `--screenshot` belong to the `play` command; without a scenario it opens
    # the title screen, as `clinic-day` with no arguments does
    shot = tmp_path / "title.png"
    done = subprocess.run([sys.executable, "-m", "game", "play", "--frames", "3", "--screenshot",
                           str(shot)], cwd=tmp_path, env=dummy_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert shot.is_file() and shot.stat().st_size > 10_000
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 720)
    # the header band of the title screen is the accent colour
    from game.ui.kit.theme import ACCENT

    assert tuple(image.get_at((640, 4)))[:3] == ACCENT
    assert "Traceback" not in done.stderr


def test_a_corrupt_settings_file_does_not_stop_the_game(tmp_path: Path) -> None:
    data = tmp_path / "data" / "clinic-day"
    data.mkdir(parents=True)
    (data / "settings.json").write_text("{broken")
    done = subprocess.run([sys.executable, "-m", "game", "play", "--frames", "2",
                           "--screenshot", str(tmp_path / "t.png")], cwd=tmp_path,
                          env=dummy_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert list(data.glob("settings.corrupt-*.json"))


@pytest.mark.parametrize("name", NAMES)
def test_shipped_sounds_are_short_gentle_mono_wavs(name: str) -> None:
    with wave.open(str(SOUND_DIR / f"{name}.wav"), "rb") as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (22050, 1, 2)
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()
    assert 0.1 <= seconds <= 1.0
    peak = max(abs(s) for s in samples)
    assert 0.1 * 32767 < peak < 0.5 * 32767  # audible, and gentle
    assert abs(samples[0]) < 300 and abs(samples[-1]) < 300  # faded in and out: no click


def test_the_generator_makes_the_shipped_files(tmp_path: Path) -> None:
    assert make_sounds.main([str(tmp_path)]) == 0
    for name in NAMES:
        made = (tmp_path / f"{name}.wav").read_bytes()
        assert made == (SOUND_DIR / f"{name}.wav").read_bytes()


def test_sounds_play_and_mute() -> None:
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.kit.sound import Sounds

    sounds = Sounds()
    sounds.preload()
    if sounds.available:
        assert sounds.play("chime") is True
    assert sounds.play("no_such_sound") is False
    sounds.muted = True
    assert sounds.play("chime") is False
