"""The message pad: a right entry written another way is right, a wrong one is named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from game.scenario.people import Chart
from game.scenario.phone import CallContent
from game.sim.rules.phone import pad
from game.sim.rules.phone.commands import PhoneMessage

CHART = Chart.model_validate({
    "id": "c-ruiz", "name": {"first": "Ana", "last": "Ruiz"}, "dob": "1984-03-02",
    "mrn": "MRN-9001", "phone": "555-0190", "medications": ["lisinopril 10 mg daily"]})
REFILL = CallContent.model_validate({
    "kind": "refill", "patient": "c-ruiz", "medication": "lisinopril 10 mg daily",
    "caller": {"name": "Ana O'Ruiz", "relation": "self", "number": "555-0142"},
    "words": "I need a refill of my lisinopril."})
TWICE = REFILL.model_copy(update={"medication": "metformin 500 mg twice daily"})
RIGHT: dict[str, Any] = {"caller": "Ana O'Ruiz", "relation": "self", "patient": "c-ruiz",
                         "dob": dt.date(1984, 3, 2), "callback": "555-0142",
                         "text": "Refill of lisinopril, to the provider.",
                         "medication": "lisinopril 10 mg daily"}
V_P_5 = "domain.md: document every message (V.P.5)"
REFILLS = "domain.md: refills (medication, strength, dose)"


@dataclass(frozen=True)
class Row:
    """A pad written some way and what it is missing."""

    id: str
    changes: dict[str, Any] | None  # None: a blank pad
    missing: list[str]
    source: str
    call: CallContent = REFILL


ROWS = [
    Row("all_right", {}, [], V_P_5),
    Row("phone_with_brackets_and_spaces", {"callback": "(555) 014-2"}, [], V_P_5),
    Row("phone_digits_only", {"callback": "5550142"}, [], V_P_5),
    Row("phone_with_dots", {"callback": "555.0142"}, [], V_P_5),
    Row("caller_case_and_punctuation", {"caller": "  ana   oruiz "}, [], V_P_5),
    Row("medication_no_space_and_capital", {"medication": "Lisinopril 10mg daily"}, [],
        REFILLS),
    Row("medication_upper_case", {"medication": "LISINOPRIL 10 MG DAILY"}, [], REFILLS),
    Row("wrong_strength", {"medication": "lisinopril 20 mg daily"},
        ["the medication, strength and dose"], REFILLS),
    Row("strength_missing", {"medication": "lisinopril daily"},
        ["the medication, strength and dose"], REFILLS),
    Row("strength_ten_times", {"medication": "lisinopril 100 mg daily"},
        ["the medication, strength and dose"], REFILLS),
    Row("other_drug", {"medication": "losartan 10 mg daily"},
        ["the medication, strength and dose"], REFILLS),
    Row("medication_blank", {"medication": ""}, ["the medication, strength and dose"],
        REFILLS),
    Row("caller_missing", {"caller": ""}, ["the caller's name"], V_P_5),
    Row("caller_other", {"caller": "Mark Ruiz"}, ["the caller's name"], V_P_5),
    Row("relation_missing", {"relation": None}, ["their relation to the patient"], V_P_5),
    Row("relation_wrong", {"relation": "spouse"}, ["their relation to the patient"], V_P_5),
    Row("patient_missing", {"patient": None}, ["whose chart"], V_P_5),
    Row("patient_wrong", {"patient": "c-kid"}, ["whose chart"], V_P_5),
    Row("dob_missing", {"dob": None}, ["the patient's date of birth"], V_P_5),
    Row("dob_off_by_a_day", {"dob": dt.date(1984, 3, 3)}, ["the patient's date of birth"],
        V_P_5),
    Row("callback_missing", {"callback": ""}, ["the callback number"], V_P_5),
    Row("callback_words_only", {"callback": "call her back"}, ["the callback number"], V_P_5),
    Row("callback_wrong_digit", {"callback": "555-0143"}, ["the callback number"], V_P_5),
    Row("message_two_words", {"text": "refill please"}, ["the message"], V_P_5),
    Row("message_punctuation_only", {"text": "... !!! ???"}, ["the message"], V_P_5),
    Row("nothing_written", None, [*pad.FIELDS, "the medication, strength and dose"], V_P_5),
    Row("not_a_refill_needs_no_medication", {"medication": ""}, [], V_P_5,
        call=REFILL.model_copy(update={"kind": "result", "medication": None})),
    Row("dose_written_with_the_strength", {"medication": "metformin 500mg, twice daily"}, [],
        REFILLS, call=TWICE),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_each_field_is_judged_and_a_miss_is_named(row: Row) -> None:
    msg = PhoneMessage() if row.changes is None else \
        PhoneMessage.model_validate({**RIGHT, **row.changes})
    assert pad.problems(msg, row.call, CHART) == row.missing, row.source


def test_a_refill_pad_has_one_more_field() -> None:
    assert pad.total_fields(REFILL) == len(pad.FIELDS) + 1 == 7
    assert pad.total_fields(REFILL.model_copy(update={"kind": "result"})) == 6


def test_the_bots_complete_pad_has_nothing_missing() -> None:
    assert pad.problems(pad.complete(REFILL, CHART, "Refill of lisinopril"), REFILL, CHART) == []


@pytest.mark.parametrize("written, source", [
    ("lisinopril 10 mcg daily", "domain.md: refills (strength: 10 mcg is not 10 mg)"),
    ("lisinopril 10 g daily", "domain.md: refills (strength: 10 g is not 10 mg)"),
])
def test_a_strength_in_another_unit_is_wrong(written: str, source: str) -> None:
    msg = PhoneMessage.model_validate({**RIGHT, "medication": written})
    assert pad.problems(msg, REFILL, CHART) == ["the medication, strength and dose"], source


def test_a_dose_written_wrong_is_wrong() -> None:
    msg = PhoneMessage.model_validate({**RIGHT, "medication": "metformin 500 mg daily"})
    assert pad.problems(msg, TWICE, CHART) == ["the medication, strength and dose"]
