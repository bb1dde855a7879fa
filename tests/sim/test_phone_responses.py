"""What each caller should get: every kind of call, allowed to be told or not, verified or
not, against every action, each row naming where the rule comes from."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from game.sim.rules.phone.responses import (
    ACTION_NAMES,
    ACTIONS,
    DONE,
    Grade,
    best_action,
    judge,
)

R, P, W, U, C = Grade.RIGHT, Grade.PARTLY, Grade.WRONG, Grade.UNSAFE, Grade.CRITICAL
KINDS = ("appointment", "reschedule", "cancel", "refill", "result", "third_party")
ACTS = ("book", "cancel", "route", "call_911", "answer", "take_message")

# A verified caller who may be told: kind -> the grade of each action in ACTS' order.
ALLOWED: dict[str, tuple[Grade, ...]] = {
    "appointment": (R, W, P, W, W, P),
    "reschedule": (R, P, W, W, W, P),
    "cancel": (W, R, W, W, W, P),
    "refill": (W, W, R, W, U, P),
    "result": (W, W, R, W, U, P),
    "third_party": (W, W, P, W, R, P),
}
SOURCE = {
    "appointment": "VI.P.1: book by visit type; phone.py CALL_KINDS",
    "reschedule": "VI.P.1: book the new slot, the old is freed; phone.py CALL_KINDS",
    "cancel": "VI.P.1: free the slot; phone.py CALL_KINDS",
    "refill": "domain.md: refills (the MA never approves a refill)",
    "result": "domain.md: results (the MA never interprets a result)",
    "third_party": "45 CFR 164.510(b): minimum necessary to one who may be told",
}
# A caller who may not be told: book, cancel and answer disclose (critical, X.P.2); a
# message or the provider's inbox is right; 911 is for emergencies.
NOT_ALLOWED = (C, C, R, W, C, R)


@dataclass(frozen=True)
class Row:
    """One judgement and its source."""

    kind: str
    allowed: bool
    verified: bool
    first_move: bool
    action: str
    grade: Grade
    source: str

    @property
    def id(self) -> str:
        who = ("allowed" if self.allowed else "not_allowed") + \
            ("" if self.verified else "_unverified")
        return f"{self.kind}-{who}-{self.action}" + ("" if self.first_move else "-later")


def _rows() -> list[Row]:
    rows = []
    for kind in KINDS:
        for action, grade in zip(ACTS, ALLOWED[kind], strict=True):
            rows.append(Row(kind, True, True, False, action, grade, SOURCE[kind]))
        for action, grade in zip(ACTS, NOT_ALLOWED, strict=True):
            source = ("domain.md: 911 is for red flags" if action == "call_911"
                      else "45 CFR 164.502, 164.510(b)")
            rows.append(Row(kind, False, True, False, action, grade, source))
            rows.append(Row(kind, False, False, True, action, grade, source))
        for action, grade in zip(ACTS, ALLOWED[kind], strict=True):
            # Unverified, acting on the chart for (or telling) a caller who happens to be
            # allowed is unsafe, even where it would have been a partial answer.
            if grade in (R, P) and action in ("book", "cancel", "answer"):
                grade = U
                source = "45 CFR 164.514(h): verify before disclosing (X.P.2)"
            else:
                source = SOURCE[kind]
            rows.append(Row(kind, True, False, True, action, grade, source))
    for allowed in (True, False):
        for verified, first in ((False, True), (True, False), (False, False)):
            for action in ACTS:
                right = action == "call_911" and first
                rows.append(Row("red_flag", allowed, verified, first, action,
                                R if right else C,
                                "domain.md: red flags (911 and the provider at once); I.P.3"))
    return rows


ROWS = _rows()


def test_the_table_covers_every_kind_and_action() -> None:
    assert ACTS == ACTION_NAMES
    assert set(ACTIONS) == set(DONE) == set(ACTS)
    seen = {(r.kind, r.allowed, r.verified, r.action) for r in ROWS}
    assert len(seen) == 7 * 2 * 2 * 6


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_judge(row: Row) -> None:
    got = judge(row.kind, row.allowed, row.verified, row.action,  # type: ignore[arg-type]
                row.first_move)
    assert got.grade == row.grade, row.source
    # Anything short of right tells the player why.
    assert (got.note == "") == (got.grade == R)


def test_an_unverified_disclosure_to_an_allowed_caller_is_a_privacy_mistake() -> None:
    got = judge("third_party", True, False, "answer", True)
    assert got.grade == U and got.competency == "X.P.2"
    assert "verify who is calling" in got.note


def test_a_disclosure_to_a_caller_not_allowed_cites_hipaa() -> None:
    got = judge("result", False, True, "answer", False)
    assert got.grade == C and "45 CFR 164.502" in got.note


def test_911_for_a_non_emergency_is_wrong_not_a_safety_error() -> None:
    got = judge("refill", True, True, "call_911", False)
    assert got.grade == W and "911 is for red flags" in got.note


def test_a_red_flag_after_verifying_first_is_critical() -> None:
    got = judge("red_flag", True, True, "call_911", False)
    assert got.grade == C and "call 911" in got.note


def test_an_unverified_cancel_of_a_visit_to_reschedule_is_unsafe() -> None:
    assert judge("reschedule", True, False, "cancel", True).grade == U


@pytest.mark.parametrize("kind, allowed, best", [
    ("appointment", True, "book"), ("reschedule", True, "book"), ("cancel", True, "cancel"),
    ("refill", True, "route"), ("result", True, "route"), ("third_party", True, "answer"),
    ("third_party", False, "take_message"), ("refill", False, "take_message"),
    ("red_flag", False, "call_911"), ("red_flag", True, "call_911"),
])
def test_best_action_is_the_right_row(kind: str, allowed: bool, best: str) -> None:
    assert best_action(kind, allowed) == best  # type: ignore[arg-type]
    verdict = judge(kind, allowed, True, best, kind == "red_flag")  # type: ignore[arg-type]
    assert verdict.grade == R
