"""A busy staff member's queue: up to five commands, started in order when free if still
possible, dropped with a notice otherwise; cancelled on request; replayed exactly."""

from __future__ import annotations

from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.log import TimedCommand
from game.sim.notices import Topic
from game.sim.results import Accepted, Queued, Rejected
from game.sim.runner import play_commands
from tests.sim.conftest import patient_dict, scenario_dict


def busy(make):
    d = make(scenario_dict(patients=[patient_dict("ann", "08:00"), patient_dict("bob", "08:10")]))
    assert isinstance(d.sim.submit(c.CompleteTask(task="open-stock-exam2")), Accepted)
    return d


def test_queued_commands_start_in_order_when_free(make) -> None:
    d = busy(make)
    first = d.sim.submit(c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8))
    second = d.sim.submit(c.CleanRoom(room="exam1"))  # clean already: refused now, not queued
    assert isinstance(first, Queued) and first.position == 1
    assert second == Rejected("Exam 1 is already clean.")
    lead = d.sim.lead
    d.sim.advance(lead.busy_until)
    assert not lead.queue and lead.activity == "logging the vaccine fridge"
    assert d.sim.world.tasks["open-fridge"].done_t is not None


def test_the_queue_holds_five_and_says_so(make) -> None:
    d = busy(make)
    # Too early for a no-show: refused with its own reason, busy or not, and never queued.
    early = d.sim.submit(c.MarkNoShow(patient="ann"))
    assert isinstance(early, Rejected) and early.reason.startswith("Too early")
    for i in range(5):
        r = d.sim.submit(c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8))
        assert isinstance(r, Queued) and r.position == i + 1
    full = d.sim.submit(c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8))
    assert isinstance(full, Rejected) and "queue is full (5 actions waiting)" in full.reason


def test_a_queued_command_no_longer_possible_is_dropped_with_a_notice(make) -> None:
    d = busy(make)
    for _ in range(2):
        assert d.sim.submit(c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8)).ok
    d.sim.advance(d.sim.lead.busy_until)  # the first starts; the second waits behind it
    d.sim.advance(d.sim.lead.busy_until)  # now the task is done: the second cannot be
    dropped = [n for n in d.sim.notices if n.topic == Topic.QUEUE]
    assert dropped and "Dropped from your queue: log fridge" in dropped[-1].text
    assert "is already done" in dropped[-1].text
    assert not d.sim.lead.queue


def test_cancel_takes_a_command_out_before_it_starts(make) -> None:
    d = busy(make)
    assert d.sim.submit(c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8)).ok
    assert d.sim.submit(c.CancelQueued(position=2)) == Rejected(
        "In your queue 1 action waits: there is no number 2.")
    assert isinstance(d.sim.submit(c.CancelQueued(position=1)), Accepted)
    d.sim.advance(d.sim.lead.busy_until + 60)
    assert d.sim.world.tasks["open-fridge"].done_t is None


def test_a_day_with_queued_commands_replays_bit_exact(make) -> None:
    d = busy(make)
    record = [TimedCommand(t=d.sim.opens, command=c.CompleteTask(task="open-stock-exam2"))]
    for cmd in (c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8),
                c.CancelQueued(position=1),
                c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8)):
        record.append(TimedCommand(t=d.sim.now, command=cmd))
        assert d.sim.submit(cmd).ok
    d.sim.advance(d.sim.end_time)
    again = Simulation(d.sim.scenario, d.sim.seed)
    play_commands(again, record)
    assert again.digest() == d.sim.digest()
