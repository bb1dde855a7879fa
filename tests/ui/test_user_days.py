"""The player's days folder on the title screen: their days listed and playable, bad files
listed with why, and nothing in the folder able to stop the title from opening."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.paths import SCENARIOS, bundled_scenarios
from game.scenario.reader import MAX_BYTES
from game.ui.app import App
from game.ui.context import AppContext
from game.ui.scenes.title import TitleScene
from game.ui.title.catalog import user_choices
from game.user_days import days_dir
from tests.fuzz_settings import examples
from tests.ui.test_screens_title import STEP, click, open_title, press, seen


def my_days(ctx: AppContext) -> Path:
    """The days folder beside the test's saves (a temporary folder)."""
    folder = days_dir(ctx.saves.root)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def a_day_of_mine(folder: Path, title: str = "Night Clinic for Students") -> Path:
    """A valid day of the player's: the short morning renamed."""
    data = json.loads((SCENARIOS / "short_morning.json").read_text(encoding="utf-8"))
    data.update(id="night_clinic", title=title)
    path = folder / "night_clinic.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def choose(app: App, scene: TitleScene, path: Path) -> None:
    """Highlight the card of a file with the keys, as a player would (one key at least)."""
    press(app, pygame.K_UP)
    for _ in range(len(scene.choices)):
        if scene.choice is not None and scene.choice.path == path:
            break
        press(app, pygame.K_DOWN)
    # What the last frame drew (the details of a newly chosen day are drawn in that frame).
    assert scene.choice is not None and scene.choice.path == path


@pytest.fixture
def calls(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """ctx.start_day replaced by a recorder (the day itself is not under test here)."""
    made: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ctx, "start_day", lambda *args: made.append(args))
    return made


def test_a_day_of_mine_is_listed_beside_the_bundled_marked_as_mine_and_starts(
        ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    path = a_day_of_mine(my_days(ctx))
    app, scene = open_title(ctx)
    assert len(scene.choices) == len(bundled_scenarios()) + 1
    choose(app, scene, path)
    shown = seen(scene)
    assert "Night Clinic for Students" in shown and "Your day" in shown
    # The bundled days are still there, not marked as the player's.
    bundled = [c for c in scene.choices if not c.user]
    assert bundled and all("Your day" not in c.subtitle for c in bundled)
    click(app, scene.buttons["play"])
    [(loaded, seed)] = calls
    assert seed == 1 and loaded.path == path
    assert loaded.scenario.title == "Night Clinic for Students"


def test_a_day_of_mine_is_really_played_from_the_title(ctx: AppContext) -> None:
    from game.ui.scenes.day import DayScene

    path = a_day_of_mine(my_days(ctx))
    app, scene = open_title(ctx)
    choose(app, scene, path)
    press(app, pygame.K_RETURN)
    day = ctx.stack.top
    assert isinstance(day, DayScene) and day.loaded.path == path


def test_an_invalid_file_of_mine_is_listed_with_its_first_error_and_cannot_start(
        ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    folder = my_days(ctx)
    data = json.loads((SCENARIOS / "short_morning.json").read_text(encoding="utf-8"))
    data["patients"][0]["appointment"]["time"] = "25:99"
    bad = folder / "typo_day.json"
    bad.write_text(json.dumps(data, indent=1), encoding="utf-8")
    app, scene = open_title(ctx)
    choose(app, scene, bad)
    shown = seen(scene)
    assert "typo_day.json" in shown and "Your file could not be loaded" in shown
    assert "patients[0].appointment.time" in shown
    assert str(bad) in shown  # the details name the file in full, to find it
    press(app, pygame.K_RETURN)
    click(app, scene.buttons["play"])
    click(app, scene.buttons["watch"])
    assert calls == [] and ctx.stack.top is scene
    scene.text.clear_drawn()
    app.frame(STEP)
    assert any("typo_day.json cannot be played: patients[0].appointment.time" in line
               for line in scene.text.drawn)


def test_every_kind_of_bad_entry_is_listed_with_why(ctx: AppContext) -> None:
    folder = my_days(ctx)
    os.mkfifo(folder / "pipe.json")
    (folder / "folder.json").mkdir()
    (folder / "gone.json").symlink_to(folder / "nowhere.json")  # unreadable: dangling
    with (folder / "huge.json").open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    (folder / "bad.json").write_text("{\"id\": ", encoding="utf-8")
    (folder / "list.json").write_text("[]", encoding="utf-8")
    (folder / "notes.txt").write_text("not a day", encoding="utf-8")  # not listed
    app, scene = open_title(ctx)
    mine = {c.path.name: c for c in scene.choices if c.user}
    assert set(mine) == {"pipe.json", "folder.json", "gone.json", "huge.json", "bad.json",
                         "list.json"}
    why = {name: c.first_error or "" for name, c in mine.items()}
    assert "not a regular file" in why["pipe.json"]
    assert "folder, not a file" in why["folder.json"]
    assert "cannot read the file" in why["gone.json"]
    assert "limit" in why["huge.json"]
    assert "bad.json" in why["bad.json"] and why["bad.json"].startswith(str(folder))
    assert "JSON object" in why["list.json"]
    assert all(c.loaded is None for c in mine.values())
    # Broken files come after every day that can be played.
    playable = [i for i, c in enumerate(scene.choices) if c.loaded]
    assert max(playable) < min(i for i, c in enumerate(scene.choices) if c.loaded is None)
    for choice in mine.values():
        choose(app, scene, choice.path)
        assert choice.brief_error[:20] in seen(scene)


def test_an_unreadable_folder_is_a_notice_not_a_crash(ctx: AppContext) -> None:
    root = ctx.saves.root
    (root / "days").write_text("a file where the folder should be", encoding="utf-8")
    scene = open_title(ctx)[1]
    assert len(scene.choices) == len(bundled_scenarios())
    os.remove(root / "days")
    (root / "days").symlink_to(root / "days")  # a loop: listing it fails
    scene = open_title(ctx)[1]
    assert len(scene.choices) == len(bundled_scenarios())
    assert any("days folder" in n for n in scene.notices)


def test_a_crowded_folder_lists_the_first_files_and_says_so(tmp_path: Path) -> None:
    for i in range(70):
        (tmp_path / f"d{i:03}.json").write_text("{}", encoding="utf-8")
    choices, note = user_choices(tmp_path)
    assert len(choices) == 60 and note is not None and "70 files" in note


def test_a_day_of_mine_with_a_bundled_id_shows_its_own_details(ctx: AppContext) -> None:
    folder = my_days(ctx)
    data = json.loads((SCENARIOS / "short_morning.json").read_text(encoding="utf-8"))
    data["description"] = "My own version of the short morning, with different words."
    path = folder / "short_morning.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    app, scene = open_title(ctx)
    # The title opens on the bundled short morning (its details drawn); then mine.
    assert scene.choice is not None and scene.choice.id == "short_morning"
    assert not scene.choice.user
    choose(app, scene, path)
    # The details are drawn once per file: the bundled day's must not stand in for mine.
    assert "My own version" in seen(scene)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def _base_day() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCENARIOS / "short_morning.json").read_text("utf-8"))
    return data


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=st.lists(st.one_of(
    st.binary(max_size=300),
    JSON.map(lambda v: json.dumps(v).encode()),
    st.tuples(st.sampled_from(["id", "title", "patients", "clinic", "description", "date"]),
              JSON).map(lambda kv: json.dumps({**_base_day(), kv[0]: kv[1]}).encode())),
    min_size=1, max_size=4))
def test_random_files_in_my_folder_never_crash_the_title(
        ctx: AppContext, calls: list[tuple[Any, ...]], files: list[bytes]) -> None:
    folder = days_dir(ctx.saves.root)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i, raw in enumerate(files):
        (folder / f"f{i}.json").write_bytes(raw)
    app, scene = open_title(ctx)
    mine = [c for c in scene.choices if c.user]
    assert len(mine) == len(files)
    for choice in mine:
        assert (choice.loaded is None) == (choice.first_error is not None)
        choose(app, scene, choice.path)
        before = len(calls)
        press(app, pygame.K_RETURN)
        assert len(calls) == before + (choice.loaded is not None)
        assert ctx.stack.top is scene
