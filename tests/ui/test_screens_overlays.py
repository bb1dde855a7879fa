"""Pause, help and confirm overlays: what they show, what their buttons and keys do."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from typing import Any

import pygame
import pygame_gui
import pytest

from game.ui.app import App
from game.ui.context import AppContext
from game.ui.scene import Scene
from game.ui.scenes import help_text
from game.ui.scenes.help import HelpOverlay
from game.ui.scenes.overlay import ConfirmOverlay
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.title import TitleScene

STEP = 1 / 60


def press(app: App, key: int, mod: int = 0) -> None:
    """A key press, then a frame."""
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
    app.frame(STEP)


def click(app: App, widget: Any) -> None:
    """A left click at a widget's centre, then a frame."""
    pos = widget.get_abs_rect().center
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.frame(STEP)


class Below(Scene):
    """A stand-in for the day: one button, and a record of what it was told."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.pressed = 0
        self.updates = 0
        self.button: pygame_gui.elements.UIButton | None = None

    def enter(self) -> None:
        self.button = pygame_gui.elements.UIButton(pygame.Rect(560, 330, 160, 60), "Under",
                                                   self.ctx.manager)

    def exit(self) -> None:
        if self.button is not None:
            self.button.kill()

    def update(self, dt: float) -> None:
        self.updates += 1

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.button:
            self.pressed += 1
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ctx.push(PauseScene(self.ctx))


@pytest.fixture
def paused(ctx: AppContext) -> tuple[App, Below, PauseScene]:
    app = App(ctx)
    below = Below(ctx)
    ctx.stack.replace(below)
    app.frame(STEP)
    press(app, pygame.K_ESCAPE)
    pause = ctx.stack.top
    assert isinstance(pause, PauseScene)
    return app, below, pause


def labels(scene: PauseScene) -> list[str]:
    return [a.button.text for a in scene.actions]


def test_pause_shows_its_buttons_and_stops_the_scene_below(paused) -> None:
    app, below, pause = paused
    shown = labels(pause)
    assert shown[:2] == ["Resume (Esc)", "Help (F1)"] and shown[3:] == ["Quit to title",
                                                                         "Quit game"]
    assert shown[2].startswith("Sound: on" if not pause.ctx.settings.muted else "Sound: off")
    before = below.updates
    app.frame(STEP)
    assert below.updates == before  # the day does not advance under the pause
    assert below in pause.ctx.stack.visible()  # but it is still drawn, dimmed


def test_the_scrim_takes_clicks_meant_for_the_scene_below(paused) -> None:
    app, below, _ = paused
    click(app, below.button)
    assert below.pressed == 0


def test_esc_resumes(paused) -> None:
    app, below, _ = paused
    press(app, pygame.K_ESCAPE)
    assert paused[0].ctx.stack.top is below
    click(app, below.button)
    assert below.pressed == 1  # the scrim is gone with the overlay


def test_resume_button(paused) -> None:
    app, below, pause = paused
    click(app, pause.actions[0].button)
    assert pause.ctx.stack.top is below


def test_quit_to_title_after_confirming(paused) -> None:
    app, _, pause = paused
    ctx = pause.ctx
    click(app, pause.actions[3].button)
    confirm = ctx.stack.top
    assert isinstance(confirm, ConfirmOverlay)
    click(app, confirm.actions[1].button)  # "Keep playing"
    assert ctx.stack.top is pause
    click(app, pause.actions[3].button)
    click(app, ctx.stack.top.actions[0].button)  # "Quit to title"
    assert [type(s) for s in ctx.stack.scenes] == [TitleScene]


def test_quit_game_by_keyboard(paused) -> None:
    app, _, pause = paused
    for _ in range(4):
        press(app, pygame.K_DOWN)
    assert pause.actions[pause.selected].button.text == "Quit game"
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # confirm
    assert not pause.ctx.running


def test_sound_toggle_in_pause(paused) -> None:
    app, _, pause = paused
    ctx = pause.ctx
    was = ctx.settings.muted
    click(app, pause.actions[2].button)
    assert ctx.settings.muted is not was and ctx.sounds.muted is ctx.settings.muted
    press(app, pygame.K_m)
    assert ctx.settings.muted is was


def test_help_over_pause_and_back(paused) -> None:
    app, _, pause = paused
    press(app, pygame.K_F1)
    assert isinstance(pause.ctx.stack.top, HelpOverlay)
    press(app, pygame.K_ESCAPE)
    assert pause.ctx.stack.top is pause


def test_pause_survives_a_resize(paused) -> None:
    app, _, pause = paused
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=640, size=(1024, 640)))
    app.frame(STEP)
    assert pause.scrim is not None
    assert pause.scrim.get_abs_rect().size == (1024, 640)
    assert pygame.Rect(0, 0, 1024, 640).contains(pause.panel.get_abs_rect())


def test_help_lists_the_day_keys_and_the_reference_card(ctx: AppContext) -> None:
    app = App(ctx)
    ctx.show_title()
    press(app, pygame.K_F1)
    overlay = ctx.stack.top
    assert isinstance(overlay, HelpOverlay)
    text = overlay.text()
    for key, what in help_text.day_shortcuts():
        assert f"<b>{key}</b>" in text and what.split("'")[0] in text
    for fact in ("60-100 per minute", "12-20 per minute", "under 90%", "100.4 F",
                 "over 180 and/or over 120", "130-139 or 80-89", "light blue top",
                 "lavender top", "gray top", "two identifiers", "Escalate a crisis"):
        assert fact in text, fact
    press(app, pygame.K_PAGEDOWN)  # scrolling never fails
    click(app, overlay.actions[0].button)
    assert isinstance(ctx.stack.top, TitleScene)


def test_help_lists_the_keys_of_the_day_key_map() -> None:
    from game.ui.input import DAY

    assert help_text.day_shortcuts() == [*DAY.rows(), *DAY.mouse]


def test_pause_from_the_day_scene(ctx: AppContext) -> None:
    """The real day pushes this pause on Esc; Quit to title leaves the day."""
    day = pytest.importorskip("game.ui.scenes.day")
    from game.paths import SCENARIOS
    from game.scenario.load import load_scenario

    app = App(ctx)
    ctx.start_day(load_scenario(SCENARIOS / "short_morning.json"), 1)
    app.frame(STEP)
    press(app, pygame.K_ESCAPE)
    pause = ctx.stack.top
    assert isinstance(pause, PauseScene)
    assert isinstance(ctx.stack.scenes[0], day.DayScene)
    click(app, next(a.button for a in pause.actions if a.button.text == "Quit to title"))
    click(app, ctx.stack.top.actions[0].button)
    assert [type(s) for s in ctx.stack.scenes] == [TitleScene]
