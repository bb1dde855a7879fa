"""A bounded UI monkey: random keys, text, clicks, wheel, focus and resizes across the title,
the day, its forms, pause, help and the debrief. Nothing a player can do may raise.

The event count is multiplied by CLINIC_DAY_FUZZ_SCALE (tests/fuzz_settings.py) for a long
run; the default run takes a few seconds.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame
import pygame_gui
import pytest

from game.scenario.load import LoadedScenario
from game.ui.app import MIN_SIZE, App
from game.ui.context import AppContext
from game.ui.scenes.day import DayScene
from tests.fuzz_settings import fuzz_scale

EVENTS = 1800  # in the default run (a few seconds); times CLINIC_DAY_FUZZ_SCALE
FRAME_EVERY = 4  # events between frames
KEYS = [*range(pygame.K_a, pygame.K_z + 1), *range(pygame.K_0, pygame.K_9 + 1),
        pygame.K_SPACE, pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER,
        pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_UP, pygame.K_DOWN,
        pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME,
        pygame.K_END, pygame.K_KP1, pygame.K_KP3]
# Keys that open or close a whole screen (pause, help, quit to the title): rarer, since
# building an overlay takes a tenth of a second and the point is to use what it opens.
SCREEN_KEYS = [pygame.K_ESCAPE, pygame.K_F1]
OPENERS = {"?", "Help (F1)", "Settings", "Settings…", "Settings..."}  # buttons that do too
MODS = [0, 0, 0, pygame.KMOD_LSHIFT, pygame.KMOD_LALT, pygame.KMOD_LCTRL]
TEXTS = ["a", "7", " ", "4.6", "-21", "120/80", "Ana María", "O'Brien", "\u00e9", "\u200b",
         "\ufeff", "\u0000", "\U0001f600", "x" * 90, "\t", "1e309", "--", "\u202e"]


class Monkey:
    """Sends random events to the app the way SDL would, a frame every few events."""

    def __init__(self, ctx: AppContext, rng: random.Random, loaded: LoadedScenario) -> None:
        self.ctx, self.rng, self.loaded = ctx, rng, loaded
        self.app = App(ctx)
        self.scenes: set[str] = set()

    def send(self, event: pygame.event.Event) -> None:
        self.app.dispatch(event)

    def key(self, key: int | None = None) -> None:
        keys = SCREEN_KEYS if self.rng.random() < 0.006 else KEYS
        key, mod = key or self.rng.choice(keys), self.rng.choice(MODS)
        char = chr(key) if 32 <= key < 127 else ""
        self.send(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=char,
                                     scancode=0))
        self.send(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=char,
                                     scancode=0))

    def text(self) -> None:
        self.send(pygame.event.Event(pygame.TEXTINPUT, text=self.rng.choice(TEXTS)))

    def click(self) -> None:
        """Mostly on a widget (that is where clicks matter), else anywhere."""
        w, h = self.ctx.screen.get_size()
        widgets = [e for e in self.ctx.manager.get_sprite_group().sprites()
                   if isinstance(e, pygame_gui.core.UIElement) and e.visible
                   and (getattr(e, "text", "") not in OPENERS or self.rng.random() < 0.1)]
        if widgets and self.rng.random() < 0.7:
            pos = self.rng.choice(widgets).get_abs_rect().center
        else:
            pos = (self.rng.randrange(w), self.rng.randrange(h))
        pos = (min(max(0, pos[0]), w - 1), min(max(0, pos[1]), h - 1))
        button = self.rng.choice([1, 1, 1, 3])
        self.send(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1),
                                     buttons=(0, 0, 0)))
        self.send(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        self.send(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))

    def wheel(self) -> None:
        self.send(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=self.rng.choice([-3, -1, 1, 3]),
                                     flipped=False, precise_x=0.0, precise_y=1.0))

    def resize(self) -> None:
        if len(self.ctx.stack.scenes) > 1 and self.rng.random() < 0.8:
            return  # an overlay rebuilds itself whole on a resize: now and then is enough
        w = self.rng.randrange(MIN_SIZE[0] - 200, 1700)
        h = self.rng.randrange(MIN_SIZE[1] - 200, 1100)
        self.send(pygame.event.Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h)))

    def window(self) -> None:
        kind = self.rng.choice([pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED,
                                pygame.WINDOWLEAVE, pygame.WINDOWENTER])
        self.send(pygame.event.Event(kind))

    def panel_action(self) -> None:
        """A context-panel button of the day, as a click would run it: opens forms."""
        top = self.ctx.stack.top
        if isinstance(top, DayScene) and not top.ended and top.form is None:
            if self.rng.random() < 0.5:  # as a click on a token or a queue row would
                top.select(self.rng.choice([n.selection for n in top.queue.refresh(True)]
                                           or [None]))
            actions = top.current_actions()
            if actions:
                top.run_action(self.rng.choice(actions))

    def step(self) -> None:
        moves: list[tuple[float, Callable[[], None]]] = [
            (30, self.key), (14, self.text), (30, self.click), (4, self.wheel),
            (1, self.resize), (3, self.window), (8, self.panel_action)]
        total = sum(weight for weight, _ in moves)
        pick = self.rng.uniform(0, total)
        for weight, move in moves:
            pick -= weight
            if pick <= 0:
                move()
                return
        moves[-1][1]()

    def frame(self) -> None:
        self.app.frame(self.rng.choice([1 / 60, 0.05, 0.25]))
        ctx = self.ctx
        if not ctx.running or ctx.stack.top is None:  # the monkey quit: start again
            ctx.running = True
            ctx.show_title()
        for scene in ctx.stack.scenes:
            self.scenes.add(type(scene).__name__)
            form = getattr(scene, "form", None)
            if form is not None:
                self.scenes.add(type(form).__name__)

    def run(self, events: int, begin: Callable[[], None]) -> None:
        begin()
        for i in range(events):
            self.step()
            if i % FRAME_EVERY == 0:
                self.frame()


@pytest.mark.parametrize("seed", [1])
def test_the_monkey_never_raises(ctx: AppContext, short_morning: LoadedScenario,
                                 seed: int) -> None:
    rng = random.Random(seed * 7919 + fuzz_scale())  # a long run explores other paths
    ctx.settings.phone_stops_clock = True  # the incoming-call card is met, as by default
    monkey = Monkey(ctx, rng, short_morning)
    events = EVENTS * fuzz_scale()
    # A third on the title, a third in the day (forms, pause, help come from its keys and
    # buttons), a third from a day ended at once: the debrief.

    def title() -> None:
        ctx.show_title()
        monkey.frame()
        monkey.key(pygame.K_F1)  # help at least once

    monkey.run(events // 3, title)

    def day() -> None:
        ctx.start_day(short_morning, seed)
        monkey.frame()
        top = ctx.stack.top
        assert isinstance(top, DayScene)
        top.sim.advance(top.sim.first_appt + 5 * 60)  # patients at the desk: their forms
        arrived = [p.id for p in top.sim.world.patients.values() if p.status.value == "arrived"]
        if arrived:  # a check-in form at least once, as its button opens it
            top.select(("patient", arrived[0]))
            top.run_action(top.current_actions()[0])
            monkey.frame()
            top.close_form()
        monkey.key(pygame.K_ESCAPE)  # the pause menu at least once, and what it opens

    monkey.run(events // 3, day)

    def debrief() -> None:
        ctx.start_day(short_morning, seed)
        monkey.frame()
        top = ctx.stack.top
        assert isinstance(top, DayScene)
        top.sim.finish()
        monkey.frame()

    monkey.run(events // 3, debrief)
    assert {"TitleScene", "DayScene", "DebriefScene", "PauseScene", "HelpOverlay",
            "CheckInForm", "ChecklistForm"} <= monkey.scenes
    assert ctx.screen.get_width() >= MIN_SIZE[0] and ctx.screen.get_height() >= MIN_SIZE[1]
