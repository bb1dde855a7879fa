"""What every scene shares: the window, the GUI manager, saves, sounds and scene changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pygame
import pygame_gui

from game.ui.saves import Saves, Settings
from game.ui.scene import Scene, SceneStack

if TYPE_CHECKING:
    from game.scenario.load import LoadedScenario
    from game.ui.kit.sound import Sounds


class Screens(Protocol):
    """Makes the screens a context switches to. The app supplies it, so that this module
    (which every scene imports) imports no scene."""

    def title(self, ctx: AppContext) -> Scene:
        """The title screen."""
        ...

    def day(self, ctx: AppContext, loaded: LoadedScenario, seed: int,
            autoplay: str | None) -> Scene:
        """The day screen for a scenario and seed, played by the player or a bot."""
        ...

    def debrief(self, ctx: AppContext, report: dict[str, Any], loaded: LoadedScenario,
                seed: int, new_best: bool, log_path: Path | None) -> Scene:
        """The end-of-day debrief."""
        ...

    def watch_bot(self, ctx: AppContext, loaded: LoadedScenario, seed: int,
                  policy: str) -> Scene:
        """A bot's day, played first and then shown as a session is watched."""
        ...


@dataclass
class AppContext:
    """Passed to every scene; there are no globals."""

    screen: pygame.Surface
    manager: pygame_gui.UIManager
    saves: Saves
    settings: Settings
    sounds: Sounds
    screens: Screens
    stack: SceneStack = field(default_factory=SceneStack)
    running: bool = True
    player: str = ""
    student_id: str = ""
    # What a form remembers for the day between openings (UI state, never a rule).
    form_memory: dict[str, Any] = field(default_factory=dict)

    @property
    def size(self) -> tuple[int, int]:
        """The window's size now."""
        return self.screen.get_size()

    def push(self, scene: Scene) -> None:
        """Open a modal scene above the current one."""
        self.stack.push(scene)

    def pop(self) -> None:
        """Close the top scene."""
        self.stack.pop()

    def show_title(self) -> None:
        """Back to the title screen."""
        self.stack.replace(self.screens.title(self))

    def start_day(self, loaded: LoadedScenario, seed: int, autoplay: str | None = None) -> None:
        """Begin a day of a scenario."""
        self.form_memory.clear()
        self.stack.replace(self.screens.day(self, loaded, seed, autoplay))

    def watch_bot(self, loaded: LoadedScenario, seed: int, policy: str) -> None:
        """Watch a bot play a day: its session shown as `clinic-day watch` shows a log."""
        self.form_memory.clear()
        self.stack.replace(self.screens.watch_bot(self, loaded, seed, policy))

    def show_debrief(self, report: dict[str, Any], loaded: LoadedScenario, seed: int,
                     new_best: bool, log_path: Path | None) -> None:
        """The end-of-day debrief."""
        self.stack.replace(self.screens.debrief(self, report, loaded, seed, new_best,
                                                log_path))

    def quit(self) -> None:
        """Leave the game at the end of this frame."""
        self.running = False
