"""The lab form driven by real events: the rack's click order, labels, timers, spin and pack."""

from __future__ import annotations

import pygame

from game.sim.commands import (
    Centrifuge,
    DrawBlood,
    Fingerstick,
    LabelSpecimens,
    PackSpecimens,
)
from game.sim.engine import Simulation
from game.ui.context import AppContext
from game.ui.forms.lab import LabForm
from game.ui.forms.lab_view import rack_order
from tests.ui.forms.helpers import (
    Driver,
    Recorder,
    after_exam,
    form_rect,
)

MINUTE = 60





def open_form(ctx: AppContext, sim: Simulation, pid: str) -> tuple[LabForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = LabForm(ctx, sim, pid, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def test_orders_are_shown_by_test_name_and_the_rack_is_not_in_draw_order(
        ctx: AppContext) -> None:
    sim = after_exam("p02-mehta")
    form, _, _ = open_form(ctx, sim, "p02-mehta")
    text = form.orders.html_text
    assert "complete blood count" in text and "hemoglobin A1c" in text
    assert "comprehensive metabolic panel" in text
    assert "lavender" not in text and "gold" not in text
    assert rack_order() != ["blood_culture", "light_blue", "red", "gold", "green", "lavender",
                            "gray"]
    gold = form.tubes["gold"]
    assert gold.text == "gold (SST)"  # no number key: digits are the day's speed keys
    assert "clot activator and gel" in gold.tool_tip_text
    assert "comprehensive metabolic panel" in gold.tool_tip_text


def test_clicks_on_the_rack_make_the_draw_sequence(ctx: AppContext) -> None:
    sim = after_exam("p02-mehta")
    form, d, rec = open_form(ctx, sim, "p02-mehta")
    d.click(form.tubes["lavender"])
    d.click(form.tubes["gray"])
    assert form.seq_label.text == "Draw order: 1 lavender \u00b7 2 gray"
    d.key(pygame.K_z)  # undo the gray tube
    d.click(form.tubes["gold"])
    assert form.sequence == ["lavender", "gold"]
    d.click(form.ids["name"])
    d.click(form.ids["dob"])
    d.key(pygame.K_RETURN)
    assert rec.commands == [DrawBlood(patient="p02-mehta", identifiers=["name", "dob"],
                                      tubes=["lavender", "gold"])]
    assert rec.results[0].ok and form.sequence == []


def test_digits_add_no_tubes_and_x_clears(ctx: AppContext) -> None:
    sim = after_exam("p02-mehta")
    form, d, rec = open_form(ctx, sim, "p02-mehta")
    for key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_KP1):
        d.key(key)
    assert form.sequence == []
    assert form.seq_label.text == "Draw order: click tubes, first to last"
    d.click(form.tubes["gold"])
    d.click(form.tubes["lavender"])
    assert form.sequence == ["gold", "lavender"]
    d.key(pygame.K_x)
    assert form.sequence == []
    d.key(pygame.K_RETURN)
    assert rec.commands == []
    assert form.message == "Click the tubes in the order you will draw them first."


def test_label_clotting_centrifuge_and_pack(ctx: AppContext) -> None:
    sim = after_exam("p01-whitaker")  # lipid panel and CMP: one gold serum tube
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    assert form.specimens.html_text == "No tubes drawn yet."
    assert form.courier.text.startswith("Next courier 15:00 (in ")
    d.click(form.tubes["gold"])
    d.key(pygame.K_n)
    d.key(pygame.K_d)
    d.key(pygame.K_RETURN)
    drawn = sim.world.specimens[0].drawn_t
    sim.advance(sim.lead.busy_until)
    d.key(pygame.K_l)
    assert rec.last == LabelSpecimens(patient="p01-whitaker", identifiers=["name", "dob"])
    sim.advance(sim.lead.busy_until)
    d.frame()
    clotted = drawn + 30 * MINUTE
    text = form.specimens.html_text
    assert "label: Denise Whitaker 05/17/1968" in text
    assert f"clotting until {clotted // 3600:02d}:{clotted % 3600 // 60:02d}" in text
    sim.advance(clotted)
    d.frame()
    assert "clotted: ready to centrifuge" in form.specimens.html_text
    d.key(pygame.K_c)
    assert rec.last == Centrifuge(patient="p01-whitaker") and rec.results[-1].ok
    d.frame()
    assert "in the centrifuge until" in form.specimens.html_text
    sim.advance(sim.lead.busy_until)
    d.key(pygame.K_k)  # too early: the sim says why
    assert not rec.results[-1].ok
    assert form.message.startswith("Denise Whitaker's tubes are in the centrifuge until")
    sim.advance(sim.now + 12 * MINUTE)
    d.key(pygame.K_k)
    assert rec.last == PackSpecimens(patient="p01-whitaker") and rec.results[-1].ok
    assert form.closed  # every tube packed: nothing left to do here


def test_fingerstick_button_only_when_ordered(ctx: AppContext) -> None:
    sim = after_exam("p10-tran")
    form, d, rec = open_form(ctx, sim, "p10-tran")
    assert "fingerstick glucose" in form.orders.html_text
    d.key(pygame.K_n)
    d.key(pygame.K_p)
    d.key(pygame.K_f)
    assert rec.last == Fingerstick(patient="p10-tran", identifiers=["name", "phone"])
    d.frame()
    assert "Fingerstick glucose</b> reported" in form.specimens.html_text
    other = after_exam("p01-whitaker")
    plain, pd, prec = open_form(ctx, other, "p01-whitaker")
    pd.key(pygame.K_f)
    assert prec.commands == []
    assert not any("Fingerstick" in b.text for b in plain._actions)
