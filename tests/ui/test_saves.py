"""Saves: settings, best scores and session logs survive damage and never crash the game."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from game import headless
from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.log import load_log, log_digest
from game.sim.policies import POLICIES
from game.sim.runner import play_policy
from game.ui.saves import Saves, Settings, default_root

needs_posix_permissions = pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions are not enforced for this user")


# -- settings -----------------------------------------------------------------------------
def test_defaults_when_nothing_is_saved(tmp_path: Path) -> None:
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings()
    assert saves.best_scores() == {}
    assert saves.messages == []


def test_settings_round_trip(tmp_path: Path) -> None:
    saves = Saves(root=tmp_path)
    assert saves.save_settings(Settings(speed=4.0, muted=True, fullscreen=True, player="Ana",
                                        phone_stops_clock=False))
    again = Saves(root=tmp_path).load_settings()
    assert again == Settings(speed=4.0, muted=True, fullscreen=True, player="Ana",
                             phone_stops_clock=False)


@pytest.mark.parametrize("content", ["{not json", "", "[1, 2, 3]", '"just a string"',
                                     "\xff\xfe garbage", "[" * 100_000])
def test_corrupt_settings_are_moved_aside(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content.encode("latin-1"))
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings()
    assert not path.exists()
    aside = list(tmp_path.glob("settings.corrupt-*.json"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == content.encode("latin-1")  # kept, not lost
    assert len(saves.messages) == 1
    assert "settings.json" in saves.messages[0] and aside[0].name in saves.messages[0]
    # the next start is clean
    assert Saves(root=tmp_path).load_settings() == Settings()


def test_two_corrupt_files_in_one_second_keep_both(tmp_path: Path) -> None:
    for text in ("{bad", "{worse"):
        (tmp_path / "settings.json").write_text(text)
        Saves(root=tmp_path).load_settings()
    kept = sorted(p.read_text() for p in tmp_path.glob("settings.corrupt-*.json"))
    assert kept == ["{bad", "{worse"]


@pytest.mark.parametrize("data", [
    {"speed": "fast", "muted": "yes", "fullscreen": 1, "player": 42},
    {"speed": 3.0, "muted": None, "fullscreen": [], "player": None},
    {"speed": True, "muted": 0, "fullscreen": "true", "player": ["a"]},
    {"speed": float("nan")},
    {"unknown": 1, "speed": {"x": 1}},
])
def test_wrong_types_fall_back_to_defaults(tmp_path: Path, data: dict[str, object]) -> None:
    (tmp_path / "settings.json").write_text(json.dumps(data))
    assert Saves(root=tmp_path).load_settings() == Settings()


def test_good_values_survive_beside_bad_ones(tmp_path: Path) -> None:
    data = {"speed": 2, "muted": True, "fullscreen": "no", "player": "  Jordan  ", "x": 1}
    (tmp_path / "settings.json").write_text(json.dumps(data))
    got = Saves(root=tmp_path).load_settings()
    assert got == Settings(speed=2.0, muted=True, fullscreen=False, player="Jordan")


def test_long_player_name_is_cut(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"player": "x" * 500}))
    assert Saves(root=tmp_path).load_settings().player == "x" * 80


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(" " * (2 * 1024 * 1024) + "{}")
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings()
    assert saves.messages and "too large" in saves.messages[0]


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()
    saves = Saves(root=tmp_path)
    assert saves.load_settings() == Settings()
    assert saves.messages
    assert not saves.save_settings(Settings(muted=True))  # cannot replace a folder
    assert len(saves.messages) == 2


def test_writes_are_atomic_and_leave_no_temporary_files(tmp_path: Path) -> None:
    saves = Saves(root=tmp_path / "deep" / "er")
    for speed in (1.0, 2.0, 4.0):
        saves.save_settings(Settings(speed=speed))
    assert [p.name for p in (tmp_path / "deep" / "er").iterdir()] == ["settings.json"]
    assert json.loads((tmp_path / "deep" / "er" / "settings.json").read_text())["speed"] == 4.0


# -- best scores --------------------------------------------------------------------------
def test_best_score_is_kept_only_if_better(tmp_path: Path) -> None:
    saves = Saves(root=tmp_path)
    assert saves.record_score("standard_day", 60) is True
    assert saves.record_score("standard_day", 55) is False
    assert saves.record_score("standard_day", 60) is False  # a tie is not a new best
    assert saves.record_score("standard_day", 81) is True
    assert saves.record_score("short_morning", 0) is True
    assert Saves(root=tmp_path).best_scores() == {"standard_day": 81, "short_morning": 0}


@pytest.mark.parametrize("total", [-1, 101, 50.5, True, "90", None])
def test_a_total_that_is_not_a_score_is_not_recorded(tmp_path: Path, total: object) -> None:
    saves = Saves(root=tmp_path)
    assert saves.record_score("standard_day", total) is False  # type: ignore[arg-type]
    assert saves.best_scores() == {}


def test_malformed_score_entries_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "best_scores.json").write_text(json.dumps(
        {"a": 70, "b": "90", "c": True, "d": 250, "e": None, "f": [1], "g": 0}))
    assert Saves(root=tmp_path).best_scores() == {"a": 70, "g": 0}


def test_corrupt_scores_file_is_set_aside_and_a_new_best_recorded(tmp_path: Path) -> None:
    (tmp_path / "best_scores.json").write_text("{{{")
    saves = Saves(root=tmp_path)
    assert saves.record_score("standard_day", 40) is True
    assert saves.best_scores() == {"standard_day": 40}
    assert len(list(tmp_path.glob("best_scores.corrupt-*.json"))) == 1
    assert len(saves.messages) == 1


# -- unwritable folders -------------------------------------------------------------------
def test_root_that_is_a_file_gives_messages_not_crashes(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("I am a file")
    saves = Saves(root=blocker)
    assert saves.load_settings() == Settings()
    assert saves.save_settings(Settings(muted=True)) is False
    assert saves.record_score("standard_day", 50) is True  # a new best, though not saved
    assert saves.messages and all("Could not save" in m for m in saves.messages)


@needs_posix_permissions
def test_read_only_folder_gives_a_message_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "ro"
    root.mkdir()
    root.chmod(0o500)
    try:
        saves = Saves(root=root)
        assert saves.save_settings(Settings(speed=2.0)) is False
        assert len(saves.messages) == 1
        assert saves.save_settings(Settings(speed=4.0)) is False
        assert len(saves.messages) == 1  # the same failure is reported once
    finally:
        root.chmod(0o700)


def test_messages_are_not_repeated(tmp_path: Path) -> None:
    saves = Saves(root=tmp_path)
    saves.note("one")
    saves.note("one")
    saves.note("two")
    assert saves.messages == ["one", "two"]


def test_root_from_a_string_and_the_default_root() -> None:
    assert Saves(root="some/where").root == Path("some/where")  # type: ignore[arg-type]
    assert default_root().name == "clinic-day"


# -- session logs -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def naive_day() -> tuple[object, list[object], str]:
    loaded = load_scenario(SCENARIOS / "short_morning.json")
    sim = Simulation(loaded.scenario, 3)
    commands = play_policy(sim, POLICIES["naive"]())
    return loaded, commands, sim.digest()


def test_session_log_is_a_valid_log_after_every_command(tmp_path: Path, naive_day) -> None:
    loaded, commands, digest = naive_day
    saves = Saves(root=tmp_path)
    writer = saves.open_session(headless.new_log(loaded, 3, None, "Ana"))
    assert writer.path.parent == tmp_path / "sessions"
    assert load_log(writer.path).commands == []  # on disk before the first command
    for i, tc in enumerate(commands, 1):
        writer.append(tc)
        if i in (1, 2, len(commands) // 2):
            on_disk = load_log(writer.path)
            assert len(on_disk.commands) == i and on_disk.final_digest is None
            assert on_disk.player == "Ana"
    writer.finish(digest)
    sealed = load_log(writer.path)
    assert sealed.final_digest == log_digest(sealed, digest)  # binds the log and the state
    assert [p.name for p in writer.path.parent.iterdir()] == [writer.path.name]
    assert writer.ok and saves.messages == []


def test_an_unfinished_log_replays(tmp_path: Path, naive_day,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    loaded, commands, _ = naive_day
    writer = Saves(root=tmp_path).open_session(headless.new_log(loaded, 3, None))
    for tc in commands[:5]:
        writer.append(tc)
    # It replays, but an unfinished day is not a verified one.
    assert headless.replay(writer.path, None, None) == headless.EXIT_DIGEST
    assert "unfinished" in capsys.readouterr().err


def test_a_finished_log_replays_to_its_digest(tmp_path: Path, naive_day) -> None:
    loaded, commands, digest = naive_day
    writer = Saves(root=tmp_path).open_session(headless.new_log(loaded, 3, None))
    for tc in commands:
        writer.append(tc)
    writer.finish(digest)
    assert headless.replay(writer.path, None, None) == headless.EXIT_OK


def test_two_sessions_started_together_get_two_files(tmp_path: Path, naive_day) -> None:
    loaded, _, _ = naive_day
    saves = Saves(root=tmp_path)
    a = saves.open_session(headless.new_log(loaded, 3, None))
    b = saves.open_session(headless.new_log(loaded, 3, None))
    assert a.path != b.path and a.path.exists() and b.path.exists()


def test_unwritable_sessions_folder_gives_one_message(tmp_path: Path, naive_day) -> None:
    loaded, commands, _ = naive_day
    (tmp_path / "sessions").write_text("a file where the folder should be")
    saves = Saves(root=tmp_path)
    writer = saves.open_session(headless.new_log(loaded, 3, None))
    for tc in commands[:10]:
        writer.append(tc)  # never raises
    assert not writer.ok
    assert len(saves.messages) == 1 and "session log" in saves.messages[0]
    assert len(writer.log.commands) == 10  # still recorded in memory
