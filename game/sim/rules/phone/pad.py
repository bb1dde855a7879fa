"""The message pad judged field by field, with tolerant matching: case, spacing, punctuation
and the way a number or a dose is written never make a right entry wrong."""

from __future__ import annotations

import re

from game.scenario.models import Patient
from game.scenario.people import Chart
from game.scenario.phone import CallContent
from game.sim.rules.phone.commands import PhoneMessage
from game.sim.rules.phone.privacy import plain

# V.P.5 (the domain notes): a message gives the caller and their relation to the patient,
# the patient's name and date of birth, the callback number, the message and the action
# (the action is written by the game from what was done).
FIELDS = ("the caller's name", "their relation to the patient", "whose chart",
          "the patient's date of birth", "the callback number", "the message")


def digits(text: str) -> str:
    """Only the digits: "(555) 014-2" and "5550142" are the same number."""
    return re.sub(r"\D", "", text)


# Units written out or abbreviated are the same unit; words that change nothing in a dose
# ("once daily" is "daily", "take one tablet by mouth") are not required.
_UNITS = {"milligram": "mg", "milligrams": "mg", "microgram": "mcg", "micrograms": "mcg",
          "ug": "mcg", "gram": "g", "grams": "g", "milliliter": "ml", "milliliters": "ml",
          "millilitre": "ml", "millilitres": "ml", "unit": "units"}
_FILLER = frozenset({"once", "a", "an", "the", "per", "by", "mouth", "tablet", "tablets",
                     "tab", "tabs", "capsule", "capsules", "take", "takes", "one", "each",
                     "of", "and"})


def _tokens(text: str) -> list[str]:
    # "10mg" and "10 mg" are the same dose: letters and numbers apart.
    found = re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.casefold())
    return [_UNITS.get(t, t) for t in found]


def medication_ok(written: str, asked: str) -> bool:
    """The drug, its strength with its unit, and how often it is taken are all written down
    (in any order and spacing): "Lisinopril 10mg daily" for "lisinopril 10 mg once daily",
    but not "10 mcg" for "10 mg", nor "daily" for "twice daily"."""
    want = [t for t in _tokens(asked) if t not in _FILLER]
    got = set(_tokens(written))
    return bool(want) and all(t in got for t in want)


def problems(msg: PhoneMessage, call: CallContent, chart: Patient | Chart) -> list[str]:
    """What the message is missing or has wrong, in the pad's order."""
    checks = (
        plain(msg.caller) == plain(call.caller.name),
        msg.relation == call.caller.relation,
        msg.patient == call.patient,
        msg.dob == chart.dob,
        bool(digits(msg.callback)) and digits(msg.callback) == digits(call.caller.number),
        len(plain(msg.text).split()) >= 3,
    )
    out = [what for what, ok in zip(FIELDS, checks, strict=True) if not ok]
    if call.kind == "refill" and not medication_ok(msg.medication, call.medication or ""):
        out.append("the medication, strength and dose")
    return out


def total_fields(call: CallContent) -> int:
    """How many fields the pad has for this call."""
    return len(FIELDS) + (call.kind == "refill")


def complete(call: CallContent, chart: Patient | Chart, text: str) -> PhoneMessage:
    """A message with every field right (what the reference bot writes)."""
    return PhoneMessage(caller=call.caller.name, relation=call.caller.relation,
                        patient=call.patient, dob=chart.dob, callback=call.caller.number,
                        text=text, medication=call.medication or "")
