"""Short sounds (phone, chime, alert, points), muted on request; silent without an audio device."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.paths import ASSETS

SOUND_DIR = ASSETS / "sounds"
#: the shipped sounds (tools/make_sounds.py makes them): a phone call, a task done or a patient
#: arriving, something that needs attention now, points earned, points lost
NAMES = ("phone", "chime", "alert", "points_up", "points_down")
VOLUME = 0.8


class Sounds:
    """Loads the shipped WAV files once; play(name) is a no-op when muted or without audio."""

    def __init__(self, muted: bool = False, folder: Path = SOUND_DIR) -> None:
        self.muted = muted
        self.folder = folder
        self._cache: dict[str, pygame.mixer.Sound | None] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            self.available = True
        except pygame.error:
            self.available = False

    def _load(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self._cache:
            path = self.folder / f"{name}.wav"
            sound = None
            if self.available and path.is_file():
                try:
                    sound = pygame.mixer.Sound(str(path))
                    sound.set_volume(VOLUME)
                except pygame.error:
                    sound = None
            self._cache[name] = sound
        return self._cache[name]

    def preload(self) -> None:
        """Load every shipped sound now, so the first play does not stutter."""
        for name in NAMES:
            self._load(name)

    def play(self, name: str) -> bool:
        """Play a sound by file name (without .wav); True if it started."""
        if self.muted or not self.available:
            return False
        sound = self._load(name)
        if sound is None:
            return False
        sound.play()
        return True
