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


def _tokens(text: str) -> set[str]:
    # "10mg" and "10 mg" are the same dose: letters and numbers apart.
    return set(re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.casefold()))


def medication_ok(written: str, asked: str) -> bool:
    """The drug's name and every number of its strength and dose are written down."""
    want = _tokens(asked)
    name = next(iter(re.findall(r"[a-z]+", asked.casefold())), "")
    numbers = {t for t in want if t[0].isdigit()}
    got = _tokens(written)
    return bool(name) and name in got and numbers <= got


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
