"""Medications and vaccines in a real simulation: each consequence, as the ledger, the
notices and the refusals show it to the player."""

from __future__ import annotations

from typing import Any

from game.clinical.vaccines import GAUGES
from game.sim import commands as c
from game.sim.rules.checkout import unfinished_orders
from game.sim.rules.medications.commands import (
    LABEL_CHECKS,
    CheckAllergies,
    DocumentMedication,
    EndObservation,
    FirstAid,
    GiveMedication,
    GiveVis,
    HoldMedication,
    PrepareDose,
)
from game.sim.rules.medications.look import (
    allergy_findings,
    doses_of,
    label,
    observation_left,
    record_of,
)
from game.sim.rules.medications.state import meds
from tests.sim.conftest import Driver, patient_dict, scenario_dict, through_exam

IDS: list[Any] = ["name", "dob"]
PRODUCTS = [
    {"id": "flu", "code": "FLU_IIV", "lot": "FL4821", "manufacturer": "Northwind Biologics",
     "expires": "2027-06-30", "storage": "fridge", "vis_edition": "2023-08-06"},
    {"id": "mmr", "code": "MMR", "lot": "MR5512", "manufacturer": "Cobalt Vaccines",
     "expires": "2027-05-31", "storage": "freezer", "vis_edition": "2023-08-06"},
    {"id": "old-flu", "code": "FLU_IIV", "lot": "FL1001", "manufacturer": "Northwind Biologics",
     "expires": "2026-11-30", "storage": "fridge", "vis_edition": "2023-08-06"},
    {"id": "b12", "code": "B12", "lot": "CB1001", "manufacturer": "Lakeshore Pharma",
     "expires": "2027-12-31", "storage": "cabinet"},
]


def med_day(products: list[str], dob: str = "1980-05-05", weight: float = 170.0,
            **fields: Any) -> dict[str, Any]:
    p = patient_dict("v1", "08:00", dob=dob, orders={"medications": [
        {"product": pid, "dose_ml": 1.0 if pid == "b12" else 0.5} for pid in products]},
        **fields)
    p["vitals"] = {**p["vitals"], "weight_lb": weight}
    data = scenario_dict(patients=[p])
    data["medications"] = {"products": PRODUCTS}
    return data


def ready(make: Any, data: dict[str, Any], log: bool = True) -> Driver:
    d: Driver = make(data)
    if log:
        assert d.do(c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8)).ok
    through_exam(d, "v1")
    return d


def give_right(d: Driver, product: str = "flu", to: str = "patient", **changes: Any) -> None:
    """Every step done right, with any of the give's fields changed."""
    assert d.do(CheckAllergies(patient="v1")).ok
    if product != "b12":
        assert d.do(GiveVis(patient="v1", product=product, to=to)).ok  # type: ignore[arg-type]
    assert d.do(PrepareDose(patient="v1", product=product,
                            dose_ml=changes.pop("dose_ml", 1.0 if product == "b12" else 0.5),
                            checks=list(LABEL_CHECKS))).ok
    dose = meds(d.sim).dose("v1", product)
    assert dose is not None
    from game.sim.rules.medications.look import right_choice
    site, needle = right_choice(d.sim, dose).best
    route = right_choice(d.sim, dose).route
    cmd = {"route": route, "site": site, "needle_in": needle, "needle_gauge": GAUGES[route][0],
           "identifiers": IDS, "label_check": True} | changes
    assert d.do(GiveMedication(patient="v1", product=product, **cmd)).ok


def test_a_needle_of_the_wrong_gauge_or_none_costs_the_dose_step_with_the_cdc_gauges(
        make: Any) -> None:
    # CDC Needle Gauge and Length: IM 22-25 gauge; the flu shot is IM.
    for gauge, words in ((21, "a 21-gauge needle"), (None, "no needle gauge chosen")):
        d = ready(make, med_day(["flu"]))
        give_right(d, needle_gauge=gauge)
        dose = [e for e in d.sim.ledger.entries if e.patient == "v1" and words in e.reason]
        assert dose and dose[0].points < dose[0].max, words
        assert "22-25 gauge" in dose[0].note
    d = ready(make, med_day(["flu"]))
    give_right(d, needle_gauge=22)  # the widest the CDC gives for IM is right too
    assert not [e for e in d.sim.ledger.entries if "gauge" in e.reason]


def points(d: Driver, text: str) -> list[tuple[int, int, str | None, bool]]:
    return [(e.points, e.max, e.competency, e.critical) for e in d.entries("v1", text)]


def test_every_step_right_earns_every_point_and_observation_holds_the_checkout(make):
    d = ready(make, med_day(["flu"]))
    assert unfinished_orders(d.sim, d.patient("v1")) == ["influenza vaccine"]
    give_right(d)
    assert points(d, "Gave Kenji Nakamura 0.5 mL influenza vaccine IM in the deltoid") == \
        [(4, 4, "I.P.7", False)]
    assert points(d, "sharps container") == [(1, 1, "III.P.10", False)]
    assert unfinished_orders(d.sim, d.patient("v1")) == []
    assert d.do(DocumentMedication(patient="v1", product="flu",
                                   record=record_of(d.sim, meds(d.sim).dose("v1", "flu")))).ok
    assert points(d, "Documented") == [(2, 2, "X.P.3", False)]
    early = d.do(c.CheckOut(patient="v1"))
    assert not early.ok and "under observation until" in early.reason
    left = observation_left(d.sim, "v1")
    assert left is not None and left <= 15 * 60
    d.wait_for(lambda: observation_left(d.sim, "v1") is None)
    assert points(d, "Observed Kenji Nakamura 15 minutes") == [(2, 2, "I.P.7", False)]
    assert d.do(c.CheckOut(patient="v1")).ok


def test_an_allergen_told_only_when_asked_is_a_critical_error_when_given(make):
    d = ready(make, med_day(["mmr"], medication_notes={"allergies_told": ["gelatin (hives)"]}))
    assert d.do(PrepareDose(patient="v1", product="mmr", dose_ml=0.5)).ok
    assert d.do(GiveMedication(patient="v1", product="mmr", identifiers=IDS, route="SC",
                               site="triceps", needle_in=0.625)).ok
    hit = d.entries("v1", "allergic to its gelatin")
    assert hit and hit[0].critical and hit[0].competency == "I.P.4"
    assert d.sim.score().critical_errors


def test_asking_finds_the_allergy_and_holding_it_earns_the_dose(make):
    d = ready(make, med_day(["mmr"], medication_notes={"allergies_told": ["gelatin (hives)"]}))
    assert d.do(CheckAllergies(patient="v1", ask=True)).ok
    found = allergy_findings(d.sim, "v1")
    assert found is not None and found[0].hold and "MMR vaccine" in found[0].text
    assert d.do(HoldMedication(patient="v1", product="mmr", reason="allergy")).ok
    assert points(d, "Held Kenji Nakamura's MMR vaccine")[0][:2] == (4, 4)
    assert not d.sim.score().critical_errors
    assert unfinished_orders(d.sim, d.patient("v1")) == []
    assert any("held" in n.text for n in d.sim.notices)


def test_holding_influenza_for_an_egg_allergy_is_a_mistake_with_a_note(make):
    d = ready(make, med_day(["flu"], allergies=["eggs (hives)"]))
    assert d.do(CheckAllergies(patient="v1")).ok
    found = allergy_findings(d.sim, "v1")
    assert found is not None and not found[0].hold and "ACIP" in found[0].text
    assert d.do(HoldMedication(patient="v1", product="flu", reason="allergy")).ok
    held = d.entries("v1", "without a reason")
    assert held[0].points == 0 and "2023-24" in held[0].note
    assert any(e.points < 0 and e.competency == "I.P.4" for e in d.entries("v1", "left"))


def test_a_recapped_needle_is_a_safety_error(make):
    d = ready(make, med_day(["flu"]))
    give_right(d, sharps="recapped")
    assert points(d, "Recapped the needle") == [(0, 1, "III.P.10", False)]
    pen = d.entries("v1", "Recapped a used needle")
    assert pen[0].points < 0 and "1910.1030" in pen[0].note


def test_a_vaccine_from_an_unlogged_fridge_must_be_repeated(make):
    d = ready(make, med_day(["flu"]), log=False)
    give_right(d)
    pen = d.entries("v1", "the fridge has not been logged today")
    assert pen and pen[0].category == "safety" and "repeated" in pen[0].note
    assert points(d, "Gave Kenji")[0][0] == 0


def test_an_expired_vaccine_is_an_invalid_dose(make):
    d = ready(make, med_day(["old-flu"]))
    assert label(d.sim, meds(d.sim).patients["v1"].doses["old-flu"].product).expired
    give_right(d, product="old-flu")
    pen = d.entries("v1", "past its expiry")
    assert pen and "must be repeated" in pen[0].note


def test_a_wrong_route_and_a_wrong_dose_are_safety_errors(make):
    d = ready(make, med_day(["flu"]))
    give_right(d, route="SC", site="triceps", needle_in=0.625, dose_ml=0.25)
    assert d.entries("v1", "SC instead of IM")[0].category == "safety"
    assert "0.5 mL was ordered" in d.entries("v1", "0.25 mL of influenza")[0].reason


def test_a_wrong_site_for_an_adult_is_a_site_error(make):
    d = ready(make, med_day(["flu"]))
    give_right(d, site="vastus_lateralis")
    assert d.entries("v1", "in the vastus lateralis")[0].competency == "I.P.5"


def test_a_teenager_let_go_early_faints_and_needs_first_aid(make):
    d = ready(make, med_day(["flu"], dob="2010-03-03", weight=120.0,
                            medication_notes={"faints_if_released_early": True}))
    give_right(d, to="parent")
    assert points(d, "VIS to Kenji Nakamura’s parent") == [(2, 2, "I.P.4", False)]
    assert d.do(EndObservation(patient="v1")).ok
    assert points(d, "before the 15 minutes")[0][:2] == (0, 2)
    d.wait_for(lambda: any("fainted" in n.text for n in d.sim.notices))
    refused = d.sim.can(c.CheckOut(patient="v1"))
    assert "give first aid first" in refused[1]
    assert d.do(FirstAid(patient="v1")).ok
    assert d.do(c.CheckOut(patient="v1")).ok


def test_a_faint_left_without_first_aid_is_serious(make):
    d = ready(make, med_day(["flu"], dob="2010-03-03", weight=120.0,
                            medication_notes={"faints_if_released_early": True}))
    give_right(d, to="parent")
    assert d.do(EndObservation(patient="v1")).ok
    d.sim.advance(d.sim.now + 10 * 60)
    miss = d.entries("v1", "Nobody helped")
    assert miss and miss[0].competency == "I.P.13" and miss[0].points <= -4


def test_the_vis_to_a_child_instead_of_the_parent_loses_points(make):
    d = ready(make, med_day(["flu"], dob="2019-03-03", weight=50.0))
    give_right(d, to="patient")
    assert points(d, "VIS to the patient, not the parent")[0][:2] == (1, 2)


def test_a_dose_from_a_same_named_patients_chart_is_critical(make):
    data = med_day(["flu"])
    second = patient_dict("v2", "08:00", orders={"medications": [
        {"product": "flu", "dose_ml": 0.5}]})  # the same name as v1
    data["patients"].append(second)
    d = ready(make, data)
    p2 = d.arrive("v2")
    assert d.do(c.CheckIn(patient="v2", identifiers=["name"], verify_insurance=True,
                          copay=p2.spec.insurance.copay)).ok
    assert p2.chart_id == "v1"  # a search by name alone opened the other chart
    d.room_and_vitals("v2", "exam2")
    from game.sim.state import Status
    d.wait_for(lambda: p2.status == Status.EXAM_DONE)
    assert d.do(PrepareDose(patient="v1", product="flu", dose_ml=0.5)).ok
    refused = d.sim.can(GiveMedication(patient="v2", product="flu", identifiers=IDS,
                                       route="IM", site="deltoid", needle_in=1.0))
    assert "drawn up for Kenji Nakamura" in refused[1]
    assert d.do(HoldMedication(patient="v1", product="flu", reason="storage")).ok
    assert d.do(PrepareDose(patient="v2", product="flu", dose_ml=0.5)).ok
    assert d.do(GiveMedication(patient="v2", product="flu", identifiers=["name"], route="IM",
                               site="deltoid", needle_in=1.0)).ok
    wrong = [e for e in d.entries("v2", "from the chart of Kenji Nakamura")]
    assert wrong and wrong[0].critical and wrong[0].competency == "I.P.4"


def test_b12_has_no_vis_and_no_observation(make):
    d = ready(make, med_day(["b12"]))
    refused = d.sim.can(GiveVis(patient="v1", product="b12"))
    assert "not a vaccine" in refused[1]
    give_right(d, product="b12")
    assert observation_left(d.sim, "v1") is None
    assert [x.status.value for x in doses_of(d.sim, "v1")] == ["given"]
