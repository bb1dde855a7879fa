"""The ECG in a real simulation: preparation, placement (right, each precordial lead wrong,
arms swapped), artifact unresolved then resolved, the hand-off on time and late, chest pain."""

from __future__ import annotations

from typing import Any

import pytest

from game.clinical.ecg import ARTIFACTS, CORRECT, SITES, STANDARD
from game.sim import commands as c
from game.sim.rules.checkout import unfinished_orders
from game.sim.rules.ecg.commands import (
    HandEcg,
    PlaceElectrodes,
    PrepareEcg,
    RecordEcg,
    ReportChestPain,
)
from game.sim.rules.ecg.state import ecg_of
from game.sim.scoring import Step, key
from tests.sim.conftest import Driver, patient_dict, scenario_dict, through_exam

PID = "ekg"
GOOD_PREP: dict[str, Any] = {"identifiers": ["name", "dob"], "supine": True, "skin": True,
                             "explained": True, "warm": True, "devices_away": True}


def ecg_day(**order: Any) -> dict[str, Any]:
    """One adult patient at 08:00 with an ECG ordered."""
    return scenario_dict(patients=[patient_dict(PID, "08:00", orders={
        "ecg": {"reason": "palpitations", **order}})])


def ready(make: Any, **order: Any) -> Driver:
    d: Driver = make(ecg_day(**order))
    through_exam(d, PID)
    return d


def prepare(d: Driver, **changes: Any) -> None:
    assert d.do(PrepareEcg(patient=PID, **{**GOOD_PREP, **changes})).ok


def place(d: Driver, **moved: str) -> None:
    assert d.do(PlaceElectrodes.model_validate(
        {"patient": PID, "sites": {**STANDARD, **moved}})).ok


def test_right_placement_one_tracing_handed_at_once(make):
    d = ready(make)
    assert unfinished_orders(d.sim, d.patient(PID)) == ["12-lead ECG"]
    prepare(d)
    place(d)
    assert d.do(RecordEcg(patient=PID)).ok
    assert d.entries(PID, "12-lead ECG")[0].points == 4
    assert not d.entries(PID, "must be repeated")
    assert d.do(HandEcg(patient=PID)).ok
    handed = d.entries(PID, "Handed")[0]
    assert handed.points == 2 and "never interprets" not in handed.note
    assert "interpreting an ECG is the provider's" in handed.note
    assert unfinished_orders(d.sim, d.patient(PID)) == []
    assert d.do(c.CheckOut(patient=PID)).ok
    assert d.entries(PID, "Checked out")[0].points == 1


@pytest.mark.parametrize(("lead", "wrong"), [
    ("V1", "r3"), ("V1", "r2"), ("V2", "l3"), ("V2", "l2"), ("V3", "l4_mcl"),
    ("V4", "l4_mcl"), ("V4", "l6_mcl"), ("V5", "l6_aal"), ("V6", "l6_mal"),
])
def test_each_misplaced_precordial_lead_is_repeated_with_its_site(make, lead, wrong):
    d = ready(make)
    prepare(d)
    place(d, **{lead: wrong})
    assert d.do(RecordEcg(patient=PID)).ok
    bad = d.entries(PID, "must be repeated")
    assert len(bad) == 1 and bad[0].points == -1 and bad[0].competency == "I.P.2.a"
    assert f"{lead} was at the {SITES[wrong].name}" in bad[0].note
    assert f"it goes at the {SITES[CORRECT[lead]].name}" in bad[0].note
    assert not d.entries(PID, "12-lead ECG")
    refused = d.do(HandEcg(patient=PID))
    assert not refused.ok and "record it again" in refused.reason
    place(d)
    assert d.do(RecordEcg(patient=PID)).ok
    assert d.entries(PID, "12-lead ECG")[0].reason.endswith("(after 1 repeat)")


def test_v1_v2_too_high_mimics_a_bundle_branch_block(make):
    d = ready(make)
    prepare(d)
    place(d, V1="r3", V2="l3")
    d.do(RecordEcg(patient=PID))
    note = d.entries(PID, "must be repeated")[0].note
    assert "V1, V2 on the wrong site" in d.entries(PID, "must be repeated")[0].reason
    assert "right bundle branch block" in note


def test_swapped_arms_must_be_repeated(make):
    d = ready(make)
    prepare(d)
    place(d, RA="left_arm", LA="right_arm")
    d.do(RecordEcg(patient=PID))
    bad = d.entries(PID, "must be repeated")[0]
    assert "RA, LA on the wrong site" in bad.reason
    assert "lead I turns upside down" in bad.note and "dextrocardia" in bad.note


@pytest.mark.parametrize("cause", sorted(ARTIFACTS))
def test_artifact_unresolved_then_resolved_by_its_fix(make, cause):
    artifact = ARTIFACTS[cause]
    d = ready(make, artifact=cause)
    prepare(d, **{artifact.prevention: False})
    place(d)
    assert d.do(RecordEcg(patient=PID)).ok
    bad = d.entries(PID, "must be repeated")
    assert bad and "artifact" in bad[0].reason and artifact.look in bad[0].note
    # a wrong fix leaves it there
    wrong = next(f for f in ("ask_still", "warm", "reattach", "unplug") if f != artifact.fix)
    assert d.do(RecordEcg(patient=PID, fix=wrong)).ok  # type: ignore[arg-type]
    assert len(d.entries(PID, "must be repeated")) == 2
    assert d.do(RecordEcg(patient=PID, fix=artifact.fix)).ok
    assert d.entries(PID, "12-lead ECG")[0].reason.endswith("(after 2 repeats)")


@pytest.mark.parametrize("cause", sorted(ARTIFACTS))
def test_artifact_prevented_while_preparing_never_shows(make, cause):
    d = ready(make, artifact=cause)
    prepare(d)
    place(d)
    d.do(RecordEcg(patient=PID))
    assert ecg_of(d.sim, PID).usable is not None  # type: ignore[union-attr]
    assert not d.entries(PID, "must be repeated")


def test_tracing_handed_late_earns_less(make):
    d = ready(make)
    prepare(d)
    place(d)
    d.do(RecordEcg(patient=PID))
    d.sim.advance(d.sim.now + 25 * 60)
    assert d.do(HandEcg(patient=PID)).ok
    late = d.entries(PID, "Handed")[0]
    assert late.points == 1 and "min after it was recorded" in late.reason
    assert "while the patient is still here" in late.note


def test_never_handed_is_missed_and_checkout_lists_it(make):
    d = ready(make)
    prepare(d)
    place(d)
    d.do(RecordEcg(patient=PID))
    assert d.do(c.CheckOut(patient=PID)).ok
    assert "12-lead ECG" in d.entries(PID, "Checked out")[0].reason
    d.sim.finish()
    assert d.entries(PID, "never reached the provider")[0].points == 0


def test_chest_pain_provider_first_then_the_ecg(make):
    d = ready(make, chest_pain=True)
    assert any("chest pain" in n.text for n in d.sim.world.notices if n.patient == PID)
    assert d.do(ReportChestPain(patient=PID)).ok
    assert d.entries(PID, "Got the provider at once")[0].points == 5
    again = d.do(ReportChestPain(patient=PID))
    assert not again.ok and "already knows" in again.reason
    prepare(d)
    place(d)
    d.do(RecordEcg(patient=PID))
    d.do(HandEcg(patient=PID))
    assert d.sim.ledger.score(d.sim.scenario.scoring).critical_errors == []


def test_chest_pain_ecg_finished_first_is_critical(make):
    d = ready(make, chest_pain=True)
    prepare(d)
    place(d)
    d.do(RecordEcg(patient=PID))
    critical = [e for e in d.entries(PID) if e.critical]
    assert len(critical) == 1 and critical[0].competency == "I.P.3"
    assert "before the ECG is finished" in critical[0].note


def test_chest_pain_never_told_is_critical_at_the_end(make):
    d = ready(make, chest_pain=True)
    d.sim.finish()
    assert [e for e in d.entries(PID) if e.critical]


def test_steps_in_order_and_refusals(make):
    d = ready(make)
    assert "Prepare" in d.do(PlaceElectrodes(patient=PID, sites=dict(STANDARD))).reason
    assert "Place" in d.do(RecordEcg(patient=PID)).reason
    assert "Record" in d.do(HandEcg(patient=PID)).reason
    assert "no chest pain" in d.do(ReportChestPain(patient=PID)).reason
    prepare(d, identifiers=["name"], supine=False)
    assert d.entries(PID, "without two identifiers")[0].competency == "XII.P.1"
    assert "supine" in d.entries(PID, "without lying them supine")[0].reason
    assert "already prepared" in d.do(PrepareEcg(patient=PID)).reason
    missing = {k: v for k, v in STANDARD.items() if k != "V6"}
    assert "V6 still to place" in d.do(PlaceElectrodes(patient=PID, sites=missing)).reason
    twice = d.do(PlaceElectrodes.model_validate({"patient": PID, "sites": {**STANDARD,
                                                                           "V2": "r4"}}))
    assert "same site" in twice.reason


def test_no_ecg_ordered_is_refused(make):
    d: Driver = make(scenario_dict(patients=[patient_dict(PID, "08:00")]))
    through_exam(d, PID)
    assert "No ECG is ordered" in d.do(PrepareEcg(patient=PID)).reason
    assert d.sim.ledger.is_open(key(PID, Step.CHECKOUT))
