"""UI test fixtures: the dummy video and audio drivers, and a context with saves in tmp."""

from __future__ import annotations

import os

# Before pygame is imported anywhere: no window, no sound device, no banner.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.paths import SCENARIOS
from game.scenario.load import LoadedScenario, load_scenario
from game.sim.state import PatientState, Status
from game.ui.app import build_context
from game.ui.context import AppContext
from game.ui.saves import Saves
from game.ui.scenes.day import DayScene


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    """A real context (dummy window 1280x720), sounds muted, saves in a temporary folder."""
    context = build_context(saves=Saves(root=tmp_path))
    context.sounds.muted = True
    # Tests that run the day unattended would meet the incoming-call card at every ring;
    # the tests of the card (and the whole day, and the monkey) turn it back on.
    context.settings.phone_stops_clock = False
    # Tests that open any day from the title would meet the campaign's locks; the tests of
    # the campaign (tests/ui/test_campaign.py) lock the days again.
    context.settings.unlock_all = True
    yield context
    while context.stack.scenes:
        context.stack.pop()
    pygame.event.clear()


@pytest.fixture(scope="session")
def short_morning() -> LoadedScenario:
    """The short shipped scenario."""
    return load_scenario(SCENARIOS / "short_morning.json")


@pytest.fixture(scope="session")
def standard_day() -> LoadedScenario:
    """The full shipped day."""
    return load_scenario(SCENARIOS / "standard_day.json")


class Driver:
    """Plays the app the way a player does: real pygame events, fixed frame times."""

    def __init__(self, ctx: AppContext) -> None:
        from game.ui.app import App

        self.ctx = ctx
        self.app = App(ctx)

    def start(self, loaded: LoadedScenario, seed: int = 1, autoplay: str | None = None
              ) -> DayScene:
        """Start a day and draw its first frame."""
        self.ctx.start_day(loaded, seed, autoplay)
        scene = self.ctx.stack.top
        assert isinstance(scene, DayScene)
        self.frame()
        return scene

    def frame(self, n: int = 1, dt: float = 1 / 60) -> None:
        """Run n whole frames (events, update, draw)."""
        for _ in range(n):
            self.app.frame(dt)

    def click(self, pos: tuple[int, int]) -> None:
        """Move there, press and release the left button; two frames (pygame_gui posts its
        UI_BUTTON_PRESSED during the first, so the scene sees it in the second)."""
        pos = (int(pos[0]), int(pos[1]))
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                             buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.frame(2)

    def key(self, key: int, mod: int = 0) -> None:
        """Press and release a key, then one frame."""
        char = chr(key) if 32 <= key < 127 else ""
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char,
                                             scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, scancode=0))
        self.frame()

    def post(self, event_type: int, **attrs: object) -> None:
        """Any other event, then one frame."""
        pygame.event.post(pygame.event.Event(event_type, **attrs))
        self.frame()

    def run_until(self, scene: DayScene, done: Callable[[], bool], dt: float = 0.25,
                  limit: int = 5000) -> None:
        """Frames at 4x with large steps until a condition holds (or the limit)."""
        scene.clock.set_speed(4.0)
        for _ in range(limit):
            if done():
                return
            self.frame(dt=dt)
        raise AssertionError("condition not reached")

    def first_arrival(self, scene: DayScene, pause: bool = True) -> PatientState:
        """Run the day until a patient stands at the desk; that patient (clock paused)."""
        patients = scene.sim.world.patients.values()
        self.run_until(scene, lambda: any(p.status == Status.ARRIVED for p in patients))
        if pause:
            scene.clock.paused = True
            self.frame()
        return next(p for p in patients if p.status == Status.ARRIVED)


@pytest.fixture
def driver(ctx: AppContext) -> Driver:
    """A Driver on the test context."""
    return Driver(ctx)
