"""The provider runs late: no exam starts during the delay, the waiting room is told (and
waits it out), and telling is scored by how promptly it was done."""

from __future__ import annotations

from typing import Any

import pytest

from game.scenario.types import seconds
from game.sim.policies import disruption_steps
from game.sim.rules.base import Can, GroupKind
from game.sim.rules.disruptions.provider_late import TellWaitingPatients, late
from game.sim.rules.provider import on_duty
from game.sim.scoring import LedgerKey, Step
from tests.sim.disruptions_day import about, event, play_until, sim_of

TOLD = LedgerKey("late:feld", Step.DELAY_TOLD)


def test_no_exam_of_the_late_provider_starts_during_the_delay() -> None:
    sim = play_until(sim_of(), None)
    start, end = seconds("10:30"), seconds("11:10")
    feld = [p for p in sim.world.patients.values() if p.spec.appointment.provider == "feld"
            and p.exam_start is not None]
    assert feld and not [p.name for p in feld if start <= (p.exam_start or 0) < end]
    assert any((p.exam_start or 0) >= end for p in feld)  # and exams start again after it
    texts = [n.text for n in sim.notices if n.t == start]
    assert any("Dr. Naomi Feld is running 40 minutes late (called to the hospital for an "
               "admission): no exam starts before 11:10" in t for t in texts)
    assert any(n.text == "Dr. Naomi Feld is back: exams start again." and n.t == end
               for n in sim.notices)


def test_only_the_late_provider_is_away() -> None:
    sim = play_until(sim_of(), "10:45", "idle")
    assert not on_duty(sim, sim.world.providers["feld"])
    assert on_duty(sim, sim.world.providers["oyelaran"])
    sim.advance(seconds("11:10"))
    assert on_duty(sim, sim.world.providers["feld"])


def test_telling_at_once_earns_full_points_with_its_competency() -> None:
    sim = play_until(sim_of(), None)
    told = about(sim, "Told the waiting patients that Dr. Naomi Feld runs late")
    assert len(told) == 1 and told[0].points == told[0].max == 3
    assert told[0].competency == "V.P.3" and told[0].category == "experience"
    told_t = late(sim).delays["feld"].told_t
    assert told_t is not None and 0 <= told_t - seconds("10:30") < 60


def test_never_told_is_missed_with_a_note_that_teaches() -> None:
    sim = play_until(sim_of(), None, "naive")
    missed = about(sim, "The waiting patients were never told that Dr. Naomi Feld was "
                        "running late")
    assert len(missed) == 1 and missed[0].points == 0 and missed[0].max == 3
    assert "CAHPS" in missed[0].note and "reschedule" in missed[0].note


def test_telling_late_earns_less() -> None:
    sim = play_until(sim_of(), "10:55", "idle")  # 25 minutes after the delay began
    assert sim.submit(TellWaitingPatients(provider="feld")).ok
    told = about(sim, "Told the waiting patients")
    assert told[0].points == 1 and "after 25 minutes" in told[0].reason
    assert told[0].note  # the shortfall is explained


def _longer_and_impatient(d: dict[str, Any]) -> None:
    event(d, "provider_late")["minutes"] = 90
    for p in d["patients"]:
        p["patience_minutes"] = 15


@pytest.mark.parametrize("told", [True, False])
def test_told_patients_wait_out_the_delay_and_untold_ones_walk_out(
        told: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not told:
        monkeypatch.setattr(disruption_steps, "_delay", lambda _m: None)
    sim = play_until(sim_of(_longer_and_impatient), None)
    walked = [e.reason for e in about(sim, "walked out")]
    assert (walked == []) if told else walked


def test_the_offer_appears_while_the_delay_lasts_and_goes_once_told() -> None:
    sim = play_until(sim_of(), "10:29", "idle")
    before = sim.can(TellWaitingPatients(provider="feld"))
    assert before == (Can.NO, "Dr. Naomi Feld is on time: there is no delay to tell anyone "
                                "about.")
    sim.advance(seconds("10:31"))
    offers = [a for a in sim.affordances(where=lambda o: o.group == GroupKind.DAY)
              if isinstance(a.offer.command, TellWaitingPatients)]
    assert [(a.offer.label, a.can) for a in offers] == [
        ("Tell the waiting room: Dr. Naomi Feld runs late", Can.NOW)]
    assert sim.submit(offers[0].command).ok
    assert not [a for a in sim.affordances() if isinstance(a.offer.command,
                                                            TellWaitingPatients)]
    sim.advance(seconds("10:40"))
    assert sim.can(TellWaitingPatients(provider="feld"))[1] == (
        "The waiting patients already know that Dr. Naomi Feld runs late.")


def test_after_the_delay_and_for_anyone_else_there_is_nothing_to_tell() -> None:
    sim = play_until(sim_of(), "11:15", "idle")
    assert sim.can(TellWaitingPatients(provider="feld"))[1] == (
        "Dr. Naomi Feld is back: there is no delay to tell anyone about.")
    assert sim.can(TellWaitingPatients(provider="oyelaran"))[1].endswith("is on time: there "
                                                                         "is no delay to tell "
                                                                         "anyone about.")
    assert sim.can(TellWaitingPatients(provider="nobody"))[1] == (
        "There is no provider 'nobody' today.")
    assert sim.ledger.is_open(TOLD)  # still owed: the day ends with it missed
