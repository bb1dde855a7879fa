"""Short sounds (phone, chime, alert), muted on request; silent if there is no audio device."""

from __future__ import annotations

import pygame

from game.paths import ASSETS

SOUND_DIR = ASSETS / "sounds"


class Sounds:
    """Loads the shipped WAV files once; play(name) is a no-op when muted or without audio."""

    def __init__(self, muted: bool = False) -> None:
        self.muted = muted
        self._cache: dict[str, pygame.mixer.Sound | None] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            self.available = True
        except pygame.error:
            self.available = False

    def play(self, name: str) -> None:
        """Play a sound by file name (without .wav)."""
        if self.muted or not self.available:
            return
        if name not in self._cache:
            path = SOUND_DIR / f"{name}.wav"
            try:
                self._cache[name] = pygame.mixer.Sound(str(path)) if path.exists() else None
            except pygame.error:
                self._cache[name] = None
        sound = self._cache[name]
        if sound is not None:
            sound.play()
