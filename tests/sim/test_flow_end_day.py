"""Ending the day early, and what a busy MA is told: time left, never a clock time."""

from __future__ import annotations

import re

from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.scenario.types import clock
from game.sim import commands as c
from game.sim.engine import Simulation, duration
from game.sim.log import TimedCommand
from game.sim.policies.reference import ReferencePolicy
from game.sim.results import Queued
from game.sim.runner import play_commands, submit_logged
from game.sim.scoring import Step, key
from tests.sim.conftest import patient_dict, scenario_dict


def played_until(t: int, name: str = "short_morning", seed: int = 1, busy: bool = False
                 ) -> tuple[Simulation, list[TimedCommand]]:
    """The reference bot plays up to a time (and on, with `busy`, until the MA is mid-task);
    the simulation and the commands it gave."""
    sim = Simulation(load_scenario(SCENARIOS / f"{name}.json").scenario, seed)
    bot, record = ReferencePolicy(), []
    while sim.now < t or (busy and sim.is_free()):
        if sim.is_free():
            cmd = bot.choose(sim)
            if cmd is not None and submit_logged(sim, cmd, record).ok:
                continue
        sim.advance(sim.now + 60 if busy and sim.now >= t else min(t, sim.now + 60))
    return sim, record


def test_ending_the_day_early_scores_the_rest_as_undone():
    sim, record = played_until(9 * 3600, busy=True)
    end = sim.now
    assert not sim.is_free()  # mid-task: ending the day does not wait for the MA
    nobody = sim.submit(c.MeasureVitals(patient="nobody"))  # busy or not, this cannot be
    assert not nobody.ok and nobody.reason == "There is no patient 'nobody' today."
    charts = [key(pid, Step.CHART) for pid in sim.world.patients]
    assert any(sim.ledger.is_open(k) for k in charts)
    result = submit_logged(sim, c.EndDay(), record)
    assert result.ok and sim.finished and sim.now == end
    entries = sim.ledger.entries
    assert not any(sim.ledger.is_open(k) for k in charts)  # closed out as missed
    assert any(e.reason == "The MA never clocked out" for e in entries)
    still = [e for e in entries if "still in the clinic when the day ended" in e.reason]
    missed = [e for e in entries if e.t == sim.now and e.points == 0 and e.max > 0]
    assert still and missed  # unseen patients and undone steps, scored as at the end
    score = sim.score()
    assert 0 <= score.total < 90
    assert any(f"ended early at {clock(end)}" in n.text for n in sim.notices)
    assert not sim.submit(c.EndDay()).ok  # the day is over


def test_a_log_with_end_day_replays_to_the_same_digest():
    sim, record = played_until(8 * 3600 + 20 * 60, "standard_day", 2)
    submit_logged(sim, c.EndDay(), record)
    again = Simulation(sim.scenario, 2)
    play_commands(again, record)
    assert again.finished and again.now == sim.now
    assert again.digest() == sim.digest()
    assert again.score() == sim.score()
    # the command survives the log's JSON round trip
    rows = [TimedCommand.model_validate_json(tc.model_dump_json()) for tc in record]
    third = Simulation(sim.scenario, 2)
    play_commands(third, rows)
    assert third.digest() == sim.digest()


def test_a_busy_ma_is_told_how_long_is_left_never_a_clock_time(make):
    d = make(scenario_dict(patients=[patient_dict("ann", "08:00")]))
    d.arrive("ann")
    assert d.do(c.CheckIn(patient="ann", identifiers=["name", "dob"],
                          verify_insurance=True)).ok
    ma = d.sim.lead
    for left in (ma.busy_until - d.sim.now, 40, 1):
        d.sim.advance(ma.busy_until - left)
        busy = f"You are busy checking in Kenji Nakamura for another {duration(left)}."
        assert d.sim.busy_reason() == busy
        r = d.sim.submit(c.RoomPatient(patient="ann", room="exam1"))
        assert isinstance(r, Queued) and r.position == 1
        assert r.message.endswith(f"when you are free (busy {duration(left)} more)")
        assert not re.search(r"\d\d:\d\d", r.message)
        assert d.sim.submit(c.CancelQueued(position=1)).ok and not ma.queue
    d.sim.advance(ma.busy_until)
    assert d.sim.busy_reason() is None
    assert d.sim.submit(c.RoomPatient(patient="ann", room="exam1")).ok


def test_duration_reads_as_a_span():
    assert [duration(s) for s in (0, 1, 40, 60, 125, 3600)] == [
        "0 s", "1 s", "40 s", "1 min", "2 min 5 s", "60 min"]
