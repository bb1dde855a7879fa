"""Walk-outs: nobody leaves while being checked in or the instant it ends; one 'waited'."""

from __future__ import annotations

import re

from game.sim.rules.front_desk import WALKOUT_WARNING
from game.sim.state import Status
from tests.sim.conftest import Driver, patient_dict, scenario_dict


def impatient(make, kind: str = "early", patience: int = 5) -> tuple[Driver, str]:
    p = patient_dict("imp", "08:00", arrival={"kind": kind}, patience_minutes=patience)
    d = make(scenario_dict(patients=[p]))
    d.arrive("imp")
    return d, "imp"


def walked_out_minutes(d: Driver) -> int:
    [msg] = [n.text for n in d.sim.notices if "walked out" in n.text]
    m = re.search(r"after waiting (\d+) minutes", msg)
    assert m, msg
    return int(m[1])


def test_patience_running_out_during_check_in_does_not_walk_the_patient_out(make):
    d, pid = impatient(make)
    p = d.patient(pid)
    assert p.give_up_t == p.wait_from + 5 * 60
    first = p.give_up_t
    d.sim.advance(first - 30)  # the check-in outlasts the patience left
    start = d.sim.now
    assert d.check_in_well(pid).ok
    end = p.checked_in_t
    assert end is not None and end > first
    d.sim.advance(end)  # the very second check-in ends
    assert p.status == Status.WAITING
    assert p.give_up_t == end + WALKOUT_WARNING
    warnings = [n for n in d.sim.notices if n.topic == "patience"]
    # none while being checked in; one when it is done, ten minutes before they would leave
    assert [n.t for n in warnings if n.t >= start] == [end]
    d.sim.advance(p.give_up_t - 1)
    assert p.status == Status.WAITING
    d.sim.advance(p.give_up_t)
    assert p.status == Status.LEFT and p.left_t == end + WALKOUT_WARNING
    assert walked_out_minutes(d) == p.waited(p.left_t) // 60
    [entry] = d.entries(pid, "walked out after")
    assert f"after {p.waited(p.left_t) // 60} minutes" in entry.reason


def test_the_wait_of_an_early_patient_counts_from_the_appointment(make):
    d, pid = impatient(make, patience=10)
    p = d.patient(pid)
    assert p.arrival_t is not None and p.arrival_t < p.appt_t
    assert p.waited(p.arrival_t) == 0
    d.sim.advance(p.appt_t + 10 * 60)
    assert p.status == Status.LEFT
    assert walked_out_minutes(d) == 10 == p.waited(p.left_t) // 60


def test_a_patient_checked_in_with_time_to_spare_keeps_the_original_clock(make):
    d, pid = impatient(make, kind="on_time", patience=60)
    p = d.patient(pid)
    before = p.give_up_t
    assert d.check_in_well(pid).ok
    assert p.give_up_t == before
    d.sim.advance(before)
    assert p.status == Status.LEFT
