"""The call panel and the walk-in form on their own, driven by real events."""

from __future__ import annotations

from pathlib import Path

import pygame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.load import load_scenario
from game.scenario.people import WalkInPolicy
from game.sim.engine import Simulation
from game.sim.results import Rejected
from game.sim.state import Status
from game.sim.view import AnswerCall, CallStatus, HandleCall, phone
from game.ui.context import AppContext
from game.ui.forms.call import CallForm
from game.ui.forms.walk_in import WalkInForm
from tests.fuzz_settings import examples
from tests.ui.forms.helpers import Driver, Recorder, form_rect, inside, wait_free

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "phone_morning.json"
FIELDS = ("caller", "patient", "dob", "callback", "medication", "text")


def day(**changes: object) -> Simulation:
    """The phone test day, with changes to its scenario."""
    scenario = load_scenario(FIXTURE).scenario
    return Simulation(scenario.model_copy(update=changes), 1)


def on_the_line(sim: Simulation, call: str) -> None:
    """Advance until the call rings and answer it; wait until the MA has picked up."""
    c = phone(sim).calls[call]
    sim.advance(c.t)
    assert c.status == CallStatus.RINGING
    assert sim.submit(AnswerCall(call=call)).ok
    wait_free(sim)


def open_call(ctx: AppContext, sim: Simulation, call: str) -> tuple[CallForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = CallForm(ctx, sim, call, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def test_the_pad_starts_empty_and_every_widget_fits(ctx: AppContext) -> None:
    sim = day()
    on_the_line(sim, "resch1")
    form, _d, _rec = open_call(ctx, sim, "resch1")
    assert all(e.get_text() == "" for e in form.pad.fields.values())
    assert form.pad.relation_value == "" and form.pad.patient is None
    assert form.day_label.text == "choose a day"  # no day is offered as the answer
    for widget in form.container.elements:
        assert inside(form.container.get_abs_rect(), widget), widget


def test_book_with_the_day_and_time_picker(ctx: AppContext) -> None:
    sim = day()
    on_the_line(sim, "resch1")
    form, d, rec = open_call(ctx, sim, "resch1")
    d.click(form.choices["book"])
    assert form.message == "Choose a day and a time to book." and not form.closed
    d.key(pygame.K_PAGEDOWN)  # the first open day after today
    first = form.days[0]
    assert form.day_label.text.startswith(f"{first:%a} {first.day} {first:%b}")
    d.click(form.time_next)
    chosen = form.free()[0]
    assert form.time == chosen and form.time_label.text == chosen
    d.click(form.choices["book"])
    assert rec.last == HandleCall(call="resch1", action="book", message=rec.last.message,
                                  date=first, time=chosen)
    assert form.closed and phone(sim).calls["resch1"].status == CallStatus.DONE


def test_a_bad_date_of_birth_is_named_and_nothing_is_lost(ctx: AppContext) -> None:
    sim = day()
    on_the_line(sim, "spouse1")
    form, d, rec = open_call(ctx, sim, "spouse1")
    d.fill(form.pad.fields["caller"], "Mark Ruiz")
    d.fill(form.pad.fields["dob"], "31/31/1984")
    d.click(form.choices["take_message"])
    assert form.message.startswith("Date of birth:") and rec.commands == []
    assert form.pad.fields["caller"].get_text() == "Mark Ruiz"


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.lists(st.tuples(st.sampled_from(FIELDS), st.text(max_size=40)), max_size=6),
       action=st.sampled_from(["book", "cancel", "route", "call_911", "answer",
                               "take_message"]))
def test_whatever_is_typed_the_panel_answers_in_words(ctx: AppContext, typed: list[tuple[str,
                                                      str]], action: str) -> None:
    sim = day()
    on_the_line(sim, "spouse1")
    form, d, rec = open_call(ctx, sim, "spouse1")
    for field, text in typed:
        d.fill(form.pad.fields[field], text)
    d.click(form.choices[action])
    if form.closed:
        assert rec.results and rec.results[-1].ok
    else:
        assert form.message  # a refusal or a field to fix, said in the form
        if rec.results:
            assert isinstance(rec.results[-1], Rejected)
    pygame.event.clear()
    form.close()


def test_a_walk_in_form_greys_a_decision_with_the_simulations_reason(
        ctx: AppContext) -> None:
    sim = day(walk_in_policy=WalkInPolicy(double_booking=False, fit_within_minutes=0))
    rosa = sim.world.patients["w-walkin"]
    sim.advance(rosa.appt_t + 7 * 60)  # off the quarter hour: no slot starts right now
    assert rosa.status == Status.ARRIVED
    rec = Recorder(sim)
    form = WalkInForm(ctx, sim, rosa.id, rec, form_rect(ctx.size))
    d = Driver(ctx, form)
    assert not form.decisions["double_book"].is_enabled
    assert "This office does not double-book walk-ins." in form.reasons["double_book"].html_text
    assert not form.decisions["fit_in"].is_enabled
    assert "no open slot" in form.reasons["fit_in"].html_text
    assert form.reasons["urgent_care"].html_text == ""
    d.key(pygame.K_u)
    assert form.closed and rosa.status == Status.SENT_ELSEWHERE
