"""The bots' steps for supplies: a careful MA pulls expired stock, restocks a room that runs
low, and counts and restocks every place at closing; a naive one never does; and any bot
checks out a patient whose remaining orders the supply room cannot supply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.supplies import SUPPLY_ROOM
from game.sim.commands import CheckOut
from game.sim.policies.steps import ConcernSteps
from game.sim.rules.base import Can
from game.sim.rules.supplies import (
    CountStock,
    DiscardExpired,
    Restock,
    missing_from_store,
    out_reason,
    supplies,
)

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.policies.bot import Menu
    from game.sim.state import PatientState

# Above this many in the supply room nothing a command uses can be missing (ten electrodes
# is the most one command takes): the bot looks no further.
MOST_ONE_COMMAND_USES = 10


def _place(o_command: Command) -> str:
    place = getattr(o_command, "place", "")
    return place if isinstance(place, str) else ""


def anytime(m: Menu, careful: bool) -> Command | None:
    """Pull expired lots wherever they are, then restock a room that has run low."""
    st = supplies(m.sim)
    if not careful or not st.tracked:
        return None
    # The stock is looked at first and the offers (each asked of the simulation) only for a
    # place that needs something: this step is tried before almost every command.
    expired = {place for place in st.places if st.expired_lots(place)}
    if expired:
        for o in m.get(DiscardExpired):
            if _place(o.command) in expired:
                return o.command
    low = {place for place in st.places if place != SUPPLY_ROOM
           and any(st.level(place, sh.item) != "ok" for sh in missing_from_store(st, place)[0])}
    if low:
        for o in m.get(Restock):
            if _place(o.command) in low:
                return o.command
    return None


def closing(m: Menu, careful: bool) -> Command | None:
    """Count every place, restock each to par, and place the supply room's order."""
    st = supplies(m.sim)
    if not careful or not st.tracked:
        return None
    if cmd := m.first(CountStock):
        return cmd
    for o in m.get(Restock):
        place = _place(o.command)
        if place != SUPPLY_ROOM:
            return o.command
    return m.first(Restock)  # the supply room's order, once it is counted


def after_exam(m: Menu, p: PatientState, _careful: bool) -> Command | None:
    """A patient whose remaining work the supply room cannot supply is checked out (to come
    back), once nothing else can be done for them."""
    sim = m.sim
    st = supplies(sim)
    if not st.tracked or min((st.count(SUPPLY_ROOM, i) for i in st.names),
                             default=MOST_ONE_COMMAND_USES + 1) > MOST_ONE_COMMAND_USES:
        return None
    blocked = other = False
    for a in sim.affordances(m.actor, where=lambda o: getattr(o.command, "patient", None)
                             == p.id):
        if isinstance(a.offer.command, CheckOut):
            continue
        if a.can == Can.NO and out_reason(sim, a.offer.command):
            blocked = True
        elif a.can == Can.NOW:
            other = True
    return m.first(CheckOut, p.id) if blocked and not other else None


STEPS = ConcernSteps(anytime=anytime, closing=closing, after_exam=after_exam)
