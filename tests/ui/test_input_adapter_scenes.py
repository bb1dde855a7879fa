"""Every screen asked the adapter what its keys mean: real key events, what the player sees."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.load import LoadedScenario
from game.ui.app import App
from game.ui.context import AppContext
from game.ui.scenes.day import DayScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.help import HelpOverlay
from game.ui.scenes.overlay import ConfirmOverlay
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.settings import SettingsOverlay
from game.ui.scenes.title import TitleScene
from tests.fuzz_settings import examples

STEP = 1 / 60


def press(app: App, key: int, mod: int = 0, text: str = "") -> None:
    """A key as SDL sends it (down, the typed text if any, up), then a frame."""
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=text,
                                    scancode=0))
    if text:
        app.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.dispatch(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=text, scancode=0))
    app.frame(STEP)


def title(ctx: AppContext) -> tuple[App, TitleScene]:
    app = App(ctx)
    ctx.show_title()
    app.frame(STEP)
    scene = ctx.stack.top
    assert isinstance(scene, TitleScene)
    return app, scene


def paused_day(ctx: AppContext, loaded: LoadedScenario) -> tuple[App, DayScene, PauseScene]:
    app = App(ctx)
    ctx.start_day(loaded, 1)
    app.frame(STEP)
    day = ctx.stack.top
    assert isinstance(day, DayScene)
    press(app, pygame.K_ESCAPE)
    pause = ctx.stack.top
    assert isinstance(pause, PauseScene)
    return app, day, pause


def debrief(ctx: AppContext, loaded: LoadedScenario) -> tuple[App, DebriefScene]:
    app = App(ctx)
    ctx.start_day(loaded, 1)
    app.frame(STEP)
    day = ctx.stack.top
    assert isinstance(day, DayScene)
    day.sim.finish()
    app.frame(STEP)
    scene = ctx.stack.top
    assert isinstance(scene, DebriefScene)
    return app, scene


@pytest.fixture
def starts(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """ctx.start_day recorded instead of run."""
    made: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ctx, "start_day", lambda *args: made.append(args))
    return made


# --- the title ----------------------------------------------------------------------------
def test_enter_on_the_title_starts_the_chosen_day(ctx: AppContext, starts: list) -> None:
    app, scene = title(ctx)
    press(app, pygame.K_DOWN)
    chosen = scene.choice
    press(app, pygame.K_KP_ENTER)
    assert starts and starts[0][0] is chosen.loaded


def test_space_in_the_name_field_is_typed_not_pressed(ctx: AppContext, starts: list) -> None:
    app, scene = title(ctx)
    for _ in range(4):
        press(app, pygame.K_TAB)  # list -> name -> student ID -> seed -> Play
    for _ in range(3):
        press(app, pygame.K_TAB, pygame.KMOD_LSHIFT)  # back to the name
    assert scene.name_entry.is_focused
    scene.name_entry.set_text("Ana")
    scene.name_entry.edit_position = 3
    press(app, pygame.K_SPACE, text=" ")
    press(app, pygame.K_m, text="M")
    assert scene.name_entry.get_text() == "Ana M" and not starts
    for _ in range(3):
        press(app, pygame.K_TAB)
    press(app, pygame.K_SPACE, text=" ")  # on the Play button: Space presses it
    assert len(starts) == 1


def test_esc_on_the_title_asks_first_even_with_ctrl(ctx: AppContext) -> None:
    app, _ = title(ctx)
    press(app, pygame.K_ESCAPE, pygame.KMOD_LCTRL)
    confirm = ctx.stack.top
    assert isinstance(confirm, ConfirmOverlay) and confirm.title == "Quit Clinic Day?"
    press(app, pygame.K_ESCAPE)
    assert isinstance(ctx.stack.top, TitleScene) and ctx.running


# --- overlays -----------------------------------------------------------------------------
def test_esc_on_the_pause_menu_resumes(ctx: AppContext, short_morning: LoadedScenario) -> None:
    app, day, _ = paused_day(ctx, short_morning)
    press(app, pygame.K_ESCAPE)
    assert ctx.stack.top is day


def test_pause_keys(ctx: AppContext, short_morning: LoadedScenario) -> None:
    app, _, pause = paused_day(ctx, short_morning)
    muted = ctx.settings.muted
    press(app, pygame.K_m)
    assert ctx.settings.muted is not muted
    assert pause.sound_button.text.startswith("Sound: off" if not muted else "Sound: on")
    press(app, pygame.K_TAB, pygame.KMOD_LSHIFT)  # from Resume back round to Quit game
    assert pause.actions[pause.selected].button.text == "Quit game"
    press(app, pygame.K_F1)
    assert isinstance(ctx.stack.top, HelpOverlay)
    press(app, pygame.K_F1)  # F1 closes help too
    assert ctx.stack.top is pause


def test_help_scrolls_and_closes(ctx: AppContext) -> None:
    app, scene = title(ctx)
    press(app, pygame.K_F1)
    help_scene = ctx.stack.top
    assert isinstance(help_scene, HelpOverlay)
    bar = help_scene.boxes[0].scroll_bar
    assert bar is not None  # every screen's keys do not fit: it scrolls
    press(app, pygame.K_PAGEDOWN)
    assert bar.start_percentage > 0
    press(app, pygame.K_ESCAPE)
    assert ctx.stack.top is scene


def test_settings_take_keys_from_the_dialog_map(ctx: AppContext) -> None:
    app, _ = title(ctx)
    ctx.push(SettingsOverlay(ctx))
    app.frame(STEP)
    overlay = ctx.stack.top
    speed = ctx.settings.speed
    while overlay.actions[overlay.selected].button.text.split()[0] != "4x":
        press(app, pygame.K_RIGHT)
    press(app, pygame.K_RETURN)
    assert ctx.settings.speed == 4.0 != speed or speed == 4.0
    press(app, pygame.K_ESCAPE)
    assert isinstance(ctx.stack.top, TitleScene)


# --- the debrief ----------------------------------------------------------------------------
def test_debrief_keys(ctx: AppContext, short_morning: LoadedScenario,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    app, scene = debrief(ctx, short_morning)
    starts: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ctx, "start_day", lambda *args: starts.append(args))
    press(app, pygame.K_2)
    assert scene.tab == "timeline"
    press(app, pygame.K_1)
    assert scene.tab == "notes"
    press(app, pygame.K_RETURN)  # Play again is highlighted first
    assert starts and starts[0][0] is short_morning
    press(app, pygame.K_ESCAPE)
    assert isinstance(ctx.stack.top, TitleScene)


# --- a form over the day ------------------------------------------------------------------
def test_digits_typed_in_a_form_field_stay_in_it(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    patient = driver.first_arrival(scene)
    scene.select(("patient", patient.id))
    driver.key(pygame.K_c)  # check in
    form = scene.form
    assert form is not None
    speed = scene.clock.speed
    driver.key(pygame.K_TAB)
    entry = form.focused_entry()
    assert entry is not None
    before = entry.get_text()
    driver.key(pygame.K_2)
    driver.post(pygame.TEXTINPUT, text="2")
    assert scene.clock.speed == speed and entry.get_text() == before + "2"
    driver.key(pygame.K_ESCAPE)
    assert scene.form is None and isinstance(driver.ctx.stack.top, DayScene)


def test_f11_with_or_without_modifiers_switches_full_screen(ctx: AppContext,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    app, _ = title(ctx)
    flips: list[int] = []
    monkeypatch.setattr(app, "toggle_fullscreen", lambda: flips.append(1))
    press(app, pygame.K_F11)
    press(app, pygame.K_F11, pygame.KMOD_LSHIFT)
    assert len(flips) == 2 and isinstance(ctx.stack.top, TitleScene)


def test_the_title_footer_names_the_keys_of_its_map(ctx: AppContext) -> None:
    app, scene = title(ctx)
    app.frame(STEP)
    drawn = set(scene.text.drawn)
    for caption in ("Up / Down", "Enter", "F1", "F11", "Esc"):
        assert caption in drawn, caption


# --- nothing a keyboard can do raises ---------------------------------------------------------
KEY_CODES = st.one_of(st.integers(0, 0x7F), st.sampled_from(
    [pygame.K_F1, pygame.K_F11, pygame.K_KP_ENTER, pygame.K_KP1, pygame.K_UP, pygame.K_DOWN,
     pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME]),
    st.integers(0, 2**31 - 1))
MODS = st.integers(0, 0xFFFF)
EVENTS = st.lists(st.one_of(
    st.builds(lambda k, m: pygame.event.Event(pygame.KEYDOWN, key=k, mod=m, unicode="",
                                              scancode=0), KEY_CODES, MODS),
    st.builds(lambda k, m: pygame.event.Event(pygame.KEYUP, key=k, mod=m, unicode="",
                                              scancode=0), KEY_CODES, MODS),
    st.builds(lambda t: pygame.event.Event(pygame.TEXTINPUT, text=t), st.text(max_size=4))),
    max_size=12)


def _title(ctx: AppContext, loaded: LoadedScenario) -> App:
    return title(ctx)[0]


def _pause(ctx: AppContext, loaded: LoadedScenario) -> App:
    return paused_day(ctx, loaded)[0]


def _help(ctx: AppContext, loaded: LoadedScenario) -> App:
    app = title(ctx)[0]
    press(app, pygame.K_F1)
    return app


def _debrief(ctx: AppContext, loaded: LoadedScenario) -> App:
    return debrief(ctx, loaded)[0]


SCREENS: dict[str, Callable[[AppContext, LoadedScenario], App]] = {
    "title": _title, "pause": _pause, "help": _help, "debrief": _debrief}


@pytest.mark.parametrize("screen", list(SCREENS))
@settings(max_examples=examples(6), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=EVENTS)
def test_random_keys_never_raise(ctx: AppContext, short_morning: LoadedScenario, screen: str,
                                 events: list[pygame.event.Event],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctx, "quit", lambda: None)  # a Quit pressed by chance ends nothing
    app = SCREENS[screen](ctx, short_morning)
    for event in events:
        app.dispatch(event)
        app.frame(STEP)
    assert ctx.stack.top is not None
    while ctx.stack.scenes:
        ctx.stack.pop()

