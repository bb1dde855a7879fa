"""The day itself: the world as the team finds it, clinic hours, and who was left at the end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.clinical.vitals import age_on
from game.scenario.models import StaffMember
from game.scenario.types import seconds
from game.sim.notices import Tone
from game.sim.rules.base import Rule, on
from game.sim.scheduler import Event
from game.sim.state import (
    IN_CLINIC,
    PatientState,
    ProviderState,
    RoomState,
    StaffState,
    TaskState,
    World,
)
from game.words import count

if TYPE_CHECKING:
    from game.sim.engine import Simulation

# Without a team in the scenario, the day has one MA: the player.
SOLO_MA = StaffMember(id="ma", name="You", role="ma", controlled_by="player")


@dataclass(frozen=True)
class ClinicOpens(Event):
    """The first appointment's time: clinic hours begin."""


@dataclass(frozen=True)
class ClinicCloses(Event):
    """Closing time."""


def build_world(sim: Simulation) -> World:
    """Everyone and everything as the team finds it at opening."""
    s = sim.scenario
    stocked_later = {t.room for t in s.opening_tasks if t.kind == "stock_room"}
    rooms = {r.id: RoomState(r.id, r.name, stocked=r.id not in stocked_later)
             for r in s.clinic.rooms}
    patients = {}
    status_changes = [0]  # shared: see PatientState.status_changes
    for p in s.patients:
        appt = seconds(p.appointment.time)
        arrival = None
        if p.walk_in is not None:
            arrival = max(sim.opens, appt)  # a walk-in comes at the time the scenario says
        elif p.arrival.kind != "no_show":
            low, high = getattr(s.arrival_jitter, p.arrival.kind)
            minutes = sim.streams.stream("arrival", p.id).randint(low, high)
            arrival = max(sim.opens, appt + 60 * minutes)
        age = age_on(p.dob, s.date)  # whole years (months under 2) on the day
        patients[p.id] = PatientState(spec=p, age_years=age, appt_t=appt, arrival_t=arrival,
                                      status_changes=status_changes)
    providers = {pr.id: ProviderState(pr) for pr in s.providers}
    tasks = {t.id: TaskState(t, "opening") for t in s.opening_tasks}
    tasks.update({t.id: TaskState(t, "closing") for t in s.closing_tasks})
    staff = {m.id: StaffState(m) for m in (s.clinic.staff or [SOLO_MA])}
    return World(patients, rooms, providers, tasks, staff, now=sim.opens)


def start(sim: Simulation) -> None:
    """Clinic hours begin at the first appointment and end at closing time."""
    sim.schedule(sim.first_appt, ClinicOpens())
    sim.schedule(sim.closes, ClinicCloses())


def end_of_day(sim: Simulation) -> None:
    """Every patient who came should have been seen out."""
    for p in sim.world.patients.values():
        if p.status in IN_CLINIC:
            sim.ledger.penalty(
                sim.now, "experience", 3, None, p.id,
                f"{p.name} was still in the clinic when the day ended",
                "Every patient who came should be seen and checked out before the day ends.",
            )


def on_clinic_opens(sim: Simulation, _event: ClinicOpens) -> None:
    """Tell the player that the first appointments start now."""
    undone = [t.task.label for t in sim.world.tasks.values()
              if t.phase == "opening" and t.done_t is None]
    if undone:
        sim.notify(Tone.WARNING,
                   f"Clinic hours begin with {count(len(undone), 'opening task')} undone.")
    else:
        sim.notify(Tone.INFO, "Clinic hours begin.")


def on_clinic_closes(sim: Simulation, _event: ClinicCloses) -> None:
    """Closing time: finish up and clock out."""
    sim.notify(Tone.INFO, "Closing time: finish the closing checklist and clock out.")


RULE = Rule("clinic hours", events=(on(ClinicOpens, on_clinic_opens),
                                    on(ClinicCloses, on_clinic_closes)),
            start=start, end_of_day=end_of_day)
