"""The title screen, driven by real pygame events through App.dispatch and App.frame."""

from __future__ import annotations

import json
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from pathlib import Path
from typing import Any

import pygame
import pytest

from game.library import LIBRARY
from game.paths import SCENARIOS, bundled_scenarios
from game.scenario.load import load_scenario
from game.ui.app import App, build_context
from game.ui.context import AppContext
from game.ui.saves import Saves
from game.ui.scenes.help import HelpOverlay
from game.ui.scenes.overlay import ConfirmOverlay
from game.ui.scenes.settings import SettingsOverlay
from game.ui.scenes.title import TitleScene
from game.ui.title.catalog import load_choices
from game.ui.watch.scene import WatchScene

STEP = 1 / 60


def press(app: App, key: int, mod: int = 0) -> None:
    """A key press, as the player makes it, then a frame."""
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    app.dispatch(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
    app.frame(STEP)


def click(app: App, target: Any) -> None:
    """A left click at a widget's centre (or a point), then a frame for pygame_gui's events."""
    pos = target.get_abs_rect().center if hasattr(target, "get_abs_rect") else target
    app.dispatch(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.frame(STEP)


def type_text(app: App, text: str) -> None:
    """Typed characters arrive as TEXTINPUT events."""
    app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.frame(STEP)


def seen(scene: TitleScene) -> str:
    """Everything the title drew last frame, as one string."""
    return " ".join(scene.text.drawn)


@pytest.fixture
def calls(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """ctx.start_day replaced by a recorder (the day itself is not under test here)."""
    made: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ctx, "start_day", lambda *args: made.append(args))
    return made


def open_title(ctx: AppContext) -> tuple[App, TitleScene]:
    app = App(ctx)
    ctx.show_title()
    app.frame(STEP)
    scene = ctx.stack.top
    assert isinstance(scene, TitleScene)
    return app, scene


def test_lists_every_bundled_day_with_title_and_best_score(ctx: AppContext) -> None:
    ctx.saves.record_score("standard_day", 77)
    app, scene = open_title(ctx)
    app.frame(STEP)
    titles = [load_scenario(p).scenario.title for p in bundled_scenarios()]
    assert len(titles) == len(scene.choices) >= 2
    shown = seen(scene)
    for _ in scene.choices:  # the list pages: every day comes into view on the way down
        press(app, pygame.K_DOWN)
        shown += " " + seen(scene)
    for title in titles:
        assert title in shown
    assert "Best 77 / 100" in shown
    assert "Not played yet" in shown  # short_morning has no score yet


def test_details_of_the_chosen_day(ctx: AppContext) -> None:
    app, scene = open_title(ctx)
    press(app, pygame.K_DOWN)
    s = scene.choice.loaded.scenario
    assert s.id == "standard_day"
    # the details card is drawn once into a surface; its text was recorded when drawn
    scene.text.clear_drawn()
    scene._details.clear()
    app.frame(STEP)
    shown = seen(scene)
    for part in (s.setting, s.difficulty.capitalize(), s.learning_objectives[0][:30]):
        assert part in shown


def test_typing_a_name_and_clicking_play(ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(ctx)
    click(app, scene.name_entry)
    type_text(app, "Jordan Lee")
    click(app, scene.buttons["play"])
    assert len(calls) == 1
    loaded, seed = calls[0]
    assert loaded.scenario.id == scene.choices[0].id and seed == 1
    assert ctx.player == "Jordan Lee" and ctx.settings.player == "Jordan Lee"
    assert Saves(root=ctx.saves.root).load_settings().player == "Jordan Lee"


def test_the_student_id_is_kept_for_the_log_and_the_next_time(
        ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(ctx)
    assert "Student ID (optional)" in seen(scene)
    click(app, scene.student_entry)
    type_text(app, "S-20417")
    type_text(app, "\u200b\x00")  # what the window cannot draw is never typed in
    click(app, scene.buttons["play"])
    assert calls and ctx.student_id == "S-20417"
    assert Saves(root=ctx.saves.root).load_settings().student_id == "S-20417"
    _, again = open_title(ctx)
    assert again.student_text == "S-20417"  # the next session starts with it


def test_a_long_student_id_stops_at_the_logs_limit(ctx: AppContext) -> None:
    app, scene = open_title(ctx)
    click(app, scene.student_entry)
    type_text(app, "9" * 60)
    assert scene.student_text == "9" * 40


def test_seed_and_watch_the_reference_bot(ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(ctx)
    click(app, scene.seed_entry)
    press(app, pygame.K_BACKSPACE)
    type_text(app, "42x")  # letters are refused by the seed field
    click(app, scene.buttons["watch"])
    assert calls == []  # not a day of the player's own: the bot's session, watched
    watching = ctx.stack.top
    assert isinstance(watching, WatchScene)
    assert watching.watched.banner == (f"Watching the reference bot - "
                                       f"{scene.choices[0].loaded.scenario.title}, seed 42")
    assert watching.sim.seed == 42 and watching.watched.log.policy == "reference"
    assert not list(ctx.saves.sessions_dir.glob("*.json"))  # watching records nothing


def test_keyboard_choose_and_enter(ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(ctx)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert calls[0][0].scenario.id == "standard_day"
    press(app, pygame.K_UP)
    press(app, pygame.K_UP)  # wraps around to the last day
    assert scene.choice.id == scene.choices[-1].id == Path(LIBRARY[-1]).stem


def test_days_are_listed_easiest_first(ctx: AppContext) -> None:
    _, scene = open_title(ctx)
    assert [c.id for c in scene.choices] == [Path(name).stem for name in LIBRARY]
    assert scene.choices[0].id == "short_morning"  # the introductory day comes first


def test_tab_moves_between_controls(ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(ctx)
    press(app, pygame.K_TAB)
    assert scene.name_entry in ctx.manager.get_focus_set()
    type_text(app, "Sam")
    press(app, pygame.K_TAB)
    assert scene.student_entry in ctx.manager.get_focus_set()
    press(app, pygame.K_TAB)
    assert scene.seed_entry in ctx.manager.get_focus_set()
    press(app, pygame.K_TAB)
    assert scene.buttons["play"].is_selected
    press(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert scene.seed_entry in ctx.manager.get_focus_set()
    press(app, pygame.K_TAB)
    press(app, pygame.K_TAB)  # Watch the reference bot
    press(app, pygame.K_RETURN)
    assert isinstance(ctx.stack.top, WatchScene) and calls == []
    assert ctx.player == "Sam"


def test_clicking_a_card_chooses_that_day(ctx: AppContext) -> None:
    app, scene = open_title(ctx)
    (_, second), = [c for c in scene.layout.cards(len(scene.choices)) if c[0] == 1]
    click(app, second.center)
    assert scene.index == 1


def test_esc_asks_before_quitting(ctx: AppContext) -> None:
    app, scene = open_title(ctx)
    press(app, pygame.K_ESCAPE)
    assert isinstance(ctx.stack.top, ConfirmOverlay)
    press(app, pygame.K_ESCAPE)  # stay
    assert ctx.stack.top is scene and ctx.running
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)  # quit
    assert not ctx.running


def test_quit_button_then_confirm_by_click(ctx: AppContext) -> None:
    app, scene = open_title(ctx)
    click(app, scene.buttons["quit"])
    confirm = ctx.stack.top
    assert isinstance(confirm, ConfirmOverlay)
    click(app, confirm.actions[0].button)
    assert not ctx.running


def test_settings_mute_and_speed_are_saved(ctx: AppContext) -> None:
    app, scene = open_title(ctx)
    ctx.settings.muted = ctx.sounds.muted = False
    click(app, scene.buttons["settings"])
    overlay = ctx.stack.top
    assert isinstance(overlay, SettingsOverlay)
    click(app, overlay.sound_button)
    assert ctx.settings.muted and ctx.sounds.muted
    assert "off" in overlay.sound_button.text
    click(app, overlay.speed_buttons[2.0])
    assert ctx.settings.speed == 2.0
    saved = Saves(root=ctx.saves.root).load_settings()
    assert saved.muted and saved.speed == 2.0
    press(app, pygame.K_ESCAPE)
    assert ctx.stack.top is scene


def test_f1_opens_help(ctx: AppContext) -> None:
    app, _ = open_title(ctx)
    press(app, pygame.K_F1)
    assert isinstance(ctx.stack.top, HelpOverlay)
    press(app, pygame.K_F1)
    assert isinstance(ctx.stack.top, TitleScene)


def test_a_corrupt_settings_file_is_reported_on_the_title(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{oops")
    ctx = build_context(saves=Saves(root=tmp_path))
    app, scene = open_title(ctx)
    app.frame(STEP)
    assert scene.notices and "settings.json" in scene.notices[0]
    assert any("settings.json" in line for line in scene.text.drawn)
    assert ctx.saves.messages == []  # shown once, not again on the next title
    ctx.stack.pop()


def test_a_broken_scenario_is_listed_not_fatal(ctx: AppContext, tmp_path: Path,
                                               calls: list[tuple[Any, ...]]) -> None:
    bad = tmp_path / "broken_day.json"
    bad.write_text(json.dumps({"schema_version": 1, "id": "broken"}))
    app = App(ctx)
    scene = TitleScene(ctx, load_choices([SCENARIOS / "short_morning.json", bad]))
    ctx.stack.replace(scene)
    app.frame(STEP)
    assert scene.choices[1].loaded is None and "broken_day.json" in scene.choices[1].error
    press(app, pygame.K_DOWN)
    app.frame(STEP)
    assert "This file could not be loaded" in seen(scene)
    assert "This scenario could not be loaded" in seen(scene)
    press(app, pygame.K_RETURN)
    assert calls == []  # nothing to play


def test_no_scenarios_at_all(ctx: AppContext, calls: list[tuple[Any, ...]]) -> None:
    app = App(ctx)
    scene = TitleScene(ctx, [])
    ctx.stack.replace(scene)
    app.frame(STEP)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_DOWN)
    assert calls == []


@pytest.mark.parametrize("size", [(1024, 640), (1600, 900)])
def test_resize_keeps_what_was_typed_and_fits(ctx: AppContext, size: tuple[int, int]) -> None:
    app, scene = open_title(ctx)
    click(app, scene.name_entry)
    type_text(app, "Ana")
    click(app, scene.student_entry)
    type_text(app, "A-7")
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1],
                                    size=size))
    app.frame(STEP)
    assert scene.name_text == "Ana" and scene.student_text == "A-7"
    window = pygame.Rect((0, 0), ctx.size)
    for widget in scene.widgets:
        assert window.contains(widget.get_abs_rect())
