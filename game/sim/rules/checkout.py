"""Checkout: the follow-up booking and the patient leaving, every order done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from game.scenario.types import seconds
from game.sim.commands import BookFollowUp, CheckOut
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command
from game.sim.rules.common import no_patient
from game.sim.rules.lab_courier import needed_tubes
from game.sim.scoring import Step, key
from game.sim.state import Booking, PatientState, StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def expect(sim: Simulation) -> None:
    """Ordered follow-ups, and the checkout of every patient who comes."""
    for p in sim.world.patients.values():
        if p.spec.arrival.kind == "no_show":
            continue
        pid, name, orders = p.id, p.name, p.spec.orders

        exp = partial(sim.ledger.expect_step, pid)

        if orders.follow_up:
            exp(Step.FOLLOW_UP, "administrative", 2, "VI.P.1",
                f"{name}'s follow-up was not booked",
                "Book the follow-up before the patient leaves, within the interval the "
                "provider asked for and at a time the patient can come.")
        exp(Step.CHECKOUT, "administrative", 1, None, f"{name} was never checked out",
            "Check every patient out: confirm orders, the next visit and any balance.")


def check_book(sim: Simulation, _actor: StaffState, cmd: BookFollowUp) -> str | None:
    """After the exam, an ordered follow-up, once, in a slot the calendar has."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    fu = p.spec.orders.follow_up
    if p.status != Status.EXAM_DONE:
        return f"Book {p.name}'s follow-up after the exam, before they leave."
    if fu is None:
        return f"The provider did not order a follow-up for {p.name}."
    if p.follow_up is not None:
        return f"{p.name}'s follow-up is already booked."
    return sim.calendar.check(p.spec.appointment.provider, fu.visit_type, cmd.date, cmd.time,
                              fu.min_days, fu.max_days, p.spec.availability).impossible


def book_follow_up(sim: Simulation, actor: StaffState, cmd: BookFollowUp) -> Accepted:
    """Book into the calendar; the calendar refuses conflicts, the score judges the fit."""
    p = sim.world.patients[cmd.patient]
    fu = p.spec.orders.follow_up
    assert fu is not None
    prov = p.spec.appointment.provider
    check = sim.calendar.check(prov, fu.visit_type, cmd.date, cmd.time, fu.min_days,
                               fu.max_days, p.spec.availability)
    secs = sim.walk(actor, "front_desk") + sim.d.book_follow_up
    minutes = sim.calendar.minutes[fu.visit_type]
    sim.calendar.add(Booking(p.id, prov, cmd.date, seconds(cmd.time), minutes))
    p.follow_up = (cmd.date, cmd.time)
    when = f"{cmd.date:%a %d %b} at {cmd.time}"
    if check.problems:
        note = p.spec.availability.note
        sim.ledger.award(key(p.id, Step.FOLLOW_UP), sim.now, 0,
                         f"Booked {p.name} for {when}: {'; '.join(check.problems)}",
                         "Book inside the provider's interval at a time the patient can keep"
                         + (f" (the patient said: \"{note}\")." if note else "."))
    else:
        sim.ledger.award(key(p.id, Step.FOLLOW_UP), sim.now, 2, f"Booked {p.name} for {when}")
    return Accepted(secs, f"booking {p.name}'s follow-up")


def first_slot(sim: Simulation, p: PatientState, respect_patient: bool = True
               ) -> tuple[dt.date, str] | None:
    """The earliest free slot in the ordered window (and, if asked, one the patient can keep);
    without respect for the patient, up to 60 days past the window."""
    fu = p.spec.orders.follow_up
    if fu is None:
        return None
    last = fu.max_days if respect_patient else fu.max_days + 60
    return sim.calendar.first_free(p.spec.appointment.provider, fu.visit_type, fu.min_days,
                                   last, p.spec.availability if respect_patient else None)


def check_check_out(sim: Simulation, _actor: StaffState, cmd: CheckOut) -> str | None:
    """A patient leaves once the provider is done."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if p.status != Status.EXAM_DONE:
        return f"{p.name} cannot be checked out now ({p.status.value})."
    return None


def unfinished_orders(sim: Simulation, p: PatientState) -> list[str]:
    """What the provider ordered that is not done yet, as the checkout lists it: the blood
    draw, the fingerstick and the follow-up here, then what each other concern still owes."""
    missing = []
    if needed_tubes(p) and not p.drawn:
        missing.append("blood draw")
    if "POC_GLUCOSE" in p.spec.orders.labs and not p.poc_done:
        missing.append("fingerstick glucose")
    if p.spec.orders.follow_up and p.follow_up is None:
        missing.append("follow-up booking")
    return missing + [o for owed in sim.unfinished_hooks for o in owed(sim, p)]


def check_out(sim: Simulation, actor: StaffState, cmd: CheckOut) -> Accepted:
    """The patient leaves; their room is left to be disinfected."""
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, f"room:{p.room}") + sim.walk(actor, "front_desk") + sim.d.check_out
    missing = unfinished_orders(sim, p)
    room = sim.world.rooms[p.room or ""]
    room.patient = None
    room.clean = False
    p.status = Status.CHECKED_OUT
    if missing:
        sim.ledger.award(key(p.id, Step.CHECKOUT), sim.now, 0,
                         f"Checked out {p.name} without: {', '.join(missing)}",
                         "Before the patient leaves, finish every order: a patient recalled "
                         "for a missed test loses a day and may not come back.")
        sim.ledger.penalty(sim.now, "experience", 2, None, p.id,
                           f"{p.name} will have to be called back", "Finish every order "
                           "before checkout.")
    else:
        sim.ledger.award(key(p.id, Step.CHECKOUT), sim.now, 1, f"Checked out {p.name}")
    return Accepted(secs, f"checking out {p.name}")


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """The follow-up and the checkout after the exam."""
    for p in sim.patients_in(Status.EXAM_DONE):
        pid, orders = p.id, p.spec.orders
        if p.status == Status.EXAM_DONE:
            if orders.follow_up and p.follow_up is None:
                date, time = first_slot(sim, p, respect_patient=False) or (
                    sim.calendar.day_after(orders.follow_up.min_days) or sim.scenario.date,
                    sim.scenario.calendar.day_start)
                yield Offer(GroupKind.PATIENT, pid, BookFollowUp(patient=pid, date=date,
                                                                  time=time),
                            "Book follow-up…", "Find a slot in the ordered window that the "
                            "patient can keep.", form="schedule", key="f")
            yield Offer(GroupKind.PATIENT, pid, CheckOut(patient=pid), "Check out…",
                        "Finish every order first; the room is then left to be disinfected.",
                        form="checkout", key="o")


RULE = Rule(
    "checkout",
    commands=(command(BookFollowUp, check_book, book_follow_up, roles=ANY_ROLE),
              command(CheckOut, check_check_out, check_out, roles=ANY_ROLE,
                      occupies_patient=True)),
    expect=expect, offers=offers)
