"""Judging a child's vital signs in play: a healthy child is not flagged, a febrile baby is
urgent."""

from __future__ import annotations

import datetime as dt

from game.sim import commands as c
from tests.sim.conftest import BASE, patient_dict, scenario_dict

DAY = dt.date.fromisoformat(BASE["date"])


def child(pid: str, years: int, months: int = 0, **vitals: float) -> dict:
    born = DAY.replace(year=DAY.year - years)
    born = (born - dt.timedelta(days=31 * months)).isoformat()
    v = {"systolic": 90, "diastolic": 50, "pulse": 110, "resp": 26, "temp_f": 98.6,
         "spo2": 99, "weight_lb": 27.0, **vitals}
    return patient_dict(pid, "08:00", dob=born, sex="female", vitals=v)


def test_a_healthy_two_year_old_left_unflagged_earns_the_flag_points(make):
    # PALS 2020 (pulse 98-140, respirations 22-37) and AAP 2017 Table 6 (girls 2 y: 101/58):
    # pulse 118, respirations 28 and 92/52 are all normal for a 2-year-old.
    d = make(scenario_dict(patients=[child("kid", 2, pulse=118, resp=28, systolic=92,
                                           diastolic=52)]))
    d.check_in_well("kid")
    assert d.do(c.RoomPatient(patient="kid", room="exam1")).ok
    assert d.do(c.MeasureVitals(patient="kid")).ok
    assert d.record("kid", []).ok
    [entry] = d.entries("kid", "Flagged")
    assert entry.points == entry.max == 2, entry.reason


def test_a_febrile_baby_not_escalated_is_a_critical_screening_error(make):
    # AAP 2021: 100.4 F or more under 3 months goes to the provider at once.
    d = make(scenario_dict(patients=[child("baby", 0, 2, systolic=80, diastolic=45,
                                           pulse=150, resp=40, temp_f=101.0)]))
    d.check_in_well("baby")
    assert d.do(c.RoomPatient(patient="baby", room="exam1")).ok
    assert d.do(c.MeasureVitals(patient="baby")).ok
    assert d.patient("baby").crisis
    d.sim.advance(d.sim.now + 15 * 60)
    critical = [e for e in d.sim.ledger.entries if e.critical]
    assert critical and "not escalated" in critical[0].reason
    assert critical[0].competency == "I.P.3"
