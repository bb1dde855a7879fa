"""What a player or a bot can do: pydantic models in one discriminated union."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Literal, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from game.scenario.types import ClockTime, Ident

IdentifierKind = Literal["name", "dob", "mrn", "phone", "room_number"]
# The Joint Commission NPSG.01.01.01: two identifiers, and a room number is never one.
VALID_IDENTIFIERS: frozenset[str] = frozenset({"name", "dob", "mrn", "phone"})
Identifiers = Annotated[list[IdentifierKind], Field(max_length=5)]
VitalName = Literal["bp", "pulse", "resp", "temp", "spo2"]
VITAL_NAMES: tuple[VitalName, ...] = ("bp", "pulse", "resp", "temp", "spo2")


class BaseCommand(BaseModel):
    """What every command has: the staff member who does it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str = Field(description="Which command it is.")
    actor: Ident | None = Field(
        None, description="The staff member who does it; by default the first MA the "
                          "player directs.")

    @model_serializer(mode="wrap")
    def _without_default_actor(self, handler: SerializerFunctionWrapHandler,
                               _info: SerializationInfo) -> dict[str, object]:
        # A command for the lead MA is written as it always was (no "actor"), so a one-MA
        # day's log and actions files read the same before and after teams.
        data: dict[str, object] = handler(self)
        if data.get("actor") is None:
            data.pop("actor", None)
        return data


class CompleteTask(BaseCommand):
    """Do an opening or closing checklist task (not the fridge log)."""

    type: Literal["complete_task"] = "complete_task"
    task: Ident


class LogFridge(BaseCommand):
    """Read the vaccine fridge and freezer thermometers and log what they show."""

    type: Literal["log_fridge"] = "log_fridge"
    task: Ident
    fridge_c: float = Field(ge=-50, le=50)
    freezer_c: float = Field(ge=-90, le=30)
    out_of_range_reported: bool = False


class CheckIn(BaseCommand):
    """Check a patient in at the front desk; every step is optional, at a price."""

    type: Literal["check_in"] = "check_in"
    patient: Ident
    identifiers: Identifiers = Field(default_factory=list)
    verify_insurance: bool = False
    scan_new_card: bool = False
    inform_self_pay: bool = False
    copay: float = Field(0, ge=0, le=10000, description="Dollars collected.")
    update_demographics: bool = False


class MarkNoShow(BaseCommand):
    """Mark a patient who never came as a no-show."""

    type: Literal["mark_no_show"] = "mark_no_show"
    patient: Ident


class RoomPatient(BaseCommand):
    """Walk a checked-in patient from the waiting room to an exam room."""

    type: Literal["room_patient"] = "room_patient"
    patient: Ident
    room: Ident


class MeasureVitals(BaseCommand):
    """Take the patient's vital signs with the devices in the room."""

    type: Literal["measure_vitals"] = "measure_vitals"
    patient: Ident


class RecordVitals(BaseCommand):
    """Type the vital signs into the chart and flag what is abnormal for the provider."""

    type: Literal["record_vitals"] = "record_vitals"
    patient: Ident
    systolic: int = Field(ge=0, le=400)
    diastolic: int = Field(ge=0, le=300)
    pulse: int = Field(ge=0, le=400)
    resp: int = Field(ge=0, le=150)
    temp_f: float = Field(ge=0, le=120)
    spo2: int = Field(ge=0, le=100)
    weight_lb: float = Field(ge=0, le=1000)
    height_in: float | None = Field(None, ge=0, le=120)
    abnormal: list[VitalName] = Field(default_factory=list, max_length=5)


class ReviewHistory(BaseCommand):
    """Review allergies and medications with the patient."""

    type: Literal["review_history"] = "review_history"
    patient: Ident


class SignalReady(BaseCommand):
    """Put the door flag up before rooming is complete; the skipped steps are scored missed."""

    type: Literal["signal_ready"] = "signal_ready"
    patient: Ident


class Escalate(BaseCommand):
    """Alert the provider to a patient now."""

    type: Literal["escalate"] = "escalate"
    patient: Ident


class AssistProvider(BaseCommand):
    """Go and help the provider with a procedure they called for."""

    type: Literal["assist_provider"] = "assist_provider"
    patient: Ident


class DrawBlood(BaseCommand):
    """Venipuncture: fill tubes in the order given."""

    type: Literal["draw_blood"] = "draw_blood"
    patient: Ident
    identifiers: Identifiers = Field(default_factory=list)
    tubes: list[Ident] = Field(min_length=1, max_length=10)


class LabelSpecimens(BaseCommand):
    """Label the patient's tubes at the bedside."""

    type: Literal["label_specimens"] = "label_specimens"
    patient: Ident
    identifiers: Identifiers = Field(default_factory=list)


class Fingerstick(BaseCommand):
    """Point-of-care glucose on the meter."""

    type: Literal["fingerstick"] = "fingerstick"
    patient: Ident
    identifiers: Identifiers = Field(default_factory=list)


class Centrifuge(BaseCommand):
    """Spin the patient's serum tubes."""

    type: Literal["centrifuge"] = "centrifuge"
    patient: Ident


class PackSpecimens(BaseCommand):
    """Put the patient's tubes in the courier box."""

    type: Literal["pack_specimens"] = "pack_specimens"
    patient: Ident


class BookFollowUp(BaseCommand):
    """Book the follow-up visit the provider ordered."""

    type: Literal["book_follow_up"] = "book_follow_up"
    patient: Ident
    date: dt.date
    time: ClockTime


class ProcessReferral(BaseCommand):
    """Send the referral the provider ordered."""

    type: Literal["process_referral"] = "process_referral"
    patient: Ident


class CheckOut(BaseCommand):
    """Check the patient out; the room is left to be cleaned."""

    type: Literal["check_out"] = "check_out"
    patient: Ident


class CompleteChart(BaseCommand):
    """Finish the patient's documentation at the workstation."""

    type: Literal["complete_chart"] = "complete_chart"
    patient: Ident


class CleanRoom(BaseCommand):
    """Disinfect an exam room between patients."""

    type: Literal["clean_room"] = "clean_room"
    room: Ident


class ClockOut(BaseCommand):
    """End the day."""

    type: Literal["clock_out"] = "clock_out"


class EndDay(BaseCommand):
    """End the day now, even mid-task: whatever is not done is scored as undone."""

    type: Literal["end_day"] = "end_day"


class CancelQueued(BaseCommand):
    """Take a command out of a staff member's queue before it starts."""

    type: Literal["cancel_queued"] = "cancel_queued"
    position: int = Field(ge=1, le=5, description="1 is the next to start.")


# What a command is to the type checker: every rule's commands derive from BaseCommand. The
# discriminated union that files are read with is assembled from the rules' own lists, in
# game.sim.command_set, so a new concern's commands live in its rule module only.
Command: TypeAlias = BaseCommand



def valid_identifiers(given: Sequence[str]) -> int:
    """How many distinct acceptable identifiers were checked."""
    return len(set(given) & VALID_IDENTIFIERS)
