"""The bots on the shipped days' phones and walk-ins: the reference answers every caller as
the rules expect, the naive one makes the privacy and triage errors a new MA makes."""

from __future__ import annotations

import pytest

from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.rules.phone.calls import call_report
from game.sim.runner import play_policy
from game.sim.state import Status

# The days with the phone's traps: an unauthorised caller and a red flag on each.
TRAPS = ("standard_day", "busy_monday")


def played(day: str, policy: str, seed: int = 1) -> Simulation:
    sim = Simulation(load_scenario(SCENARIOS / f"{day}.json").scenario, seed)
    play_policy(sim, POLICIES[policy]())
    return sim


@pytest.mark.parametrize("day", ["short_morning", "standard_day", "busy_monday", "team_day"])
@pytest.mark.parametrize("seed", [1, 2])
def test_the_reference_deals_with_every_call_as_the_rules_expect(day: str, seed: int) -> None:
    sim = played(day, "reference", seed)
    calls = call_report(sim)
    assert calls and all(c["status"] == "done" and c["action"] == c["expected"]
                         for c in calls), calls
    pad = [e for e in sim.ledger.entries if e.competency == "V.P.5"]
    assert pad and all(e.points == e.max for e in pad)  # every message complete


@pytest.mark.parametrize("day", TRAPS)
def test_the_naive_bot_tells_whoever_asks_and_lets_a_red_flag_wait(day: str) -> None:
    naive, ref = played(day, "naive"), played(day, "reference")
    critical = {e.competency for e in naive.ledger.entries if e.critical}
    assert {"X.P.2", "I.P.3"} <= critical
    assert "without the right to know" in " ".join(e.reason for e in naive.ledger.entries)
    assert naive.score().total <= ref.score().total - 30


def test_a_red_flag_walk_in_goes_to_911_with_the_reference_and_waits_with_the_naive() -> None:
    ref, naive = played("busy_monday", "reference"), played("busy_monday", "naive")
    red = next(p.id for p in ref.world.patients.values()
               if p.spec.walk_in is not None and p.spec.walk_in.red_flag)
    assert ref.world.patients[red].status == Status.SENT_ELSEWHERE
    assert ref.world.patients[red].screened == "call_911"
    assert naive.world.patients[red].screened in ("fit_in", "double_book")
    assert any(e.critical and e.patient == red for e in naive.ledger.entries)


def test_idle_lets_it_ring_and_fails() -> None:
    sim = played("standard_day", "idle")
    assert all(c["action"] is None for c in call_report(sim))
    assert any(e.critical and e.competency == "I.P.3" for e in sim.ledger.entries)
    assert not sim.score().passed
