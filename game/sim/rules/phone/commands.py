"""The phone's commands: answer (or return, or take off hold), verify the caller, hold, and
deal with the call, writing its message."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.scenario.people import Relation
from game.scenario.types import ClockTime, Ident
from game.sim.commands import BaseCommand
from game.sim.rules.phone.responses import Action

# A call's id: the scenario's, or a pool entry's with the number of the draw.
CallId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}(#[0-9]{1,4})?$",
                              description="The call's id.")]
# As long as the scenario format lets a name, a number or a medication be (Text: 500), so
# whatever a caller says can be written down.
PAD_SHORT, PAD_LONG = 500, 1000  # the message pad's field limits: a line, and the message
Short = Annotated[str, Field(max_length=PAD_SHORT)]


class AnswerCall(BaseCommand):
    """Pick up a ringing phone, take a caller off hold, or return a voicemail."""

    type: Literal["answer_call"] = "answer_call"
    call: CallId


class VerifyCaller(BaseCommand):
    """Ask who is calling (name, date of birth, relation) and check the chart."""

    type: Literal["verify_caller"] = "verify_caller"
    call: CallId


class HoldCall(BaseCommand):
    """Ask the caller to hold; they wait a while, then hang up."""

    type: Literal["hold_call"] = "hold_call"
    call: CallId


class PhoneMessage(BaseModel):
    """The message pad: what is written down for every call (V.P.5)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    caller: Short = Field("", description="Who called.")
    relation: Relation | None = Field(None, description="Who they are to the patient.")
    patient: Ident | None = Field(None, description="Whose chart: the patient's or chart's id.")
    dob: dt.date | None = Field(None, description="The patient's date of birth.")
    callback: Short = Field("", description="The number to call back.")
    text: Annotated[str, Field(max_length=PAD_LONG)] = Field("", description="The message.")
    medication: Short = Field("", description="For a refill: medication, strength and dose.")


class HandleCall(BaseCommand):
    """Deal with the caller (or a portal message) and write the message; the call ends."""

    type: Literal["handle_call"] = "handle_call"
    call: CallId
    action: Action
    message: PhoneMessage = Field(default_factory=PhoneMessage)
    date: dt.date | None = Field(None, description="For book: the day.")
    time: ClockTime | None = Field(None, description="For book: the start time.")
