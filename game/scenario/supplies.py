"""The format of supplies: items, stock and par levels per room, at the lab and in the supply
room, each shelf with its lots and their expiry dates."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from game.scenario.types import Ident, Strict, Text

SUPPLY_ROOM = "supply"  # the place every room is restocked from
LAB = "lab"  # the lab bench, for work done there (quality control)
LotId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,23}$",
                             description="The lot number printed on the box, e.g. 'G2291'.")]
Count = Annotated[int, Field(ge=0, le=10000)]


class SupplyItemSpec(Strict):
    """One item the day keeps track of; items not listed never run out."""

    id: Ident = Field(description="One of the game's supply items: gloves, table_paper, "
                                  "needle, lancet, glucose_strip, alcohol_pad, syringe, bandage, "
                                  "specimen_cup, swab, electrodes, wipes, tube_<tube> (e.g. "
                                  "tube_lavender).")
    name: Text = Field(description="The item as the student reads it, e.g. 'Exam gloves'.")
    unit: Text = Field(description="What one use counts, e.g. 'pair', 'tube'.")


class Lot(Strict):
    """Part of a shelf's count from one lot."""

    lot: LotId
    count: Count = Field(description="How many of this lot are on the shelf.")
    expires: dt.date | None = Field(
        None, description="Its expiry date, YYYY-MM-DD (usable through that day); omit for "
                          "an item whose date does not matter.")


class Shelf(Strict):
    """One item at one place: what is there and what should be."""

    item: Ident = Field(description="The id of one of this section's items.")
    count: Count = Field(description="How many are on the shelf at opening.")
    par: Count = Field(description="The par level: how many the place is restocked up to.")
    lots: list[Lot] = Field(
        default_factory=list, max_length=10,
        description="The count by lot, with expiry dates; their counts add up to `count`. "
                    "Without lots the whole count is one lot that does not expire. Stock is "
                    "used first expiring, first used.")


class SupplySetup(Strict):
    """Stock and par levels; without this section supplies never run out."""

    items: list[SupplyItemSpec] = Field(
        min_length=1, max_length=40, description="The items this day keeps track of.")
    stock: dict[Ident, Annotated[list[Shelf], Field(max_length=40)]] = Field(
        max_length=40,
        description="What each place holds, by place: an exam room's id, 'lab' or 'supply' "
                    "(the supply room every place is restocked from). An item a place has no "
                    "shelf for is fetched from the supply room when needed.")
