"""What every command uses: taken from the place where it is done, first expiring first; an
empty shelf costs a walk to the supply room, an empty supply room makes the command
impossible, and an expired item used is a mistake with consequences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.supplies import ITEMS, LAB_WORK, USES, uses
from game.scenario.supplies import LAB, SUPPLY_ROOM
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.supplies.state import Lot, Shelf, SupplyState, supplies

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation
    from game.sim.state import StaffState

WALK_PENALTY = 1
EXPIRED_PENALTY = 2
OUT_ADVICE = ("nothing is left anywhere in the office. Check the patient out to come back "
              "(reschedule) or send them elsewhere, and order more at the closing count.")


def needs(st: SupplyState, command: Command) -> dict[str, int]:
    """What a command uses of the items the day keeps track of."""
    if command.type not in USES:  # asked on every `can`: most commands use nothing
        return {}
    tubes, test = getattr(command, "tubes", None), getattr(command, "test", None)
    got = uses(command.type, tubes if isinstance(tubes, list) else None,
               test if isinstance(test, str) else None)
    return {item: n for item, n in got.items() if item in st.names} if got else {}


def place_of(sim: Simulation, command: Command) -> str:
    """Where a command takes its supplies from: the room it names (rooming, cleaning), the lab
    for lab work, else the patient's room; the supply room for a patient in no room."""
    room = getattr(command, "room", None)
    if isinstance(room, str) and room in sim.world.rooms:
        return room
    if command.type in LAB_WORK:
        return LAB
    pid = getattr(command, "patient", None)
    p = sim.world.patients.get(pid) if isinstance(pid, str) else None
    if p is not None and p.room is not None:
        return p.room
    return SUPPLY_ROOM


def station_of(place: str) -> str:
    """The floor-plan station of a place."""
    return place if place in (LAB, SUPPLY_ROOM) else f"room:{place}"


def out_reason(sim: Simulation, command: Command) -> str | None:
    """Why a command cannot be done for want of supplies: the place and the supply room
    together hold too few of something it uses (None when they do not)."""
    st = supplies(sim)
    if not st.places:
        return None
    need = needs(st, command)
    if not need:
        return None
    place = place_of(sim, command)
    for item, n in need.items():
        have = st.count(place, item) + (st.count(SUPPLY_ROOM, item) if place != SUPPLY_ROOM
                                        else 0)
        if have < n:
            unit = ITEMS[item].unit
            return (f"The supply room is out of {st.names[item]}: {command.type.replace('_', ' ')} "
                    f"needs {n} {unit}{'s' if n > 1 else ''} and {OUT_ADVICE}")
    return None


def guard(sim: Simulation, _actor: StaffState, command: Command) -> str | None:
    """Nothing is done without what it uses."""
    return out_reason(sim, command)


def _take(shelf: Shelf, n: int) -> list[Lot]:
    """Take n units, first expiring first; the lots they came from, with what each gave."""
    taken: list[Lot] = []
    for lot in shelf.lots:
        if n <= 0:
            break
        k = min(n, lot.count)
        lot.count -= k
        n -= k
        taken.append(Lot(lot.lot, lot.expires, k))
    shelf.sort()
    return taken


def after_command(sim: Simulation, actor: StaffState, command: Command,
                  done: Accepted) -> Accepted:
    """Take what the command used; walk for what its place lacks; judge expired items."""
    st = supplies(sim)
    if not st.places:
        return done
    need = needs(st, command)
    if not need:
        return done
    place = place_of(sim, command)
    fetched: list[str] = []
    pid = getattr(command, "patient", None)
    pid = pid if isinstance(pid, str) and pid in sim.world.patients else None
    for item, n in need.items():
        used: list[tuple[Shelf, Lot]] = []
        here = st.shelf(place, item) if place != SUPPLY_ROOM else None
        if here is not None:
            used += [(here, lot) for lot in _take(here, n)]
        left = n - sum(lot.count for _, lot in used)
        store = st.shelf(SUPPLY_ROOM, item)
        if left > 0 and store is not None:
            used += [(store, lot) for lot in _take(store, left)]
            if place != SUPPLY_ROOM:
                fetched.append(item)
        _judge_expired(sim, st, item, [lot for sh, lot in used if st.lot_expired(sh, lot)],
                       pid)
    if not fetched:
        return done
    return _walk_for(sim, st, actor, place, fetched, pid, done)


def _judge_expired(sim: Simulation, st: SupplyState, item: str, lots: list[Lot],
                   pid: str | None) -> None:
    """Using an expired item is a mistake; its note says what it means."""
    if not lots:
        return
    spec = ITEMS[item]
    assert spec.expired_means is not None
    which = ", ".join(f"lot {lot.lot}, expired {lot.expires}" for lot in lots)
    whom = f" for {sim.world.patients[pid].name}" if pid else ""
    sim.ledger.penalty(
        sim.now, spec.category, EXPIRED_PENALTY, "VI.P.4", pid,
        f"Used expired {st.names[item]}{whom} ({which})",
        f"{spec.expired_means} Stock is used first expiring first, so an expired lot left on "
        "the shelf is the next one used: check the dates and discard expired stock.")
    sim.notify(Tone.WARNING, f"Expired {st.names[item]} used ({which}).", pid,
               Topic.SUPPLIES, actor=None)


def _walk_for(sim: Simulation, st: SupplyState, actor: StaffState, place: str,
              items: list[str], pid: str | None, done: Accepted) -> Accepted:
    """The place was out: to the supply room and back, with a notice, and a small penalty
    once per shelf that ran out (a place that keeps no such shelf costs only the walk)."""
    secs = sim.walk(actor, SUPPLY_ROOM) + sim.walk(actor, station_of(place))
    if pid is not None:
        p = sim.world.patients[pid]
        if p.busy_until == sim.now + done.seconds:  # the patient waits for the walk too
            p.busy_until += secs
    words = ", ".join(st.names[i] for i in items)
    where = st.place_name(sim, place)
    sim.notify(Tone.WARNING, f"{where[0].upper()}{where[1:]} is out of {words}: "
               f"fetched from the supply room ({secs} s).", pid, Topic.SUPPLIES, actor.id)
    ran_out = [i for i in items if (sh := st.shelf(place, i)) is not None and sh.par > 0
               and f"{place}/{i}" not in st.short]
    if ran_out:
        st.short.update(f"{place}/{i}" for i in ran_out)
        sim.ledger.penalty(
            sim.now, "flow", WALK_PENALTY, "VI.P.4", pid,
            f"{where[0].upper()}{where[1:]} ran out of "
            f"{', '.join(st.names[i] for i in ran_out)}: a walk to the supply room",
            "Restock a room when it runs low, not when it is empty: the walk to the supply "
            "room keeps the patient waiting (par levels, VI.P.4).")
    return Accepted(done.seconds + secs, f"{done.message} (fetching {words})")
