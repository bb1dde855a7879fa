"""The provider's help calls, follow-up booking in the calendar, referrals, charts, checkout."""

from __future__ import annotations

import datetime as dt

from game.sim import commands as c
from game.sim.state import Status
from tests.sim.conftest import patient_dict, scenario_dict, through_exam

FU = {"visit_type": "follow_up", "min_days": 7, "max_days": 14}


def fu_day(**avail) -> dict:
    p = patient_dict("fu", "08:00", orders={"follow_up": FU, "referral": "cardiology"},
                     availability={"weekdays": ["tue", "thu"], **avail})
    data = scenario_dict(patients=[p])
    data["calendar"] = {"booked": [{"date": "2026-12-10", "time": "09:00", "minutes": 30,
                                    "provider": "okafor"}]}
    return data


def test_a_good_follow_up_earns_its_points(make):
    d = make(fu_day())
    through_exam(d, "fu")
    r = d.do(c.BookFollowUp(patient="fu", date=dt.date(2026, 12, 10), time="10:00"))
    assert r.ok, r
    assert d.entries("fu", "Booked")[0].points == 2


def test_the_calendar_refuses_a_double_booking(make):
    d = make(fu_day())
    through_exam(d, "fu")
    r = d.do(c.BookFollowUp(patient="fu", date=dt.date(2026, 12, 10), time="09:15"))
    assert not r.ok and "already booked" in r.reason
    weekend = d.do(c.BookFollowUp(patient="fu", date=dt.date(2026, 12, 12), time="09:00"))
    assert not weekend.ok and "closed on Saturdays" in weekend.reason
    odd = d.do(c.BookFollowUp(patient="fu", date=dt.date(2026, 12, 10), time="10:05"))
    assert not odd.ok and "every 15 minutes" in odd.reason


def test_booking_outside_the_interval_or_the_patients_days_scores_nothing(make):
    d = make(fu_day(note="Only Tuesdays and Thursdays"))
    through_exam(d, "fu")
    r = d.do(c.BookFollowUp(patient="fu", date=dt.date(2026, 12, 9), time="10:00"))  # a Wed
    assert r.ok
    [entry] = d.entries("fu", "Booked")
    assert entry.points == 0 and "cannot come on Wednesdays" in entry.reason
    assert "Only Tuesdays and Thursdays" in entry.note


def test_checkout_without_the_follow_up_is_a_recall(make):
    d = make(fu_day())
    through_exam(d, "fu")
    assert d.do(c.CheckOut(patient="fu")).ok
    [entry] = d.entries("fu", "Checked out")
    assert entry.points == 0 and "follow-up booking" in entry.reason
    assert d.sim.world.rooms["exam1"].patient is None
    assert not d.sim.world.rooms["exam1"].clean
    late = d.do(c.BookFollowUp(patient="fu", date=dt.date(2026, 12, 10), time="10:00"))
    assert not late.ok


def test_referral_and_chart(make):
    d = make(fu_day())
    through_exam(d, "fu")
    assert not d.do(c.CompleteChart(patient="nobody")).ok
    assert d.do(c.ProcessReferral(patient="fu")).ok
    assert d.entries("fu", "referral to cardiology")[0].points == 2
    assert d.do(c.CompleteChart(patient="fu")).ok
    assert not d.do(c.CompleteChart(patient="fu")).ok


def assist_day() -> dict:
    return scenario_dict(patients=[patient_dict("sut", "08:00",
                                                orders={"assist": "suture removal"})])


def test_the_provider_calls_and_the_ma_assists(make):
    d = make(assist_day())
    d.check_in_well("sut")
    d.room_and_vitals("sut")
    d.wait_for(lambda: d.patient("sut").assist_requested_t is not None)
    assert any("needs your help" in n.text for n in d.sim.notices)
    assert d.do(c.AssistProvider(patient="sut")).ok
    assert d.entries("sut", "Assisted")[0].points == 3
    d.wait_for(lambda: d.patient("sut").status == Status.EXAM_DONE)


def test_an_unanswered_call_costs_the_provider_time(make):
    d = make(assist_day())
    d.check_in_well("sut")
    d.room_and_vitals("sut")
    d.wait_for(lambda: d.patient("sut").status == Status.EXAM_DONE)
    assert d.entries("sut", "Nobody came")[0].points == 0
    assert d.entries("sut", "waited 15 minutes for help")[0].points < 0


def test_an_idle_provider_with_patients_waiting_costs_flow(make):
    d = make(scenario_dict(patients=[patient_dict("w", "08:00")]))
    d.check_in_well("w")
    d.sim.advance(8 * 3600 + 40 * 60)
    d.room_and_vitals("w")
    idle = d.entries(None, "sat idle")
    assert idle and idle[0].category == "flow" and idle[0].points < 0
