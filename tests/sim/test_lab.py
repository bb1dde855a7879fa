"""Specimens: order of draw, bedside labels, clotting and spinning, the courier, meter QC."""

from __future__ import annotations

from game.sim import commands as c
from game.sim.rules.lab_courier import courier_state
from tests.sim.conftest import Driver, patient_dict, scenario_dict, through_exam

IDS: list = ["name", "dob"]


def lab_day(labs: list[str], time: str = "08:00", pickup: str = "11:30") -> dict:
    data = scenario_dict(patients=[patient_dict("lab", time, orders={"labs": labs})])
    data["courier"] = {"pickups": [pickup]}
    return data


def spin_done(d: Driver) -> None:
    """Advance until every spinning tube has stopped."""
    ends = [s.spun_at + 10 * 60 for s in d.sim.world.specimens if s.spun_at is not None]
    d.sim.advance(max(ends))


def ship(d: Driver) -> None:
    d.wait_for(lambda: courier_state(d.sim).done == len(d.sim.pickups))


def test_correct_order_labels_clot_spin_and_courier(make):
    d = make(lab_day(["CMP", "CBC"]))
    through_exam(d, "lab")
    assert d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["gold", "lavender"])).ok
    assert d.entries("lab", "correct order of draw")[0].points == 3
    assert d.do(c.LabelSpecimens(patient="lab", identifiers=IDS)).ok
    assert d.do(c.CheckOut(patient="lab")).ok
    gold = next(s for s in d.sim.world.specimens if s.tube == "gold")
    d.sim.advance(gold.drawn_t + 30 * 60)
    assert d.do(c.Centrifuge(patient="lab")).ok
    early = d.do(c.PackSpecimens(patient="lab"))
    assert not early.ok and "centrifuge until" in early.reason
    spin_done(d)
    assert d.do(c.PackSpecimens(patient="lab")).ok
    ship(d)
    assert d.entries("lab", "reached the lab")[0].points == 2
    assert all(s.shipped and s.rejected is None for s in d.sim.world.specimens)


def test_wrong_order_rejects_only_the_tubes_drawn_after_the_mistake(make):
    d = make(lab_day(["CMP", "CBC"]))
    through_exam(d, "lab")
    d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["lavender", "gold"]))
    [collect] = d.entries("lab", "Drew")
    # the lavender top was drawn first and is good: one of two tubes counts
    assert collect.points == 1 and "out of order" in collect.reason
    assert "gold top (SST) after the lavender top" in collect.reason
    assert "potassium" in collect.note and "calcium" in collect.note
    assert "comprehensive metabolic panel" in collect.note
    d.do(c.LabelSpecimens(patient="lab", identifiers=IDS))
    d.do(c.CheckOut(patient="lab"))
    d.sim.advance(d.sim.now + 31 * 60)
    d.do(c.Centrifuge(patient="lab"))
    spin_done(d)
    d.do(c.PackSpecimens(patient="lab"))
    ship(d)
    [rejected] = d.entries("lab", "lab rejected")
    assert "gold top" in rejected.reason and "out of order" in rejected.reason
    assert "EDTA (lavender top) carried into the gold top" in rejected.reason
    assert "recollected" in rejected.note and "pickup" not in rejected.note
    lavender = next(s for s in d.sim.world.specimens if s.tube == "lavender")
    assert lavender.shipped and lavender.rejected is None
    [shipped] = d.entries("lab", "specimens:")
    assert shipped.points == 1 and "gold top (SST) rejected by the lab" in shipped.reason
    assert "Pack specimens" not in shipped.note


def test_spinning_before_the_clot_ruins_the_serum(make):
    d = make(lab_day(["CMP"]))
    through_exam(d, "lab")
    d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["gold"]))
    d.do(c.LabelSpecimens(patient="lab", identifiers=IDS))
    d.do(c.Centrifuge(patient="lab"))
    assert d.entries("lab", "before it had clotted")
    spin_done(d)
    d.do(c.PackSpecimens(patient="lab"))
    ship(d)
    assert "not separated" in d.entries("lab", "lab rejected")[0].reason


def test_unlabeled_tubes_never_leave_and_cannot_be_labeled_after_the_patient_left(make):
    d = make(lab_day(["CBC"]))
    through_exam(d, "lab")
    d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["lavender"]))
    d.do(c.CheckOut(patient="lab"))
    late = d.do(c.LabelSpecimens(patient="lab", identifiers=IDS))
    assert not late.ok and "patient's presence" in late.reason
    packed = d.do(c.PackSpecimens(patient="lab"))
    assert not packed.ok and "unlabeled tube never leaves the room" in packed.reason
    ship(d)
    d.sim.finish()
    sent = [e for e in d.entries("lab", "specimens") if e.max == 2]
    assert sent and sent[0].points == 0 and "not sent" in sent[0].reason


def test_drawing_without_two_identifiers_is_a_safety_penalty(make):
    d = make(lab_day(["CBC"]))
    through_exam(d, "lab")
    d.do(c.DrawBlood(patient="lab", identifiers=["name"], tubes=["lavender"]))
    [pen] = d.entries("lab", "without two identifiers")
    assert pen.points < 0 and pen.category == "safety"


def test_missed_courier_strands_the_specimens(make):
    d = make(lab_day(["CBC"], pickup="09:00"))
    through_exam(d, "lab")
    d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["lavender"]))
    d.do(c.LabelSpecimens(patient="lab", identifiers=IDS))
    ship(d)
    assert d.entries("lab", "missed the courier")[0].points < 0
    assert any("courier comes at 09:00" in n.text for n in d.sim.notices)


def test_fingerstick_needs_meter_qc(make):
    data = lab_day(["POC_GLUCOSE"])
    data["opening_tasks"] = [{"id": "qc", "kind": "glucose_qc", "label": "Meter QC"}]
    d = make(data)
    through_exam(d, "lab")
    d.do(c.Fingerstick(patient="lab", identifiers=IDS))
    assert d.entries("lab", "QC was not run")
    assert not d.patient("lab").poc_done
    assert d.do(c.CompleteTask(task="qc")).ok
    assert d.do(c.Fingerstick(patient="lab", identifiers=IDS)).ok
    assert d.entries("lab", "Reported")[0].points == 2


def test_missing_tube_costs_collection_points(make):
    d = make(lab_day(["CMP", "CBC"]))
    through_exam(d, "lab")
    d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["gold"]))
    [collect] = d.entries("lab", "Drew")
    assert collect.points == 1 and "missing lavender top" in collect.reason
