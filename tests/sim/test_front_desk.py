"""Check-in: identifiers, the same-name trap, insurance, copay, no-shows and walk-outs."""

from __future__ import annotations

from game.sim import commands as c
from game.sim.state import Status
from tests.sim.conftest import patient_dict, scenario_dict


def twins() -> dict:
    """Two patients named Ann Lee; the second is the one at risk."""
    first = patient_dict("ann1", "08:00", name={"first": "Ann", "last": "Lee"},
                         dob="1950-01-01")
    second = patient_dict("ann2", "09:00", name={"first": "Ann", "last": "Lee"},
                          dob="1990-06-30")
    return scenario_dict(patients=[first, second])


def test_two_identifiers_earn_identity_points(make):
    d = make()
    pid = d.sim.scenario.patients[0].id
    assert d.check_in_well(pid).ok
    [entry] = d.entries(pid, "two identifiers")
    assert entry.points == entry.max == 3
    assert d.patient(pid).status == Status.WAITING


def test_room_number_is_never_an_identifier(make):
    d = make()
    pid = d.sim.scenario.patients[0].id
    d.arrive(pid)
    assert d.do(c.CheckIn(patient=pid, identifiers=["name", "room_number"])).ok
    [entry] = d.entries(pid, "valid identifier")
    assert entry.points == 0
    assert "room number is never an identifier" in entry.note


def test_name_only_opens_the_other_patients_chart_and_documenting_is_critical(make):
    d = make(twins())
    d.arrive("ann2")
    assert d.do(c.CheckIn(patient="ann2", identifiers=["name"])).ok
    assert d.patient("ann2").chart_id == "ann1"
    assert any("chart that opened belongs to" in n.text for n in d.sim.notices)
    d.do(c.RoomPatient(patient="ann2", room="exam1"))
    d.do(c.MeasureVitals(patient="ann2"))
    d.record("ann2")
    critical = [e for e in d.sim.ledger.entries if e.critical]
    assert len(critical) == 1 and "went into the chart of Ann Lee (born 1950-01-01)" in (
        critical[0].reason)
    score = d.sim.score()
    assert not score.passed and score.total <= d.sim.scenario.scoring.critical_cap


def test_name_and_dob_open_the_right_chart(make):
    d = make(twins())
    d.arrive("ann2")
    d.do(c.CheckIn(patient="ann2", identifiers=["name", "dob"]))
    assert d.patient("ann2").chart_id == "ann2"


def test_inactive_insurance_must_be_acted_on(make):
    p = patient_dict("bo", "08:00", insurance={"plan": "X", "member_id": "1", "copay": 20,
                                               "status": "inactive"})
    d = make(scenario_dict(patients=[p]))
    d.arrive("bo")
    d.do(c.CheckIn(patient="bo", identifiers=["name", "dob"], verify_insurance=True,
                   copay=20))
    [ins] = d.entries("bo", "insurance")
    assert ins.points == 1 and "inactive" in ins.reason
    [copay] = d.entries("bo", "Collected")
    assert copay.points == 0 and "self-pay" in copay.note


def test_skipping_insurance_costs_its_points_and_saves_time(make):
    d1, d2 = make(), make()
    pid = d1.sim.scenario.patients[0].id
    d1.arrive(pid)
    d2.arrive(pid)
    quick = d1.do(c.CheckIn(patient=pid, identifiers=["name", "dob"], copay=25))
    full = d2.do(c.CheckIn(patient=pid, identifiers=["name", "dob"], copay=25,
                           verify_insurance=True))
    assert full.seconds - quick.seconds == d1.sim.d.verify_insurance
    assert d1.entries(pid, "Did not verify")[0].points == 0


def test_no_show_can_be_marked_only_after_fifteen_minutes(make):
    p = patient_dict("gone", "08:00", arrival={"kind": "no_show"})
    d = make(scenario_dict(patients=[p]))
    d.sim.advance(8 * 3600 + 10 * 60)
    early = d.do(c.MarkNoShow(patient="gone"))
    assert not early.ok and "15 minutes" in early.reason
    d.sim.advance(8 * 3600 + 16 * 60)
    assert d.do(c.MarkNoShow(patient="gone")).ok
    assert d.patient("gone").status == Status.NO_SHOW
    assert d.entries("gone", "no-show")[0].points == 1


def test_a_patient_left_waiting_walks_out(make):
    p = patient_dict("imp", "08:00", patience_minutes=20)
    d = make(scenario_dict(patients=[p]))
    d.check_in_well("imp")
    d.wait_for(lambda: d.patient("imp").status == Status.LEFT)
    assert any("walked out" in n.text for n in d.sim.notices)
    assert any(e.points < 0 and "walked out" in e.reason for e in d.sim.ledger.entries)
    assert any("losing patience" in n.text for n in d.sim.notices)


def test_check_in_is_rejected_for_someone_not_at_the_desk(make):
    d = make()
    pid = d.sim.scenario.patients[0].id
    result = d.sim.submit(c.CheckIn(patient=pid, identifiers=["name", "dob"]))
    assert not result.ok and "not waiting at the front desk" in result.reason
    assert d.sim.submit(c.CheckIn(patient="nobody")).reason == "There is no patient 'nobody' today."
