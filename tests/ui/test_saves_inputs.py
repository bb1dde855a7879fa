"""Saved files with odd contents never stop the game: set aside, told, and never lost."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.fileio import STALE_SECONDS, remove_stale_temps, write_text_atomic
from game.ui.saves import Saves, Settings
from tests.fuzz_settings import examples

BOM = b"\xef\xbb\xbf"


def corrupt_copies(folder: Path, stem: str) -> list[Path]:
    return sorted(folder.glob(f"{stem}.corrupt-*.json"))


# -- characters that are not text ---------------------------------------------------------
def test_a_lone_surrogate_in_the_name_is_set_aside(tmp_path: Path) -> None:
    raw = b'{"player": "Ana\\ud800", "speed": 2.0}'
    (tmp_path / "settings.json").write_bytes(raw)
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings()  # the game starts, with defaults
    (aside,) = corrupt_copies(tmp_path, "settings")
    assert aside.read_bytes() == raw  # kept as it was, not deleted
    assert not (tmp_path / "settings.json").exists()
    assert saves.messages == [f"settings.json was damaged (it holds characters that are not "
                              f"text); it was kept as {aside.name} and defaults are used."]


def test_a_nul_in_the_settings_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"player": "A\x00na", "muted": True}))
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings()
    assert len(corrupt_copies(tmp_path, "settings")) == 1
    assert "not text" in saves.messages[0]


def test_a_surrogate_key_in_best_scores_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "best_scores.json").write_bytes(b'{"day\\udc00": 80, "standard_day": 70}')
    saves = Saves(root=tmp_path)
    assert saves.best_scores() == {}
    assert len(corrupt_copies(tmp_path, "best_scores")) == 1


def test_invisible_characters_leave_the_name_empty(tmp_path: Path) -> None:
    # An editor, or an older version of the game, may have written these.
    (tmp_path / "settings.json").write_text(json.dumps({"player": " \u200b\ufeff\u0301 "}))
    assert Saves(root=tmp_path).load_settings().player == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_as_settings_does_not_block_the_start(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "settings.json")
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings()
    assert saves.messages == ["settings.json is not a regular file; defaults are used."]


# -- one rule for a byte-order mark -------------------------------------------------------
def test_settings_with_a_bom_are_read(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(BOM + b'{"speed": 4.0, "player": "Jordan"}')
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings(speed=4.0, player="Jordan")
    assert saves.messages == [] and corrupt_copies(tmp_path, "settings") == []


def test_best_scores_with_a_bom_are_read(tmp_path: Path) -> None:
    (tmp_path / "best_scores.json").write_bytes(BOM + b'{"standard_day": 88}')
    assert Saves(root=tmp_path).best_scores() == {"standard_day": 88}


# -- temporary files of interrupted saves --------------------------------------------------
def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_temporary_files_are_cleaned_when_the_saves_are_opened(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    old = [tmp_path / ".settings.json.k2x9_a1b.tmp", tmp_path / ".best_scores.json.abcdefgh",
           sessions / ".20260105-101500-standard_day-seed1.json.zz99zz99.tmp"]
    young = tmp_path / ".settings.json.young123.tmp"  # another window may be writing it now
    theirs = [tmp_path / ".hidden_notes", tmp_path / "settings.json.abcdefgh.tmp",
              tmp_path / ".notes.txt.abcdefgh.tmp", tmp_path / "settings.corrupt-1.json"]
    for f in [*old, young, *theirs]:
        f.write_text("{")
        _age(f, STALE_SECONDS * 2)
    _age(young, 5)
    Saves(root=tmp_path)
    assert not any(f.exists() for f in old)
    assert young.exists()
    assert all(f.exists() for f in theirs)  # only our own pattern is touched


def test_the_temporary_name_written_is_the_one_cleaned(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def interrupted(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        raise KeyboardInterrupt  # the player closes the game mid-save

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(tmp_path / "settings.json", "{}")
    monkeypatch.setattr(os, "replace", real_replace)
    # write_text_atomic removes its own temp file on the way out; recreate what a power cut
    # leaves, under the very name it used.
    (tmp_path / seen[0]).write_text("{")
    _age(tmp_path / seen[0], STALE_SECONDS + 60)
    assert remove_stale_temps(tmp_path) == [tmp_path / seen[0]]


def test_cleaning_a_missing_folder_is_quiet(tmp_path: Path) -> None:
    assert remove_stale_temps(tmp_path / "nowhere") == []


# -- fuzz ---------------------------------------------------------------------------------
TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=12)
FLAT = st.dictionaries(st.sampled_from(["speed", "muted", "fullscreen", "player",
                                        "clock_in_forms", "phone_stops_clock",
                                        "unlock_all", "student_id",
                                        "standard_day"]) | TEXT,
                       st.none() | st.booleans() | st.integers() | st.floats() | TEXT
                       | st.lists(st.integers(), max_size=2), max_size=6)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@settings(max_examples=examples(80), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=120) | FLAT.map(lambda d: _encode(json.dumps(d))),
       bom=st.booleans())
def test_any_settings_file_gives_settings(tmp_path: Path, raw: bytes, bom: bool) -> None:
    for f in tmp_path.iterdir():
        f.unlink()
    (tmp_path / "settings.json").write_bytes((BOM if bom else b"") + raw)
    (tmp_path / "best_scores.json").write_bytes(raw)
    (tmp_path / "best_stars.json").write_bytes(raw)
    saves = Saves(root=tmp_path)
    got = saves.load_settings()
    scores = saves.best_scores()
    assert all(isinstance(v, int) and 0 <= v <= 3 for v in saves.best_stars().values())
    assert isinstance(got, Settings) and got.speed in (1.0, 2.0, 4.0)
    got.player.encode("utf-8")  # drawable: no surrogates
    assert "\x00" not in got.player
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in scores.values())
    # whatever was set aside is kept byte for byte
    for aside in corrupt_copies(tmp_path, "best_scores"):
        assert aside.read_bytes() == raw


@settings(max_examples=examples(80), deadline=None)
@given(data=FLAT)
def test_the_switches_keep_only_booleans(data: dict[str, object]) -> None:
    got = Settings.from_dict(data)
    for name, default in (("muted", False), ("fullscreen", False), ("clock_in_forms", False),
                          ("phone_stops_clock", True), ("unlock_all", False)):
        value = data.get(name)
        assert getattr(got, name) is (value if isinstance(value, bool) else default)
