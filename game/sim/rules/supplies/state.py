"""The supplies' part of the world: every place's shelves, lot by lot, first expiring first,
with the questions the bots and the window ask of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from game.clinical.supplies import ITEMS
from game.scenario.supplies import LAB, SUPPLY_ROOM

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NAME = "supplies"
Level = Literal["ok", "low", "out"]
# A shelf at or below half its par is low: time to restock it before it runs out.
LOW_FRACTION = 0.5


@dataclass
class Lot:
    """Some units of one lot on a shelf."""

    lot: str
    expires: dt.date | None
    count: int


@dataclass
class Shelf:
    """One item at one place: its par and its lots, first expiring first."""

    item: str
    par: int
    lots: list[Lot] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Units on the shelf, every lot."""
        return sum(lot.count for lot in self.lots)

    def sort(self) -> None:
        """First expiring, first used: a lot without an expiry date goes last."""
        self.lots = sorted((lot for lot in self.lots if lot.count > 0),
                           key=lambda lot: (lot.expires is None, lot.expires or dt.date.max,
                                            lot.lot))


@dataclass
class SupplyState:
    """Every place's shelves (none on a day without supplies: nothing runs out)."""

    today: dt.date | None = None
    names: dict[str, str] = field(default_factory=dict)  # item id -> the day's name
    places: dict[str, dict[str, Shelf]] = field(default_factory=dict)
    counted: dict[str, int] = field(default_factory=dict)  # place -> when counted at closing
    ordered: dict[str, int] = field(default_factory=dict)  # supply-room order, item -> units
    order_t: int | None = None  # when the supply room's order was placed
    short: set[str] = field(default_factory=set)  # "place/item" walked for since restocked
    discarded: int = 0  # expired units pulled from the shelves today

    @property
    def tracked(self) -> bool:
        """The day keeps track of supplies."""
        return bool(self.places)

    def shelf(self, place: str, item: str) -> Shelf | None:
        """A place's shelf of an item, if it keeps one."""
        return self.places.get(place, {}).get(item)

    def count(self, place: str, item: str) -> int:
        """Units of an item at a place (0 where it has no shelf)."""
        sh = self.shelf(place, item)
        return sh.count if sh else 0

    def expired_lots(self, place: str) -> list[tuple[Shelf, Lot]]:
        """The expired lots still on a place's shelves."""
        return [(sh, lot) for sh in self.places.get(place, {}).values()
                for lot in sh.lots if self.lot_expired(sh, lot)]

    def lot_expired(self, shelf: Shelf, lot: Lot) -> bool:
        """A lot on a shelf is past its date (for an item whose date matters)."""
        return (self.today is not None and lot.expires is not None and lot.count > 0
                and lot.expires < self.today and ITEMS[shelf.item].expired_means is not None)

    def level(self, place: str, item: str) -> Level:
        """ok, low (at or below half its par) or out (none left)."""
        sh = self.shelf(place, item)
        if sh is None:
            return "ok"
        if sh.count == 0:
            return "out"
        return "low" if sh.count <= sh.par * LOW_FRACTION else "ok"

    def worst(self, place: str) -> tuple[Level, list[str]]:
        """A place's worst level and the items at it, for its badge on the floor plan."""
        levels = {item: self.level(place, item) for item in self.places.get(place, {})}
        lv: Level
        for lv in ("out", "low"):
            found = [self.names[i] for i, v in levels.items() if v == lv]
            if found:
                return lv, found
        return "ok", []

    def below_par(self, place: str) -> list[Shelf]:
        """A place's shelves under their par."""
        return [sh for sh in self.places.get(place, {}).values() if sh.count < sh.par]

    def place_name(self, sim: Simulation, place: str) -> str:
        """A place in words: a room's name, the lab, the supply room."""
        if place == SUPPLY_ROOM:
            return "the supply room"
        if place == LAB:
            return "the lab"
        room = sim.world.rooms.get(place)
        return room.name if room else place


def build(sim: Simulation) -> SupplyState:
    """The shelves as the scenario stocks them at opening."""
    setup = sim.scenario.supplies
    if setup is None:
        return SupplyState()
    st = SupplyState(sim.scenario.date, {i.id: i.name for i in setup.items})
    for place, shelves in setup.stock.items():
        mine = st.places.setdefault(place, {})
        for spec in shelves:
            lots = [Lot(x.lot, x.expires, x.count) for x in spec.lots] or [
                Lot("", None, spec.count)]
            sh = Shelf(spec.item, spec.par, lots)
            sh.sort()
            mine[spec.item] = sh
    return st


def supplies(sim: Simulation) -> SupplyState:
    """The supplies' part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, SupplyState)
    return part
