"""Rooming and vitals: clean and stocked rooms, faithful recording, flags, crisis escalation."""

from __future__ import annotations

from game.sim import commands as c
from game.sim.state import Status
from tests.sim.conftest import patient_dict, scenario_dict

CRISIS = {"systolic": 196, "diastolic": 126, "pulse": 92, "resp": 18, "temp_f": 98.4,
          "spo2": 97, "weight_lb": 180.0}


def crisis_day() -> dict:
    return scenario_dict(patients=[patient_dict("cb", "08:00", vitals=CRISIS)])


def test_a_dirty_room_is_an_infection_control_error(make):
    d = make(scenario_dict(patients=[patient_dict("a", "08:00"), patient_dict("b", "08:20")]))
    d.check_in_well("a")
    d.room_and_vitals("a")
    d.wait_for(lambda: d.patient("a").status == Status.EXAM_DONE)
    assert d.do(c.CheckOut(patient="a")).ok
    assert not d.sim.world.rooms["exam1"].clean
    d.check_in_well("b")
    assert d.do(c.RoomPatient(patient="b", room="exam1")).ok
    [penalty] = d.entries("b", "before it was disinfected")
    assert penalty.points < 0 and penalty.competency == "XII.P.1"


def test_cleaning_makes_the_room_usable_without_penalty(make):
    d = make(scenario_dict(patients=[patient_dict("a", "08:00"), patient_dict("b", "08:20")]))
    d.check_in_well("a")
    d.room_and_vitals("a")
    d.wait_for(lambda: d.patient("a").status == Status.EXAM_DONE)
    d.do(c.CheckOut(patient="a"))
    assert d.do(c.CleanRoom(room="exam1")).ok
    d.check_in_well("b")
    d.do(c.RoomPatient(patient="b", room="exam1"))
    assert not d.entries("b", "disinfected")


def test_an_unstocked_room_costs_time(make):
    d = make()
    pid = d.sim.scenario.patients[0].id
    d.check_in_well(pid)
    slow = d.do(c.RoomPatient(patient=pid, room="exam2"))  # exam2 is stocked only by a task
    d2 = make()
    d2.check_in_well(pid)
    quick = d2.do(c.RoomPatient(patient=pid, room="exam1"))
    walk_gap = abs(slow.seconds - quick.seconds - d.sim.d.fetch_supplies)
    assert walk_gap <= 6 * d.sim.d.walk_per_step  # exam2 is one room further along the hall
    assert d.entries(pid, "not stocked")


def test_recording_wrong_values_costs_points(make):
    d = make()
    pid = d.sim.scenario.patients[0].id
    d.check_in_well(pid)
    d.do(c.RoomPatient(patient=pid, room="exam1"))
    d.do(c.MeasureVitals(patient=pid))
    m = d.patient(pid).measured
    d.record(pid, systolic=m.systolic + 10, weight_lb=m.weight_lb + 1)
    [entry] = d.entries(pid, "Recorded")
    assert entry.points == 2 and "systolic" in entry.reason and "weight" in entry.reason


def test_record_before_measure_is_rejected(make):
    d = make()
    pid = d.sim.scenario.patients[0].id
    d.check_in_well(pid)
    d.do(c.RoomPatient(patient=pid, room="exam1"))
    r = d.do(c.RecordVitals(patient=pid, systolic=120, diastolic=80, pulse=70, resp=16,
                            temp_f=98.6, spo2=98, weight_lb=150))
    assert not r.ok and "Measure" in r.reason


def test_crisis_not_escalated_is_critical(make):
    d = make(crisis_day())
    d.check_in_well("cb")
    d.do(c.RoomPatient(patient="cb", room="exam1"))
    d.do(c.MeasureVitals(patient="cb"))
    assert d.patient("cb").crisis
    d.sim.advance(d.sim.now + 15 * 60)
    critical = [e for e in d.sim.ledger.entries if e.critical]
    assert critical and "was not escalated" in critical[0].reason
    assert critical[0].competency == "I.P.3"  # screening by protocol, not first aid


def test_crisis_escalated_at_once_is_rewarded_and_seen_first(make):
    data = scenario_dict(patients=[patient_dict("early", "08:00"),
                                   patient_dict("cb", "08:30", vitals=CRISIS)])
    data["providers"][0]["start"] = "09:30"  # both patients are ready before the provider
    d = make(data)
    for pid, room in (("early", "exam1"), ("cb", "exam2")):
        d.check_in_well(pid)
        d.do(c.RoomPatient(patient=pid, room=room))
    d.do(c.MeasureVitals(patient="early"))
    d.do(c.ReviewHistory(patient="early"))
    d.record("early")
    d.do(c.MeasureVitals(patient="cb"))
    assert d.do(c.Escalate(patient="cb")).ok
    assert d.entries("cb", "Escalated")[0].points == 5
    assert not [e for e in d.sim.ledger.entries if e.critical]
    assert d.patient("early").status == d.patient("cb").status == Status.READY
    d.wait_for(lambda: d.sim.now >= 9 * 3600 + 30 * 60)
    assert d.patient("cb").status == Status.WITH_PROVIDER
    assert d.patient("early").status == Status.READY


def test_missing_a_flag_costs_flag_points(make):
    fever = dict(CRISIS, systolic=112, diastolic=72, temp_f=101.5)
    d = make(scenario_dict(patients=[patient_dict("f", "08:00", vitals=fever)]))
    d.check_in_well("f")
    d.do(c.RoomPatient(patient="f", room="exam1"))
    d.do(c.MeasureVitals(patient="f"))
    d.record("f")
    [flags] = d.entries("f", "flags")
    assert flags.points < flags.max and "missed abnormal temp" in flags.reason


def test_unreviewed_history_is_noticed_by_the_provider(make):
    d = make()
    pid = d.sim.scenario.patients[0].id
    d.check_in_well(pid)
    d.do(c.RoomPatient(patient=pid, room="exam1"))
    d.do(c.MeasureVitals(patient=pid))
    d.record(pid)
    assert d.patient(pid).status == Status.ROOMED  # no door flag without the history
    assert d.do(c.SignalReady(patient=pid)).ok
    d.wait_for(lambda: d.patient(pid).status == Status.WITH_PROVIDER)
    [history] = d.entries(pid, "allergies and medications were not reviewed")
    assert history.points == 0 and "Signalled" in history.reason
