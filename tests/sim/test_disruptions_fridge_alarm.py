"""The vaccine fridge alarms: the MA labels its vaccines, records and reports the excursion,
and gives no dose from it until the coordinator clears it; a dose given from it is a safety
error with a note from the CDC's toolkit."""

from __future__ import annotations

from typing import Any

import pytest

from game.scenario.types import seconds
from game.sim.rules.base import Can, GroupKind
from game.sim.rules.disruptions.fridge_alarm import QuarantineVaccines, ReportFridgeAlarm, alarms
from game.sim.rules.medications.commands import PrepareDose
from game.sim.rules.medications.look import hold_reason, unit_problem
from game.sim.rules.medications.state import meds
from game.sim.state import Status
from tests.sim.disruptions_day import about, event, play_until, sim_of

ALARM_WORDS = ("the fridge alarmed at 09:35 reading 11.2 C: its vaccines are 'do not use' "
               "until the vaccine coordinator clears them")


def test_the_alarm_tells_the_ma_what_it_means() -> None:
    sim = play_until(sim_of(), "09:36", "idle")
    assert any(n.t == seconds("09:35") and n.text.startswith(
        "The vaccine fridge alarms: it reads 11.2 C (it must be 2 to 8 C). Label its vaccines "
        "'do not use'") for n in sim.notices)
    assert unit_problem(sim, "fridge") == ALARM_WORDS
    assert unit_problem(sim, "cabinet") is None


def test_the_reference_answers_at_once_holds_until_cleared_and_gives_after() -> None:
    sim = play_until(sim_of(), None)
    for words, comp in (("Labeled the fridge's vaccines 'do not use'", "XII.P.4"),
                        ("Recorded the fridge's excursion and told the vaccine coordinator",
                         "X.P.3")):
        found = about(sim, words)
        assert len(found) == 1 and found[0].points == found[0].max == 3
        assert found[0].competency == comp
    st = alarms(sim).alarms["fridge"]
    assert st.reported_t is not None and st.cleared_t is not None
    assert st.cleared_t >= st.reported_t + 90 * 60  # the coordinator's answer takes its time
    doses = {d.patient: d for pm in meds(sim).patients.values() for d in pm.doses.values()}
    assert doses["r04-lindgren"].status.value == "held"  # due while the unit was alarmed
    assert doses["r12-petrovic"].status.value == "given"  # due after the all-clear
    assert not about(sim, "came from a unit where")


def test_a_dose_from_the_alarmed_unit_is_a_safety_error_with_the_toolkit_note() -> None:
    sim = play_until(sim_of(), None, "naive")
    bad = about(sim, f"Tdap vaccine came from a unit where {ALARM_WORDS}")
    assert len(bad) == 1 and bad[0].points < 0 and bad[0].category == "safety"
    assert "CDC Storage and Handling Toolkit" in bad[0].note and "repeated" in bad[0].note
    assert [e.points for e in about(sim, "alarmed fridge's vaccines were never labeled")] == [0]
    assert [e.points for e in about(sim, "excursion was never recorded")] == [0]


def test_a_labeled_vial_is_not_drawn_up_and_the_hold_is_right() -> None:
    sim = play_until(sim_of(), None, until=lambda s: s.world.patients[
        "r06-mbeki"].status == Status.EXAM_DONE)  # long after the vaccines were labeled
    assert alarms(sim).alarms["fridge"].quarantined_t is not None
    prepare = PrepareDose(patient="r06-mbeki", product="tdap-b", dose_ml=0.5)
    can, why = sim.can(prepare)
    assert can == Can.NO and why.startswith("The fridge's vaccines are labeled 'do not use' "
                                            "since the alarm at 09:35: hold the dose")
    d = meds(sim).dose("r06-mbeki", "tdap-b")
    assert d is not None and hold_reason(sim, d) == "storage"


def test_the_offers_are_at_the_fridge_and_the_workstation_until_done() -> None:
    sim = play_until(sim_of(), "09:35", "idle")
    offers = {type(a.offer.command): a for a in sim.affordances(
        where=lambda o: o.group == GroupKind.STATION)
        if isinstance(a.offer.command, QuarantineVaccines | ReportFridgeAlarm)}
    assert offers[QuarantineVaccines].offer.subject == "fridge"
    assert offers[ReportFridgeAlarm].offer.subject == "workstation"
    assert offers[QuarantineVaccines].can == Can.NOW
    assert sim.submit(offers[QuarantineVaccines].command).ok
    assert sim.can(QuarantineVaccines(unit="fridge"))[1] == (
        "The fridge's vaccines are already labeled 'do not use'.")
    assert sim.can(QuarantineVaccines(unit="freezer"))[1] == (
        "The freezer has not alarmed: its vaccines are in range.")


@pytest.mark.parametrize(("reading", "time", "points", "wrong"), [
    (11.2, "09:35", 3, ""),
    (11.6, "09:39", 3, ""),  # within the thermometer's 0.5 C and five minutes
    (8.0, "09:35", 2, "the reading (8 C, not 11.2 C)"),
    (11.2, "08:00", 2, "the time (08:00, not 09:35)"),
    (4.0, "12:00", 1, "the reading (4 C, not 11.2 C), the time (12:00, not 09:35)"),
])
def test_the_excursion_record_is_checked_field_by_field(reading: float, time: str,
                                                        points: int, wrong: str) -> None:
    sim = play_until(sim_of(), "09:36", "idle")
    assert sim.submit(ReportFridgeAlarm(unit="fridge", reading_c=reading, time=time)).ok
    got = about(sim, "Recorded the fridge's excursion")
    assert got[0].points == points
    assert (f"wrong in the record: {wrong}" in got[0].reason) if wrong else \
        "wrong" not in got[0].reason


def _never_cleared(d: dict[str, Any]) -> None:
    del event(d, "fridge_alarm")["cleared_after_minutes"]


def test_without_a_clearance_every_dose_from_the_unit_is_held_all_day() -> None:
    sim = play_until(sim_of(_never_cleared), None)
    assert alarms(sim).alarms["fridge"].cleared_t is None
    doses = [d for pm in meds(sim).patients.values() for d in pm.doses.values()]
    assert doses and all(d.status.value == "held" and d.held == "storage" for d in doses)
    assert sim.score().passed


def test_unreported_the_vaccines_are_never_cleared() -> None:
    sim = play_until(sim_of(), "09:36", "idle")
    assert sim.submit(QuarantineVaccines(unit="fridge")).ok
    sim.advance(seconds("15:00"))
    assert alarms(sim).alarms["fridge"].cleared_t is None
    assert unit_problem(sim, "fridge") == ALARM_WORDS
