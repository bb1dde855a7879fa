"""The door flag: the provider goes in only when rooming is complete, signalled early, or
escalated; signalling early costs the skipped steps."""

from __future__ import annotations

import pytest

from game.paths import bundled_scenarios
from game.scenario.load import load_scenario
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.rules.base import Can
from game.sim.rules.door import RoomingStep, rooming_steps_left
from game.sim.runner import play_policy
from game.sim.state import Status
from tests.sim.conftest import Driver, patient_dict, scenario_dict

CRISIS = {"systolic": 196, "diastolic": 124, "pulse": 88, "resp": 16, "temp_f": 98.4,
          "spo2": 97, "weight_lb": 170}


STEP_OF = {c.MeasureVitals: RoomingStep.MEASURE, c.ReviewHistory: RoomingStep.HISTORY,
           c.RecordVitals: RoomingStep.RECORD}


def rooming_steps_now(sim: Simulation, pid: str) -> tuple[RoomingStep, ...]:
    """The rooming steps the affordances say submit takes now (started, or queued while busy)."""
    return tuple(STEP_OF[type(a.command)] for a in sim.affordances()
                 if type(a.command) in STEP_OF and a.command.patient == pid and a.can != Can.NO)


def roomed(make, **fields) -> tuple[Driver, str]:
    d = make(scenario_dict(patients=[patient_dict("ann", "08:00", **fields)]))
    d.check_in_well("ann")
    assert d.do(c.RoomPatient(patient="ann", room="exam1")).ok
    return d, "ann"


def test_recorded_vitals_without_the_history_keep_the_provider_out(make):
    d, pid = roomed(make)
    assert rooming_steps_left(d.sim, pid) == (RoomingStep.MEASURE, RoomingStep.HISTORY,
                                              RoomingStep.RECORD)
    assert rooming_steps_now(d.sim, pid) == (RoomingStep.MEASURE, RoomingStep.HISTORY)
    assert d.do(c.MeasureVitals(patient=pid)).ok
    assert d.record(pid).ok
    p = d.patient(pid)
    assert rooming_steps_left(d.sim, pid) == (RoomingStep.HISTORY,)
    d.sim.advance(d.sim.now + 30 * 60)  # the provider is free all this time
    assert p.status == Status.ROOMED and not p.door_flag
    assert not d.entries(pid, "allergies")  # nothing lost yet: the step is still open
    started = d.sim.now
    assert d.do(c.ReviewHistory(patient=pid)).ok
    assert p.door_flag and p.ready_t == d.sim.lead.busy_until > started
    d.wait_for(lambda: p.status == Status.WITH_PROVIDER)
    [history] = d.entries(pid, "Reviewed")
    assert history.points == history.max


def test_history_then_vitals_also_completes_rooming(make):
    d, pid = roomed(make)
    assert d.do(c.ReviewHistory(patient=pid)).ok
    assert d.do(c.MeasureVitals(patient=pid)).ok
    assert d.patient(pid).status == Status.ROOMED  # measured is not recorded
    assert d.record(pid).ok
    assert d.patient(pid).door_flag and rooming_steps_left(d.sim, pid) == ()
    d.wait_for(lambda: d.patient(pid).status == Status.WITH_PROVIDER)


def test_signalling_ready_early_scores_the_skipped_steps_as_missed(make):
    d, pid = roomed(make)
    assert d.do(c.MeasureVitals(patient=pid)).ok
    r = d.do(c.SignalReady(patient=pid))
    assert r.ok, r
    p = d.patient(pid)
    assert p.door_flag and p.skipped == ("review history", "record vitals")
    missed = d.entries(pid, "Signalled")
    assert sorted(e.reason for e in missed) == [
        "Signalled Kenji Nakamura ready early: allergies and medications were not reviewed",
        "Signalled Kenji Nakamura ready early: vital signs were not flagged",
        "Signalled Kenji Nakamura ready early: vital signs were not in the chart",
    ]
    assert all(e.points == 0 and e.max > 0
               and "Finish rooming before the provider comes in" in e.note for e in missed)
    d.wait_for(lambda: p.status == Status.WITH_PROVIDER)
    again = d.do(c.SignalReady(patient=pid))
    assert not again.ok


def test_a_second_signal_or_one_after_rooming_is_refused(make):
    data = scenario_dict(patients=[patient_dict("ann", "08:00")])
    data["providers"][0]["start"] = "11:00"  # the flag stays up: nobody comes in yet
    d = make(data)
    pid = "ann"
    d.check_in_well(pid)
    assert d.do(c.RoomPatient(patient=pid, room="exam1")).ok
    assert d.do(c.ReviewHistory(patient=pid)).ok
    assert d.do(c.SignalReady(patient=pid)).ok
    r = d.do(c.SignalReady(patient=pid))
    assert not r.ok and "already up" in r.reason
    assert not d.do(c.SignalReady(patient="nobody")).ok


def test_an_escalation_still_brings_the_provider_at_once(make):
    d, pid = roomed(make, vitals=CRISIS)
    assert d.do(c.MeasureVitals(patient=pid)).ok
    assert d.patient(pid).crisis
    assert d.do(c.Escalate(patient=pid)).ok
    p = d.patient(pid)
    assert p.ready_t is not None and p.status == Status.WITH_PROVIDER
    assert not d.entries(pid, "Signalled")  # nothing is scored as skipped for an emergency
    assert rooming_steps_now(d.sim, pid) == (RoomingStep.HISTORY, RoomingStep.RECORD)


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.stem)
def test_the_reference_bot_still_scores_an_a_and_never_skips_rooming(path):
    for seed in (1, 2, 3):
        sim = Simulation(load_scenario(path).scenario, seed)
        play_policy(sim, POLICIES["reference"]())
        assert sim.score().grade == "A", (path.stem, seed, sim.score().total)
        assert not [e for e in sim.ledger.entries if "Signalled" in e.reason]
        assert all(p.skipped == () for p in sim.world.patients.values())


def test_the_naive_bot_signals_ready_and_pays_for_the_history():
    path = next(p for p in bundled_scenarios() if p.stem == "short_morning")
    sim = Simulation(load_scenario(path).scenario, 1)
    play_policy(sim, POLICIES["naive"]())
    seen = [p for p in sim.world.patients.values() if p.exam_start is not None]
    assert seen and all(p.skipped == ("review history",) for p in seen
                        if p.escalated_t is None)
    assert [e for e in sim.ledger.entries if "Signalled" in e.reason and e.points == 0]
