"""One seed, many named random streams that do not disturb each other."""

from __future__ import annotations

import hashlib
import random


class Streams:
    """Named sub-streams of one seed, so arrivals do not shift when the player acts."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def stream(self, name: str, *keys: str) -> random.Random:
        """A generator for one purpose (and, say, one patient), the same on every run."""
        material = "\x1f".join((str(self.seed), name, *keys)).encode()
        return random.Random(int.from_bytes(hashlib.sha256(material).digest()[:8], "big"))
