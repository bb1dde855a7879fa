"""The specimens in the report: each tube's tests, where it ended up, and the true reason why."""

from __future__ import annotations

from game.sim import commands as c
from game.sim.rules.lab import specimen_report
from game.sim.rules.lab_courier import courier_state
from tests.sim.conftest import Driver, through_exam
from tests.sim.test_lab import IDS, lab_day, ship, spin_done


def drawn_and_labeled(make, labs: list[str], tubes: list[str], pickup: str) -> Driver:
    d = make(lab_day(labs, pickup=pickup))
    through_exam(d, "lab")
    assert d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=tubes)).ok
    assert d.do(c.LabelSpecimens(patient="lab", identifiers=IDS)).ok
    assert d.do(c.CheckOut(patient="lab")).ok
    return d


def finish(d: Driver) -> None:
    d.sim.advance(d.sim.end_time)
    assert d.sim.finished


def ship_entry(d: Driver):
    [entry] = [e for e in d.sim.ledger.entries if e.patient == "lab" and e.category == "flow"
               and e.max == 2]
    return entry


def test_received_and_rejected_tubes_with_the_labs_reason(make):
    d = drawn_and_labeled(make, ["CMP", "CBC", "HBA1C"], ["lavender", "gold"], "11:30")
    d.sim.advance(d.sim.now + 31 * 60)
    d.do(c.Centrifuge(patient="lab"))
    spin_done(d)
    d.do(c.PackSpecimens(patient="lab"))
    ship(d)
    lavender, gold = specimen_report(d.sim, "lab")
    assert lavender == {"tube": "lavender", "tests": ["CBC", "HBA1C"], "status": "received",
                        "reason": None}
    assert gold["tube"] == "gold" and gold["tests"] == ["CMP"] and gold["status"] == "rejected"
    assert "EDTA (lavender top) carried into the gold top" in gold["reason"]


def test_packed_but_the_ma_clocked_out_before_the_courier(make):
    d = drawn_and_labeled(make, ["CBC"], ["lavender"], "11:30")
    assert d.do(c.PackSpecimens(patient="lab")).ok
    [row] = specimen_report(d.sim, "lab")
    assert row["status"] == "not_sent" and row["reason"] == "packed, waiting for the 11:30 courier"
    assert d.do(c.ClockOut()).ok
    finish(d)
    [row] = specimen_report(d.sim, "lab")
    assert row["status"] == "not_sent"
    assert row["reason"] == ("packed, but the MA clocked out before the 11:30 courier: the box "
                             "was never handed over")
    entry = ship_entry(d)
    assert entry.points == 0 and "never handed over" in entry.reason
    assert "do not clock out while a pickup is still to come" in entry.note
    assert "did not reach the lab" not in entry.reason


def test_not_packed_by_the_last_courier(make):
    d = drawn_and_labeled(make, ["CBC"], ["lavender"], "09:00")
    ship(d)
    [row] = specimen_report(d.sim, "lab")
    assert row["status"] == "not_sent"
    assert row["reason"] == "not packed when the last courier came at 09:00"
    entry = ship_entry(d)
    assert entry.points == 0 and "Pack specimens before the last pickup" in entry.note


def test_drawn_after_the_last_pickup_and_stored(make):
    d = drawn_and_labeled(make, ["CBC"], ["lavender"], "08:05")
    assert courier_state(d.sim).done == 1
    assert d.do(c.PackSpecimens(patient="lab")).ok
    assert d.do(c.ClockOut()).ok
    finish(d)
    [row] = specimen_report(d.sim, "lab")
    assert row == {"tube": "lavender", "tests": ["CBC"], "status": "not_sent",
                   "reason": "stored in the specimen refrigerator for the next pickup"}
    entry = ship_entry(d)
    assert entry.points == 2 and "stored for the next pickup" in entry.reason


def test_drawn_after_the_last_pickup_and_left_on_the_counter(make):
    d = drawn_and_labeled(make, ["CBC"], ["lavender"], "08:05")
    assert d.do(c.ClockOut()).ok
    finish(d)
    [row] = specimen_report(d.sim, "lab")
    assert row["reason"] == "drawn after the last pickup and never packed for storage"
    assert "store them" in ship_entry(d).note


def test_an_unneeded_tube_carries_no_tests_and_a_patient_without_blood_has_no_rows(make):
    d = drawn_and_labeled(make, ["CBC"], ["lavender", "gray"], "11:30")
    assert [r["tests"] for r in specimen_report(d.sim, "lab")] == [["CBC"], []]
    assert specimen_report(d.sim, "nobody") == []
