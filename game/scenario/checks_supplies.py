"""Cross-checks of the supplies section against the rest of the scenario: items the game
knows, places the clinic has, lots that add up, and dates that make sense for the day."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from game.clinical.supplies import ITEMS
from game.scenario.errors import PathPart, Problem
from game.scenario.refs import unknown
from game.scenario.supplies import LAB, SUPPLY_ROOM

if TYPE_CHECKING:
    from game.scenario.checks import Parts
    from game.scenario.supplies import Shelf

PLAUSIBLE_YEARS = 10  # an expiry further from the day than this is most likely a typo


def supply_checks(s: Parts) -> list[Problem]:
    """Every problem of the supplies section that involves another part (or itself)."""
    setup = s.supplies
    if setup is None:
        return []
    out: list[Problem] = []
    ids = Counter(i.id for i in setup.items)
    for i, item in enumerate(setup.items):
        here: tuple[PathPart, ...] = ("supplies", "items", i, "id")
        if item.id not in ITEMS:
            out.append(Problem(here, unknown("supply item", item.id, ITEMS)))
        elif ids[item.id] > 1:
            out.append(Problem(here, f"item '{item.id}' is listed more than once"))
        elif not any(sh.item == item.id for shelves in setup.stock.values() for sh in shelves):
            out.append(Problem(here, f"'{item.id}' is stocked nowhere: give it a shelf (count "
                                     "0 for an item the office has run out of)"))
    places = {r.id for r in s.clinic.rooms} | {LAB, SUPPLY_ROOM} if s.clinic else None
    for place, shelves in setup.stock.items():
        if places is not None and place not in places:
            out.append(Problem(("supplies", "stock", place),
                               unknown("place", place, places)))
        seen = Counter(sh.item for sh in shelves)
        for j, shelf in enumerate(shelves):
            here = ("supplies", "stock", place, j)
            if shelf.item not in ids:
                out.append(Problem((*here, "item"), unknown("item", shelf.item, ids)))
            elif seen[shelf.item] > 1:
                out.append(Problem((*here, "item"), f"'{shelf.item}' has more than one shelf "
                                                    f"in '{place}': give it one, with lots"))
            out += _lots(s, here, shelf)
    return out


def _lots(s: Parts, here: tuple[PathPart, ...], shelf: Shelf) -> list[Problem]:
    """A shelf's lots add up to its count, each lot once, with plausible dates."""
    out: list[Problem] = []
    if shelf.lots and sum(lot.count for lot in shelf.lots) != shelf.count:
        total = sum(lot.count for lot in shelf.lots)
        out.append(Problem((*here, "lots"), f"the lots add up to {total}, not the shelf's "
                                            f"count {shelf.count}"))
    lots = Counter(lot.lot for lot in shelf.lots)
    item = ITEMS.get(shelf.item)
    for k, lot in enumerate(shelf.lots):
        if lots[lot.lot] > 1:
            out.append(Problem((*here, "lots", k, "lot"),
                               f"lot '{lot.lot}' is listed more than once on this shelf"))
        if lot.expires is None:
            continue
        if item is not None and item.expired_means is None:
            out.append(Problem((*here, "lots", k, "expires"),
                               f"{item.name} does not expire in the game: leave out 'expires'"))
        elif s.date is not None and abs(lot.expires.year - s.date.year) > PLAUSIBLE_YEARS:
            out.append(Problem((*here, "lots", k, "expires"),
                               f"{lot.expires} is more than {PLAUSIBLE_YEARS} years from the "
                               f"day ({s.date}): check the year"))
    return out
