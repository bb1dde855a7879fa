"""The check-in form driven by real events: identifiers, the same-name trap, eligibility, copay."""

from __future__ import annotations

import pygame

from game.sim.commands import CheckIn, CompleteTask
from game.sim.engine import Simulation
from game.ui.context import AppContext
from game.ui.forms.check_in import CheckInForm
from tests.ui.forms.helpers import Driver, Recorder, form_rect, new_sim, wait_free


def at_desk(pid: str) -> Simulation:
    """A day advanced to the moment a patient walks in."""
    sim = new_sim()
    sim.advance(sim.world.patients[pid].arrival_t or sim.now)
    wait_free(sim)
    return sim


def open_form(ctx: AppContext, sim: Simulation, pid: str) -> tuple[CheckInForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = CheckInForm(ctx, sim, pid, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def test_two_identifiers_eligibility_and_copay_make_the_command(ctx: AppContext) -> None:
    sim = at_desk("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    assert "I have an 8:00 am appointment" in form.speech_html()
    assert "date of birth" not in form.speech_html()
    d.click(form.ids["name"])
    d.key(pygame.K_d)  # the shortcut shown on the tick: [D] Date of birth
    assert "My date of birth is May 17, 1968." in form.speech_html()
    assert "WHITAKER, Denise" in form.chart_html() and "05/17/1968" in form.chart_html()
    assert form.answer_good.text == ""
    d.key(pygame.K_e)  # [E] Check eligibility
    assert form.answer_good.text == "Active today \u00b7 copay $25.00"
    d.fill(form.copay, "25")
    d.key(pygame.K_RETURN)
    assert rec.commands == [CheckIn(patient="p01-whitaker", identifiers=["name", "dob"],
                                    verify_insurance=True, copay=25.0)]
    assert rec.results[0].ok and form.closed
    assert sim.world.patients["p01-whitaker"].status.value == "waiting"


def test_same_name_trap_shows_the_other_patients_chart(ctx: AppContext) -> None:
    sim = at_desk("p13-hernandez-m2")  # born 1988; p03, born 1971, has the same name
    form, d, rec = open_form(ctx, sim, "p13-hernandez-m2")
    assert "No chart open yet" in form.chart_html()
    d.click(form.ids["name"])
    chart = form.chart_html()
    assert "03/22/1971" in chart and "MSF-102315" in chart and "08:40" in chart
    assert "I have a 2:00 pm appointment" in form.speech_html()
    d.click(form.ids["dob"])
    assert "September 14, 1988" in form.speech_html()
    assert "09/14/1988" in form.chart_html() and "MSF-109487" in form.chart_html()
    d.click(form.ids["dob"].text_label)  # a click on the label toggles too
    assert not form.ids["dob"].checked
    assert "03/22/1971" in form.chart_html()
    d.click(form.go)
    assert rec.last == CheckIn(patient="p13-hernandez-m2", identifiers=["name"])
    assert sim.world.patients["p13-hernandez-m2"].chart_id == "p03-hernandez-m"


def test_room_number_is_offered_and_sent_as_ticked(ctx: AppContext) -> None:
    sim = at_desk("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    d.key(pygame.K_n)
    d.key(pygame.K_r)
    assert "haven't been taken to a room" in form.speech_html()
    d.key(pygame.K_RETURN)
    assert rec.last.identifiers == ["name", "room_number"]  # type: ignore[union-attr]


def test_copay_typed_as_text_gives_an_inline_message(ctx: AppContext) -> None:
    sim = at_desk("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    d.fill(form.copay, "abc")
    d.key(pygame.K_RETURN)
    assert rec.commands == []
    assert not form.closed
    assert form.message_is_error
    assert form.message == "Copay: \u201cabc\u201d is not an amount in dollars (e.g. 25 or 25.00)."
    assert "is not an amount in dollars" in form.status.html_text  # type: ignore[union-attr]
    assert form.copay.is_focused  # the cursor goes back to the wrong field
    d.key(pygame.K_BACKSPACE)
    d.key(pygame.K_BACKSPACE)
    d.key(pygame.K_BACKSPACE)
    d.type("$25.00")
    d.key(pygame.K_RETURN)
    assert rec.last.copay == 25.0  # type: ignore[union-attr]


def test_inactive_coverage_and_self_pay(ctx: AppContext) -> None:
    sim = at_desk("p14-kowalski")
    form, d, rec = open_form(ctx, sim, "p14-kowalski")
    d.click(form.ids["name"])
    d.click(form.ids["dob"])
    d.key(pygame.K_e)
    assert form.answer_bad.text == "INACTIVE: coverage ended" and form.answer_good.text == ""
    d.click(form.self_pay)
    d.key(pygame.K_RETURN)
    assert rec.last == CheckIn(patient="p14-kowalski", identifiers=["name", "dob"],
                               verify_insurance=True, inform_self_pay=True, copay=0.0)


def test_new_card_scan_reveals_the_new_copay(ctx: AppContext) -> None:
    sim = at_desk("p06-raman")
    form, d, _ = open_form(ctx, sim, "p06-raman")
    assert "I have a new insurance card." in form.speech_html()
    d.click(form.check_button)
    assert form.answer_bad.text == "Card on file not valid: new card needed"
    d.key(pygame.K_s)
    assert form.answer_good.text == "New card scanned: active \u00b7 copay $30.00"


def test_moved_patient_says_so_and_update_is_sent(ctx: AppContext) -> None:
    sim = at_desk("p02-mehta")
    form, d, rec = open_form(ctx, sim, "p02-mehta")
    assert "I moved last month" in form.speech_html()
    d.key(pygame.K_u)
    d.key(pygame.K_RETURN)
    assert rec.last.update_demographics is True  # type: ignore[union-attr]


def test_rejected_reason_is_shown_inline(ctx: AppContext) -> None:
    sim = at_desk("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    # Checked in meanwhile (by a command given elsewhere): the form's own now cannot be.
    assert sim.submit(CheckIn(patient="p01-whitaker", identifiers=["name", "dob"])).ok
    sim.advance(sim.lead.busy_until)
    d.key(pygame.K_RETURN)
    assert not rec.results[0].ok and not form.closed
    assert "not waiting at the front desk" in form.message
    assert form.message_is_error


def test_a_check_in_while_busy_is_queued_and_says_so(ctx: AppContext) -> None:
    sim = at_desk("p01-whitaker")
    assert sim.submit(CompleteTask(task="open-glucose-qc")).ok  # the MA is now busy
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    d.key(pygame.K_RETURN)
    assert rec.results[0].ok and sim.lead.queue
    assert "Queued (1 of 5)" in form.message and not form.message_is_error
    sim.advance(sim.lead.busy_until)  # free: the check-in starts
    assert not sim.lead.queue and sim.world.patients["p01-whitaker"].status.value == "waiting"


def test_shortcuts_need_alt_inside_a_field_and_esc_closes(ctx: AppContext) -> None:
    sim = at_desk("p01-whitaker")
    form, d, _ = open_form(ctx, sim, "p01-whitaker")
    d.key(pygame.K_TAB)
    assert form.copay.is_focused
    d.key(pygame.K_n)  # typing in the field: not a shortcut
    assert not form.ids["name"].checked
    d.key(pygame.K_n, pygame.KMOD_ALT)
    assert form.ids["name"].checked
    assert form.wants_escape()
    d.key(pygame.K_ESCAPE)
    assert form.closed and not form.window.alive()
