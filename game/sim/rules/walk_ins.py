"""Walk-ins: an unscheduled patient is screened at the desk by protocol before anything else;
a red flag goes to 911 and the provider at once, the others are fitted in, double-booked with
the provider's approval, or sent to urgent care, by the office's policy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from game.scenario.people import RED_FLAG_WORDS
from game.scenario.types import Ident, clock
from game.sim.commands import BaseCommand, Command
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command
from game.sim.rules.common import no_patient
from game.sim.rules.front_desk import WALKOUT_WARNING, PatienceOut, PatienceWarning
from game.sim.scoring import Step, key
from game.sim.state import PatientState, StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

Decision = Literal["call_911", "provider_now", "fit_in", "double_book", "urgent_care"]
DECISIONS: dict[str, str] = {
    "call_911": "call 911 and tell the provider at once",
    "provider_now": "bring the provider at once",
    "fit_in": "fit them into an open slot today",
    "double_book": "double-book them, with the provider's approval",
    "urgent_care": "direct them to urgent care",
}
APPROVAL_SECONDS = 30  # asking the provider to approve a double booking, once there
_GONE = frozenset({Status.NO_SHOW, Status.LEFT, Status.SENT_ELSEWHERE})


class ScreenWalkIn(BaseCommand):
    """Screen a walk-in by protocol and decide where they go."""

    type: Literal["screen_walk_in"] = "screen_walk_in"
    patient: Ident
    decision: Decision


def unscreened(p: PatientState) -> bool:
    """A walk-in at the desk whom nobody has screened yet."""
    return p.walk_in and p.screened is None and p.status == Status.ARRIVED


def expect(sim: Simulation) -> None:
    """Every walk-in is screened; one without a red flag gets the office's best option."""
    for p in sim.world.patients.values():
        w = p.spec.walk_in
        if w is None:
            continue
        sim.ledger.expect_step(
            p.id, Step.SCREEN, "safety", 5 if w.red_flag else 3, "I.P.3",
            f"Walk-in {p.name} was never screened",
            "Screen a walk-in at once by the office's protocol: a red flag (chest pain, stroke "
            "signs, severe shortness of breath, heavy bleeding, suicidal thoughts, "
            "anaphylaxis) goes to 911 and the provider without waiting.")
        if w.red_flag is None:
            sim.ledger.expect_step(
                p.id, Step.FIT_IN, "administrative", 2, "VI.P.1",
                f"Walk-in {p.name} was never given a time",
                "Fit a walk-in into an open slot; with none, double-book with the provider's "
                "approval or direct them to urgent care, by the office's policy.")


def open_slot(sim: Simulation, p: PatientState) -> int | None:
    """The first start time, within the policy's window, when the walk-in's provider has room
    for their visit today (their hours, breaks and today's other patients)."""
    appt = p.spec.appointment
    prov = sim.world.providers[appt.provider]
    length = 60 * sim.calendar.minutes[appt.visit_type]
    step = 60 * sim.scenario.calendar.slot_minutes
    taken = [(q.appt_t, q.appt_t + 60 * sim.calendar.minutes[q.spec.appointment.visit_type])
             for q in sim.world.patients.values()
             if q.spec.appointment.provider == prov.id and q.id != p.id
             and q.status not in _GONE and not q.marked_no_show
             and (not q.walk_in or q.screened in ("fit_in", "double_book"))]
    taken += list(prov.breaks_t)
    latest = sim.now + 60 * sim.scenario.walk_in_policy.fit_within_minutes
    t = sim.opens + -(-(max(sim.now, prov.start_t) - sim.opens) // step) * step
    while t <= latest and t + length <= prov.end_t:
        if all(t >= end or t + length <= start for start, end in taken):
            return t
        t += step
    return None


def best(sim: Simulation, p: PatientState) -> str:
    """What the protocol and the office's policy say for this walk-in now."""
    w = p.spec.walk_in
    assert w is not None
    if w.red_flag is not None:
        return w.protocol
    if open_slot(sim, p) is not None:
        return "fit_in"
    return "double_book" if sim.scenario.walk_in_policy.double_booking else "urgent_care"


def check_screen(sim: Simulation, _actor: StaffState, cmd: ScreenWalkIn) -> str | None:
    """A walk-in at the desk, once; a fit-in needs a slot, a double booking the policy."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if not p.walk_in:
        return f"{p.name} has an appointment: there is nothing to screen."
    if not unscreened(p):
        return (f"{p.name} is already screened." if p.screened else
                f"{p.name} is not at the desk ({p.status.value}).")
    if cmd.decision == "fit_in" and open_slot(sim, p) is None:
        minutes = sim.scenario.walk_in_policy.fit_within_minutes
        return (f"The provider has no open slot in the next {minutes} minutes: double-book "
                "with their approval or direct the patient to urgent care.")
    if cmd.decision == "double_book" and not sim.scenario.walk_in_policy.double_booking:
        return "This office does not double-book walk-ins."
    return None


def screen(sim: Simulation, actor: StaffState, cmd: ScreenWalkIn) -> Accepted:
    """Decide, and the walk-in goes where the decision sends them."""
    p = sim.world.patients[cmd.patient]
    w = p.spec.walk_in
    assert w is not None
    right, decision = best(sim, p), cmd.decision
    secs = sim.walk(actor, "front_desk") + sim.d.screen_walk_in
    p.screened = decision
    said = DECISIONS[decision]
    if w.red_flag is not None:
        flag = RED_FLAG_WORDS[w.red_flag]
        if decision in ("call_911", "provider_now"):
            points = 5 if decision == right else 3
            sim.ledger.award(key(p.id, Step.SCREEN), sim.now, points,
                             f"Walk-in {p.name} ({flag}): {said}",
                             f"The office protocol for {flag} says: {DECISIONS[right]}.")
        else:
            sim.ledger.award(key(p.id, Step.SCREEN), sim.now, 0,
                             f"Walk-in {p.name} ({flag}): {said}")
            sim.ledger.penalty(sim.now, "safety", 5, "I.P.3", p.id,
                               f"Walk-in {p.name} with {flag} was told to wait",
                               "A red flag at the desk goes to 911 and the provider at once: "
                               "waiting is never right.", critical=True)
    else:
        over = decision in ("call_911", "provider_now")
        sim.ledger.award(key(p.id, Step.SCREEN), sim.now, 1 if over else 3,
                         f"Screened walk-in {p.name}: {said}",
                         "Nothing they said is a red flag: 911 and pulling the provider are "
                         "for emergencies." if over else "")
        fit_note = {"fit_in": f"A slot was open at {clock(open_slot(sim, p) or 0)}: fit the "
                              "walk-in in before double-booking or sending them away.",
                    "double_book": "With no open slot, the policy is a double booking with "
                                   "the provider's approval.",
                    "urgent_care": "No slot and no double booking: urgent care is right."}
        sim.ledger.award(key(p.id, Step.FIT_IN), sim.now, 2 if decision == right else 1,
                         f"Walk-in {p.name}: {said}", fit_note.get(right, ""))
    if decision == "fit_in":
        slot = open_slot(sim, p)
        assert slot is not None
        _join(sim, p, slot, f"{p.name} is fitted in at {clock(slot)}.")
    elif decision == "double_book" or (decision == "provider_now" and w.red_flag is None):
        secs += sim.walk(actor, "provider_office") + APPROVAL_SECONDS
        _join(sim, p, sim.now, f"{p.name} is double-booked with the provider's approval.")
    else:
        _send_away(sim, p, decision, right)
    return Accepted(secs, f"screening {p.name}")


def _join(sim: Simulation, p: PatientState, t: int, text: str) -> None:
    """The walk-in joins the day's list at a time; their patience counts from it."""
    p.appt_t = t
    p.give_up_t = max(p.give_up_t or 0, p.wait_from + 60 * p.spec.patience_minutes)
    sim.schedule(max(sim.now, p.give_up_t - WALKOUT_WARNING), PatienceWarning(p.id))
    sim.schedule(p.give_up_t, PatienceOut(p.id))
    sim.notify(Tone.INFO, text + " Check them in.", p.id, Topic.WALK_IN)


def _send_away(sim: Simulation, p: PatientState, decision: str, right: str) -> None:
    """Urgent care or the emergency room: the visit's steps are settled, earned when that
    was where the patient belonged, lost when they could have been seen here."""
    p.status = Status.SENT_ELSEWHERE
    p.left_t = sim.now
    belonged = decision == right or (p.spec.walk_in is not None
                                     and p.spec.walk_in.red_flag is not None)
    sim.ledger.settle(
        p.id, sim.now, belonged,
        f"{p.name}'s visit: not needed here" if belonged else
        f"{p.name}'s visit was lost: sent away when they could have been seen",
        "A walk-in without a red flag is fitted in or double-booked when the office's "
        "policy allows: sending them away loses the visit.")
    where = {"urgent_care": "directed to urgent care",
             "call_911": "going by ambulance; the provider is with them until it comes",
             "provider_now": "with the provider"}[decision]
    sim.notify(Tone.WARNING if decision != "urgent_care" else Tone.INFO,
               f"{p.name} is {where}.", p.id, Topic.WALK_IN)


def guard(sim: Simulation, _actor: StaffState, cmd: Command) -> str | None:
    """Nothing is done for a walk-in before they are screened."""
    pid = getattr(cmd, "patient", None)
    if isinstance(cmd, ScreenWalkIn) or not isinstance(pid, str):
        return None
    p = sim.world.patients.get(pid)
    if p is None or not unscreened(p):
        return None
    return f"Screen {p.name} first: ask what brings them in today."


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """Screening, for each walk-in at the desk."""
    for p in sim.patients_in(Status.ARRIVED):
        if unscreened(p):
            # The form starts from a decision that is always possible, never from the
            # right one: the player decides.
            yield Offer(GroupKind.PATIENT, p.id, ScreenWalkIn(patient=p.id,
                                                              decision="urgent_care"),
                        "Screen walk-in…", "Ask what brings them in; send a red flag to 911 "
                        "and the provider at once, fit the others in by the office's policy.",
                        form="walk_in", key="w")


def starts_at(p: PatientState) -> str:
    """A walk-in's time on the list, for the window."""
    return clock(p.appt_t) if p.screened in ("fit_in", "double_book") else "walk-in"


RULE = Rule("walk-ins", commands=(command(ScreenWalkIn, check_screen, screen, roles=ANY_ROLE),),
            expect=expect, offers=offers, guard=guard)
