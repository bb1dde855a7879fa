"""The window and the fixed-step loop; `clinic-day play` starts here."""

from __future__ import annotations

import argparse
import os
import sys
import time
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pygame_gui

from game.paths import DEFAULT_SCENARIO, load_named_scenario
from game.scenario.errors import InputError
from game.ui.context import AppContext
from game.ui.input import GLOBAL, Intent, intent_for, typed_text
from game.ui.kit.sound import Sounds
from game.ui.kit.theme import load_theme
from game.ui.saves import Saves

if TYPE_CHECKING:
    from game.scenario.load import LoadedScenario
    from game.ui.scene import Scene
    from game.ui.watch.source import Watched

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (1024, 640)
STEP = 1 / 60  # seconds of real time per simulation/UI step


def create_window(size: tuple[int, int], fullscreen: bool = False) -> pygame.Surface:
    """Open (or re-open) the game window."""
    flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
    screen = pygame.display.set_mode((0, 0) if fullscreen else size, flags)
    pygame.display.set_caption("Clinic Day")
    return screen


# Characters with no glyph: controls, format marks (zero-width space, byte-order mark,
# direction overrides), surrogates, private use, unassigned, line separators. Typed into a
# field, they draw nothing (pygame_gui raises "Text has zero width" on an empty field) or
# reorder what is shown; no name, number or reading needs them.
INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(text: str) -> str:
    """Typed text without the characters a field cannot show."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in INVISIBLE)


def set_fullscreen(on: bool) -> pygame.Surface:
    """Switch the open window to desktop fullscreen or back. Re-creating it with set_mode
    instead leaves X11 at the fullscreen size ("Requested window was forcibly resized")."""
    with warnings.catch_warnings():
        # The warning is about drawing through a Window; it is only used to switch modes.
        warnings.simplefilter("ignore", DeprecationWarning)
        window = pygame.Window.from_display_module()
    if on:
        window.set_fullscreen(desktop=True)
    else:
        window.set_windowed()
    surface = pygame.display.get_surface()
    if surface is None:
        raise pygame.error("the window closed while switching full screen")
    return surface


def fit_to_desktop(size: tuple[int, int]) -> tuple[int, int]:
    """The default size, made smaller on a small screen (never below the minimum layout)."""
    if pygame.display.get_driver() in ("dummy", "offscreen"):
        return size  # no screen to fit: tests and scripted checks get the size they ask for
    try:
        desktops = pygame.display.get_desktop_sizes()
    except pygame.error:
        return size
    if not desktops:
        return size
    dw, dh = desktops[0]
    return (max(MIN_SIZE[0], min(size[0], dw)), max(MIN_SIZE[1], min(size[1], dh)))


class GameScreens:
    """The screens the context switches to, made here so that the context imports no scene.
    Each is imported when first shown: the title opens without loading the day's modules."""

    def title(self, ctx: AppContext) -> Scene:
        """The title screen."""
        from game.ui.scenes.title import TitleScene

        return TitleScene(ctx)

    def day(self, ctx: AppContext, loaded: LoadedScenario, seed: int,
            autoplay: str | None) -> Scene:
        """The day screen for a scenario and seed, played by the player or a bot."""
        from game.ui.scenes.day import DayScene

        return DayScene(ctx, loaded, seed, autoplay)

    def debrief(self, ctx: AppContext, report: dict[str, Any], loaded: LoadedScenario,
                seed: int, new_best: bool, log_path: Path | None) -> Scene:
        """The end-of-day debrief."""
        from game.ui.scenes.debrief import DebriefScene

        return DebriefScene(ctx, report, loaded, seed, new_best, log_path)

    def watch_bot(self, ctx: AppContext, loaded: LoadedScenario, seed: int,
                  policy: str) -> Scene:
        """The bot plays the day headless (a twentieth of a second); the window then shows
        its session as a student's is watched: pause, speed, restart, jump from the debrief."""
        from game.session import bot_log
        from game.ui.watch.scene import WatchScene
        from game.ui.watch.source import Watched

        _, log, _ = bot_log(loaded, seed, policy)
        return WatchScene(ctx, Watched(loaded.path, log, loaded, from_file=False))


def build_context(size: tuple[int, int] = DEFAULT_SIZE, saves: Saves | None = None
                  ) -> AppContext:
    """Initialise pygame and everything a scene needs (used by the app and by tests)."""
    pygame.init()
    if pygame.display.get_driver() == "x11":
        # A 2D game needs no OpenGL: on X11 SDL would otherwise push every frame through it
        # (software Mesa where there is no GPU: slower frames, 100 MB more memory). A user
        # can still choose otherwise by setting the variable.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    saves = saves or Saves()
    settings = saves.load_settings()
    size = fit_to_desktop(size)
    screen = create_window(size)
    manager = pygame_gui.UIManager(size, load_theme(), enable_live_theme_updates=False)
    sounds = Sounds(muted=settings.muted)
    return AppContext(screen, manager, saves, settings, sounds, GameScreens(),
                      player=settings.player)


class App:
    """Runs the scene stack with a fixed step; the simulation never sees the frame rate."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.clock = pygame.time.Clock()
        self.frames = 0

    def frame(self, dt: float) -> None:
        """One frame: events, fixed steps, drawing."""
        ctx = self.ctx
        for event in pygame.event.get():
            self.dispatch(event)
        top = ctx.stack.top
        if top is not None:
            top.update(dt)
        ctx.manager.update(dt)
        ctx.screen.fill((236, 240, 244))
        for scene in ctx.stack.visible():
            scene.draw(ctx.screen)
        ctx.manager.draw_ui(ctx.screen)
        pygame.display.flip()
        self.frames += 1

    def dispatch(self, event: pygame.event.Event) -> None:
        """Give one event to the GUI manager, then to the top scene."""
        ctx = self.ctx
        if event.type == pygame.QUIT:
            ctx.quit()
            return
        if event.type == pygame.VIDEORESIZE and not ctx.settings.fullscreen:
            w, h = max(event.w, MIN_SIZE[0]), max(event.h, MIN_SIZE[1])
            # SDL has already resized a resizable window: calling set_mode again would
            # re-create it, and the new window's focus change would pause the day.
            current = pygame.display.get_surface()
            if current is None or current.get_size() != (w, h):
                current = create_window((w, h))
            ctx.screen = current
            ctx.manager.set_window_resolution((w, h))
            for scene in ctx.stack.scenes:
                scene.resize((w, h))
            return
        if intent_for(event, GLOBAL) == Intent.FULLSCREEN:
            self.toggle_fullscreen()
            return
        if not typed_text(event, pygame.key.get_mods()):
            return
        if event.type == pygame.TEXTINPUT:
            typed = printable(event.text)
            if not typed:
                return
            if typed != event.text:
                event = pygame.event.Event(pygame.TEXTINPUT, text=typed)
        ctx.manager.process_events(event)
        if ctx.stack.top is not None:
            ctx.stack.top.handle(event)

    def toggle_fullscreen(self) -> None:
        """F11: fullscreen on or off, remembered in the settings; off again gives back the
        window as it was (SDL keeps its windowed size and place)."""
        ctx = self.ctx
        # The window's real state, not the setting: a saved "fullscreen" must not make the
        # first F11 a no-op.
        going_full = not ctx.screen.get_flags() & pygame.FULLSCREEN
        ctx.settings.fullscreen = going_full
        ctx.screen = set_fullscreen(going_full)
        # Resize events SDL queued on the way describe the mode being left.
        pygame.event.clear((pygame.VIDEORESIZE, pygame.WINDOWRESIZED,
                            pygame.WINDOWSIZECHANGED))
        size = ctx.screen.get_size()
        ctx.manager.set_window_resolution(size)
        for scene in ctx.stack.scenes:
            scene.resize(size)
        ctx.saves.save_settings(ctx.settings)

    def run(self, max_frames: int | None = None, screenshot: Path | None = None) -> None:
        """Loop until quit (or for a number of frames)."""
        ctx = self.ctx
        while ctx.running and (max_frames is None or self.frames < max_frames):
            # Under --frames the loop runs as fast as it can with a fixed step, so a
            # scripted check sees the same frames on any machine.
            dt = STEP if max_frames is not None else min(self.clock.tick(60) / 1000, 0.25)
            self.frame(dt)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(ctx.screen, str(screenshot))


def play_from_args(args: argparse.Namespace) -> int:
    """`clinic-day` and `clinic-day play`: returns the exit code."""
    started = time.perf_counter()
    loaded = None
    scenario = getattr(args, "scenario", None)
    if scenario is not None or getattr(args, "autoplay", None):
        try:
            loaded = load_named_scenario(scenario or DEFAULT_SCENARIO)
        except InputError as exc:
            print(exc.render(), file=sys.stderr)
            return 1
    try:
        ctx = build_context()
    except pygame.error as exc:
        print(f"cannot open a window ({exc}): is there a display? Without one, "
              "`clinic-day run standard_day --policy reference` plays a day headless.",
              file=sys.stderr)
        return 1
    if getattr(args, "player", None):
        ctx.player = args.player[:80]
    if getattr(args, "student_id", None):
        ctx.student_id = args.student_id[:40]
    if getattr(args, "speed", None) in (1.0, 2.0, 4.0):
        ctx.settings.speed = args.speed
    if loaded is not None:
        ctx.start_day(loaded, args.seed, args.autoplay)
    else:
        ctx.show_title()
    app = App(ctx)
    app.frame(STEP)
    if os.environ.get("CLINIC_DAY_STARTUP_TIME"):
        print(f"first frame after {time.perf_counter() - started:.3f} s", file=sys.stderr)
    app.run(getattr(args, "frames", None), getattr(args, "screenshot", None))
    pygame.quit()
    return 0


def watch_window(watched: Watched, speed: float, frames: int | None = None,
                 screenshot: Path | None = None) -> int:
    """`clinic-day watch LOG` once its day is found: the log replayed in the window (nothing
    is recorded); returns the exit code."""
    try:
        ctx = build_context()
    except pygame.error as exc:
        print(f"cannot open a window ({exc}): is there a display? Without one, "
              f"`clinic-day replay {watched.path}` checks the log headless.", file=sys.stderr)
        return 1
    if speed in (1.0, 2.0, 4.0):
        ctx.settings.speed = speed
    from game.ui.watch.scene import show_watch

    show_watch(ctx, watched)
    App(ctx).run(frames, screenshot)
    pygame.quit()
    return 0
