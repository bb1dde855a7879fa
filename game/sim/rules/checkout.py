"""Checkout: the follow-up booking, the referral, the patient leaving, the finished chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.types import seconds
from game.sim.commands import BookFollowUp, CheckOut, CompleteChart, ProcessReferral
from game.sim.results import Accepted, Rejected, Result
from game.sim.rules.expectations import key
from game.sim.rules.front_desk import patient
from game.sim.rules.lab import needed_tubes
from game.sim.state import Booking, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def book_follow_up(sim: Simulation, cmd: BookFollowUp) -> Result:
    """Book into the calendar; the calendar refuses conflicts, the score judges the fit."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    fu = p.spec.orders.follow_up
    if p.status != Status.EXAM_DONE:
        return Rejected(f"Book {p.name}'s follow-up after the exam, before they leave.")
    if fu is None:
        return Rejected(f"The provider did not order a follow-up for {p.name}.")
    if p.follow_up is not None:
        return Rejected(f"{p.name}'s follow-up is already booked.")
    prov = p.spec.appointment.provider
    check = sim.calendar.check(prov, fu.visit_type, cmd.date, cmd.time, fu.min_days,
                               fu.max_days, p.spec.availability)
    if check.impossible:
        return Rejected(check.impossible)
    secs = sim.walk("front_desk") + sim.d.book_follow_up
    minutes = sim.calendar.minutes[fu.visit_type]
    sim.calendar.add(Booking(p.id, prov, cmd.date, seconds(cmd.time), minutes))
    sim.world.bookings.append(Booking(p.id, prov, cmd.date, seconds(cmd.time), minutes))
    p.follow_up = (cmd.date, cmd.time)
    when = f"{cmd.date:%a %d %b} at {cmd.time}"
    if check.problems:
        note = p.spec.availability.note
        sim.ledger.award(key(p.id, "follow_up"), sim.now, 0,
                         f"Booked {p.name} for {when}: {'; '.join(check.problems)}",
                         "Book inside the provider's interval at a time the patient can keep"
                         + (f" (the patient said: \"{note}\")." if note else "."))
    else:
        sim.ledger.award(key(p.id, "follow_up"), sim.now, 2, f"Booked {p.name} for {when}")
    return Accepted(secs, f"booking {p.name}'s follow-up")


def process_referral(sim: Simulation, cmd: ProcessReferral) -> Result:
    """Send the referral."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    if p.spec.orders.referral is None or p.exam_end is None:
        return Rejected(f"No referral is ordered for {p.name}.")
    if p.referral_done:
        return Rejected(f"{p.name}'s referral is already sent.")
    secs = sim.walk("workstation") + sim.d.process_referral
    p.referral_done = True
    sim.ledger.award(key(p.id, "referral"), sim.now, 2,
                     f"Sent {p.name}'s referral to {p.spec.orders.referral}")
    return Accepted(secs, f"processing {p.name}'s referral")


def check_out(sim: Simulation, cmd: CheckOut) -> Result:
    """The patient leaves; their room is left to be disinfected."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    if p.status != Status.EXAM_DONE:
        return Rejected(f"{p.name} cannot be checked out now ({p.status.value}).")
    secs = sim.walk(f"room:{p.room}") + sim.walk("front_desk") + sim.d.check_out
    missing = []
    if needed_tubes(p) and not p.drawn:
        missing.append("blood draw")
    if "POC_GLUCOSE" in p.spec.orders.labs and not p.poc_done:
        missing.append("fingerstick glucose")
    if p.spec.orders.follow_up and p.follow_up is None:
        missing.append("follow-up booking")
    room = sim.world.rooms[p.room or ""]
    room.patient = None
    room.clean = False
    p.status = Status.CHECKED_OUT
    if missing:
        sim.ledger.award(key(p.id, "checkout"), sim.now, 0,
                         f"Checked out {p.name} without: {', '.join(missing)}",
                         "Before the patient leaves, finish every order: a patient recalled "
                         "for a missed test loses a day and may not come back.")
        sim.ledger.penalty(sim.now, "experience", 2, None, p.id,
                           f"{p.name} will have to be called back", "Finish every order "
                           "before checkout.")
    else:
        sim.ledger.award(key(p.id, "checkout"), sim.now, 1, f"Checked out {p.name}")
    return Accepted(secs, f"checking out {p.name}")


def complete_chart(sim: Simulation, cmd: CompleteChart) -> Result:
    """Finish the visit's documentation."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    if p.exam_end is None:
        return Rejected(f"{p.name}'s visit is not over yet.")
    if p.chart_done:
        return Rejected(f"{p.name}'s chart is already complete.")
    secs = sim.walk("workstation") + sim.d.complete_chart
    p.chart_done = True
    sim.ledger.award(key(p.id, "chart"), sim.now, 1, f"Completed {p.name}'s chart")
    return Accepted(secs, f"completing {p.name}'s chart")
