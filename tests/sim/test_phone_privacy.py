"""Who may be told about a patient on the phone: each row names the rule it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest

from game.scenario.phone import CallContent
from game.sim.engine import Simulation
from game.sim.rules.phone.privacy import answers, permission
from tests.sim.phone_day import chart, fixture, sim_of

# The fixture's day is 2026-12-02: born 2008-12-03 is 17 years and 364 days old that day,
# born 2008-12-02 is exactly 18.
TEEN_17 = chart("c-teen17", "Noa", "Lindqvist", "2008-12-03", "MRN-9101")
TEEN_18 = chart("c-teen18", "Ezra", "Lindqvist", "2008-12-02", "MRN-9102")
TEEN_18_LISTED = chart("c-teen18b", "Ines", "Lindqvist", "2008-12-02", "MRN-9103",
                       release_to=[{"name": "Maria Lindqvist", "relation": "parent"}])


@cache
def _sim() -> Simulation:
    data = fixture()
    data["charts"] += [TEEN_17, TEEN_18, TEEN_18_LISTED]
    return sim_of(data)


def content(patient: str, name: str, relation: str, dob_given: str | None = None
            ) -> CallContent:
    """A third-party style call about a chart (the kind does not change who may be told)."""
    caller: dict[str, object] = {"name": name, "relation": relation, "number": "555-0171"}
    if dob_given is not None:
        caller["dob_given"] = dob_given
    return CallContent.model_validate({"kind": "third_party", "patient": patient,
                                       "caller": caller, "words": "How is she doing?"})


@dataclass(frozen=True)
class Row:
    """A caller, a chart, whether they may be told, and where the rule comes from."""

    id: str
    patient: str
    name: str
    relation: str
    allowed: bool
    source: str
    dob_given: str | None = None
    why: str = ""  # a fragment of the reason the player is shown


ROWS = [
    Row("patient_right_dob", "c-ruiz", "Ana Ruiz", "self", True, "45 CFR 164.502(a)(1)(i)",
        "1984-03-02", "the patient"),
    Row("patient_no_dob_given_uses_chart", "c-ruiz", "Ana Ruiz", "self", True,
        "45 CFR 164.502(a)(1)(i)"),
    Row("patient_wrong_dob", "c-ruiz", "Ana Ruiz", "self", False,
        "domain.md: verify name and date of birth", "1984-03-03", "cannot be verified"),
    Row("patient_wrong_year", "c-ruiz", "Ana Ruiz", "self", False,
        "domain.md: verify name and date of birth", "1985-03-02", "cannot be verified"),
    Row("patient_other_name", "c-ruiz", "Anna Ruiz", "self", False,
        "domain.md: verify name and date of birth", "1984-03-02", "cannot be verified"),
    Row("name_lower_case", "c-ruiz", "ana ruiz", "self", True, "pad.py: no exact-string traps",
        "1984-03-02"),
    Row("name_upper_case_extra_spaces", "c-ruiz", "  ANA   RUIZ ", "self", True,
        "pad.py: no exact-string traps", "1984-03-02"),
    Row("name_apostrophe_dropped", "s02-okeefe", "Shannon OKeefe", "self", True,
        "pad.py: no exact-string traps", "1985-03-14"),
    Row("name_curly_apostrophe_and_full_stop", "s02-okeefe", "shannon o\u2019keefe.", "self",
        True, "pad.py: no exact-string traps", "1985-03-14"),
    Row("release_list", "c-ruiz", "Luis Ruiz", "sibling", True, "45 CFR 164.510(b)",
        why="release list"),
    Row("release_list_written_differently", "c-ruiz", "LUIS  ruiz.", "sibling", True,
        "45 CFR 164.510(b)", why="release list"),
    Row("not_on_release_list", "c-ruiz", "Lucia Ruiz", "sibling", False, "45 CFR 164.510(b)",
        why="not on the release list"),
    Row("spouse_not_on_list", "c-ruiz", "Mark Ruiz", "spouse", False, "45 CFR 164.510(b)",
        why="spouse and not on the release list"),
    Row("employer", "c-ruiz", "Dana Whitfield", "employer", False, "45 CFR 164.510(b)",
        why="employer"),
    Row("parent_of_17y364d", "c-teen17", "Maria Lindqvist", "parent", True,
        "45 CFR 164.502(g)", why="personal representative"),
    Row("parent_of_exactly_18", "c-teen18", "Maria Lindqvist", "parent", False,
        "45 CFR 164.502(g): an adult is their own representative",
        why="not on the release list"),
    Row("parent_of_18_on_the_list", "c-teen18b", "Maria Lindqvist", "parent", True,
        "45 CFR 164.510(b)", why="release list"),
    Row("guardian_of_a_child", "c-kid", "Oren Park", "guardian", True, "45 CFR 164.502(g)",
        why="personal representative"),
    Row("guardian_of_exactly_18", "c-teen18", "Oren Park", "guardian", False,
        "45 CFR 164.502(g)"),
    Row("parent_of_a_child", "c-kid", "June Park", "parent", True, "45 CFR 164.502(g)"),
    Row("pharmacy", "c-ruiz", "Maple Street Pharmacy", "pharmacy", True, "45 CFR 164.506(c)",
        why="treatment"),
    Row("provider", "c-ruiz", "Dr. Hollis Varga", "provider", True, "45 CFR 164.506(c)",
        why="treatment"),
    Row("friend_of_a_child", "c-kid", "Pat Gray", "friend", False, "45 CFR 164.510(b)"),
    Row("patient_of_today_right_dob", "s01-nakamura", "Kenji Nakamura", "self", True,
        "45 CFR 164.502(a)(1)(i)", "1966-09-02"),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_who_may_be_told(row: Row) -> None:
    got = permission(_sim(), content(row.patient, row.name, row.relation, row.dob_given))
    assert got.allowed is row.allowed, (row.source, got.why)
    assert row.why in got.why
    # Every reason the player reads names its rule.
    assert "45 CFR" in got.why or "cannot be verified" in got.why


def test_a_caller_who_says_they_are_the_patient_gives_the_birth_date_they_were_given() -> None:
    said = answers(_sim(), content("c-ruiz", "Ana Ruiz", "self", "1984-03-03"))
    assert said == '"This is Ana Ruiz. My date of birth is March 3, 1984."'


def test_another_caller_gives_only_who_they_are() -> None:
    said = answers(_sim(), content("c-ruiz", "Mark Ruiz", "spouse"))
    assert said == "\"This is Mark Ruiz. I'm the patient's spouse.\""
    assert "1984" not in said
