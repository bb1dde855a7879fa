"""Opening and closing checklists, the fridge log and clocking out."""

from __future__ import annotations

from game.sim import commands as c
from tests.sim.conftest import patient_dict, scenario_dict


def test_opening_task_done_before_the_first_patient_earns_full_points(make):
    d = make()
    assert d.do(c.CompleteTask(task="open-stock-exam2")).ok
    assert d.sim.world.rooms["exam2"].stocked
    [e] = d.entries(None, "Done: Stock Exam 2")
    assert e.points == e.max == 2


def test_opening_task_done_late_loses_a_point(make):
    d = make()
    d.sim.advance(8 * 3600 + 5 * 60)
    d.do(c.CompleteTask(task="open-stock-exam2"))
    [e] = d.entries(None, "after clinic hours began")
    assert e.points == 1


def test_fridge_log_must_match_the_thermometer(make):
    d = make()
    d.do(c.LogFridge(task="open-fridge", fridge_c=6.5, freezer_c=-20.8))
    [e] = d.entries(None, "thermometers showed")
    assert e.points == 1 and "4.8" in e.reason


def test_an_out_of_range_fridge_must_be_reported(make):
    data = scenario_dict()
    data["opening_tasks"][0]["fridge_c"] = 9.4
    d = make(data)
    d.do(c.LogFridge(task="open-fridge", fridge_c=9.4, freezer_c=-20.8))
    pen = d.entries(None, "Out-of-range temperature not reported")
    assert pen and pen[0].category == "safety" and "do not use" in pen[0].note
    assert not d.sim.world.vaccines_usable


def test_reporting_an_out_of_range_fridge_earns_the_points(make):
    data = scenario_dict()
    data["opening_tasks"][0]["fridge_c"] = 9.4
    d = make(data)
    d.do(c.LogFridge(task="open-fridge", fridge_c=9.4, freezer_c=-20.8,
                     out_of_range_reported=True))
    assert d.entries(None, "reported out of range")[0].points == 2


def test_closing_tasks_wait_for_closing_time(make):
    d = make()
    r = d.do(c.CompleteTask(task="close-clean-exam1"))
    assert not r.ok and "closing task" in r.reason


def test_clock_out_needs_every_patient_accounted_for(make):
    d = make(scenario_dict(patients=[patient_dict("x", "08:00", arrival={"kind": "no_show"})]))
    r = d.do(c.ClockOut())
    assert not r.ok and "still here or expected" in r.reason
    d.sim.advance(8 * 3600 + 20 * 60)
    d.do(c.MarkNoShow(patient="x"))
    assert d.do(c.ClockOut()).ok
    assert not d.sim.finished  # clocking out takes its half minute
    d.sim.advance(d.sim.now + 60)
    assert d.sim.finished
    # everything left undone is in the ledger as missed
    assert d.entries(None, "Closing task not done")
    assert not d.do(c.ClockOut()).ok
