"""Whatever is typed into the medication form's fields (odd text, characters the font cannot
draw, very long text), the form answers in words: the command goes to the simulation, or the
field's problem is named; it never raises and never shows what the field refused."""

from __future__ import annotations

import copy
from functools import cache

import pygame
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.sim.engine import Simulation
from game.sim.results import Rejected
from game.sim.rules.medications.commands import GiveMedication, PrepareDose
from game.ui.context import AppContext
from game.ui.forms.med_record import FIELDS
from game.ui.forms.medication import MedicationForm
from tests.fuzz_settings import examples
from tests.ui.forms.helpers import Driver, Recorder, form_rect, wait_free
from tests.ui.forms.test_forms_medication import ADULT, after_exam

# Text a player (or a broken input method) can send: any character, with the awkward ones
# (zero-width, combining, bidi controls, surrogates' neighbours, emoji) made likely.
ODD = st.sampled_from(["\u200b", "\ufeff", "\u0301", "\u202e", "\U0001f489", "\x00", "\t",
                       "0.5", "2026-12-02", "-", "."])
TEXT = st.lists(st.one_of(st.text(max_size=20), ODD), max_size=4).map("".join)


@cache
def _given_once() -> Simulation:
    sim = after_exam(ADULT)
    for cmd in (PrepareDose(patient=ADULT, product="flu-2627", dose_ml=0.5),
                GiveMedication(patient=ADULT, product="flu-2627", identifiers=["name", "dob"],
                               route="IM", site="deltoid", needle_in=1.0, needle_gauge=25)):
        assert sim.submit(cmd).ok
        wait_free(sim)
    return sim


def given_flu() -> Simulation:
    """A fresh copy of the day just after the adult's flu shot (the record still to write)."""
    return copy.deepcopy(_given_once())


@cache
def _before_once() -> Simulation:
    return after_exam(ADULT)


def check(form: MedicationForm, rec: Recorder) -> None:
    """The form said something: accepted, refused with the reason, or a field's problem."""
    assert form.closed or form.message
    if rec.results and not form.closed and isinstance(rec.results[-1], Rejected):
        assert form.message == rec.results[-1].reason


@settings(max_examples=examples(20), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.lists(st.tuples(st.sampled_from([f[0] for f in FIELDS]), TEXT), max_size=6))
def test_the_record_fields_take_any_text(ctx: AppContext, typed: list[tuple[str, str]]) -> None:
    sim = given_flu()
    rec = Recorder(sim)
    form = MedicationForm(ctx, sim, ADULT, rec, form_rect(ctx.size))
    d = Driver(ctx, form)
    assert form.page == "record"
    for field, text in typed:
        d.fill(form.record.fields[field], text)
        shown = form.record.fields[field].get_text()
        assert "\x00" not in shown and "\u200b" not in shown
    d.key(pygame.K_RETURN)
    check(form, rec)
    pygame.event.clear()
    form.close()


@settings(max_examples=examples(20), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_the_dose_field_takes_any_text(ctx: AppContext, text: str) -> None:
    sim = copy.deepcopy(_before_once())
    rec = Recorder(sim)
    form = MedicationForm(ctx, sim, ADULT, rec, form_rect(ctx.size))
    d = Driver(ctx, form)
    form.switch("prepare")
    d.fill(form.dose_entry, text)
    d.key(pygame.K_RETURN)
    check(form, rec)
    if rec.commands:
        assert isinstance(rec.last, PrepareDose) and 0 <= rec.last.dose_ml <= 10
    pygame.event.clear()
    form.close()
