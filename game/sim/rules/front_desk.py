"""The front desk: arrivals, check-in (identity, insurance, copay), no-shows, walk-outs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from game.scenario.types import clock
from game.sim.commands import CheckIn, MarkNoShow, valid_identifiers
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command, on
from game.sim.rules.common import no_patient
from game.sim.scheduler import Event
from game.sim.scoring import Step, key
from game.sim.state import PatientState, StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NO_SHOW_AFTER = 15 * 60  # a patient is a no-show 15 minutes after the appointment time
WALKOUT_WARNING = 10 * 60  # warn the player ten minutes before a patient gives up


@dataclass(frozen=True)
class Arrive(Event):
    """A patient comes in through the door."""

    patient: str


@dataclass(frozen=True)
class PatienceWarning(Event):
    """Ten minutes before a waiting patient gives up."""

    patient: str


@dataclass(frozen=True)
class PatienceOut(Event):
    """A waiting patient's patience runs out."""

    patient: str


def start(sim: Simulation) -> None:
    """Every patient who comes arrives at their seeded time."""
    for p in sim.world.patients.values():
        if p.arrival_t is not None:
            sim.schedule(p.arrival_t, Arrive(p.id))


def expect(sim: Simulation) -> None:
    """The desk's steps for every patient: identity, insurance, copay, demographics; a
    no-show to mark for one who never comes."""
    for p in sim.world.patients.values():
        spec, pid, name = p.spec, p.id, p.name

        exp = partial(sim.ledger.expect_step, pid)

        if spec.arrival.kind == "no_show":
            exp(Step.NO_SHOW, "administrative", 1, "VI.P.1",
                f"{name} was never marked as a no-show",
                "Mark a patient who does not come as a no-show so the schedule, the provider "
                "and the follow-up call list are right.")
            continue
        exp(Step.IDENTITY, "safety", 3, "XII.P.1", f"{name}'s identity was never verified",
            "Verify two identifiers (full name and date of birth, or an assigned ID) before "
            "anything else (The Joint Commission NPSG.01.01.01). A room number is never one.")
        # A patient with a new card needs it read and entered before eligibility means
        # anything: that step is interpreting the card (VIII.P.1); otherwise verifying
        # eligibility (VIII.P.2). The points and what earns them are the same.
        card = "VIII.P.1" if spec.insurance.status == "new_card" else "VIII.P.2"
        exp(Step.INSURANCE, "administrative", 2, card,
            f"{name}'s insurance was never verified",
            "Verify eligibility for the date of service at every visit; an inactive plan or a "
            "new card caught at the desk avoids a denied claim and a surprise bill.")
        exp(Step.COPAY, "administrative", 1, "VII.P.3", f"{name}'s copay was not collected",
            "Collect the copay at the time of service.")
        if spec.demographics_changed:
            exp(Step.DEMOGRAPHICS, "administrative", 1, "VI.P.3",
                f"{name}'s new address and phone were not updated",
                "Update flagged demographics at check-in: results, bills and reminders go to "
                "the address and phone in the chart.")


def on_arrive(sim: Simulation, event: Arrive) -> None:
    """A patient walks in and waits at the front desk."""
    p = sim.world.patients[event.patient]
    if p.status != Status.SCHEDULED:
        return
    p.status = Status.ARRIVED
    late = (p.arrival_t or 0) - p.appt_t
    when = f"{late // 60} min late for" if late > 5 * 60 else "for"
    if p.spec.walk_in is not None:  # screened by the walk-ins rule before anything else
        sim.notify(Tone.WARNING, f"{p.name} has walked in without an appointment: "
                   f"\"{p.spec.walk_in.complaint}\"", p.id, Topic.WALK_IN)
    else:
        sim.notify(Tone.INFO, f"{p.name} has arrived {when} their {clock(p.appt_t)} "
                   "appointment.", p.id, Topic.ARRIVAL)
    if p.marked_no_show:
        sim.ledger.penalty(
            sim.now, "administrative", 1, "VI.P.1", p.id, f"{p.name} was marked a no-show but came",
            "Wait at least 15 minutes past the appointment before marking a no-show.")
    p.give_up_t = p.wait_from + 60 * p.spec.patience_minutes
    sim.schedule(max(sim.now, p.give_up_t - WALKOUT_WARNING), PatienceWarning(p.id))
    sim.schedule(max(sim.now, p.give_up_t), PatienceOut(p.id))


def _waiting_unattended(sim: Simulation, p: PatientState) -> bool:
    """At the desk or in the waiting room, and not being checked in right now."""
    if p.status == Status.WAITING and p.checked_in_t is not None and sim.now < p.checked_in_t:
        return False
    return p.status in (Status.ARRIVED, Status.WAITING)


def _extend_patience(sim: Simulation, p: PatientState) -> None:
    """Being checked in is being attended to: nobody walks out at the desk or the moment it
    ends. A patient whose patience would run out by then gets the warning's ten minutes
    after it (a later give-up time supersedes the events already queued)."""
    assert p.checked_in_t is not None
    if p.give_up_t is None or p.give_up_t >= p.checked_in_t + WALKOUT_WARNING:
        return
    p.give_up_t = p.checked_in_t + WALKOUT_WARNING
    sim.schedule(p.checked_in_t, PatienceWarning(p.id))
    sim.schedule(p.give_up_t, PatienceOut(p.id))


def on_patience_warning(sim: Simulation, event: PatienceWarning) -> None:
    """Ten minutes before a patient walks out."""
    p = sim.world.patients[event.patient]
    due = p.give_up_t is not None and sim.now >= p.give_up_t - WALKOUT_WARNING
    if due and _waiting_unattended(sim, p):
        sim.notify(Tone.WARNING, f"{p.name} is losing patience: about 10 minutes before they "
                   "leave.", p.id, Topic.PATIENCE)


def on_patience_out(sim: Simulation, event: PatienceOut) -> None:
    """A patient still waiting unroomed gives up and leaves."""
    p = sim.world.patients[event.patient]
    if not _waiting_unattended(sim, p) or p.give_up_t is None or sim.now < p.give_up_t:
        return  # roomed, being checked in, or the give-up time was pushed back
    p.status = Status.LEFT
    p.left_t = sim.now
    waited = p.waited(sim.now) // 60
    sim.notify(Tone.BAD, f"{p.name} walked out after waiting {waited} minutes.", p.id)
    sim.ledger.penalty(
        sim.now, "experience", 3, None, p.id, f"{p.name} walked out after {waited} minutes",
        "30% of patients say they have walked out over a wait (Vitals 2018). Room patients as "
        "soon as a room is free, and keep the waiting room informed.")
    sim.ledger.penalty(
        sim.now, "flow", 2, None, p.id, f"{p.name} left without being seen",
        "A walk-out is a visit lost for the practice and care delayed for the patient.")


def check_check_in(sim: Simulation, _actor: StaffState, cmd: CheckIn) -> str | None:
    """A patient can be checked in while waiting at the front desk."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if p.status != Status.ARRIVED:
        return f"{p.name} is not waiting at the front desk ({p.status.value})."
    return None


def check_in(sim: Simulation, actor: StaffState, cmd: CheckIn) -> Accepted:
    """Greet, identify, verify insurance, collect the copay, update demographics."""
    p = sim.world.patients[cmd.patient]
    d = sim.d
    secs = sim.walk(actor, "front_desk") + d.greet + d.verify_identifier * len(cmd.identifiers)
    if sim.world.tasks and not _schedule_reviewed(sim):
        secs += 60  # the chart was not prepared before opening: it is prepared now
    led = sim.ledger
    ids = valid_identifiers(cmd.identifiers)
    p.chart_id = chart_opened(sim, p, cmd.identifiers)
    if ids >= 2:
        led.award(key(p.id, Step.IDENTITY), sim.now, 3, f"Verified {p.name} with two identifiers")
    else:
        why = "a room number is never an identifier; " if "room_number" in cmd.identifiers else ""
        led.award(key(p.id, Step.IDENTITY), sim.now, 0,
                  f"Checked in {p.name} with "
                  + ("only one valid identifier" if ids == 1 else "no valid identifier"),
                  f"Use two identifiers, such as full name and date of birth; {why}one alone "
                  "can open the wrong chart when two patients share a name.")
    if p.chart_id != p.id:
        other = sim.world.patients[p.chart_id]
        sim.notify(Tone.BAD, f"The chart that opened belongs to {other.name}, born "
                   f"{other.spec.dob}.", p.id)
    secs += _insurance(sim, p, cmd)
    secs += _copay(sim, p, cmd)
    if cmd.update_demographics:
        secs += d.update_demographics
    if p.spec.demographics_changed:
        pts = 1 if cmd.update_demographics else 0
        led.award(key(p.id, Step.DEMOGRAPHICS), sim.now, pts,
                  f"{'Updated' if pts else 'Did not update'} {p.name}'s address and phone")
    p.status = Status.WAITING
    p.checked_in_t = sim.now + secs
    p.busy_until = sim.now + secs
    _extend_patience(sim, p)
    return Accepted(secs, f"checking in {p.name}")


def _schedule_reviewed(sim: Simulation) -> bool:
    reviews = [t for t in sim.world.tasks.values() if t.task.kind == "review_schedule"]
    return not reviews or all(t.done_t is not None for t in reviews)


def chart_opened(sim: Simulation, p: PatientState, identifiers: Sequence[str]) -> str:
    """The chart a search opens: by name alone, the first of same-named patients is listed."""
    if "dob" in identifiers or "mrn" in identifiers:
        return p.id
    same = [o for o in sim.world.patients.values()
            if o.spec.name.full.casefold() == p.spec.name.full.casefold()]
    if "phone" in identifiers:
        same = [o for o in same if o.spec.phone == p.spec.phone]
    first = min(same, key=lambda o: (o.appt_t, o.id))
    return first.id


def _insurance(sim: Simulation, p: PatientState, cmd: CheckIn) -> int:
    ins = p.spec.insurance
    secs = sim.d.verify_insurance if cmd.verify_insurance else 0
    handled = {"active": True, "inactive": cmd.inform_self_pay,
               "new_card": cmd.scan_new_card}[ins.status]
    if cmd.scan_new_card:
        secs += sim.d.scan_card
    k = key(p.id, Step.INSURANCE)
    if not cmd.verify_insurance:
        sim.ledger.award(k, sim.now, 0, f"Did not verify {p.name}'s insurance")
    elif not handled:
        what = ("the plan is inactive: tell the patient before the visit that it will be "
                "self-pay, or get current coverage" if ins.status == "inactive"
                else "the patient has a new card: scan it and update the plan")
        sim.ledger.award(k, sim.now, 1, f"Verified {p.name}'s insurance but missed that {what}",
                         "Read the eligibility answer and act on it at the desk.")
    else:
        sim.ledger.award(k, sim.now, 2, f"Verified {p.name}'s insurance ({ins.status})")
    return secs


def _copay(sim: Simulation, p: PatientState, cmd: CheckIn) -> int:
    ins = p.spec.insurance
    due = 0.0 if ins.status == "inactive" else ins.copay
    k = key(p.id, Step.COPAY)
    if abs(cmd.copay - due) < 0.005:
        sim.ledger.award(k, sim.now, 1, f"Collected the right copay (${due:.2f}) from {p.name}")
    else:
        note = ("With inactive coverage there is no copay: the visit is self-pay, discussed "
                "with the patient." if ins.status == "inactive" else
                f"The plan's copay is ${due:.2f}; check the card or the eligibility answer.")
        sim.ledger.award(k, sim.now, 0,
                         f"Collected ${cmd.copay:.2f} from {p.name}; ${due:.2f} was due", note)
    return sim.d.collect_copay if cmd.copay > 0 else 0


def check_no_show(sim: Simulation, _actor: StaffState, cmd: MarkNoShow) -> str | None:
    """A patient is a no-show from 15 minutes past the appointment."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if p.status != Status.SCHEDULED or p.marked_no_show:
        return f"{p.name} is not an expected patient ({p.status.value})."
    if sim.now < p.appt_t + NO_SHOW_AFTER:
        return (f"Too early: wait until {clock(p.appt_t + NO_SHOW_AFTER)}, 15 minutes "
                "past the appointment, before marking a no-show.")
    return None


def mark_no_show(sim: Simulation, actor: StaffState, cmd: MarkNoShow) -> Accepted:
    """Mark a patient who did not come."""
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, "front_desk") + sim.d.mark_no_show
    p.marked_no_show = True
    if p.arrival_t is None:
        p.status = Status.NO_SHOW
        sim.ledger.award(key(p.id, Step.NO_SHOW), sim.now, 1, f"Marked {p.name} as a no-show")
    return Accepted(secs, f"marking {p.name} as a no-show")


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """Check-in for whoever waits at the desk; a no-show once an appointment time passes."""
    for p in sim.patients_in(Status.ARRIVED):
        yield Offer(GroupKind.PATIENT, p.id, CheckIn(patient=p.id), "Check in…",
                    "Greet, verify two identifiers, insurance and copay at the front desk.",
                    form="check_in", key="c")
    for p in sim.patients_in(Status.SCHEDULED):  # in appointment order
        if p.appt_t > sim.now:
            break  # the rest of the day is still to come
        if not p.marked_no_show:
            yield Offer(GroupKind.PATIENT, p.id, MarkNoShow(patient=p.id), "Mark no-show",
                        f"Mark a patient who has not come as a no-show, from "
                        f"{NO_SHOW_AFTER // 60} minutes past the appointment.", key="n")


def patience_left(p: PatientState, now: int) -> int | None:
    """Seconds before a patient at the desk or in the waiting room walks out."""
    if p.status not in (Status.ARRIVED, Status.WAITING) or p.give_up_t is None:
        return None
    return p.give_up_t - now


RULE = Rule(
    "front desk",
    commands=(command(CheckIn, check_check_in, check_in, roles=ANY_ROLE, occupies_patient=True),
              command(MarkNoShow, check_no_show, mark_no_show, roles=ANY_ROLE)),
    events=(on(Arrive, on_arrive), on(PatienceWarning, on_patience_warning),
            on(PatienceOut, on_patience_out)),
    start=start, expect=expect, offers=offers)
