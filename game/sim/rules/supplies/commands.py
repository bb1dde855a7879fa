"""The supplies' commands: restock a place to par, count it at closing, pull expired stock."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from game.scenario.types import Ident
from game.sim.commands import BaseCommand

Place = Ident


class Restock(BaseCommand):
    """Bring a place up to par from the supply room (for the supply room itself: place the
    order for what its count shows under par)."""

    type: Literal["restock"] = "restock"
    place: Place = Field(description="An exam room's id, 'lab' or 'supply'.")


class CountStock(BaseCommand):
    """Count a place's stock at closing (the inventory, VI.P.4)."""

    type: Literal["count_stock"] = "count_stock"
    place: Place = Field(description="An exam room's id, 'lab' or 'supply'.")


class DiscardExpired(BaseCommand):
    """Check a place's dates and pull every expired lot off its shelves."""

    type: Literal["discard_expired"] = "discard_expired"
    place: Place = Field(description="An exam room's id, 'lab' or 'supply'.")
