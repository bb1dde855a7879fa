"""The campaign in the window, with real events: the library's days open one by one, a
locked day says what opens it, Settings can open them all, a day of the player's own is
never locked, and a day played to its end keeps its stars and shows them."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path
from typing import Any

import pygame
import pytest

from game.campaign import stars
from game.sim.policies import POLICIES
from game.ui.context import AppContext
from game.ui.day.autoplay import Autoplay
from game.ui.saves import Saves
from game.ui.scenes.settings import SettingsOverlay
from game.user_days import days_dir
from tests.ui.test_screens_title import STEP, calls, click, open_title, press, seen

__all__ = ["calls"]  # the fixture, shared with the title's tests


@pytest.fixture
def locked(ctx: AppContext) -> AppContext:
    """The campaign as a new student meets it: every day but the first locked."""
    ctx.settings.unlock_all = False
    return ctx


def test_only_the_first_day_is_open_and_a_locked_one_says_what_opens_it(
        locked: AppContext, calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(locked)
    first, second = scene.choices[0], scene.choices[1]
    assert set(scene.locks) == {c.id for c in scene.choices[1:]}
    assert "Locked: pass the day above first" in seen(scene)
    assert scene.buttons["play"].text == "Play this day"
    press(app, pygame.K_DOWN)
    assert scene.buttons["play"].text == "Locked: pass the day above"
    press(app, pygame.K_RETURN)
    assert calls == []  # refused, and told why
    assert any(n.startswith(f"{second.title} is locked: pass {first.title} first")
               for n in scene.notices)
    click(app, scene.buttons["watch"])  # watching the bot play a locked day is allowed
    assert type(locked.stack.top).__name__ == "WatchScene"


def test_a_star_on_a_day_opens_the_next(locked: AppContext,
                                        calls: list[tuple[Any, ...]]) -> None:
    locked.saves.record_score("short_morning", 78)
    locked.saves.record_stars("short_morning", 1)
    app, scene = open_title(locked)
    assert "standard_day" not in scene.locks and "immunization_clinic" in scene.locks
    assert "1 of 3 stars" in seen(scene)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert calls and calls[0][0].scenario.id == "standard_day"


def test_settings_open_every_day_and_say_so(locked: AppContext) -> None:
    app, scene = open_title(locked)
    click(app, scene.buttons["settings"])
    overlay = locked.stack.top
    assert isinstance(overlay, SettingsOverlay)
    assert overlay.unlock_button.text == "Days: each opened by a star on the one before"
    click(app, overlay.unlock_button)
    assert overlay.unlock_button.text == "Days: every day open (on)"
    assert Saves(root=locked.saves.root).load_settings().unlock_all
    press(app, pygame.K_ESCAPE)
    app.frame(STEP)
    assert locked.stack.top is scene and scene.locks == {}
    press(app, pygame.K_DOWN)
    assert scene.buttons["play"].text == "Play this day"


def test_a_day_of_the_player_s_own_is_never_locked(locked: AppContext,
                                                   calls: list[tuple[Any, ...]]) -> None:
    mine = days_dir(locked.saves.root)
    mine.mkdir(parents=True, exist_ok=True)
    source = Path(__file__).resolve().parents[2] / "scenarios" / "rough_day.json"
    (mine / "my_rough_day.json").write_text(
        source.read_text(encoding="utf-8").replace('"id": "rough_day"', '"id": "my_rough"'),
        encoding="utf-8")
    app, scene = open_title(locked)
    own = next(i for i, c in enumerate(scene.choices) if c.user)
    assert scene.choices[own].id not in scene.locks
    scene.choose(own)
    press(app, pygame.K_RETURN)
    assert calls and calls[0][0].scenario.id == "my_rough"


def test_a_day_played_to_its_end_keeps_its_stars_and_the_debrief_shows_them(
        driver, short_morning) -> None:
    scene = driver.start(short_morning)
    scene.end_early()  # nothing done: no pass, no star
    driver.frame()
    drawn = driver.ctx.stack.top.text.drawn
    assert "0 of 3 stars" in drawn
    assert "New best score! No star: pass (70) for one." in drawn
    assert driver.ctx.saves.best_stars() == {}
    # The reference bot's choices given through the scene as the player's own commands.
    scene = driver.start(short_morning)
    bot = Autoplay(POLICIES["reference"]())
    scene.clock.set_speed(4.0)
    for _ in range(20000):
        if scene.ended:
            break
        bot.step(scene.sim, scene.submit)
        driver.frame(dt=0.25)
    assert scene.ended
    earned = driver.ctx.saves.best_stars()[short_morning.scenario.id]
    assert earned == stars(scene.report, short_morning.scenario.scoring) >= 1
    driver.frame()
    assert f"{earned} of 3 stars" in driver.ctx.stack.top.text.drawn
