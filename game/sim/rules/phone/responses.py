"""What a caller should get, by the kind of call and whether they may be told: the table the
score and the reference bot both read (sources: "The phone, messages and walk-ins" in the
domain notes: HIPAA 45 CFR 164.502/506/510, the MA never approves a refill nor interprets a
result, red flags are told to call 911 and the provider is told at once)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from game.scenario.phone import CallKind

Action = Literal["book", "cancel", "route", "call_911", "answer", "take_message"]
ACTION_NAMES: tuple[Action, ...] = ("book", "cancel", "route", "call_911", "answer",
                                     "take_message")
ACTIONS: dict[str, str] = {
    "book": "book the visit they ask for",
    "cancel": "cancel the chart's next visit",
    "route": "send it to the provider's inbox",
    "call_911": "tell them to call 911 now, and tell the provider at once",
    "answer": "answer what they ask about the patient",
    "take_message": "take a message and tell them someone will call back",
}
# How the ledger says what was done.
DONE: dict[str, str] = {
    "book": "booked", "cancel": "visit cancelled", "route": "routed to the provider",
    "call_911": "told to call 911, the provider told", "answer": "answered about the patient",
    "take_message": "message taken",
}
KIND_WORDS: dict[str, str] = {
    "appointment": "appointment request", "reschedule": "request to reschedule",
    "cancel": "cancellation", "refill": "refill request", "result": "question about a result",
    "third_party": "question about a patient", "red_flag": "call",
}
# What tells the caller something about the patient (or acts on the chart for them).
DISCLOSING: frozenset[str] = frozenset({"book", "cancel", "answer"})


class Grade(Enum):
    """How good a response is."""

    RIGHT = "right"
    PARTLY = "partly"  # safe, but not what the caller needed
    WRONG = "wrong"  # nothing useful done: no points
    UNSAFE = "unsafe"  # a safety penalty (approving a refill, interpreting a result)
    CRITICAL = "critical"  # a privacy breach, or a red flag not sent to 911 at once


@dataclass(frozen=True)
class Judgement:
    """A response, graded, with what the player reads."""

    grade: Grade
    note: str
    competency: str | None = None  # when the mistake is of another competency than the step


_PARTLY_MESSAGE = "A message is safe, but this caller could have been helped now."
# For a caller who may be told: kind -> action -> (grade, note). An action not in a row is
# WRONG. Red flags are judged before this table, whoever the caller is.
ALLOWED: dict[str, dict[str, tuple[Grade, str]]] = {
    "appointment": {"book": (Grade.RIGHT, ""), "take_message": (Grade.PARTLY, _PARTLY_MESSAGE),
                    "route": (Grade.PARTLY, "Booking is the MA's job: the provider need not "
                                            "see an appointment request.")},
    "reschedule": {"book": (Grade.RIGHT, ""),
                   "cancel": (Grade.PARTLY, "They wanted another time: book it, and the old "
                                            "slot is freed with it."),
                   "take_message": (Grade.PARTLY, _PARTLY_MESSAGE)},
    "cancel": {"cancel": (Grade.RIGHT, ""), "take_message": (Grade.PARTLY, _PARTLY_MESSAGE)},
    "refill": {"route": (Grade.RIGHT, ""),
               "take_message": (Grade.PARTLY, "Route a refill request to the provider with its "
                                              "details: the provider decides."),
               "answer": (Grade.UNSAFE, "The MA never approves a refill: collect the name, "
                                        "date of birth, medication, strength, dose, pharmacy "
                                        "and last visit, and route it to the provider.")},
    "result": {"route": (Grade.RIGHT, ""),
               "take_message": (Grade.PARTLY, "Route a question about a result to the "
                                              "provider, who decides what is released."),
               "answer": (Grade.UNSAFE, "The MA never interprets a result for a patient: "
                                        "normal results are released only as the provider "
                                        "directs. Route the question.")},
    "third_party": {"answer": (Grade.RIGHT, ""),
                    "route": (Grade.PARTLY, "This caller may be told: answer them, the "
                                            "minimum necessary, rather than pass it on."),
                    "take_message": (Grade.PARTLY, "This caller may be told: answer them, the "
                                                   "minimum necessary.")},
}
_NOT_ALLOWED = ("Before saying anything about a patient, verify who is calling: the patient "
                "(name and date of birth), a person on the release list, a parent or guardian "
                "of a minor, or a pharmacy or provider for treatment. Anyone else is offered "
                "to leave a message (HIPAA, 45 CFR 164.502, 164.510).")
_RED_FLAG = ("A red flag on the phone (chest pain, stroke signs, severe shortness of breath, "
             "heavy bleeding, suicidal thoughts, anaphylaxis): tell the caller to call 911 "
             "now and tell the provider at once. Following the triage protocol is I.P.3; "
             "waiting, holding or asking questions first is never right.")


def judge(kind: CallKind, allowed: bool, verified: bool, action: str,
          first_move: bool) -> Judgement:
    """Grade what was done for a caller. `verified`: the MA asked who is calling first (a
    portal message is verified by its login); `first_move`: nothing else was done on the
    line before."""
    if kind == "red_flag":
        if action == "call_911" and first_move:
            return Judgement(Grade.RIGHT, "")
        return Judgement(Grade.CRITICAL, _RED_FLAG)
    if action == "call_911":
        return Judgement(Grade.WRONG, "Nothing in this call is an emergency: 911 is for red "
                                      "flags.")
    if action in DISCLOSING and not allowed:
        return Judgement(Grade.CRITICAL, _NOT_ALLOWED)
    if not allowed:
        return Judgement(Grade.RIGHT if action in ("take_message", "route") else Grade.WRONG,
                         "" if action in ("take_message", "route") else _NOT_ALLOWED)
    grade, note = ALLOWED[kind].get(action, (Grade.WRONG, f"This caller {_wanted(kind)}."))
    if grade in (Grade.RIGHT, Grade.PARTLY) and action in DISCLOSING and not verified:
        return Judgement(Grade.UNSAFE, "The caller happened to be one who may be told, but "
                                       "verify who is calling before saying anything about a "
                                       "patient (HIPAA, 45 CFR 164.514(h)).", "X.P.2")
    return Judgement(grade, note)


def _wanted(kind: CallKind) -> str:
    best = next(a for a, (g, _) in ALLOWED[kind].items() if g == Grade.RIGHT)
    return f"needed you to {ACTIONS[best]}"


def best_action(kind: CallKind, allowed: bool) -> Action:
    """The right response: what the reference bot does and the debrief names."""
    if kind == "red_flag":
        return "call_911"
    if not allowed:
        return "take_message"
    return next(a for a in ACTION_NAMES if ALLOWED[kind].get(a, (None,))[0] == Grade.RIGHT)
