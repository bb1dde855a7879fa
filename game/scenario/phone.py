"""The phone in the scenario format: where it is, how long it rings, scripted calls, calls
drawn from a rate, and portal messages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.scenario.people import Availability, Phone, RedFlag, Relation
from game.scenario.types import ClockTime, Ident, Paragraphs, Strict, Text

CallKind = Literal["appointment", "reschedule", "cancel", "refill", "result", "third_party",
                   "red_flag"]
CALL_KINDS: dict[str, str] = {
    "appointment": "asks for an appointment: book it by visit type and the caller's times",
    "reschedule": "moves the chart's next visit: book a new slot (the old one is freed)",
    "cancel": "cancels the chart's next visit: free the slot",
    "refill": "asks for a prescription refill: take the details, route it to the provider",
    "result": "asks about a test result: never interpret it, route it to the provider",
    "third_party": "someone else asks about the patient: tell them only if they may be told",
    "red_flag": "describes a red flag: tell them to call 911 and tell the provider at once",
}


class Caller(Strict):
    """Who calls, as they will answer the MA's questions."""

    name: Text = Field(description="The caller's full name, as they give it.")
    relation: Relation = Field(description="Who they are to the patient ('self' for the "
                                           "patient), e.g. 'spouse', 'employer', 'pharmacy'.")
    number: Phone = Field(description="The callback number they give (fictional).")
    dob_given: dt.date | None = Field(
        None, description="For a caller who says they are the patient: the date of birth they "
        "give when asked. Without it, the chart's. A different one cannot be verified.")


class WantedVisit(Strict):
    """The visit an appointment or reschedule caller wants."""

    visit_type: Ident = Field(description="One of the scenario's visit_types.")
    provider: Ident
    min_days: int = Field(1, ge=1, le=365, description="The earliest day, in days from today.")
    max_days: int = Field(14, ge=1, le=365, description="The latest day, in days from today.")
    availability: Availability = Field(default_factory=Availability,
                                       description="When the caller can come.")

    @model_validator(mode="after")
    def _window(self) -> WantedVisit:
        if self.max_days < self.min_days:
            raise ValueError("max_days must not be less than min_days")
        return self


class CallContent(Strict):
    """What a call or portal message is about (the part a rate draws from its pool)."""

    kind: CallKind = Field(description="; ".join(f"{k}: {v}" for k, v in CALL_KINDS.items()))
    channel: Literal["phone", "portal"] = Field(
        "phone", description="phone: it rings. portal: a message in the workstation's inbox "
        "from the patient's own portal account (already verified), less urgent.")
    patient: Ident = Field(description="Whose chart it is about: a patient's or a chart's id.")
    caller: Caller
    words: Annotated[str, Field(min_length=1, max_length=1000), Paragraphs] = Field(
        description="What the caller says, in their own words.")
    medication: Text | None = Field(None, description="For a refill: the medication, strength "
                                                      "and dose asked for.")
    red_flag: RedFlag | None = Field(None, description="For a red_flag call: which one.")
    wants: WantedVisit | None = Field(None, description="For appointment and reschedule: the "
                                                        "visit they want.")

    @model_validator(mode="after")
    def _needs(self) -> CallContent:
        if self.kind == "refill" and self.medication is None:
            raise ValueError("a refill call needs 'medication'")
        if (self.kind == "red_flag") != (self.red_flag is not None):
            raise ValueError("'red_flag' is given exactly for a red_flag call")
        if self.kind in ("appointment", "reschedule") and self.wants is None:
            article = "an" if self.kind == "appointment" else "a"
            raise ValueError(f"{article} {self.kind} call needs 'wants' (the visit they ask "
                             "for)")
        if self.channel == "portal" and self.caller.relation not in ("self", "parent",
                                                                      "guardian"):
            raise ValueError("a portal message comes from the patient's own account (caller "
                             "relation self, or a parent or guardian's proxy account)")
        return self


class Call(CallContent):
    """A scripted call (or portal message) at a set time."""

    id: Ident = Field(description="Call id, unique among the day's calls.")
    time: ClockTime = Field(description="When the phone rings (or the message arrives).")


class PoolCall(CallContent):
    """A call the rate may draw, any number of times."""

    id: Ident = Field(description="Pool entry id; drawn calls are named after it.")


class CallRate(Strict):
    """Calls drawn at random, the same for every player of a seed."""

    per_hour: float = Field(ge=0, le=60, description="Average calls per hour.")
    start: ClockTime = Field(description="The first time a drawn call may ring.")
    end: ClockTime = Field(description="The last time a drawn call may ring.")
    pool: list[PoolCall] = Field(min_length=1, max_length=50,
                                 description="What a drawn call may be; each draw picks one.")


class PhoneSetup(Strict):
    """The office phone: where it is, how long it rings, the calls and the portal inbox."""

    station: Literal["front_desk", "workstation"] = Field(
        "front_desk", description="Where the phone is: answering walks there.")
    # The North American normal ring cadence is 2 s on and 4 s off, a 6 s cycle (e.g. Cisco
    # SPA500 IP Phone Administration Guide, "Normal Ring 60(2/4)"): 30 s is five rings.
    ring_seconds: int = Field(
        30, ge=6, le=120, description="How long it rings before voicemail answers (a US ring "
        "cycle is 6 s: 30 s is five rings).")
    hold_minutes: int = Field(2, ge=1, le=30, description="How long a caller on hold waits "
                                                          "before hanging up.")
    calls: list[Call] = Field(default_factory=list, max_length=500)
    rate: CallRate | None = Field(None, description="Optional calls drawn from a rate.")
