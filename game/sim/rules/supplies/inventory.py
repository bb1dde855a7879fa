"""Keeping stock: restock a place to par from the supply room, pull expired lots, and the
closing inventory of every place (count, then restock to par; the supply room's count
becomes the order), scored once per place."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from game.scenario.supplies import LAB, SUPPLY_ROOM
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer
from game.sim.rules.checklist import closing_starts
from game.sim.rules.supplies.commands import CountStock, DiscardExpired, Restock
from game.sim.rules.supplies.state import Lot, Shelf, SupplyState, supplies
from game.sim.rules.supplies.use import station_of
from game.sim.scoring import LedgerKey, Opportunity, Step
from game.words import count

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import StaffState

INVENTORY_POINTS = 2
INVENTORY_NOTE = ("At closing, count every place's stock and restock it to par; the supply "
                  "room's count is the order for what is under par (VI.P.4).")


def inventory_key(place: str) -> LedgerKey:
    """The ledger key of one place's closing inventory."""
    return LedgerKey(place, Step.INVENTORY)


def _unknown(sim: Simulation, place: str) -> str | None:
    st = supplies(sim)
    if place not in st.places:
        return (f"'{place}' keeps no stock today (places: "
                f"{', '.join(sorted(st.places)) or 'none'}).")
    return None


def missing_from_store(st: SupplyState, place: str) -> tuple[list[Shelf], list[Shelf]]:
    """A place's shelves under par that the supply room can fill (from in-date lots), and
    those it cannot."""
    can: list[Shelf] = []
    cannot: list[Shelf] = []
    for sh in st.below_par(place):
        store = st.shelf(SUPPLY_ROOM, sh.item)
        fresh = sum(lot.count for lot in store.lots if not st.lot_expired(store, lot)) \
            if store else 0
        (can if fresh else cannot).append(sh)
    return can, cannot


def check_restock(sim: Simulation, _actor: StaffState, cmd: Restock) -> str | None:
    """A place under par, with something in the supply room to fill it."""
    if why := _unknown(sim, cmd.place):
        return why
    st = supplies(sim)
    name = st.place_name(sim, cmd.place)
    if cmd.place == SUPPLY_ROOM:
        if SUPPLY_ROOM not in st.counted:
            return "Count the supply room first (at closing): the order is what its count " \
                   "shows under par."
        if st.order_t is not None:
            return "The supply room's order is already placed."
        return None
    can, cannot = missing_from_store(st, cmd.place)
    if can:
        return None
    if cannot:
        words = ", ".join(st.names[sh.item] for sh in cannot)
        return f"The supply room has no in-date {words} to restock {name} with."
    return f"{name[0].upper()}{name[1:]} is at par: nothing to restock."


def restock(sim: Simulation, actor: StaffState, cmd: Restock) -> Accepted:
    """Fill a place to par from the supply room's in-date lots, first expiring first (the
    supply room: write the order to par)."""
    st = supplies(sim)
    if cmd.place == SUPPLY_ROOM:
        secs = sim.walk(actor, SUPPLY_ROOM) + sim.d.restock
        st.ordered = {sh.item: sh.par - sh.count for sh in st.below_par(SUPPLY_ROOM)}
        st.order_t = sim.now
        sim.notify(Tone.INFO, "Supply order placed: " + (", ".join(
            f"{n} {st.names[i]}" for i, n in st.ordered.items()) or "nothing is under par")
            + ".", None, Topic.SUPPLIES, actor.id)
        return Accepted(secs, "ordering supplies")
    secs = sim.walk(actor, SUPPLY_ROOM) + sim.walk(actor, station_of(cmd.place)) + sim.d.restock
    moved = []
    for sh in st.below_par(cmd.place):
        store = st.shelf(SUPPLY_ROOM, sh.item)
        if store is None:
            continue
        want = sh.par - sh.count
        for lot in store.lots:
            if want <= 0:
                break
            if st.lot_expired(store, lot):
                continue  # nobody stocks a room with an expired lot
            k = min(want, lot.count)
            lot.count -= k
            want -= k
            _put(sh, Lot(lot.lot, lot.expires, k))
        store.sort()
        sh.sort()
        moved.append(st.names[sh.item])
        st.short.discard(f"{cmd.place}/{sh.item}")
    name = st.place_name(sim, cmd.place)
    sim.notify(Tone.INFO, f"Restocked {name}: {', '.join(moved)}.", None, Topic.SUPPLIES,
               actor.id)
    return Accepted(secs, f"restocking {name}")


def _put(shelf: Shelf, lot: Lot) -> None:
    same = next((x for x in shelf.lots if x.lot == lot.lot and x.expires == lot.expires), None)
    if same is None:
        shelf.lots.append(lot)
    else:
        same.count += lot.count


def check_count(sim: Simulation, _actor: StaffState, cmd: CountStock) -> str | None:
    """Each place once, at closing (when the closing checklist opens)."""
    if why := _unknown(sim, cmd.place):
        return why
    st = supplies(sim)
    if sim.now < closing_starts(sim):
        return "Counting stock is part of closing: it starts with the closing checklist."
    if cmd.place in st.counted:
        return f"{st.place_name(sim, cmd.place).capitalize()} is already counted."
    return None


def count_stock(sim: Simulation, actor: StaffState, cmd: CountStock) -> Accepted:
    """Count a place's shelves; what is under par is restocked (or ordered) next."""
    st = supplies(sim)
    secs = sim.walk(actor, station_of(cmd.place)) + sim.d.count_stock
    st.counted[cmd.place] = sim.now
    under = st.below_par(cmd.place)
    name = st.place_name(sim, cmd.place)
    sim.notify(Tone.INFO, f"Counted {name}: " + (", ".join(
        f"{st.names[sh.item]} {sh.count} of {sh.par}" for sh in under) + " under par"
        if under else "everything at par") + ".", None, Topic.SUPPLIES, actor.id)
    return Accepted(secs, f"counting stock in {name}")


def check_discard(sim: Simulation, _actor: StaffState, cmd: DiscardExpired) -> str | None:
    """Any place that keeps stock (checking the dates is always worth it)."""
    return _unknown(sim, cmd.place)


def discard_expired(sim: Simulation, actor: StaffState, cmd: DiscardExpired) -> Accepted:
    """Check every date on a place's shelves and pull the expired lots."""
    st = supplies(sim)
    secs = sim.walk(actor, station_of(cmd.place)) + sim.d.discard_expired
    gone = [(sh, Lot(lot.lot, lot.expires, lot.count)) for sh, lot in st.expired_lots(cmd.place)]
    name = st.place_name(sim, cmd.place)
    for sh, _ in gone:
        for lot in sh.lots:
            if st.lot_expired(sh, lot):
                st.discarded += lot.count
                lot.count = 0
        sh.sort()
    sim.notify(Tone.INFO, f"Checked the dates in {name}: " + ("; ".join(
        f"pulled {count(lot.count, 'expired unit')} of {st.names[sh.item]}"
        f" (lot {lot.lot}, expired {lot.expires})" for sh, lot in gone) if gone
        else "nothing expired") + ".", None, Topic.SUPPLIES, actor.id)
    return Accepted(secs, f"checking dates in {name}")


def expect(sim: Simulation) -> None:
    """Every place that keeps stock is counted and restocked at closing."""
    st = supplies(sim)
    for place in st.places:
        sim.ledger.expect(inventory_key(place), Opportunity(
            "administrative", INVENTORY_POINTS, "VI.P.4", None,
            f"Closing inventory not done: {st.place_name(sim, place)} was never counted",
            INVENTORY_NOTE))


def inventory_left(sim: Simulation) -> list[str]:
    """What the closing inventory still needs, in words (empty when done, or untracked)."""
    st = supplies(sim)
    out = []
    for place in st.places:
        name = st.place_name(sim, place)
        if place not in st.counted:
            out.append(f"count {name}")
        elif place == SUPPLY_ROOM and st.order_t is None:
            out.append("order for the supply room")
        elif place != SUPPLY_ROOM and missing_from_store(st, place)[0]:
            out.append(f"restock {name}")
    return out


def end_of_day(sim: Simulation) -> None:
    """Each counted place: full points at par (or ordered), part when left under it."""
    st = supplies(sim)
    for place in st.places:
        if place not in st.counted:
            continue  # never counted: recorded as missed
        name = st.place_name(sim, place)
        if place == SUPPLY_ROOM:
            done = st.order_t is not None
            sim.ledger.award(inventory_key(place), sim.now, INVENTORY_POINTS if done else 1,
                             f"Counted the supply room{' and placed the order' if done else ''}",
                             "" if done else "The count is what the order is written from: "
                             "order what is under par.")
            continue
        can, _ = missing_from_store(st, place)
        sim.ledger.award(inventory_key(place), sim.now, 1 if can else INVENTORY_POINTS,
                         f"Counted {name}" + (f"; left under par: "
                         f"{', '.join(st.names[sh.item] for sh in can)}" if can
                         else " and restocked it to par"),
                         "Restock every place to par after counting it, so the next day "
                         "starts stocked." if can else "")


@lru_cache(maxsize=256)
def _commands(place: str) -> tuple[Restock, CountStock, DiscardExpired]:
    """A place's three commands (frozen models, made once: offers are asked every frame)."""
    return Restock(place=place), CountStock(place=place), DiscardExpired(place=place)


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """At each place that keeps stock: its supplies form, to restock, count or check dates."""
    st = supplies(sim)
    for place in st.places:
        station = station_of(place)
        if station != SUPPLY_ROOM and station != LAB and place not in sim.world.rooms:
            continue
        name = st.place_name(sim, place)
        restock_, count_, discard_ = _commands(place)
        yield Offer(GroupKind.STATION, station, restock_,
                    "Supplies…", f"Supplies of {name}: counts, par and expiry; restock to par "
                    "from the supply room.", form="supplies", key="s")
        yield Offer(GroupKind.STATION, station, count_, "Supplies…",
                    f"Count {name} at closing (inventory, VI.P.4).", form="supplies", key="s")
        yield Offer(GroupKind.STATION, station, discard_,
                    "Supplies…", f"Check the expiry dates in {name} and pull expired "
                    "stock.", form="supplies", key="s")
