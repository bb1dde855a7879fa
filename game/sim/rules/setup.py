"""The day's start (the world, arrivals, shifts, couriers) and its end (what was left undone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.vitals import age_on
from game.scenario.types import seconds
from game.sim.state import (
    IN_CLINIC,
    PatientState,
    ProviderState,
    RoomState,
    Status,
    TaskState,
    World,
)

if TYPE_CHECKING:
    from game.sim.engine import Simulation

WALKOUT_WARNING = 10 * 60  # warn the player ten minutes before a patient gives up
COURIER_WARNING = 15 * 60


def build_world(sim: Simulation) -> World:
    """Everyone and everything as the MA finds them at opening."""
    s = sim.scenario
    stocked_later = {t.room for t in s.opening_tasks if t.kind == "stock_room"}
    rooms = {r.id: RoomState(r.id, r.name, stocked=r.id not in stocked_later)
             for r in s.clinic.rooms}
    patients = {}
    for p in s.patients:
        appt = seconds(p.appointment.time)
        arrival = None
        if p.arrival.kind != "no_show":
            low, high = getattr(s.arrival_jitter, p.arrival.kind)
            minutes = sim.streams.stream("arrival", p.id).randint(low, high)
            arrival = max(sim.opens, appt + 60 * minutes)
        age = age_on(p.dob, s.date)  # whole years (months under 2) on the day
        patients[p.id] = PatientState(spec=p, age_years=age, appt_t=appt, arrival_t=arrival)
    providers = {pr.id: ProviderState(pr) for pr in s.providers}
    tasks = {t.id: TaskState(t, "opening") for t in s.opening_tasks}
    tasks.update({t.id: TaskState(t, "closing") for t in s.closing_tasks})
    return World(patients, rooms, providers, tasks)


def schedule_day(sim: Simulation) -> None:
    """Queue what the world will do by itself: arrivals, shifts, breaks, couriers, the end."""
    for p in sim.world.patients.values():
        if p.arrival_t is not None:
            sim.schedule(p.arrival_t, "arrive", p.id)
    for pr in sim.scenario.providers:
        sim.schedule(seconds(pr.start), "provider_check", pr.id)
        for br in pr.breaks:
            sim.schedule(seconds(br.start), "provider_check", pr.id)
            sim.schedule(seconds(br.end), "provider_check", pr.id)
    for i, t in enumerate(sim.pickups):
        sim.schedule(max(sim.opens, t - COURIER_WARNING), "courier_warning", str(i))
        sim.schedule(t, "courier", str(i))
    sim.schedule(sim.first_appt, "clinic_opens")
    sim.schedule(sim.closes, "clinic_closes")


def end_of_day(sim: Simulation) -> None:
    """Score what the day left undone, then close every open step as missed."""
    from game.sim.rules import lab, provider

    provider.close_idle(sim, force=True)
    lab.store_for_tomorrow(sim)
    for p in sim.world.patients.values():
        if p.status in IN_CLINIC:
            sim.ledger.penalty(
                sim.now, "experience", 3, None, p.id,
                f"{p.name} was still in the clinic when the day ended",
                "Every patient who came should be seen and checked out before the day ends.",
            )
    if not sim.world.ma.clocked_out:
        sim.ledger.penalty(
            sim.now, "administrative", 1, None, None, "The MA never clocked out",
            "Finish the closing checklist and clock out: the day is not over until then.",
        )
    sim.ledger.close_out(sim.now)


def on_ma_free(sim: Simulation, _event: object) -> None:
    """Nothing to do: the event only wakes the world (and the providers) up."""


def on_day_over(sim: Simulation, _event: object) -> None:
    """The MA has clocked out: the day ends."""
    sim.finish()


def on_clinic_opens(sim: Simulation, _event: object) -> None:
    """Tell the player that the first appointments start now."""
    undone = [t.task.label for t in sim.world.tasks.values()
              if t.phase == "opening" and t.done_t is None]
    if undone:
        sim.notify("warning", f"Clinic hours begin with {len(undone)} opening task(s) undone.")
    else:
        sim.notify("info", "Clinic hours begin.")


def on_clinic_closes(sim: Simulation, _event: object) -> None:
    """Closing time: finish up and clock out."""
    sim.notify("info", "Closing time: finish the closing checklist and clock out.")


def patients_still_expected(sim: Simulation) -> list[PatientState]:
    """Patients who are in the clinic, or scheduled and not yet marked as a no-show."""
    return [p for p in sim.world.patients.values()
            if p.status in IN_CLINIC or p.status == Status.SCHEDULED]
