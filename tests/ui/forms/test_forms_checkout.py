"""The checkout form driven by real events: the orders summary, the referral, Check out."""

from __future__ import annotations

import pygame

from game.sim.commands import CheckOut, ProcessReferral
from game.sim.engine import Simulation
from game.ui.context import AppContext
from game.ui.forms.checkout import CheckoutForm
from tests.ui.forms.helpers import (
    Driver,
    Recorder,
    after_exam,
    form_rect,
    new_sim,
)


def open_form(ctx: AppContext, sim: Simulation, pid: str
              ) -> tuple[CheckoutForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = CheckoutForm(ctx, sim, pid, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def test_referral_then_check_out(ctx: AppContext) -> None:
    sim = after_exam("p12-pierce")
    form, d, rec = open_form(ctx, sim, "p12-pierce")
    assert form.summary.html_text == "<b>Referral</b> to cardiology: NOT sent yet"
    d.click(form.referral_button)
    assert rec.last == ProcessReferral(patient="p12-pierce")
    assert form.summary.html_text == "<b>Referral</b> to cardiology: sent"
    sim.advance(sim.lead.busy_until)
    d.key(pygame.K_RETURN)
    assert rec.last == CheckOut(patient="p12-pierce") and rec.results[-1].ok
    assert form.closed


def test_unfinished_orders_are_listed_in_words(ctx: AppContext) -> None:
    sim = after_exam("p02-mehta")
    form, d, rec = open_form(ctx, sim, "p02-mehta")
    text = form.summary.html_text
    assert "complete blood count, hemoglobin A1c, comprehensive metabolic panel): NOT drawn" in text
    assert "<b>Follow-up</b> in 84-98 days: NOT booked yet" in text
    assert not hasattr(form, "referral_button")
    d.key(pygame.K_r)  # no referral ordered: the key does nothing
    assert rec.commands == []


def test_checkout_rejected_before_the_exam(ctx: AppContext) -> None:
    sim = new_sim()
    sim.advance(sim.world.patients["p01-whitaker"].arrival_t or 0)
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    d.click(form.go)
    assert not rec.results[0].ok and not form.closed
    assert form.message == "Denise Whitaker cannot be checked out now (arrived)."
