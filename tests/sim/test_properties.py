"""Property tests: any sequence of commands at any times is safe, bounded and deterministic;
a rejected command changes nothing, and the log of a day replays to a verified day."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import headless
from game.scenario.load import load_scenario
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.log import TimedCommand, load_log, save_log
from game.sim.results import Rejected
from game.sim.runner import play_commands
from tests.fuzz_settings import examples

ROOT = Path(__file__).resolve().parents[2]
LOADED = load_scenario(ROOT / "scenarios" / "standard_day.json")
SCENARIO = LOADED.scenario
PIDS = [p.id for p in SCENARIO.patients] + ["nobody"]
ROOMS = [r.id for r in SCENARIO.clinic.rooms] + ["closet"]
TASKS = [t.id for t in [*SCENARIO.opening_tasks, *SCENARIO.closing_tasks]]
TUBES = ["gold", "lavender", "light_blue", "gray", "red", "green", "blood_culture", "foo"]
IDS = st.lists(st.sampled_from(["name", "dob", "mrn", "phone", "room_number"]), max_size=3)

pid = st.sampled_from(PIDS)
command = st.one_of(
    st.builds(c.CheckIn, patient=pid, identifiers=IDS, verify_insurance=st.booleans(),
              scan_new_card=st.booleans(), inform_self_pay=st.booleans(),
              copay=st.sampled_from([0, 20, 25, 30, 40]), update_demographics=st.booleans()),
    st.builds(c.RoomPatient, patient=pid, room=st.sampled_from(ROOMS)),
    st.builds(c.MeasureVitals, patient=pid),
    st.builds(c.RecordVitals, patient=pid, systolic=st.integers(80, 200),
              diastolic=st.integers(40, 130), pulse=st.integers(40, 150),
              resp=st.integers(8, 30), temp_f=st.floats(96, 104), spo2=st.integers(85, 100),
              weight_lb=st.floats(20, 300),
              abnormal=st.lists(st.sampled_from(["bp", "pulse", "resp", "temp", "spo2"]),
                                max_size=3)),
    st.builds(c.ReviewHistory, patient=pid),
    st.builds(c.SignalReady, patient=pid),
    st.builds(c.LogFridge, task=st.sampled_from(TASKS), fridge_c=st.floats(-5, 12),
              freezer_c=st.floats(-30, 0), out_of_range_reported=st.booleans()),
    st.builds(c.Escalate, patient=pid),
    st.builds(c.AssistProvider, patient=pid),
    st.builds(c.DrawBlood, patient=pid, identifiers=IDS,
              tubes=st.lists(st.sampled_from(TUBES), min_size=1, max_size=4)),
    st.builds(c.LabelSpecimens, patient=pid, identifiers=IDS),
    st.builds(c.Fingerstick, patient=pid, identifiers=IDS),
    st.builds(c.Centrifuge, patient=pid),
    st.builds(c.PackSpecimens, patient=pid),
    st.builds(c.BookFollowUp, patient=pid,
              date=st.dates(dt.date(2026, 11, 20), dt.date(2027, 3, 1)),
              time=st.sampled_from(["07:00", "08:00", "09:15", "10:05", "16:45"])),
    st.builds(c.ProcessReferral, patient=pid),
    st.builds(c.CheckOut, patient=pid),
    st.builds(c.CompleteChart, patient=pid),
    st.builds(c.CleanRoom, room=st.sampled_from(ROOMS)),
    st.builds(c.CompleteTask, task=st.sampled_from(TASKS)),
    st.builds(c.MarkNoShow, patient=pid),
    st.just(c.ClockOut()),
    st.just(c.EndDay()),
)
timed = st.lists(st.tuples(st.integers(0, 120), command), max_size=40)


def script_of(steps: list[tuple[int, c.Command]], start: int) -> list[TimedCommand]:
    t, script = start, []
    for gap, cmd in steps:
        t += gap * 30
        script.append(TimedCommand(t=t, command=cmd))
    return script


def play(steps: list[tuple[int, c.Command]], seed: int) -> Simulation:
    sim = Simulation(SCENARIO, seed)
    play_commands(sim, script_of(steps, sim.now))
    return sim


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(steps=timed, seed=st.integers(0, 2**31))
def test_any_commands_give_a_bounded_deterministic_day(steps, seed):
    sim = play(steps, seed)
    assert sim.finished
    score = sim.score()
    assert 0 <= score.total <= 100
    for entry in sim.ledger.entries:
        assert entry.points <= entry.max
        assert entry.reason and (entry.points == entry.max or entry.note)
    assert play(steps, seed).digest() == sim.digest()


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(steps=timed, seed=st.integers(0, 2**31))
def test_a_rejected_command_leaves_the_digest_unchanged(steps, seed):
    sim = Simulation(SCENARIO, seed)
    rejected = 0
    for tc in script_of(steps, sim.now):
        sim.advance(tc.t)
        before = sim.digest()
        if isinstance(sim.submit(tc.command), Rejected):
            rejected += 1
            assert sim.digest() == before, tc.command
    assert rejected <= len(steps)


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(steps=timed, seed=st.integers(0, 2**31), player=st.none() | st.text(
    st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=12))
def test_replaying_the_log_equals_playing_it(steps, seed, player):
    sim = Simulation(SCENARIO, seed)
    log = headless.new_log(LOADED, seed, None, player, source="actions")
    log.commands = script_of(steps, sim.now)
    play_commands(sim, log.commands)
    log.seal(sim.digest())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "day.json"
        save_log(log, path)
        assert load_log(path) == log
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = headless.replay(path, str(LOADED.path), None)
    assert code == headless.EXIT_OK, err.getvalue()
    assert "replay ok" in out.getvalue()
