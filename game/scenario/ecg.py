"""The format of an ECG order (placeholder: filled in with the ECG rule)."""

from __future__ import annotations

from game.scenario.types import Strict


class EcgOrder(Strict):
    """A 12-lead ECG the provider orders."""
