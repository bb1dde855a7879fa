"""The format of supplies: items, stock and par levels per room and in the supply room
(placeholder: filled in with the supplies rule)."""

from __future__ import annotations

from game.scenario.types import Strict


class SupplySetup(Strict):
    """Stock and par levels; without this section supplies never run out."""
