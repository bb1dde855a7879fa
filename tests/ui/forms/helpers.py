"""Helpers for the form tests: a headless context, a simulation in a given state, real events."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Callable
from pathlib import Path

import pygame
import pygame_gui

from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.sim.commands import Command
from game.sim.engine import Simulation
from game.sim.policies.reference import ReferencePolicy
from game.sim.results import Result
from game.ui.app import build_context
from game.ui.context import AppContext
from game.ui.forms.base import Form
from game.ui.saves import Saves

DT = 1 / 60
SIZES = {"large": (1280, 720), "small": (1024, 640)}


def make_ctx(tmp_path: Path, size: tuple[int, int] = (1280, 720)) -> AppContext:
    """A real context under the dummy video driver, with saves in a temporary folder."""
    ctx = build_context(size, saves=Saves(root=tmp_path))
    ctx.sounds.muted = True
    return ctx


def form_rect(size: tuple[int, int]) -> pygame.Rect:
    """Where the day scene puts a form: about 600x480 at 1280x720, 520x420 at 1024x640."""
    w, h = (600, 480) if size[0] >= 1280 else (520, 420)
    return pygame.Rect(size[0] - w - 16, 64, w, h)


def new_sim(name: str = "standard_day", seed: int = 1) -> Simulation:
    """A fresh day of a shipped scenario."""
    return Simulation(load_scenario(SCENARIOS / f"{name}.json").scenario, seed)


def play_until(sim: Simulation, done: Callable[[Simulation], bool], limit: int = 20000) -> None:
    """Let the reference bot play until `done(sim)` holds (checked after every step)."""
    bot = ReferencePolicy()
    for _ in range(limit):
        if done(sim) or sim.finished:
            return
        if sim.is_free():
            command = bot.choose(sim)
            if command is not None and sim.submit(command).ok:
                continue
        nxt = sim.next_event_time()
        candidates = [sim.now + 60, sim.lead.busy_until]
        if nxt is not None:
            candidates.append(nxt)
        sim.advance(min(t for t in candidates if t > sim.now))
    raise AssertionError("the state was never reached")


def wait_free(sim: Simulation) -> None:
    """Advance until the MA has finished what they are doing."""
    sim.advance(max(sim.now, sim.lead.busy_until))


class Recorder:
    """The submit callback: records every command and hands it to the simulation."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.commands: list[Command] = []
        self.results: list[Result] = []

    def __call__(self, command: Command) -> Result:
        self.commands.append(command)
        result = self.sim.submit(command)
        self.results.append(result)
        return result

    @property
    def last(self) -> Command:
        """The last command submitted."""
        assert self.commands, "nothing was submitted"
        return self.commands[-1]


class Driver:
    """Posts real pygame events to the manager and the form, as the app loop does."""

    def __init__(self, ctx: AppContext, form: Form) -> None:
        self.ctx = ctx
        self.form = form
        pygame.event.clear()
        self.frame()

    def dispatch(self, event: pygame.event.Event) -> None:
        """One event: the GUI manager first, then the form (App.dispatch order)."""
        self.ctx.manager.process_events(event)
        self.form.handle(event)

    def pump(self) -> None:
        """Deliver the events pygame_gui posted (button presses, tick changes)."""
        for _ in range(5):
            events = pygame.event.get()
            if not events:
                return
            for event in events:
                self.dispatch(event)

    def frame(self) -> None:
        """One frame: posted events, the manager's update, the form's refresh."""
        self.pump()
        self.ctx.manager.update(DT)
        if not self.form.closed:
            self.form.refresh()

    def click(self, widget: pygame_gui.core.UIElement) -> None:
        """Left click at the centre of a widget."""
        self.click_at(widget.get_abs_rect().center)

    def click_at(self, pos: tuple[int, int]) -> None:
        """Left click at a screen position."""
        self.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        self.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.frame()

    def type(self, text: str) -> None:
        """Type into whatever has the keyboard (TEXTINPUT, as SDL sends it)."""
        self.dispatch(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.frame()

    def key(self, key: int, mod: int = 0) -> None:
        """Press and release a key."""
        self.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                         scancode=0))
        self.dispatch(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="",
                                         scancode=0))
        self.frame()

    def fill(self, entry: pygame_gui.elements.UITextEntryLine, text: str) -> None:
        """Click a text entry and type into it."""
        self.click(entry)
        self.type(text)

    def screenshot(self, path: Path) -> None:
        """Draw the UI on a plain background and save it."""
        screen = self.ctx.screen
        screen.fill((236, 240, 244))
        self.ctx.manager.draw_ui(screen)
        pygame.image.save(screen, str(path))


def checked_in_and_roomed(sim: Simulation, pid: str, room: str = "exam1") -> None:
    """Headless: check a patient in (two identifiers) and room them, then wait."""
    from game.sim.commands import CheckIn, RoomPatient

    p = sim.world.patients[pid]
    sim.advance(max(sim.now, p.arrival_t or sim.now))
    assert sim.submit(CheckIn(patient=pid, identifiers=["name", "dob"])).ok
    wait_free(sim)
    assert sim.submit(RoomPatient(patient=pid, room=room)).ok
    wait_free(sim)


def inside(outer: pygame.Rect, element: pygame_gui.core.UIElement) -> bool:
    """Whether a widget lies within a rect (a one-pixel border is allowed)."""
    return outer.inflate(2, 2).contains(element.get_abs_rect())


def after_exam(pid: str) -> Simulation:
    """The reference bot plays until the patient's exam is over (orders written)."""
    sim = new_sim()
    play_until(sim, lambda s: s.world.patients[pid].status.value == "exam_done")
    sim.advance(max(sim.now, sim.lead.busy_until))
    return sim
