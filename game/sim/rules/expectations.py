"""Every step the day expects, registered at the start so every player can earn the same total."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.lab import ADDITIVE_CARRYOVER_NOTE, LAB_TESTS, TUBES, tubes_for
from game.clinical.vitals import crisis_reasons
from game.sim.rules.vitals_device import device_reading
from game.sim.scoring import Opportunity

if TYPE_CHECKING:
    from game.sim.engine import Simulation

TASK_OPPS = {
    "review_schedule": ("administrative", "VI.P.1", "Review the schedule and prepare charts before "
                        "the first patient: a prepared chart makes check-in quicker."),
    "stock_room": ("flow", "VI.P.4", "Stock every exam room before opening: rooming a patient "
                   "in an unstocked room means leaving them to fetch supplies."),
    "log_fridge": ("safety", "XII.P.4", "Read and log the vaccine fridge (2-8 C) and freezer "
                   "(-50 to -15 C) at the start and end of every day (CDC Storage and Handling "
                   "Toolkit); no vaccine is given from a unit that has not been checked."),
    "glucose_qc": ("clinical", "I.P.10", "Run quality control on the glucose meter before the "
                   "first patient test: without QC a fingerstick result cannot be reported."),
    "confirm_courier": ("flow", None, "Confirm the courier's pickup times so the day's "
                        "specimens are ready when the courier comes."),
    "clean_room": ("safety", "XII.P.1", "Disinfect every room at the end of the day."),
}


def key(patient: str, step: str) -> str:
    """The ledger key of one patient's step."""
    return f"{patient}:{step}"


def register(sim: Simulation) -> None:
    """Register the steps of the whole day in the ledger."""
    ledger = sim.ledger
    for tid, ts in sim.world.tasks.items():
        category, comp, note = TASK_OPPS[ts.task.kind]
        ledger.expect(f"task:{tid}", Opportunity(
            category, 2, comp, None, f"{ts.phase.title()} task not done: {ts.task.label}", note))
    for p in sim.world.patients.values():
        spec, pid = p.spec, p.id

        def exp(step: str, category: str, pts: int, comp: str | None, missed: str, note: str,
                pid: str = pid) -> None:
            ledger.expect(key(pid, step), Opportunity(category, pts, comp, pid, missed, note))

        name = spec.name.full
        if spec.arrival.kind == "no_show":
            exp("no_show", "administrative", 1, "VI.P.1", f"{name} was never marked as a no-show",
                "Mark a patient who does not come as a no-show so the schedule, the provider "
                "and the follow-up call list are right.")
            continue
        exp("identity", "safety", 3, "XII.P.1", f"{name}'s identity was never verified",
            "Verify two identifiers (full name and date of birth, or an assigned ID) before "
            "anything else (The Joint Commission NPSG.01.01.01). A room number is never one.")
        exp("insurance", "administrative", 2, "VIII.P.2", f"{name}'s insurance was never verified",
            "Verify eligibility for the date of service at every visit; an inactive plan or a "
            "new card caught at the desk avoids a denied claim and a surprise bill.")
        exp("copay", "administrative", 1, "VII.P.3", f"{name}'s copay was not collected",
            "Collect the copay at the time of service.")
        if spec.demographics_changed:
            exp("demographics", "administrative", 1, "VI.P.3",
                f"{name}'s new address and phone were not updated",
                "Update flagged demographics at check-in: results, bills and reminders go to "
                "the address and phone in the chart.")
        exp("vitals", "clinical", 4, "I.P.1", f"{name}'s vital signs were never recorded",
            "Measure and record BP, pulse, respirations, temperature, SpO2 and weight at every "
            "visit, exactly as the devices show them.")
        exp("flags", "clinical", 2, "I.P.3", f"{name}'s vital signs were never judged for flags",
            "Compare each reading with the normal range for the patient's age and flag what is "
            "outside it, so the provider sees it first.")
        exp("history", "clinical", 2, "I.P.3",
            f"{name}'s allergies and medications were not reviewed",
            "Review allergies and medications at every visit before the provider comes in.")
        if crisis_reasons(device_reading(sim.streams, spec), p.age_years):
            exp("escalate", "safety", 5, "I.P.3", f"{name}'s crisis reading was not escalated",
                "A hypertensive crisis (over 180/120), an SpO2 under 90% or a fever of 100.4 F "
                "or more in a baby under 3 months (AAP 2021) goes to the provider at once: this "
                "patient may be having an emergency.")
        exp("seen", "flow", 3, None, f"{name} was never seen by the provider",
            "Keep patients moving: a checked-in patient should be roomed as soon as a clean "
            "room and the provider are free.")
        exp("wait", "experience", 3, None, f"{name} never saw the provider",
            "Waits past about 20 minutes cost satisfaction, and some patients walk out.")
        orders = spec.orders
        venous = [t for t in orders.labs if LAB_TESTS[t].tube in TUBES]
        if venous:
            tubes = ", ".join(TUBES[c].name for c in tubes_for(venous))
            exp("collect", "clinical", 3, "I.P.2.b", f"{name}'s blood was not drawn ({tubes})",
                f"Draw every ordered test before the patient leaves. {ADDITIVE_CARRYOVER_NOTE}")
            exp("label", "safety", 2, "I.P.2.b", f"{name}'s tubes were not labeled",
                "Label every tube at the bedside, in the patient's presence, with two "
                "identifiers: an unlabeled specimen is rejected by the lab.")
            exp("ship", "flow", 2, "I.P.2.b", f"{name}'s specimens did not reach the lab",
                "Pack specimens for the courier before the pickup; serum tubes need 30 minutes "
                "to clot and 10 minutes in the centrifuge first.")
        if "POC_GLUCOSE" in orders.labs:
            exp("poc", "clinical", 2, "I.P.11.b", f"{name}'s fingerstick glucose was not done",
                "A CLIA-waived test is reported only when the meter's QC has passed today.")
        if orders.assist:
            exp("assist", "clinical", 3, "I.P.9", f"The provider was not assisted with {name}",
                "When the provider calls for help with a procedure, go at once: the patient "
                "and the provider are waiting.")
        if orders.follow_up:
            exp("follow_up", "administrative", 2, "VI.P.1", f"{name}'s follow-up was not booked",
                "Book the follow-up before the patient leaves, within the interval the "
                "provider asked for and at a time the patient can come.")
        if orders.referral:
            exp("referral", "administrative", 2, "VIII.P.3", f"{name}'s referral was not sent",
                "Process the referral the same day, so the specialist's office can call the "
                "patient and any prior authorization can start.")
        exp("checkout", "administrative", 1, None, f"{name} was never checked out",
            "Check every patient out: confirm orders, the next visit and any balance.")
        exp("chart", "administrative", 1, "X.P.3", f"{name}'s chart was left unfinished",
            "Finish every chart the same day: an incomplete record is a legal and billing risk.")
