"""The bots' steps for the scripted events: a careful MA answers each at once (labels the
alarmed unit's vaccines and records the excursion, moves the patient out of a room gone out
of service, tells the waiting room that the provider runs late); a naive one ignores them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.types import clock
from game.sim.commands import CleanRoom
from game.sim.policies.steps import ConcernSteps
from game.sim.rules.disruptions.fridge_alarm import (
    QuarantineVaccines,
    ReportFridgeAlarm,
    alarms,
)
from game.sim.rules.disruptions.provider_late import TellWaitingPatients, late
from game.sim.rules.disruptions.room_closed import MovePatient, closures

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.policies.bot import Menu


def _fridge(m: Menu) -> Command | None:
    """Label the vaccines first (nobody draws one up meanwhile), then write the record."""
    for a in alarms(m.sim).alarms.values():
        if not a.blocking:
            continue
        if a.quarantined_t is None and m.get(QuarantineVaccines):
            return QuarantineVaccines(unit=a.unit)
        if a.reported_t is None and m.get(ReportFridgeAlarm):
            return ReportFridgeAlarm(unit=a.unit, reading_c=a.reading_c, time=clock(a.start))
    return None


def _room(m: Menu) -> Command | None:
    """The patient in a room out of service goes to a clean empty room; with only dirty
    ones free, one is disinfected first."""
    sim = m.sim
    for c in closures(sim).rooms.values():
        if c.occupant is None or not c.closed or c.movable_t is None:
            continue
        moves = m.get(MovePatient, c.occupant)
        clean = [o for o in moves if sim.world.rooms[getattr(o.command, "room", "")].clean]
        if clean:
            return clean[0].command
        dirty = {getattr(o.command, "room", "") for o in moves}  # empty, in service
        for o in m.get(CleanRoom):
            if getattr(o.command, "room", "") in dirty:
                return o.command
    return None


def _delay(m: Menu) -> Command | None:
    """Tell the waiting room as soon as the provider is held up."""
    for d in late(m.sim).delays.values():
        if d.began and d.told_t is None and m.sim.now < d.end:
            return m.first(TellWaitingPatients)
    return None


def urgent(m: Menu, careful: bool) -> Command | None:
    """A careful MA answers each event before anything but an emergency."""
    if not careful:
        return None
    return _fridge(m) or _room(m) or _delay(m)


STEPS = ConcernSteps(urgent=urgent)
