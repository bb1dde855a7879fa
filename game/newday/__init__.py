"""`clinic-day new`: a valid day drawn from shipped fictional lists, with the traps its
difficulty asks for, for an instructor to edit."""

from game.newday.day import build, generate
from game.newday.traps import DIFFICULTIES, Trap, traps_of

__all__ = ["DIFFICULTIES", "Trap", "build", "generate", "traps_of"]
