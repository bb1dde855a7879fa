"""The supplies form driven by real events: a room's shelves with counts, par and expiry,
restocking it to par, pulling an expired lot, and each greyed action with its reason."""

from __future__ import annotations

import pygame

from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.ui.context import AppContext
from game.ui.forms.registry import FORMS
from game.ui.forms.supplies import SuppliesForm, stock_badge
from tests.sim.supplies_helpers import FIXTURE
from tests.ui.forms.helpers import Driver, Recorder, form_rect, wait_free


def new_sim() -> Simulation:
    return Simulation(load_scenario(FIXTURE).scenario, 1)


def open_form(ctx: AppContext, sim: Simulation, station: str
              ) -> tuple[SuppliesForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = SuppliesForm(ctx, sim, station, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def test_the_registry_opens_it_from_the_offer() -> None:
    sim = new_sim()
    offers = [o for o in sim.offers() if o.form == "supplies"]
    assert FORMS["supplies"] is SuppliesForm
    assert {o.subject for o in offers} == {"room:exam1", "room:exam2", "supply"}


def test_restocking_a_low_room_through_the_form(ctx: AppContext) -> None:
    sim = new_sim()
    form, d, rec = open_form(ctx, sim, "room:exam1")
    assert form.window.window_display_title == "Supplies: Exam 1"
    text = form.shelves.html_text
    assert "<b>exam gloves</b>: 1 of par 4" in text and "LOW" in text
    assert "G-2291 \u00d71, exp 2027-06-30" in text
    badge = stock_badge(sim, "exam1")
    assert badge is not None and badge[:2] == ("warning", "Low stock")
    assert badge[3] == "Low on exam gloves, lavender-top tube: restock to par before it runs out"
    # Counting waits for closing: greyed, with the simulation's reason beside it.
    assert not form.buttons["count_stock"].is_enabled
    assert "Counting stock is part of closing" in form.reasons["count_stock"].html_text
    d.click(form.buttons["restock"])
    assert rec.last.type == "restock" and rec.last.place == "exam1"  # type: ignore[attr-defined]
    assert rec.results[-1].ok and "restocking Exam 1" in form.message
    wait_free(sim)
    d.frame()
    text = form.shelves.html_text
    assert "<b>exam gloves</b>: 4 of par 4 — at par" in text and "LOW" not in text
    assert not form.buttons["restock"].is_enabled
    assert "Exam 1 is at par: nothing to restock." in form.reasons["restock"].html_text
    assert stock_badge(sim, "exam1") is None


def test_the_d_key_pulls_an_expired_lot(ctx: AppContext) -> None:
    sim = new_sim()
    form, d, rec = open_form(ctx, sim, "room:exam2")
    assert "<b>EXPIRED</b> G-1907 \u00d71, exp 2026-11-30" in form.shelves.html_text
    d.key(pygame.K_d)
    assert rec.last.type == "discard_expired" and rec.results[-1].ok
    wait_free(sim)
    d.frame()
    assert "EXPIRED" not in form.shelves.html_text
    assert any("pulled 1 expired unit of exam gloves" in n.text for n in sim.notices)


def test_the_supply_room_order_waits_for_its_count(ctx: AppContext) -> None:
    sim = new_sim()
    form, d, rec = open_form(ctx, sim, "supply")
    assert form.window.window_display_title == "Supplies: the supply room"
    d.key(pygame.K_RETURN)
    assert not rec.results[-1].ok
    assert form.message.startswith("Count the supply room first")
