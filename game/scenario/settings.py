"""Tunable parts of a day with sensible defaults: action durations, arrival jitter, scoring."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from game.scenario.types import Strict

Secs = Annotated[int, Field(ge=1, le=7200)]


class Durations(Strict):
    """How long each of the MA's actions takes, in simulated seconds."""

    walk_per_step: Secs = Field(
        2, description="Seconds to walk one floor-plan step (about a metre and a half)."
    )
    greet: Secs = Field(20, description="Greeting a patient at the front desk.")
    verify_identifier: Secs = Field(15, description="Checking one identifier against the chart.")
    verify_insurance: Secs = Field(90, description="An insurance eligibility check.")
    scan_card: Secs = Field(60, description="Scanning a new insurance card.")
    collect_copay: Secs = Field(45, description="Collecting the copay.")
    update_demographics: Secs = Field(90, description="Updating address or phone in the chart.")
    room_patient: Secs = Field(60, description="Escorting a patient from the waiting room.")
    fetch_supplies: Secs = Field(
        180, description="Extra time to fetch supplies for a room that was not stocked."
    )
    measure_vitals: Secs = Field(240, description="Measuring a full set of vital signs.")
    record_vitals: Secs = Field(45, description="Typing the vital signs into the chart.")
    review_history: Secs = Field(90, description="Reviewing allergies and medications.")
    escalate: Secs = Field(30, description="Alerting the provider to a patient.")
    assist: Secs = Field(600, description="Assisting the provider with a procedure.")
    venipuncture: Secs = Field(180, description="A venipuncture, before the tubes.")
    per_tube: Secs = Field(30, description="Filling one more tube.")
    label: Secs = Field(60, description="Labeling a patient's tubes at the bedside.")
    fingerstick: Secs = Field(180, description="A fingerstick glucose on the meter.")
    centrifuge_load: Secs = Field(60, description="Loading and starting the centrifuge.")
    pack_specimens: Secs = Field(60, description="Packing one patient's specimens for the courier.")
    book_follow_up: Secs = Field(120, description="Booking a follow-up visit.")
    process_referral: Secs = Field(240, description="Processing a referral.")
    check_out: Secs = Field(60, description="Checking a patient out at the desk.")
    complete_chart: Secs = Field(180, description="Finishing a patient's chart.")
    clean_room: Secs = Field(180, description="Disinfecting an exam room between patients.")
    stock_room: Secs = Field(240, description="Stocking an exam room.")
    log_fridge: Secs = Field(90, description="Reading and logging the vaccine fridge and freezer.")
    glucose_qc: Secs = Field(300, description="Quality control on the glucose meter.")
    review_schedule: Secs = Field(600, description="Reviewing the schedule, preparing charts.")
    confirm_courier: Secs = Field(120, description="Calling the lab to confirm pickup times.")
    mark_no_show: Secs = Field(30, description="Marking a no-show in the schedule.")
    clock_out: Secs = Field(30, description="Clocking out.")
    answer_call: Secs = Field(20, description="Picking up and greeting a caller (or opening a "
                                              "portal message).")
    return_call: Secs = Field(45, description="Dialling back a voicemail and greeting.")
    verify_caller: Secs = Field(40, description="Asking a caller's name, date of birth and "
                                                "relation, and checking the chart.")
    hold_call: Secs = Field(10, description="Asking a caller to hold.")
    handle_call: Secs = Field(90, description="Dealing with a call and writing its message.")
    screen_walk_in: Secs = Field(60, description="Screening a walk-in at the desk.")
    check_allergies: Secs = Field(45, description="Checking allergies in the chart and asking "
                                                  "the patient before a medication.")
    give_vis: Secs = Field(120, description="Giving the Vaccine Information Statement and "
                                            "answering questions.")
    prepare_dose: Secs = Field(120, description="Taking the vial, checking the label and "
                                                "drawing up the dose.")
    inject: Secs = Field(60, description="Giving an injection.")
    document_medication: Secs = Field(90, description="Documenting a medication or vaccine.")
    first_aid: Secs = Field(300, description="First aid for a patient who fainted: lying "
                                             "them down, legs raised, until they recover.")
    collect_poc: Secs = Field(120, description="Collecting a point-of-care specimen (a "
                                               "clean-catch cup, a throat or nasal swab).")
    run_poc: Secs = Field(60, description="Starting a point-of-care test on its kit.")
    record_poc: Secs = Field(45, description="Recording a point-of-care result.")
    poc_qc: Secs = Field(300, description="Running a kit's or analyzer's quality control.")
    ecg_prep: Secs = Field(180, description="Preparing a patient for an ECG.")
    place_electrodes: Secs = Field(240, description="Placing the ten ECG electrodes.")
    record_ecg: Secs = Field(60, description="Recording a 12-lead tracing.")
    count_stock: Secs = Field(120, description="Counting one place's stock at closing.")
    restock: Secs = Field(180, description="Restocking one place to par from the supply room.")
    discard_expired: Secs = Field(60, description="Checking one place's dates and pulling "
                                                  "expired stock off its shelves.")
    tell_waiting_patients: Secs = Field(60, description="Telling the waiting room that the "
                                                        "provider runs late.")
    quarantine_vaccines: Secs = Field(240, description="Labeling an alarmed unit's vaccines "
                                                       "'do not use' and moving them to a "
                                                       "working unit.")
    report_fridge_alarm: Secs = Field(180, description="Recording a temperature excursion and "
                                                       "telling the vaccine coordinator.")
    move_patient: Secs = Field(60, description="Moving a patient to another exam room.")


Minutes = Annotated[int, Field(ge=-120, le=240)]


class Jitter(Strict):
    """Arrival offsets from the appointment time, in minutes; drawn per patient from the seed."""

    early: tuple[Minutes, Minutes] = Field(
        (-25, -10), description="Range for an early patient (negative is before the time)."
    )
    on_time: tuple[Minutes, Minutes] = Field((-10, 3), description="Range for an on-time patient.")
    late: tuple[Minutes, Minutes] = Field((15, 35), description="Range for a late patient.")

    @model_validator(mode="after")
    def _ordered(self) -> Jitter:
        for name in ("early", "on_time", "late"):
            low, high = getattr(self, name)
            if low > high:
                raise ValueError(f"{name}: the first number must not exceed the second")
        return self


Weight = Annotated[float, Field(ge=0, le=100)]


class Weights(Strict):
    """How much each category counts toward the total (relative weights)."""

    safety: Weight = Field(30, description="Identification, escalation, infection control.")
    clinical: Weight = Field(25, description="Vital signs, specimens, assisting the provider.")
    administrative: Weight = Field(20, description="Insurance, copays, scheduling, charts.")
    flow: Weight = Field(15, description="Patients seen, the provider kept busy, the courier met.")
    experience: Weight = Field(10, description="Waiting times and walk-outs.")

    @model_validator(mode="after")
    def _some_weight(self) -> Weights:
        if sum(self.as_dict().values()) <= 0:
            raise ValueError("at least one category weight must be above 0")
        return self

    def as_dict(self) -> dict[str, float]:
        """The weights by category name."""
        return self.model_dump()


class Scoring(Strict):
    """Category weights, the pass mark and the cap applied after a critical error."""

    weights: Weights = Field(default_factory=Weights, description="Category weights.")
    pass_mark: int = Field(70, ge=1, le=100, description="Total needed to pass, 0-100.")
    critical_cap: int = Field(
        59, ge=0, le=100, description="The most a day with a critical error can score."
    )
    wait_target_minutes: int = Field(
        20, ge=1, le=240, description="Waits up to this long keep full experience points."
    )
    expert_score: int | None = Field(
        None, ge=1, le=100,
        description="The total for a second star, above pass_mark; without it, halfway from "
                    "the pass mark to 100 (rounded up: 85 for a pass mark of 70).")

    @model_validator(mode="after")
    def _expert_above_pass(self) -> Scoring:
        if self.expert_score is not None and self.expert_score <= self.pass_mark:
            raise ValueError(f"expert_score {self.expert_score} must be above pass_mark "
                             f"{self.pass_mark}: the second star asks for more than a pass")
        return self

    @property
    def expert(self) -> int:
        """The total a second star asks for."""
        return self.expert_score if self.expert_score is not None else \
            -(-(self.pass_mark + 100) // 2)
