"""What the window may ask the supplies concern: the day's stock and what closing still
needs counted or restocked."""

from __future__ import annotations

from game.sim.rules.supplies.inventory import inventory_left
from game.sim.rules.supplies.state import Lot, Shelf, SupplyState, supplies

__all__ = ["Lot", "Shelf", "SupplyState", "inventory_left", "supplies"]
