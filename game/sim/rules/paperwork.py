"""Paperwork at the workstation: the referral the provider ordered, the finished chart."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from game.sim.commands import CompleteChart, ProcessReferral
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command
from game.sim.rules.common import about_minutes, no_patient
from game.sim.scoring import Step, key
from game.sim.state import StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def expect(sim: Simulation) -> None:
    """An ordered referral, and the chart of every patient who comes."""
    for p in sim.world.patients.values():
        if p.spec.arrival.kind == "no_show":
            continue
        exp = partial(sim.ledger.expect_step, p.id)
        if p.spec.orders.referral:
            exp(Step.REFERRAL, "administrative", 2, "VIII.P.3",
                f"{p.name}'s referral was not sent",
                "Process the referral the same day, so the specialist's office can call the "
                "patient and any prior authorization can start.")
        exp(Step.CHART, "administrative", 1, "X.P.3", f"{p.name}'s chart was left unfinished",
            "Finish every chart the same day: an incomplete record is a legal and billing risk.")


def check_referral(sim: Simulation, _actor: StaffState, cmd: ProcessReferral) -> str | None:
    """An ordered referral, after the exam, once."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if p.spec.orders.referral is None or p.exam_end is None:
        return f"No referral is ordered for {p.name}."
    if p.referral_done:
        return f"{p.name}'s referral is already sent."
    return None


def process_referral(sim: Simulation, actor: StaffState, cmd: ProcessReferral) -> Accepted:
    """Send the referral."""
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, "workstation") + sim.d.process_referral
    p.referral_done = True
    sim.ledger.award(key(p.id, Step.REFERRAL), sim.now, 2,
                     f"Sent {p.name}'s referral to {p.spec.orders.referral}")
    return Accepted(secs, f"processing {p.name}'s referral")


def check_chart(sim: Simulation, _actor: StaffState, cmd: CompleteChart) -> str | None:
    """A visit's chart is finished once the visit is over."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if p.exam_end is None:
        return f"{p.name}'s visit is not over yet."
    if p.chart_done:
        return f"{p.name}'s chart is already complete."
    return None


def complete_chart(sim: Simulation, actor: StaffState, cmd: CompleteChart) -> Accepted:
    """Finish the visit's documentation."""
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, "workstation") + sim.d.complete_chart
    p.chart_done = True
    sim.ledger.award(key(p.id, Step.CHART), sim.now, 1, f"Completed {p.name}'s chart")
    return Accepted(secs, f"completing {p.name}'s chart")


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """A referral to send and a chart to finish, once the visit is over."""
    for p in sim.patients_in(Status.EXAM_DONE, Status.CHECKED_OUT, Status.LEFT):
        pid, orders = p.id, p.spec.orders
        if p.exam_end is None:
            continue
        if orders.referral and not p.referral_done:
            yield Offer(GroupKind.PATIENT, pid, ProcessReferral(patient=pid),
                        f"Send referral: {orders.referral}",
                        f"At the workstation ({about_minutes(sim.d.process_referral)}).", key="p",
                        station="workstation")
        if not p.chart_done:
            yield Offer(GroupKind.PATIENT, pid, CompleteChart(patient=pid), "Complete chart",
                        "Finish the visit's documentation at the workstation "
                        f"({about_minutes(sim.d.complete_chart)}).", key="d", station="workstation")


RULE = Rule(
    "paperwork",
    commands=(command(ProcessReferral, check_referral, process_referral, roles=ANY_ROLE),
              command(CompleteChart, check_chart, complete_chart)),
    expect=expect, offers=offers)
