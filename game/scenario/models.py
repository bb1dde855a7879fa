"""pydantic v2 models of the scenario file: the clinic, its people and its day."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from game.clinical.lab import LAB_TESTS
from game.scenario.ecg import EcgOrder
from game.scenario.events import EVENT_LIMIT, ScriptedEvent
from game.scenario.meds import MedicationNotes, MedicationOrder, MedicationSetup
from game.scenario.people import (
    Availability,
    Chart,
    Name,
    Phone,
    ReleaseContact,
    WalkIn,
    WalkInPolicy,
)
from game.scenario.phone import PhoneSetup
from game.scenario.poc import PocSetup
from game.scenario.refs import known_lab_code
from game.scenario.settings import Durations, Jitter, Scoring
from game.scenario.supplies import SupplySetup
from game.scenario.types import (
    WEEKDAYS,
    ClockTime,
    Day,
    Ident,
    OneLine,
    Paragraphs,
    Strict,
    Text,
    Weekday,
)

SCHEMA_VERSION = 1

TestCode = Annotated[
    str,
    Field(
        pattern=r"^[A-Z0-9_]{2,20}$",
        description="A lab test code: "
        + ", ".join(f"{c} ({t.name})" for c, t in LAB_TESTS.items()),
        json_schema_extra={"enum": list(LAB_TESTS)},
    ),
    # Before the pattern, so "PT/INR" or "cbc" is told the codes and the one it meant.
    BeforeValidator(known_lab_code),
]


class Room(Strict):
    """An exam room."""

    id: Ident = Field(description="Room id, referenced by tasks, e.g. 'exam1'.")
    name: Text = Field(description="What the room is called on the floor plan, e.g. 'Exam 1'.")


class Break(Strict):
    """A stretch of time a provider does not see patients (lunch, a meeting)."""

    start: ClockTime
    end: ClockTime


class Provider(Strict):
    """A physician, nurse practitioner or physician assistant who sees patients."""

    id: Ident
    name: Text = Field(description="Name as patients see it, e.g. 'Dr. Amara Okafor'.")
    start: ClockTime = Field(description="When the provider starts seeing patients.")
    end: ClockTime = Field(description="When the provider stops seeing patients.")
    breaks: list[Break] = Field(default_factory=list, max_length=10)
    exam_minutes: int = Field(18, ge=1, le=120, description="Usual length of an exam.")


StaffRole = Literal["ma", "front_desk"]
# Who directs a staff member: the player, or a built-in policy playing a coworker's role
# (the names of game.sim.policies.POLICIES that can play a role; a test keeps them equal).
Controller = Literal["player", "reference", "naive"]


class StaffMember(Strict):
    """One member of the clinic's team: a medical assistant or the front desk."""

    id: Ident = Field(description="Staff id, used as the `actor` of commands, e.g. 'ma1'.")
    name: Text = Field(description="The name on the staff token, e.g. 'Jordan Reyes, CMA'.")
    role: StaffRole = Field(
        description="ma: every clinical and desk task. front_desk: check-in, no-shows, "
                    "follow-up booking, referrals and check-out; nothing clinical.")
    controlled_by: Controller = Field(
        "player", description="player: the player directs them. reference or naive: a "
                              "coworker who plays the role as that built-in bot would.")


class Clinic(Strict):
    """The practice: name, hours, exam rooms and (optionally) the team."""

    name: Text = Field(description="The practice's name.")
    opens: ClockTime = Field(description="When the MA arrives and opening tasks can start.")
    closes: ClockTime = Field(description="When the last patient should be gone.")
    overtime_minutes: int = Field(
        90, ge=0, le=240, description="How long after closing the day ends even if unfinished."
    )
    rooms: list[Room] = Field(min_length=1, max_length=12)
    staff: list[StaffMember] | None = Field(
        None, min_length=1, max_length=20,
        description="The team. Without it the day has one medical assistant the player "
                    "directs. At least one member must be an MA and one player-directed.")


TaskKind = Literal[
    "review_schedule", "stock_room", "log_fridge", "glucose_qc", "confirm_courier", "clean_room"
]


class Task(Strict):
    """An opening or closing task on the MA's checklist."""

    id: Ident
    kind: TaskKind = Field(
        description="review_schedule (prepare charts), stock_room, log_fridge (vaccine fridge "
        "and freezer temperatures), glucose_qc (meter quality control), confirm_courier, "
        "clean_room."
    )
    label: Text = Field(description="The checklist line the player reads.")
    room: Ident | None = Field(None, description="The room, for stock_room and clean_room.")
    fridge_c: float | None = Field(
        None, ge=-30, le=30, description="For log_fridge: what the fridge thermometer shows, C."
    )
    freezer_c: float | None = Field(
        None, ge=-80, le=20, description="For log_fridge: what the freezer thermometer shows, C."
    )

    @model_validator(mode="after")
    def _needs(self) -> Task:
        if self.kind in ("stock_room", "clean_room") and self.room is None:
            raise ValueError(f"a {self.kind} task needs a 'room'")
        if self.kind == "log_fridge" and (self.fridge_c is None or self.freezer_c is None):
            raise ValueError("a log_fridge task needs 'fridge_c' and 'freezer_c'")
        return self



class Appointment(Strict):
    """Today's visit."""

    time: ClockTime
    provider: Ident
    visit_type: Ident = Field(description="One of the scenario's visit_types.")
    reason: Text = Field(description="Reason for the visit, as on the schedule.")


class Arrival(Strict):
    """When the patient turns up relative to the appointment; the seed picks the minute."""

    kind: Literal["early", "on_time", "late", "no_show"] = Field(
        "on_time", description="early, on_time, late (see arrival_jitter) or no_show."
    )


class Insurance(Strict):
    """The patient's coverage as the eligibility check will answer it."""

    plan: Text = Field(description="The insurance plan's name (fictional).")
    member_id: Annotated[str, Field(min_length=1, max_length=40), OneLine] = Field(
        description="The member number on the card."
    )
    status: Literal["active", "inactive", "new_card"] = Field(
        "active",
        description="active; inactive (coverage ended: tell the patient about self-pay); "
        "new_card (the patient brings a new card to scan).",
    )
    copay: float = Field(0, ge=0, le=1000, description="Copay due at the visit, in dollars.")


class Vitals(Strict):
    """The patient's true vital signs; the device adds realistic variation to them."""

    systolic: int = Field(ge=40, le=300, description="mmHg")
    diastolic: int = Field(ge=20, le=200, description="mmHg")
    pulse: int = Field(ge=20, le=260, description="beats per minute")
    resp: int = Field(ge=4, le=90, description="breaths per minute")
    temp_f: float = Field(ge=90, le=110, description="degrees Fahrenheit")
    spo2: int = Field(ge=50, le=100, description="percent")
    weight_lb: float = Field(ge=1, le=800, description="pounds")
    height_in: float | None = Field(None, ge=10, le=100, description="inches, if measured")
    exact: bool = Field(False, description="The devices show these values exactly, on every "
                        "seed, without their usual variation: pins a reading that must sit "
                        "close to a threshold (clinic-day lint says when one needs it).")

    @model_validator(mode="after")
    def _possible(self) -> Vitals:
        if self.diastolic >= self.systolic:
            raise ValueError(
                f"diastolic {self.diastolic} must be lower than systolic {self.systolic}"
            )
        return self


class FollowUp(Strict):
    """The provider's follow-up order: a visit type within a window of days."""

    visit_type: Ident = Field(description="One of the scenario's visit_types.")
    min_days: int = Field(ge=1, le=365, description="The earliest day after today, in days.")
    max_days: int = Field(ge=1, le=365, description="The latest day after today, in days.")

    @model_validator(mode="after")
    def _window(self) -> FollowUp:
        if self.max_days < self.min_days:
            raise ValueError("max_days must not be less than min_days")
        return self


class Orders(Strict):
    """What the provider orders after the exam."""

    labs: list[TestCode] = Field(
        default_factory=list, max_length=12, description="Test codes, e.g. CMP, CBC, POC_GLUCOSE."
    )
    follow_up: FollowUp | None = None
    referral: Text | None = Field(None, description="Specialty to refer to, if any.")
    assist: Text | None = Field(
        None, description="A procedure the provider needs the MA's help with, if any."
    )
    medications: list[MedicationOrder] = Field(
        default_factory=list, max_length=10,
        description="Medications and vaccines to give today, from `medications.products`.")
    ecg: EcgOrder | None = Field(None, description="A 12-lead ECG, if ordered.")



class Patient(Strict):
    """A fictional patient on today's schedule."""

    id: Ident
    name: Name
    dob: dt.date = Field(description="Date of birth, YYYY-MM-DD.")
    sex: Literal["female", "male"] | None = Field(
        None, description="Optional. Children's blood pressure (1-12 years) is judged on the "
        "AAP 2017 screening table for this sex; without it, the lower of the girls' and boys' "
        "thresholds applies."
    )
    mrn: Annotated[str, Field(pattern=r"^[A-Z0-9-]{4,20}$", description="Medical record number.")]
    phone: Phone = Field(description="Phone number (fictional, e.g. 555-0142).")
    appointment: Appointment
    arrival: Arrival = Field(default_factory=Arrival)
    insurance: Insurance
    demographics_changed: bool = Field(
        False, description="The patient has moved or changed phone: the chart needs updating."
    )
    vitals: Vitals
    allergies: list[Text] = Field(
        default_factory=list, max_length=20, description="Allergies and reactions."
    )
    medications: list[Text] = Field(
        default_factory=list, max_length=30, description="Current medications and doses."
    )
    orders: Orders = Field(default_factory=Orders)
    availability: Availability = Field(default_factory=Availability)
    patience_minutes: int = Field(
        50, ge=5, le=240, description="How long the patient waits unroomed before walking out."
    )
    exam_minutes: int | None = Field(None, ge=1, le=120, description="Overrides the provider's.")
    release_to: list[ReleaseContact] = Field(
        default_factory=list, max_length=10,
        description="Who the patient allows the practice to talk to about their care.")
    walk_in: WalkIn | None = Field(
        None, description="An unscheduled patient: they walk in at the appointment time with "
        "this complaint and are screened at the desk before anything else.")
    medication_notes: MedicationNotes | None = Field(
        None, description="For a patient given a medication or vaccine: allergies they tell "
        "only when asked, and whether they faint if released early from observation.")


class VisitType(Strict):
    """A kind of visit and its length in the calendar."""

    id: Ident
    name: Text = Field(description="The visit type as the calendar shows it.")
    minutes: int = Field(ge=5, le=240, description="How long the visit takes in the calendar.")


class Booking(Strict):
    """A slot already taken in the follow-up calendar."""

    date: Day = Field(description="The booked day, YYYY-MM-DD.")
    time: ClockTime
    minutes: int = Field(ge=5, le=480, description="How long the booking lasts.")
    provider: Ident = Field(description="Whose calendar the booking is in.")


class Calendar(Strict):
    """The providers' future schedule, where follow-ups are booked."""

    slot_minutes: int = Field(15, ge=5, le=60, description="Bookings start on these boundaries.")
    day_start: ClockTime = "08:00"
    day_end: ClockTime = "17:00"
    open_weekdays: list[Weekday] = Field(
        default_factory=lambda: list(WEEKDAYS[:5]), min_length=1,
        description="Days the clinic books visits.",
    )
    booked: list[Booking] = Field(default_factory=list, max_length=5000)
    allow_double_booking: bool = Field(
        False, description="Whether a follow-up may overlap another booking."
    )


class Courier(Strict):
    """The lab courier's pickups; specimens not packed by the last one miss the day."""

    pickups: list[ClockTime] = Field(
        min_length=1, max_length=6, description="Pickup times, HH:MM, inside clinic hours."
    )


class Scenario(Strict):
    """One clinic day: everything the simulation needs, and nothing that runs."""

    schema_ref: Annotated[str, OneLine] | None = Field(
        None, alias="$schema", max_length=500,
        description="Optional: where an editor finds this format's JSON Schema, e.g. "
        "'scenario.schema.json'. The game ignores it.",
    )
    schema_version: Literal[1] = Field(description="The format version; this is version 1.")
    id: Ident
    title: Text = Field(description="The day's title on the title screen and in reports.")
    setting: Text = Field(description="The kind of practice, e.g. 'Family practice'.")
    difficulty: Literal["introductory", "standard", "challenging"] = Field(
        description="How hard the day is, shown to the student."
    )
    description: Annotated[str, Field(min_length=1, max_length=2000), Paragraphs] = Field(
        description="What the student's day holds, in a few sentences."
    )
    learning_objectives: list[Text] = Field(
        min_length=1, max_length=12, description="What the student practises on this day."
    )
    date: Day = Field(
        description="The clinic day, YYYY-MM-DD; ages and bookings count from it."
    )
    clinic: Clinic
    providers: list[Provider] = Field(min_length=1, max_length=10)
    visit_types: list[VisitType] = Field(min_length=1, max_length=20)
    patients: list[Patient] = Field(max_length=2000)
    opening_tasks: list[Task] = Field(default_factory=list, max_length=30)
    closing_tasks: list[Task] = Field(default_factory=list, max_length=30)
    courier: Courier
    calendar: Calendar = Field(default_factory=Calendar)
    durations: Durations = Field(default_factory=Durations)
    arrival_jitter: Jitter = Field(default_factory=Jitter)
    scoring: Scoring = Field(default_factory=Scoring)
    charts: list[Chart] = Field(
        default_factory=list, max_length=500,
        description="Patients of the practice not on today's schedule, who may call.")
    phone: PhoneSetup = Field(default_factory=PhoneSetup,
                              description="The office phone, its calls and the portal inbox.")
    walk_in_policy: WalkInPolicy = Field(default_factory=WalkInPolicy,
                                         description="How walk-ins without a red flag are "
                                                     "fitted in.")
    medications: MedicationSetup = Field(
        default_factory=MedicationSetup,
        description="The medications and vaccines on hand, with lots and expiry dates.")
    poc: PocSetup = Field(default_factory=PocSetup,
                          description="Point-of-care test kits and analyzers, with their "
                                      "quality control.")
    supplies: SupplySetup | None = Field(
        None, description="Stock and par levels per room and in the supply room. Without "
                          "it, supplies never run out.")
    events: list[ScriptedEvent] = Field(
        default_factory=list, max_length=EVENT_LIMIT,
        description="Scripted mid-day events, a day that goes wrong: the provider runs late, "
                    "the vaccine fridge alarms, the courier's time changes, a room goes out "
                    "of service.")
