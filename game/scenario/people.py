"""People in the scenario format: names, when a patient can come, who may be told about them,
the practice's other charts, and a walk-in's complaint."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from game.scenario.types import WEEKDAYS, ClockTime, Ident, OneLine, Strict, Text, Weekday

Phone = Annotated[str, Field(min_length=7, max_length=20), OneLine]

# Who a caller (or a contact on a release list) is to the patient.
Relation = Literal["self", "spouse", "partner", "parent", "guardian", "child", "sibling",
                   "friend", "caregiver", "employer", "pharmacy", "provider", "other"]

# The red flags of "The phone, messages and walk-ins" in the domain notes: a caller or a
# walk-in with one is told to call 911 (or the MA calls it) and the provider is told at once.
RedFlag = Literal["chest_pain", "stroke_signs", "short_of_breath", "heavy_bleeding",
                  "suicidal_thoughts", "anaphylaxis"]
RED_FLAG_WORDS: dict[str, str] = {
    "chest_pain": "chest pain",
    "stroke_signs": "signs of a stroke (face drooping, arm weakness, speech difficulty)",
    "short_of_breath": "severe shortness of breath",
    "heavy_bleeding": "heavy bleeding",
    "suicidal_thoughts": "suicidal thoughts",
    "anaphylaxis": "a severe allergic reaction (anaphylaxis)",
}


class Name(Strict):
    """A patient's name."""

    first: Annotated[str, Field(min_length=1, max_length=60), OneLine] = Field(
        description="Given name.")
    last: Annotated[str, Field(min_length=1, max_length=60), OneLine] = Field(
        description="Family name.")

    @property
    def full(self) -> str:
        """First and last name."""
        return f"{self.first} {self.last}"


class Availability(Strict):
    """When the patient can come back."""

    weekdays: list[Weekday] = Field(
        default_factory=lambda: list(WEEKDAYS[:5]), min_length=1,
        description="Days the patient can come: mon, tue, wed, thu, fri, sat, sun.",
    )
    earliest: ClockTime | None = Field(None, description="The earliest start time that works.")
    latest: ClockTime | None = Field(None, description="The latest start time that works.")
    note: Text | None = Field(None, description="What the patient says, e.g. 'I work mornings'.")


class ReleaseContact(Strict):
    """A person the patient has authorised, in the chart, to be told about their care."""

    name: Text = Field(description="The person's full name, as the caller will give it.")
    relation: Relation = Field(description="Who they are to the patient, e.g. 'spouse'.")


class NextVisit(Strict):
    """A visit already booked for a chart, which a caller may move or cancel."""

    date: dt.date = Field(description="The booked day, YYYY-MM-DD (after the clinic day).")
    time: ClockTime
    provider: Ident
    visit_type: Ident = Field(description="One of the scenario's visit_types.")


class Chart(Strict):
    """A fictional patient of the practice who is not on today's schedule but may call."""

    id: Ident = Field(description="Chart id, referenced by calls; unlike every patient's id.")
    name: Name
    dob: dt.date = Field(description="Date of birth, YYYY-MM-DD.")
    mrn: Annotated[str, Field(pattern=r"^[A-Z0-9-]{4,20}$", description="Medical record number.")]
    phone: Phone = Field(description="Phone number in the chart (fictional, e.g. 555-0142).")
    release_to: list[ReleaseContact] = Field(
        default_factory=list, max_length=10,
        description="Who the patient allows the practice to talk to about their care.")
    medications: list[Text] = Field(default_factory=list, max_length=30,
                                    description="Current medications and doses.")
    next_visit: NextVisit | None = Field(
        None, description="A visit already booked (it takes its slot in the calendar).")


class WalkIn(Strict):
    """An unscheduled patient: the appointment time is when they walk in."""

    complaint: Text = Field(description="What they say at the desk, in their own words.")
    red_flag: RedFlag | None = Field(
        None, description="A red flag behind the words, if any: " + ", ".join(RED_FLAG_WORDS)
        + ". Without one the MA fits them in, double-books or sends them to urgent care.")
    protocol: Literal["call_911", "provider_now"] = Field(
        "call_911", description="For a red flag, what the office protocol says: call 911 and "
        "tell the provider (call_911), or bring the provider at once (provider_now).")


class WalkInPolicy(Strict):
    """How the office fits in walk-ins without a red flag."""

    fit_within_minutes: int = Field(
        60, ge=0, le=480, description="An open slot of the provider's that starts within this "
        "many minutes counts as a fit-in.")
    double_booking: bool = Field(
        True, description="Whether the provider may be asked to double-book a walk-in when no "
        "slot is open; without it the right answer then is urgent care.")
