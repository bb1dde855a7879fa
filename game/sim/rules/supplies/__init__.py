"""Supplies (VI.P.4): every command uses stock from where it is done, first expiring first;
an empty room costs a walk, an empty supply room makes the command impossible, an expired
item is a mistake, and closing counts and restocks every place to par."""

from __future__ import annotations

from game.sim.rules.base import Rule, command
from game.sim.rules.supplies.commands import CountStock, DiscardExpired, Restock
from game.sim.rules.supplies.inventory import (
    check_count,
    check_discard,
    check_restock,
    count_stock,
    discard_expired,
    end_of_day,
    expect,
    inventory_left,
    missing_from_store,
    offers,
    restock,
)
from game.sim.rules.supplies.state import NAME, SupplyState, build, supplies
from game.sim.rules.supplies.use import after_command, guard, out_reason, place_of

__all__ = ["RULE", "CountStock", "DiscardExpired", "Restock", "SupplyState", "inventory_left",
           "missing_from_store", "out_reason", "place_of", "supplies"]

RULE = Rule(
    NAME, state=build,
    commands=(command(Restock, check_restock, restock),
              command(CountStock, check_count, count_stock),
              command(DiscardExpired, check_discard, discard_expired)),
    expect=expect, end_of_day=end_of_day, offers=offers, guard=guard,
    after_command=after_command)
