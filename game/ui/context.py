"""What every scene shares: the window, the GUI manager, saves, sounds and scene changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.ui.saves import Saves, Settings
from game.ui.scene import Scene, SceneStack

if TYPE_CHECKING:
    from game.scenario.load import LoadedScenario
    from game.ui.sound import Sounds


@dataclass
class AppContext:
    """Passed to every scene; there are no globals."""

    screen: pygame.Surface
    manager: pygame_gui.UIManager
    saves: Saves
    settings: Settings
    sounds: Sounds
    stack: SceneStack = field(default_factory=SceneStack)
    running: bool = True
    player: str = ""
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
        from game.ui.scenes.title import TitleScene

        self.stack.replace(TitleScene(self))

    def start_day(self, loaded: LoadedScenario, seed: int, autoplay: str | None = None) -> None:
        """Begin a day of a scenario."""
        from game.ui.scenes.day import DayScene

        self.form_memory.clear()
        self.stack.replace(DayScene(self, loaded, seed, autoplay))

    def show_debrief(self, report: dict[str, Any], loaded: LoadedScenario, seed: int,
                     new_best: bool, log_path: Path | None) -> None:
        """The end-of-day debrief."""
        from game.ui.scenes.debrief import DebriefScene

        self.stack.replace(DebriefScene(self, report, loaded, seed, new_best, log_path))

    def quit(self) -> None:
        """Leave the game at the end of this frame."""
        self.running = False
