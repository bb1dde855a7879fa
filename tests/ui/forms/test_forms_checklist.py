"""The checklist form driven by real events: Done buttons and the typed fridge log."""

from __future__ import annotations

import pygame

from game.sim.commands import CompleteTask, LogFridge
from game.sim.engine import Simulation
from game.ui.context import AppContext
from game.ui.forms.checklist import ChecklistForm
from tests.ui.forms.helpers import Driver, Recorder, form_rect, new_sim, wait_free


def open_form(ctx: AppContext, sim: Simulation, phase: str
              ) -> tuple[ChecklistForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = ChecklistForm(ctx, sim, phase, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def test_done_buttons_complete_tasks(ctx: AppContext) -> None:
    sim = new_sim()
    form, d, rec = open_form(ctx, sim, "opening")
    first = form.rows[0][1]
    assert first.text == "Done"
    d.click(first)
    assert rec.last == CompleteTask(task="open-schedule") and rec.results[-1].ok
    assert first.text.startswith("Until ") and not first.is_enabled
    wait_free(sim)
    d.key(pygame.K_2)  # a speed key, never a task's shortcut
    assert rec.last == CompleteTask(task="open-schedule") and len(rec.commands) == 1
    d.click(form.rows[1][1])
    assert rec.last == CompleteTask(task="open-stock-exam3")
    wait_free(sim)
    d.frame()
    assert first.text == "Done 07:25"


def test_fridge_log_with_typed_temperatures(ctx: AppContext) -> None:
    sim = new_sim()
    form, d, rec = open_form(ctx, sim, "opening")
    block = form.fridges[0]
    assert [w.text for w in form.thermometers] == ["4.6 \u00b0C", "-21.0 \u00b0C"]
    d.fill(block.fridge, "4.6")
    d.key(pygame.K_TAB)
    d.type("-21.0")
    d.key(pygame.K_RETURN)
    assert rec.commands == [LogFridge(task="open-fridge", fridge_c=4.6, freezer_c=-21.0,
                                      out_of_range_reported=False)]
    assert rec.results[0].ok
    assert not block.log.is_enabled and not block.fridge.is_enabled


def test_fridge_log_typo_and_out_of_range_tick(ctx: AppContext) -> None:
    sim = new_sim()
    form, d, rec = open_form(ctx, sim, "opening")
    block = form.fridges[0]
    d.fill(block.fridge, "4,6C")
    d.key(pygame.K_RETURN)
    assert rec.commands == []
    assert form.message == "Fridge (\u00b0C): \u201c4,6C\u201d is not a number."
    block.fridge.set_text("9.5")
    block.freezer.set_text("-20")
    d.key(pygame.K_q, pygame.KMOD_ALT)  # the cursor is in a field: Alt+Q ticks
    d.click(block.log)
    assert rec.last == LogFridge(task="open-fridge", fridge_c=9.5, freezer_c=-20.0,
                                 out_of_range_reported=True)


def test_closing_tasks_too_early_show_the_reason(ctx: AppContext) -> None:
    sim = new_sim()
    form, d, rec = open_form(ctx, sim, "closing")
    assert form.heading.text == "Closing tasks, from 16:30"
    d.click(form.rows[0][1])
    assert rec.last == CompleteTask(task="close-clean-exam1") and not rec.results[-1].ok
    assert form.message == ("'Clean and disinfect Exam 1 for tomorrow' is a closing task: it "
                            "starts 30 minutes before closing.")


def test_the_form_closes_when_every_task_is_done(ctx: AppContext) -> None:
    sim = new_sim("short_morning")
    form, d, rec = open_form(ctx, sim, "opening")
    d.fill(form.fridges[0].fridge, "4.8")
    d.fill(form.fridges[0].freezer, "-20.8")
    d.key(pygame.K_RETURN)
    wait_free(sim)
    d.click(form.rows[0][1])
    assert [type(c).__name__ for c in rec.commands] == ["LogFridge", "CompleteTask"]
    assert all(r.ok for r in rec.results) and form.closed


def test_closing_lists_the_inventory_left_and_goes_to_the_supply_room(ctx: AppContext) -> None:
    from game.sim.view_supplies import inventory_left

    sim = new_sim()  # standard_day tracks supplies: every place is counted at closing
    form, d, _rec = open_form(ctx, sim, "closing")
    assert form.stock_line is not None and form.stock_line.visible
    left = inventory_left(sim)
    assert form.stock_line.text.startswith("[I] Inventory: " + ", ".join(left[:3]))
    assert f"and {len(left) - 3} more" in form.stock_line.text
    d.click(form.stock_line)
    assert form.closed and form.then_select == ("station", "supply")


def test_a_day_without_supplies_has_no_inventory_line(ctx: AppContext) -> None:
    sim = new_sim("short_morning")
    form, _d, _rec = open_form(ctx, sim, "closing")
    assert form.stock_line is None


def test_a_refused_checklist_button_says_why_as_the_simulation_does() -> None:
    from game.ui.day.actions import day_actions
    from tests.ui.forms.helpers import play_until

    sim = new_sim()
    play_until(sim, lambda s: s.now > 13 * 3600)  # opening done, closing not yet
    button = next(a for a in day_actions(sim) if a.form == "checklist")
    refused = sim.can(CompleteTask(task="close-clean-exam1"))[1]
    assert not button.enabled and button.reason.endswith("starts 30 minutes before closing.")
    assert "is a closing task" in refused and button.reason in button.tip
