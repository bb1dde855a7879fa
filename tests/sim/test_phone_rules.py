"""The phone's rules in a real day: ringing, voicemail, hold, the line that holds the MA, red
flags, privacy, the calendar, drawn calls, the portal inbox and the closing reminder."""

from __future__ import annotations

from typing import Any

import pytest

from game.scenario.types import clock, seconds
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.results import Rejected
from game.sim.rules.base import Can
from game.sim.rules.phone.calls import phone
from game.sim.rules.phone.commands import AnswerCall, HandleCall, HoldCall, VerifyCaller
from game.sim.rules.phone.state import CallStatus as S
from game.sim.runner import play_policy
from tests.sim.phone_day import (
    at,
    call,
    do,
    entries,
    fixture,
    good_message,
    handle,
    phone_notices,
    pick_up,
    play_reference,
    quiet,
    sim_of,
    state,
)

ANA = {"name": "Ana Ruiz", "relation": "self"}


def one_call(**phone_fields: Any) -> dict[str, Any]:
    """The quiet day with Ana Ruiz's refill call at 08:10."""
    data = quiet()
    data["phone"] = {"calls": [call("refill1", "08:10", "refill", medication="lisinopril 10 mg "
                                    "daily", **ANA)], **phone_fields}
    return data


def test_the_phone_rings_at_its_time() -> None:
    sim = sim_of(one_call())
    at(sim, "08:10", -1)
    assert state(sim, "refill1").status == S.COMING
    assert phone_notices(sim, "ringing") == []
    at(sim, "08:10")
    assert state(sim, "refill1").status == S.RINGING
    (ring,) = [n for n in sim.notices if n.text == "The phone is ringing."]
    assert ring.t == seconds("08:10")
    (offer,) = [a for a in sim.affordances() if a.offer.label == "Answer the phone"]
    assert offer.can == Can.NOW and offer.offer.tip == "Voicemail picks up in 30 s."


@pytest.mark.parametrize("ring", [6, 30, 120])
def test_it_goes_to_voicemail_after_ring_seconds_not_a_second_earlier(ring: int) -> None:
    sim = sim_of(one_call(ring_seconds=ring))
    at(sim, "08:10", ring - 1)
    assert state(sim, "refill1").status == S.RINGING
    assert phone_notices(sim, "Voicemail") == []
    at(sim, "08:10", ring)
    assert state(sim, "refill1").status == S.VOICEMAIL
    assert phone_notices(sim, "Voicemail") == [
        'Voicemail from Ana Ruiz: "Can you tell me how she is doing?"']
    labels = [a.offer.label for a in sim.affordances() if a.can == Can.NOW]
    assert f"Return Ana Ruiz's voicemail ({clock(sim.now)})" in labels
    assert "Answer the phone" not in labels


def test_answering_while_ringing_earns_two_points_returning_a_voicemail_one() -> None:
    sim = sim_of(one_call())
    at(sim, "08:10", 29)
    assert pick_up(sim, "refill1").ok
    (answered,) = entries(sim, "Answered Ana Ruiz's call")
    assert (answered.points, answered.max) == (2, 2)
    sim = sim_of(one_call())
    at(sim, "08:10", 30)
    assert pick_up(sim, "refill1").ok
    (returned,) = entries(sim, "Returned Ana Ruiz's voicemail")
    assert (returned.points, returned.max) == (1, 2)
    assert returned.note.startswith("Answer within a few rings")


def test_a_caller_on_hold_hangs_up_after_hold_minutes_and_must_be_called_back() -> None:
    sim = sim_of(one_call(hold_minutes=3))
    at(sim, "08:10")
    assert pick_up(sim, "refill1").ok
    assert do(sim, HoldCall(call="refill1")).ok
    held = state(sim, "refill1")
    assert held.hold_until == sim.now + 180
    sim.advance(held.hold_until - 1)
    assert held.status == S.ON_HOLD and entries(sim, "hung up") == []
    sim.advance(sim.now + 1)
    assert held.status == S.VOICEMAIL
    (penalty,) = entries(sim, "hung up on hold")
    assert (penalty.category, penalty.points, penalty.critical) == ("experience", -1, False)
    assert phone_notices(sim, "hung up") == [
        "Ana Ruiz hung up after 3 min on hold: call them back."]
    (back,) = [a for a in sim.affordances()
               if a.offer.label.startswith("Return Ana Ruiz's voicemail (")]
    assert back.can == Can.NOW
    assert pick_up(sim, "refill1").ok and held.status == S.ON_LINE


def test_on_the_line_every_other_action_is_refused_and_the_affordances_say_so() -> None:
    data = one_call()
    data["phone"]["calls"].append(call("spouse1", "08:11"))
    sim = sim_of(data)
    at(sim, "08:10")
    assert pick_up(sim, "refill1").ok
    at(sim, "08:11")
    why = "You are on the phone with Ana Ruiz: deal with the call or put them on hold first."
    # (A command's own reason comes first: clocking out with patients still expected says
    # so; what can otherwise be done is held by the call.)
    others = [c.CompleteTask(task="open-stock-exam2"), AnswerCall(call="spouse1")]
    for cmd in others:
        assert sim.can(cmd) == (Can.NO, why), cmd
        result = sim.submit(cmd)
        assert isinstance(result, Rejected) and result.reason == why
    refused = [a for a in sim.affordances() if a.can == Can.NO]
    held = [a for a in refused if isinstance(a.offer.command, (c.LogFridge, c.CheckIn))]
    assert held and all(a.reason == why for a in held)
    on_line = {a.offer.label for a in sim.affordances() if a.offer.subject == "phone"
               and a.can != Can.NO}
    assert on_line == {"Verify Ana Ruiz", "Deal with Ana Ruiz's call…", "Put Ana Ruiz on hold"}
    assert do(sim, HoldCall(call="refill1")).ok
    assert sim.can(AnswerCall(call="spouse1"))[0] == Can.WHEN_FREE  # the hold takes seconds
    assert pick_up(sim, "spouse1").ok


def red_flag_day() -> dict[str, Any]:
    data = quiet()
    data["phone"] = {"calls": [call("red1", "09:20", "red_flag", red_flag="chest_pain",
                                    words="My chest is tight.", **ANA)]}
    return data


def critical(sim: Simulation) -> list[str]:
    return [e.reason for e in sim.ledger.entries if e.critical]


def test_a_red_flag_told_to_call_911_at_once_is_right() -> None:
    sim = sim_of(red_flag_day())
    at(sim, "09:20")
    assert pick_up(sim, "red1").ok
    assert handle(sim, "red1", "call_911").ok
    assert critical(sim) == []
    (told,) = entries(sim, "told to call 911, the provider told")
    assert told.points == told.max == 5


def test_a_red_flag_verified_first_is_critical() -> None:
    sim = sim_of(red_flag_day())
    at(sim, "09:20")
    assert pick_up(sim, "red1").ok
    assert do(sim, VerifyCaller(call="red1")).ok
    assert handle(sim, "red1", "call_911").ok
    assert critical(sim) == ["Ana Ruiz, who described chest pain, was not told to call 911 at "
                             "once"]


def test_a_red_flag_on_hold_is_critical_when_they_hang_up() -> None:
    sim = sim_of(red_flag_day())
    at(sim, "09:20")
    assert pick_up(sim, "red1").ok
    assert do(sim, HoldCall(call="red1")).ok
    sim.advance(state(sim, "red1").hold_until or 0)
    assert critical(sim) == ["Ana Ruiz, who described chest pain, was left on hold"]


def test_a_red_flag_never_answered_is_critical_at_the_end_of_the_day() -> None:
    sim = sim_of(red_flag_day())
    at(sim, "11:59")
    assert critical(sim) == []  # a voicemail by now, but the day is not over
    sim.advance(sim.end_time)
    assert sim.finished
    assert critical(sim) == ["Ana Ruiz, who described chest pain, was never told to call 911"]
    assert sim.score().total <= sim.scenario.scoring.critical_cap


class TellsTheSpouse:
    """The reference bot, except that it answers the spouse's question about his wife."""

    name = "tells-the-spouse"

    def __init__(self) -> None:
        self.inner = POLICIES["reference"]()

    def choose(self, sim: Simulation, actor: str | None = None) -> c.Command | None:
        """Like the reference, but the spouse is answered once verified."""
        spouse = phone(sim).calls["spouse1"]
        if spouse.status == S.ON_LINE and spouse.verified:
            return HandleCall(call="spouse1", action="answer",
                              message=good_message(sim, "spouse1"))
        return self.inner.choose(sim, actor)


def test_telling_a_caller_who_may_not_be_told_caps_the_day_like_any_critical_error() -> None:
    good = play_reference(sim_of(fixture())).score()
    assert good.passed and good.total > 59
    sim = sim_of(fixture())
    play_policy(sim, TellsTheSpouse())
    score = sim.score()
    (error,) = score.critical_errors
    assert error.reason == ("Told Mark Ruiz (the patient's spouse) about Ana Ruiz without "
                            "the right to know")
    assert error.competency == "X.P.2"
    assert score.total <= sim.scenario.scoring.critical_cap and not score.passed


def calendar_day(kind: str) -> dict[str, Any]:
    """Ana Ruiz's next visit on Monday 21 December at 09:00, and her call to move or cancel
    it; the practice books Monday to Friday."""
    data = quiet()
    data["charts"][0]["next_visit"]["date"] = "2026-12-21"
    fields: dict[str, Any] = {"words": "I can't make my visit on the 21st."}
    if kind == "reschedule":
        fields["wants"] = {"visit_type": "follow_up", "provider": "okafor", "min_days": 3,
                           "max_days": 20}
    data["phone"] = {"calls": [call("move1", "08:10", kind, **ANA, **fields)]}
    return data


def free_on(sim: Simulation, date: str) -> list[str]:
    import datetime as dt

    return list(sim.calendar.free_slots("okafor", "follow_up", dt.date.fromisoformat(date)))


def _on_line_verified(sim: Simulation) -> None:
    at(sim, "08:10")
    assert pick_up(sim, "move1").ok
    assert do(sim, VerifyCaller(call="move1")).ok


def test_rescheduling_frees_the_old_slot_and_books_the_new() -> None:
    import datetime as dt

    sim = sim_of(calendar_day("reschedule"))
    assert "09:00" not in free_on(sim, "2026-12-21")
    assert "08:00" in free_on(sim, "2026-12-07")
    _on_line_verified(sim)
    assert handle(sim, "move1", "book", date=dt.date(2026, 12, 7), time="08:00").ok
    assert "09:00" in free_on(sim, "2026-12-21")
    assert "08:00" not in free_on(sim, "2026-12-07")
    (booked,) = entries(sim, "request to reschedule: booked")
    assert booked.points == booked.max


def test_cancelling_frees_the_slot_once() -> None:
    sim = sim_of(calendar_day("cancel"))
    assert "09:00" not in free_on(sim, "2026-12-21")
    _on_line_verified(sim)
    assert handle(sim, "move1", "cancel").ok
    assert "09:00" in free_on(sim, "2026-12-21")
    (done,) = entries(sim, "cancellation: visit cancelled")
    assert done.points == done.max


def rate_day() -> dict[str, Any]:
    data = quiet()
    data["phone"] = {"rate": {"per_hour": 12, "start": "08:00", "end": "11:30", "pool": [
        {k: v for k, v in call("ask", "08:00").items() if k not in ("id", "time")} | {"id": "ask"},
    ]}}
    return data


def drawn(seed: int) -> list[tuple[str, int]]:
    return [(k, v.t) for k, v in phone(sim_of(rate_day(), seed)).calls.items()]


def test_a_rate_draws_the_same_calls_for_a_seed_and_others_for_another() -> None:
    first = drawn(5)
    assert len(first) > 10 and all(cid.startswith("ask#") for cid, _ in first)
    assert all(seconds("08:00") < t <= seconds("11:30") for _, t in first)
    assert drawn(5) == first
    assert drawn(6) != first


def portal_day() -> dict[str, Any]:
    data = quiet()
    data["phone"] = {"calls": [call("mom1", "10:10", "result", patient="c-kid",
                                    name="June Park", relation="parent", channel="portal")]}
    return data


def test_a_portal_message_waits_in_the_inbox_and_never_goes_to_voicemail() -> None:
    sim = sim_of(portal_day())
    at(sim, "10:10")
    msg = state(sim, "mom1")
    assert msg.status == S.INBOX
    assert phone_notices(sim) == ["A portal message from June Park is in the inbox."]
    at(sim, "11:00")
    assert msg.status == S.INBOX and phone_notices(sim, "Voicemail") == []
    assert sim.can(AnswerCall(call="mom1")) == (
        Can.NO, "June Park's portal message is answered from the inbox.")
    (offer,) = [a for a in sim.affordances() if a.offer.subject == "inbox"]
    assert offer.offer.label == "Portal message: June Park" and offer.can == Can.NOW
    assert handle(sim, "mom1", "route").ok
    assert msg.status == S.DONE
    assert [e.points for e in entries(sim, "June Park")] == [2, 2, 3]


def test_a_voicemail_left_at_closing_raises_one_reminder() -> None:
    data = quiet()
    data["phone"] = {"calls": [call("late1", "11:59", **ANA)]}
    sim = sim_of(data)
    at(sim, "11:59", 30)
    assert state(sim, "late1").status == S.VOICEMAIL
    sim.advance(sim.closes + 600)
    sim.advance(sim.closes + 1200)
    (reminder,) = phone_notices(sim, "Closing")
    assert reminder.startswith("Closing: 1 call") and reminder.endswith("before you clock out.")


def test_no_reminder_when_every_call_is_dealt_with() -> None:
    data = quiet()
    data["phone"] = {"calls": [call("early1", "08:10", **ANA)]}
    sim = sim_of(data)
    at(sim, "08:10")
    assert pick_up(sim, "early1").ok
    assert handle(sim, "early1", "answer").ok
    sim.advance(sim.closes + 600)
    assert phone_notices(sim, "Closing") == []


def test_a_red_flag_call_just_before_closing_is_still_answered() -> None:
    data = fixture()
    data["phone"]["calls"].append(call("late-red", "11:50", "red_flag", red_flag="chest_pain",
                                       words="My chest is tight.", **ANA))
    sim = play_reference(sim_of(data))
    assert critical(sim) == []
    assert state(sim, "late-red").status == S.DONE
    assert entries(sim, "never answered") == []
