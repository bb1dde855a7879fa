"""Scenes and the scene stack: the top scene gets input; every scene is drawn bottom-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.context import AppContext


class Scene:
    """A screen. Subclasses override what they need; the defaults do nothing."""

    #: a modal overlay lets the scenes below it keep drawing (but not updating)
    overlay = False

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def enter(self) -> None:
        """Became the top scene: build widgets."""

    def exit(self) -> None:
        """Left the stack: kill widgets."""

    def pause(self) -> None:
        """Another scene was pushed above this one."""

    def resume(self) -> None:
        """The scene above was popped."""

    def handle(self, event: pygame.event.Event) -> None:
        """One input event (already seen by pygame_gui)."""

    def update(self, dt: float) -> None:
        """Advance by dt real seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw below the pygame_gui widgets."""

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size: lay out again."""


class SceneStack:
    """A state stack for modal screens (pause over the day, help over anything)."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        """The scene that receives input."""
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        """Put a scene on top."""
        if self.top:
            self.top.pause()
        self.scenes.append(scene)
        scene.enter()

    def pop(self) -> Scene | None:
        """Remove the top scene and resume the one below."""
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.exit()
        if self.top:
            self.top.resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Clear the stack and start over with one scene."""
        while self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def visible(self) -> list[Scene]:
        """The scenes to draw: from the last non-overlay scene up."""
        start = 0
        for i, s in enumerate(self.scenes):
            if not s.overlay:
                start = i
        return self.scenes[start:]
