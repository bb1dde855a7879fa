"""The follow-up calendar driven by real events: week paging, free and booked slots, Book."""

from __future__ import annotations

import datetime as dt

import pygame

from game.sim.commands import BookFollowUp
from game.sim.engine import Simulation
from game.ui.context import AppContext
from game.ui.forms.schedule import ScheduleForm
from tests.ui.forms.helpers import Driver, Recorder, form_rect, new_sim, play_until

PID = "p03-hernandez-m"  # follow-up in 14-28 days; "afternoons only, please"



def after_exam(pid: str = PID) -> Simulation:
    sim = new_sim()
    play_until(sim, lambda s: s.world.patients[pid].status.value == "exam_done")
    sim.advance(max(sim.now, sim.lead.busy_until))
    return sim


def open_form(ctx: AppContext, sim: Simulation, pid: str = PID
              ) -> tuple[ScheduleForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = ScheduleForm(ctx, sim, pid, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def scroll_to(d: Driver, form: ScheduleForm, day: dt.date, time: str) -> None:
    """Click Later (or Earlier) until the slot is on screen."""
    for _ in range(10):
        if form.cell_for(day, time) is not None:
            return
        target = form.times.index(time)
        d.click(form.later if target >= form.offset + form.visible else form.earlier)
    raise AssertionError(f"{day} {time} never came on screen")


def test_opens_on_the_window_with_the_order_and_the_patients_words(ctx: AppContext) -> None:
    sim = after_exam()
    form, _, _ = open_form(ctx, sim)
    assert form.week == dt.date(2026, 12, 14)
    assert form.week_label.text == "Week of 14 Dec 2026"
    assert [label.text for label, _ in form.day_labels] == [
        "Mon 14 Dec", "Tue 15 Dec", "Wed 16 Dec", "Thu 17 Dec", "Fri 18 Dec"]
    assert [sub.text.split(" \u00b7 ")[0] for _, sub in form.day_labels] == [
        "13 days", "14 days", "15 days", "16 days", "17 days"]
    assert [form.in_window(d) for d in form.days()] == [False, True, True, True, True]
    texts = [w.text for w in form.container.elements if hasattr(w, "text")]
    assert any("in 14-28 days" in t for t in texts)
    said = [w.html_text for w in form.container.elements if hasattr(w, "html_text")]
    assert any("afternoons only, please" in t for t in said)
    assert not any("13:00" in t for t in said)  # the constraint is not spelled out


def test_clicking_a_free_slot_then_book(ctx: AppContext) -> None:
    sim = after_exam()
    form, d, rec = open_form(ctx, sim)
    day = dt.date(2026, 12, 16)
    scroll_to(d, form, day, "13:30")
    cell = form.cell_for(day, "13:30")
    assert cell is not None and cell.text == "13:30" and cell.is_enabled
    d.click(cell)
    assert form.selected == (day, "13:30")
    assert form.chosen_label.text == "Chosen: Wed 16 Dec 13:30"
    d.click(form.book)
    assert rec.commands == [BookFollowUp(patient=PID, date=day, time="13:30")]
    assert rec.results[0].ok and form.closed
    assert sim.world.patients[PID].follow_up == (day, "13:30")


def test_a_booked_slot_is_marked_and_not_clickable(ctx: AppContext) -> None:
    sim = after_exam()
    form, d, rec = open_form(ctx, sim)
    day = dt.date(2026, 12, 15)  # 13:00-13:45 is already booked for the provider
    scroll_to(d, form, day, "13:00")
    for time in ("13:00", "13:15", "13:30"):
        cell = form.cell_for(day, time)
        assert cell is not None and cell.text == f"{time} booked" and not cell.is_enabled
    d.click(form.cell_for(day, "13:15"))  # type: ignore[arg-type]
    assert form.selected is None
    d.key(pygame.K_RETURN)
    assert rec.commands == []
    assert form.message == "Choose a free slot first."
    free = form.cell_for(day, "13:45")
    assert free is not None and free.is_enabled and free.text == "13:45"


def test_paging_and_arrow_keys(ctx: AppContext) -> None:
    sim = after_exam()
    form, d, rec = open_form(ctx, sim)
    d.key(pygame.K_PAGEDOWN)
    assert form.week == dt.date(2026, 12, 21)
    d.key(pygame.K_PAGEUP)
    d.key(pygame.K_PAGEUP)
    d.key(pygame.K_PAGEUP)  # never before this week
    assert form.week == dt.date(2026, 11, 30)
    assert form.cell_for(dt.date(2026, 12, 1), "08:00").text == "\u2014"  # type: ignore[union-attr]
    d.key(pygame.K_PAGEDOWN)
    d.key(pygame.K_PAGEDOWN)
    d.key(pygame.K_DOWN)  # selects the week's first free slot
    assert form.selected == (dt.date(2026, 12, 14), "08:00")
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_DOWN)
    assert form.selected == (dt.date(2026, 12, 15), "08:15")
    d.key(pygame.K_RETURN)
    assert rec.last == BookFollowUp(patient=PID, date=dt.date(2026, 12, 15), time="08:15")


def test_the_simulations_reason_when_booking_too_early(ctx: AppContext) -> None:
    sim = new_sim()  # the patient has not been seen yet
    form, d, rec = open_form(ctx, sim)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert not rec.results[0].ok
    assert form.message == "Book Maria Hernandez's follow-up after the exam, before they leave."
