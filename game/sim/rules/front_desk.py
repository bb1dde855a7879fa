"""The front desk: arrivals, check-in (identity, insurance, copay), no-shows, walk-outs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.types import clock
from game.sim.commands import CheckIn, MarkNoShow, valid_identifiers
from game.sim.results import Accepted, Rejected, Result
from game.sim.rules.expectations import key
from game.sim.rules.setup import WALKOUT_WARNING
from game.sim.scheduler import Event
from game.sim.state import PatientState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NO_SHOW_AFTER = 15 * 60  # a patient is a no-show 15 minutes after the appointment time


def patient(sim: Simulation, pid: str) -> PatientState | Rejected:
    """The patient, or why they cannot be acted on."""
    p = sim.world.patients.get(pid)
    return p if p is not None else Rejected(f"There is no patient '{pid}' today.")


def on_arrive(sim: Simulation, event: Event) -> None:
    """A patient walks in and waits at the front desk."""
    p = sim.world.patients[event.subject]
    if p.status != Status.SCHEDULED:
        return
    p.status = Status.ARRIVED
    late = (p.arrival_t or 0) - p.appt_t
    when = f"{late // 60} min late for" if late > 5 * 60 else "for"
    sim.notify("info", f"{p.name} has arrived {when} their {clock(p.appt_t)} appointment.", p.id,
               "arrival")
    if p.marked_no_show:
        sim.ledger.penalty(
            sim.now, "administrative", 1, "VI.P.1", p.id, f"{p.name} was marked a no-show but came",
            "Wait at least 15 minutes past the appointment before marking a no-show.")
    p.give_up_t = p.wait_from + 60 * p.spec.patience_minutes
    sim.schedule(max(sim.now, p.give_up_t - WALKOUT_WARNING), "patience_warning", p.id)
    sim.schedule(max(sim.now, p.give_up_t), "patience_out", p.id)


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
    sim.schedule(p.checked_in_t, "patience_warning", p.id)
    sim.schedule(p.give_up_t, "patience_out", p.id)


def on_patience_warning(sim: Simulation, event: Event) -> None:
    """Ten minutes before a patient walks out."""
    p = sim.world.patients[event.subject]
    due = p.give_up_t is not None and sim.now >= p.give_up_t - WALKOUT_WARNING
    if due and _waiting_unattended(sim, p):
        sim.notify("warning", f"{p.name} is losing patience: about 10 minutes before they leave.",
                   p.id, "patience")


def on_patience_out(sim: Simulation, event: Event) -> None:
    """A patient still waiting unroomed gives up and leaves."""
    p = sim.world.patients[event.subject]
    if not _waiting_unattended(sim, p) or p.give_up_t is None or sim.now < p.give_up_t:
        return  # roomed, being checked in, or the give-up time was pushed back
    p.status = Status.LEFT
    p.left_t = sim.now
    waited = p.waited(sim.now) // 60
    sim.notify("bad", f"{p.name} walked out after waiting {waited} minutes.", p.id)
    sim.ledger.penalty(
        sim.now, "experience", 3, None, p.id, f"{p.name} walked out after {waited} minutes",
        "30% of patients say they have walked out over a wait (Vitals 2018). Room patients as "
        "soon as a room is free, and keep the waiting room informed.")
    sim.ledger.penalty(
        sim.now, "flow", 2, None, p.id, f"{p.name} left without being seen",
        "A walk-out is a visit lost for the practice and care delayed for the patient.")


def check_in(sim: Simulation, cmd: CheckIn) -> Result:
    """Greet, identify, verify insurance, collect the copay, update demographics."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    if p.status != Status.ARRIVED:
        return Rejected(f"{p.name} is not waiting at the front desk ({p.status.value}).")
    d = sim.d
    secs = sim.walk("front_desk") + d.greet + d.verify_identifier * len(cmd.identifiers)
    if sim.world.tasks and not _schedule_reviewed(sim):
        secs += 60  # the chart was not prepared before opening: it is prepared now
    led = sim.ledger
    ids = valid_identifiers(cmd.identifiers)
    p.chart_id = chart_opened(sim, p, cmd.identifiers)
    if ids >= 2:
        led.award(key(p.id, "identity"), sim.now, 3, f"Verified {p.name} with two identifiers")
    else:
        why = "a room number is never an identifier; " if "room_number" in cmd.identifiers else ""
        led.award(key(p.id, "identity"), sim.now, 0,
                  f"Checked in {p.name} with "
                  + ("only one valid identifier" if ids == 1 else "no valid identifier"),
                  f"Use two identifiers, such as full name and date of birth; {why}one alone "
                  "can open the wrong chart when two patients share a name.")
    if p.chart_id != p.id:
        other = sim.world.patients[p.chart_id]
        sim.notify("bad", f"The chart that opened belongs to {other.name}, born {other.spec.dob}.",
                   p.id)
    secs += _insurance(sim, p, cmd)
    secs += _copay(sim, p, cmd)
    if cmd.update_demographics:
        secs += d.update_demographics
    if p.spec.demographics_changed:
        pts = 1 if cmd.update_demographics else 0
        led.award(key(p.id, "demographics"), sim.now, pts,
                  f"{'Updated' if pts else 'Did not update'} {p.name}'s address and phone")
    p.status = Status.WAITING
    p.checked_in_t = sim.now + secs
    p.busy_until = sim.now + secs
    _extend_patience(sim, p)
    return Accepted(secs, f"checking in {p.name}")


def _schedule_reviewed(sim: Simulation) -> bool:
    reviews = [t for t in sim.world.tasks.values() if t.task.kind == "review_schedule"]
    return not reviews or all(t.done_t is not None for t in reviews)


def chart_opened(sim: Simulation, p: PatientState, identifiers: list[str]) -> str:
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
    k = key(p.id, "insurance")
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
    k = key(p.id, "copay")
    if abs(cmd.copay - due) < 0.005:
        sim.ledger.award(k, sim.now, 1, f"Collected the right copay (${due:.2f}) from {p.name}")
    else:
        note = ("With inactive coverage there is no copay: the visit is self-pay, discussed "
                "with the patient." if ins.status == "inactive" else
                f"The plan's copay is ${due:.2f}; check the card or the eligibility answer.")
        sim.ledger.award(k, sim.now, 0,
                         f"Collected ${cmd.copay:.2f} from {p.name}; ${due:.2f} was due", note)
    return sim.d.collect_copay if cmd.copay > 0 else 0


def mark_no_show(sim: Simulation, cmd: MarkNoShow) -> Result:
    """Mark a patient who did not come."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    if p.status != Status.SCHEDULED or p.marked_no_show:
        return Rejected(f"{p.name} is not an expected patient ({p.status.value}).")
    if sim.now < p.appt_t + NO_SHOW_AFTER:
        return Rejected(f"Too early: wait until {clock(p.appt_t + NO_SHOW_AFTER)}, 15 minutes "
                        "past the appointment, before marking a no-show.")
    secs = sim.walk("front_desk") + sim.d.mark_no_show
    p.marked_no_show = True
    if p.arrival_t is None:
        p.status = Status.NO_SHOW
        sim.ledger.award(key(p.id, "no_show"), sim.now, 1, f"Marked {p.name} as a no-show")
    return Accepted(secs, f"marking {p.name} as a no-show")
