"""Walk-ins at the desk: an open slot inside the office's window, a provider's break, a full
schedule, a red flag, and a walk-in sent away whose visit no longer counts."""

from __future__ import annotations

from typing import Any

import pytest

from game.scenario.types import clock, seconds
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.results import Rejected
from game.sim.rules.walk_ins import ScreenWalkIn, best, open_slot
from game.sim.state import PatientState, Status
from tests.sim.phone_day import at, play_reference, quiet, sim_of

WALK_IN = "w-walkin"  # arrives 09:35 for an acute (15 min) visit with Dr. Okafor
# At 09:35 the first slot on the 15-minute grid is 09:45 (Ana Castillo's, to 10:00); 10:00 is
# the first open one: 25 minutes away.
FIRST_OPEN = "10:00"


def day(fit: int = 60, double_booking: bool = True, full: bool = False,
        breaks: list[dict[str, str]] | None = None, red_flag: str | None = None
        ) -> dict[str, Any]:
    """The quiet fixture day with the office's policy and the provider's list as asked."""
    data = quiet()
    data["walk_in_policy"] = {"fit_within_minutes": fit, "double_booking": double_booking}
    if breaks is not None:
        data["providers"][0]["breaks"] = breaks
    if full:  # every 15 minutes from 10:00 to the provider's end (11:45) taken
        for n, time in enumerate(("10:00", "10:15", "10:45", "11:00", "11:15", "11:30")):
            extra = dict(data["patients"][4], id=f"s1{n}-extra", mrn=f"MSF-30{n:04d}",
                         phone=f"555-01{40 + n}")
            extra["appointment"] = {**extra["appointment"], "time": time}
            data["patients"].append(extra)
    if red_flag is not None:
        data["patients"][5]["walk_in"] = {"complaint": "My chest hurts and I feel sweaty.",
                                          "red_flag": red_flag}
    return data


def at_the_desk(data: dict[str, Any]) -> tuple[Simulation, PatientState]:
    """The day at the moment the walk-in arrives."""
    sim = sim_of(data)
    at(sim, "09:35")
    p = sim.world.patients[WALK_IN]
    assert p.status == Status.ARRIVED and p.walk_in
    return sim, p


def slot(data: dict[str, Any]) -> str | None:
    sim, p = at_the_desk(data)
    t = open_slot(sim, p)
    return None if t is None else clock(t)


@pytest.mark.parametrize("fit, expected, source", [
    (60, FIRST_OPEN, "domain.md: walk-ins: fit into an open slot"),
    (25, FIRST_OPEN, "people.py WalkInPolicy: a slot that starts within the window counts"),
    (24, None, "people.py WalkInPolicy: a slot one minute past the window does not"),
    (0, None, "people.py WalkInPolicy: no window, no fit-in"),
])
def test_open_slot_at_the_window_boundary(fit: int, expected: str | None, source: str) -> None:
    assert slot(day(fit=fit)) == expected, source


def test_a_slot_at_the_limit_is_accepted_and_one_past_is_refused_with_the_policy() -> None:
    sim, p = at_the_desk(day(fit=25))
    assert sim.submit(ScreenWalkIn(patient=WALK_IN, decision="fit_in")).ok
    assert clock(p.appt_t) == FIRST_OPEN
    assert any(n.text == "Rosa Diaz is fitted in at 10:00. Check them in." for n in sim.notices)
    sim, _ = at_the_desk(day(fit=24))
    result = sim.submit(ScreenWalkIn(patient=WALK_IN, decision="fit_in"))
    assert isinstance(result, Rejected)
    assert result.reason == ("The provider has no open slot in the next 24 minutes: "
                              "double-book with their approval or direct the patient to "
                              "urgent care.")


@pytest.mark.parametrize("breaks, fit, expected, source", [
    ([{"start": "10:00", "end": "10:30"}], 60, None,
     "a provider's break is not a slot (and 10:30 is Emily Fischer's)"),
    ([{"start": "10:00", "end": "10:30"}], 70, "10:45", "the slot right after the break"),
    ([{"start": "10:00", "end": "10:30"}], 69, None, "10:45 is one minute past the window"),
    ([{"start": "10:05", "end": "10:10"}], 60, "10:15", "a short break still blocks 10:00"),
])
def test_a_provider_break_is_not_an_open_slot(breaks: list[dict[str, str]], fit: int,
                                              expected: str | None, source: str) -> None:
    assert slot(day(fit=fit, breaks=breaks)) == expected, source


@pytest.mark.parametrize("double_booking, right", [(True, "double_book"),
                                                   (False, "urgent_care")])
def test_a_full_schedule_is_double_booked_or_sent_to_urgent_care_by_policy(
        double_booking: bool, right: str) -> None:
    sim, p = at_the_desk(day(full=True, fit=480, double_booking=double_booking))
    assert open_slot(sim, p) is None
    assert best(sim, p) == right  # domain.md: walk-ins, by the office's policy
    fit = sim.can(ScreenWalkIn(patient=WALK_IN, decision="fit_in"))
    assert fit[1].startswith("The provider has no open slot in the next 480 minutes")
    if not double_booking:
        assert sim.can(ScreenWalkIn(patient=WALK_IN, decision="double_book"))[1] == \
            "This office does not double-book walk-ins."
    assert sim.submit(ScreenWalkIn(patient=WALK_IN, decision=right)).ok  # type: ignore[arg-type]
    fit_entry = next(e for e in sim.ledger.entries if e.patient == WALK_IN
                     and e.competency == "VI.P.1")
    assert fit_entry.points == fit_entry.max == 2


def test_nothing_is_done_for_an_unscreened_walk_in() -> None:
    sim, _ = at_the_desk(day())
    check_in = c.CheckIn(patient=WALK_IN, identifiers=["name", "dob"], verify_insurance=True,
                         copay=30)
    why = "Screen Rosa Diaz first: ask what brings them in today."
    assert sim.can(check_in)[1] == why
    refused = sim.submit(check_in)
    assert isinstance(refused, Rejected) and refused.reason == why
    offers = [a for a in sim.affordances() if a.offer.subject == WALK_IN]
    assert {a.offer.label for a in offers if a.reason == ""} == {"Screen walk-in…"}


def test_a_red_flag_walk_in_fitted_in_is_a_critical_error() -> None:
    sim, _ = at_the_desk(day(red_flag="chest_pain"))
    assert sim.submit(ScreenWalkIn(patient=WALK_IN, decision="fit_in")).ok
    (error,) = [e for e in sim.ledger.entries if e.critical]
    assert error.reason == "Walk-in Rosa Diaz with chest pain was told to wait"
    assert error.competency == "I.P.3"
    play_reference(sim)
    score = sim.score()
    assert score.total <= sim.scenario.scoring.critical_cap and not score.passed


def test_a_red_flag_walk_in_sent_to_911_is_right_and_their_visit_is_settled() -> None:
    sim, p = at_the_desk(day(red_flag="chest_pain"))
    assert best(sim, p) == "call_911"
    assert sim.submit(ScreenWalkIn(patient=WALK_IN, decision="call_911")).ok
    assert p.status == Status.SENT_ELSEWHERE
    screen, *visit = [e for e in sim.ledger.entries if e.patient == WALK_IN]
    assert screen.points == screen.max == 5
    # The visit they will not have here is earned: it was right to send them.
    assert visit and all(e.points == e.max > 0 for e in visit)
    assert {e.reason for e in visit} == {"Rosa Diaz's visit: not needed here"}


def _possible(sim: Simulation) -> dict[str, int]:
    return {k: v[1] for k, v in sim.score().categories.items()}


def test_a_walk_in_sent_away_leaves_the_possible_points_as_they_were() -> None:
    """Source: every player of a day faces the same possible points (the GUIDE, scoring)."""
    sim, p = at_the_desk(day(full=True, double_booking=False))
    before = _possible(sim)
    assert best(sim, p) == "urgent_care"
    assert sim.submit(ScreenWalkIn(patient=WALK_IN, decision="urgent_care")).ok
    assert p.status == Status.SENT_ELSEWHERE and _possible(sim) == before
    play_reference(sim)
    mine = [e for e in sim.ledger.entries if e.patient == WALK_IN]
    assert all(e.points == e.max for e in mine)  # right to send them: nothing missed
    assert seconds("09:35") == p.left_t


def test_a_walk_in_sent_away_who_could_have_been_seen_loses_the_visit() -> None:
    sim, p = at_the_desk(day())
    assert best(sim, p) == "fit_in"
    before = _possible(sim)
    assert sim.submit(ScreenWalkIn(patient=WALK_IN, decision="urgent_care")).ok
    assert _possible(sim) == before
    visit = [e for e in sim.ledger.entries if e.patient == WALK_IN][2:]
    assert visit and all(e.points == 0 < e.max for e in visit)
    assert all("could have been seen" in e.reason and "fitted in" in e.note for e in visit)
