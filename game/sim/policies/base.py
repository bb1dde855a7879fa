"""The policy interface and the look-ups every bot needs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from game.clinical.lab import CENTRIFUGE_MINUTES, TUBES
from game.scenario.types import WEEKDAYS, seconds
from game.sim.state import PatientState, RoomState, Status

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation


class Policy(Protocol):
    """Chooses the MA's next command when the MA is free; None means wait."""

    name: str

    def choose(self, sim: Simulation) -> Command | None:
        """The next command, or None to let time pass."""
        ...


def by_status(sim: Simulation, *statuses: Status) -> list[PatientState]:
    """Patients in the given states, earliest appointment first."""
    found = [p for p in sim.world.patients.values() if p.status in statuses]
    return sorted(found, key=lambda p: (p.appt_t, p.id))


def free_rooms(sim: Simulation, clean_only: bool = True) -> list[RoomState]:
    """Empty rooms, clean ones only unless told otherwise."""
    return [r for r in sim.world.rooms.values()
            if r.patient is None and (r.clean or not clean_only)]


def ready_to_pack(sim: Simulation, pid: str) -> bool:
    """Every tube of the patient is labeled, and any serum tube is spun and stopped."""
    tubes = [s for s in sim.world.specimens if s.patient == pid and not s.packed]
    if not tubes:
        return False
    for s in tubes:
        if s.label_of is None:
            return False
        if TUBES[s.tube].serum and (
            s.spun_at is None or sim.now < s.spun_at + 60 * CENTRIFUGE_MINUTES
        ):
            return False
    return True


def first_good_slot(sim: Simulation, p: PatientState, respect_patient: bool = True
                    ) -> tuple[dt.date, str] | None:
    """The earliest slot in the ordered window (and, if asked, that suits the patient)."""
    fu = p.spec.orders.follow_up
    if fu is None:
        return None
    av = p.spec.availability
    prov = p.spec.appointment.provider
    last = fu.max_days if respect_patient else fu.max_days + 60
    # A day near the end of the calendar (year 9999) has no dates past dt.date.max to try.
    last = min(last, (dt.date.max - sim.scenario.date).days)
    for days in range(fu.min_days, last + 1):
        date = sim.scenario.date + dt.timedelta(days=days)
        if respect_patient and WEEKDAYS[date.weekday()] not in av.weekdays:
            continue
        for time in sim.calendar.free_slots(prov, fu.visit_type, date):
            if respect_patient and (
                (av.earliest and seconds(time) < seconds(av.earliest))
                or (av.latest and seconds(time) > seconds(av.latest))
            ):
                continue
            return date, time
    return None
