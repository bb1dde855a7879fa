"""The report's JSON as pydantic models: the versioned contract graders and tools read.

`build_report` validates what it builds against `Report`, so a field cannot disappear or
change type without a test failing; `report_schema()` is its JSON Schema, committed as
`scenarios/report.schema.json` (`clinic-day schema --report -o` writes it).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.clinical.vitals import Reading

# 2: patients' vitals and specimens; verified, verified_reason, played_at.
# 3: the team (staff with their activities); each ledger row's actor.
# 4: the day's calls and portal messages; walk-ins sent elsewhere.
# 5: game_version, the version of the game that computed the report.
REPORT_FORMAT = 6


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Open(BaseModel):
    # Ledger rows are the simulation's entries as they are: a field the ledger gains
    # appears in the report without a change here.
    model_config = ConfigDict(extra="allow")


class ScenarioInfo(_Closed):
    """Which day was played."""

    id: str
    title: str
    sha256: str


class CategoryScore(_Closed):
    """Points earned out of points possible in one category."""

    earned: int
    possible: int


class ScoreInfo(_Closed):
    """The day's score."""

    total: int = Field(ge=0, le=100)
    passed: bool
    grade: str
    pass_mark: int
    categories: dict[str, CategoryScore]


class LedgerRow(_Open):
    """One award or penalty, with its clock time and the competency's title."""

    t: int
    category: str
    points: int
    max: int
    competency: str | None
    patient: str | None
    reason: str
    note: str
    critical: bool
    time: str
    competency_title: str | None = None


class VitalsInfo(_Closed):
    """What the devices measured, what the MA recorded, and how the game judges the measured."""

    # The simulation's own reading type: the report's fields are the game's, not a copy.
    measured: Reading | None
    recorded: Reading | None
    abnormal: list[str] = Field(description="Signs the game judges abnormal in the measured "
                                "set (bp, pulse, resp, temp, spo2); empty if not measured.")
    bp_category: str | None = Field(description="The blood-pressure category of the measured "
                                    "set for the patient's age; null if not measured.")


class SpecimenInfo(_Closed):
    """One tube drawn today and where it ended up."""

    tube: str
    tests: list[str]
    status: Literal["received", "rejected", "not_sent"]
    reason: str | None


class PatientInfo(_Closed):
    """One patient's visit."""

    id: str
    name: str
    appointment: str
    outcome: str
    wait_minutes: int | None
    arrived_t: int | None
    exam_start_t: int | None
    exam_end_t: int | None
    left_t: int | None
    vitals: VitalsInfo
    specimens: list[SpecimenInfo]


class Activity(_Closed):
    """What a staff member did from one time to another."""

    start_t: int
    end_t: int
    activity: str


class StaffInfo(_Closed):
    """One member of the team and their day."""

    id: str
    name: str
    role: str = Field(description="ma or front_desk.")
    controlled_by: str = Field(description="player, or the policy that played a coworker.")
    clocked_out: bool
    activities: list[Activity]


class CallInfo(_Closed):
    """One call or portal message, and how it was dealt with."""

    id: str
    kind: str = Field(description="appointment, reschedule, cancel, refill, result, "
                                  "third_party or red_flag.")
    channel: str = Field(description="phone or portal.")
    caller: str
    relation: str = Field(description="Who the caller is to the patient.")
    patient: str = Field(description="The patient's or chart's id the call is about.")
    came_t: int = Field(description="When it rang or arrived, seconds since midnight.")
    status: str = Field(description="done, or where it was left: coming, ringing, on_line, "
                                    "on_hold, voicemail, inbox.")
    answered_t: int | None
    voicemail_t: int | None = Field(description="When it went to voicemail (or the caller "
                                                "hung up on hold), if it did.")
    action: str | None = Field(description="What was done: book, cancel, route, call_911, "
                                           "answer or take_message; null if nothing.")
    expected: str = Field(description="What the rules expect for this caller.")
    done_t: int | None


class Report(_Closed):
    """The end-of-day report, format 6 (format 5 with the student ID)."""

    format_version: int = REPORT_FORMAT
    game_version: str = Field(description="The version of the game that computed the report "
                              "(clinic-day --version).")
    scenario: ScenarioInfo
    seed: int
    policy: str | None
    player: str | None
    student_id: str | None = Field(None, description="The student ID given at play, from "
                                   "the session log; null when none was given.")
    source: str | None = Field(description="Where the commands came from: window, bot or "
                               "actions; null when not known.")
    played_at: str | None = Field(description="Wall-clock date and time the day was played "
                                  "(ISO 8601), from the session log; null when not known.")
    rules_version: int = Field(description="The rules version the report was computed with.")
    verified: bool | None = Field(description="After a replay: whether the log verified. "
                                  "Null after a plain run.")
    verified_reason: str | None = Field(description="Why it verified or did not; null after "
                                        "a plain run.")
    score: ScoreInfo
    critical_errors: list[LedgerRow]
    ledger: list[LedgerRow]
    patients: list[PatientInfo]
    ma_activities: list[Activity] = Field(description="The lead MA's activities (the first "
                                          "MA the player directs); every member's are in staff.")
    staff: list[StaffInfo]
    calls: list[CallInfo] = Field(description="The day's calls and portal messages in the "
                                              "order they came.")
    ended_at: str
    digest: str = Field(description="SHA-256 of the day's final state.")


def checked(data: dict[str, Any]) -> dict[str, Any]:
    """The report data after validation against the model, as plain JSON-ready data."""
    return Report.model_validate(data).model_dump(mode="json")


REPORT_SCHEMA_ID = "https://clinic-day.invalid/report.schema.json"


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema of the report, with the draft it follows and its id."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": REPORT_SCHEMA_ID,
            **Report.model_json_schema()}


def report_schema() -> str:
    """The JSON Schema of the report as the committed file holds it."""
    return json.dumps(report_json_schema(), indent=2, ensure_ascii=False) + "\n"
