"""The 12-lead ECG: its commands, its part of the world, its scoring and its rule."""

from __future__ import annotations

from game.sim.rules.ecg.rule import RULE

__all__ = ["RULE"]
