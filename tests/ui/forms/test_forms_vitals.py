"""The vitals form driven by real events: measure, read the device, type, flag, record."""

from __future__ import annotations

import pygame

from game.sim.commands import Escalate, MeasureVitals, RecordVitals, ReviewHistory
from game.sim.engine import Simulation
from game.ui.context import AppContext
from game.ui.forms.vitals import VitalsForm, device_values
from tests.ui.forms.helpers import (
    Driver,
    Recorder,
    checked_in_and_roomed,
    form_rect,
    new_sim,
)


def roomed(pid: str) -> Simulation:
    sim = new_sim()
    checked_in_and_roomed(sim, pid)
    return sim


def open_form(ctx: AppContext, sim: Simulation, pid: str) -> tuple[VitalsForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = VitalsForm(ctx, sim, pid, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def shown(form: VitalsForm) -> list[str]:
    return [label.text for label in form.readings]


def test_device_shows_readings_only_when_the_measurement_is_finished(ctx: AppContext) -> None:
    sim = roomed("p03-hernandez-m")
    form, d, rec = open_form(ctx, sim, "p03-hernandez-m")
    assert set(shown(form)) == {"--"}
    d.key(pygame.K_m)
    assert rec.commands == [MeasureVitals(patient="p03-hernandez-m")]
    p = sim.world.patients["p03-hernandez-m"]
    assert p.measured is not None and sim.now < p.busy_until
    assert set(shown(form)) == {"..."}
    assert form.lets_time_run()  # the day scene must not hold the clock now
    assert form.device_note.text == "measuring..."
    sim.advance(p.busy_until)
    d.frame()
    assert not form.lets_time_run()
    assert shown(form) == list(device_values(p.measured))
    assert shown(form)[-1] == "\u2014"  # no height in this patient's chart
    assert "height_in" not in form.fields


def test_typed_values_and_flags_make_record_vitals(ctx: AppContext) -> None:
    sim = roomed("p03-hernandez-m")  # hypertensive: BP is abnormal
    form, d, rec = open_form(ctx, sim, "p03-hernandez-m")
    d.click(form.measure_button)
    p = sim.world.patients["p03-hernandez-m"]
    sim.advance(p.busy_until)
    d.frame()
    m = p.measured
    assert m is not None
    d.click(form.fields["systolic"])
    for text in (str(m.systolic), str(m.diastolic), str(m.pulse), str(m.resp),
                 f"{m.temp_f:.1f}", str(m.spo2), f"{m.weight_lb:.1f}"):
        d.type(text)
        d.key(pygame.K_TAB)
    d.click(form.flags["bp"])
    d.key(pygame.K_t, pygame.KMOD_ALT)  # inside a field, Alt+key ticks [T] Temp
    d.key(pygame.K_t, pygame.KMOD_ALT)  # and unticks it
    d.key(pygame.K_RETURN)
    assert rec.last == RecordVitals(
        patient="p03-hernandez-m", systolic=m.systolic, diastolic=m.diastolic, pulse=m.pulse,
        resp=m.resp, temp_f=m.temp_f, spo2=m.spo2, weight_lb=m.weight_lb, height_in=None,
        abnormal=["bp"])
    assert rec.results[-1].ok and form.closed


def test_height_field_when_the_chart_has_a_height(ctx: AppContext) -> None:
    sim = roomed("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    assert "height_in" in form.fields
    d.key(pygame.K_m)
    p = sim.world.patients["p01-whitaker"]
    sim.advance(p.busy_until)
    d.frame()
    assert shown(form)[-1] == "64.5"
    values = ["106", "70", "67", "16", "98.1", "98", "152.2", "64.5"]
    d.key(pygame.K_TAB)
    for text in values:
        d.type(text)
        d.key(pygame.K_TAB)
    d.key(pygame.K_RETURN)
    cmd = rec.last
    assert isinstance(cmd, RecordVitals)
    assert (cmd.systolic, cmd.height_in, cmd.temp_f, cmd.abnormal) == (106, 64.5, 98.1, [])


def test_a_non_number_names_the_field(ctx: AppContext) -> None:
    sim = roomed("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    d.fill(form.fields["systolic"], "120")
    d.fill(form.fields["diastolic"], "80")
    d.fill(form.fields["pulse"], "seventy")
    d.key(pygame.K_RETURN)
    assert rec.commands == []
    assert form.message == "Pulse (/min): \u201cseventy\u201d is not a number."
    assert form.fields["pulse"].is_focused and not form.closed


def test_out_of_range_and_fractional_values_are_explained(ctx: AppContext) -> None:
    sim = roomed("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    d.fill(form.fields["systolic"], "1200")
    d.key(pygame.K_RETURN)
    assert form.message == "Systolic (mmHg) must be between 0 and 400."
    form.fields["systolic"].set_text("120.5")
    d.key(pygame.K_RETURN)
    assert form.message == "Systolic (mmHg): type a whole number."
    assert rec.commands == []


def test_record_before_measuring_shows_the_simulations_reason(ctx: AppContext) -> None:
    sim = roomed("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    for name, text in zip(form.fields, ["120", "80", "70", "16", "98.6", "98", "150", "64"],
                          strict=True):
        form.fields[name].set_text(text)
    d.key(pygame.K_RETURN)
    assert not rec.results[-1].ok
    assert form.message == "Measure Denise Whitaker's vital signs before recording them."
    assert not form.closed


def test_review_history_and_escalate(ctx: AppContext) -> None:
    sim = roomed("p01-whitaker")
    form, d, rec = open_form(ctx, sim, "p01-whitaker")
    assert form.history.text == "Allergies and medications: not reviewed yet"
    d.key(pygame.K_h)
    assert rec.last == ReviewHistory(patient="p01-whitaker")
    assert form.history.text.startswith("Allergies: sulfa (rash)")
    sim.advance(sim.lead.busy_until)
    d.key(pygame.K_e)
    assert rec.last == Escalate(patient="p01-whitaker")
    assert form.message.startswith("Busy ") and " s: " in form.message


def test_flag_tooltips_use_the_patients_age_band(ctx: AppContext) -> None:
    sim = roomed("p07-alvarez")  # eight years old
    form, _, _ = open_form(ctx, sim, "p07-alvarez")
    assert "8 years" in form.header.text
    tip = form.flags["pulse"].tool_tip_text
    # PALS 2020 awake range for school age: a healthy 8-year-old at 110 is not flagged.
    assert "75-118" in tip and "PALS" in tip and "8 years" in tip
