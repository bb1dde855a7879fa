"""The medication form on its own, driven by real events: a flu shot from the allergy
question to the record, refused steps greyed with the simulation's reason, the site picker by
mouse and by arrow keys, and every widget inside the window at both sizes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton, UICheckBox, UITextEntryLine

from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.rules.medications.commands import (
    CheckAllergies,
    DocumentMedication,
    GiveMedication,
    GiveVis,
    PrepareDose,
)
from game.sim.rules.medications.look import record_of
from game.sim.rules.medications.state import DoseStatus, meds
from game.sim.state import Status
from game.ui.context import AppContext
from game.ui.forms import body_sites as bs
from game.ui.forms.medication import PAGES, MedicationForm
from tests.ui.forms.helpers import (
    SIZES,
    Driver,
    Recorder,
    form_rect,
    inside,
    make_ctx,
    new_sim,
    play_until,
    wait_free,
)

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "medications_day.json"
ADULT, CHILD_TDAP, B12 = "s01-nakamura", "s03-adeyemi", "s02-okeefe"
FLU = "p11-whitlock"  # the standard day's flu shot


def after_exam(pid: str) -> Simulation:
    """The medications test day, played by the reference bot until the patient's exam is
    over and the MA is free (the bot never touches the doses: it stops first)."""
    sim = Simulation(load_scenario(FIXTURE).scenario, 1)
    play_until(sim, lambda s: s.world.patients[pid].status == Status.EXAM_DONE)
    wait_free(sim)
    assert meds(sim).patients[pid].checked is None
    return sim


def open_form(ctx: AppContext, sim: Simulation, pid: str
              ) -> tuple[MedicationForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = MedicationForm(ctx, sim, pid, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def settle(sim: Simulation, d: Driver) -> None:
    """Let the MA finish, then a frame so the form shows the new state."""
    wait_free(sim)
    d.frame()


def click_site(d: Driver, form: MedicationForm, region: str) -> None:
    """Click a spot of the body outline."""
    x, y = form.give.body.get_abs_rect().topleft
    sx, sy = bs.spot(region, form.give.body_size)
    d.click_at((x + sx, y + sy))


def test_a_flu_shot_from_the_allergy_question_to_the_record(ctx: AppContext) -> None:
    sim = after_exam(ADULT)
    form, d, rec = open_form(ctx, sim, ADULT)
    assert form.page == "allergies" and "Not checked yet" in form.allergy_box.html_text
    d.key(pygame.K_RETURN)  # chart and ask
    assert rec.last == CheckAllergies(patient=ADULT, ask=True)
    settle(sim, d)
    assert "Asked, they answer" in form.allergy_box.html_text  # the answer stays in view
    d.key(pygame.K_PAGEDOWN)
    assert form.page == "vis" and "edition 2023-08-06" in form.vis_box.html_text
    d.key(pygame.K_t)
    assert rec.last == GiveVis(patient=ADULT, product="flu-2627", to="patient")
    settle(sim, d)
    assert form.page == "prepare"
    for key in (pygame.K_f, pygame.K_u, pygame.K_e, pygame.K_l, pygame.K_b):
        d.key(key)
    assert "Expiry 2027-06-30: in date" in form.found.html_text
    assert "in range" in form.found.html_text
    d.fill(form.dose_entry, "0.5")
    d.key(pygame.K_RETURN)
    assert rec.last == PrepareDose(patient=ADULT, product="flu-2627", dose_ml=0.5,
                                   checks=["label_storage", "label_prepare", "expiry", "lot",
                                           "beyond_use"])
    settle(sim, d)
    assert form.page == "give"
    g = form.give
    d.key(pygame.K_RETURN)
    assert form.message.startswith("Choose the site") and rec.last != GiveMedication
    for kind in ("name", "dob"):
        d.click(g.ids[kind])
    d.click(g.routes["IM"])
    d.click(g.needles[1.0])
    d.key(pygame.K_w)  # W steps through the gauges: 21, then 22
    d.key(pygame.K_w)
    click_site(d, form, "left:deltoid")
    assert g.site_label.text == "Left deltoid"
    d.click(g.bedside)
    assert "straight into the sharps container" in g.sharps.text
    d.key(pygame.K_RETURN)
    assert rec.last == GiveMedication(patient=ADULT, product="flu-2627",
                                      identifiers=["name", "dob"], route="IM", site="deltoid",
                                      needle_in=1.0, needle_gauge=22, label_check=True,
                                      sharps="sharps_container")
    settle(sim, d)
    # the 15 minutes start when the injection is over
    assert "Under observation: 15 min left" in form.order.html_text
    assert form.page == "record"
    r = form.record
    for field, text in (("dose", "0.5"), ("lot", "FL4821"),
                        ("manufacturer", "Northwind Biologics"),
                        ("vis_edition", "2023-08-06")):
        d.fill(r.fields[field], text)
    d.click(r.today_b)
    assert r.route_b.text == "[J] Route: IM" and r.site_b.text == "[Y] Site: deltoid"
    d.key(pygame.K_RETURN)
    dose = meds(sim).dose(ADULT, "flu-2627")
    assert dose is not None and dose.status == DoseStatus.GIVEN and dose.documented
    assert rec.last == DocumentMedication(patient=ADULT, product="flu-2627",
                                          record=record_of(sim, dose))
    assert form.closed  # nothing left to do for this patient
    penalties = [e for e in sim.ledger.entries if e.patient == ADULT and e.max == 0
                 and e.points > 0]
    assert penalties == []


def test_what_the_patient_answers_is_shown_with_the_rules_finding(ctx: AppContext) -> None:
    sim = after_exam(CHILD_TDAP)
    form, d, _rec = open_form(ctx, sim, CHILD_TDAP)
    d.click(form.acts["allergies"][1][1])  # chart and ask
    settle(sim, d)
    text = form.allergy_box.html_text
    assert "latex (hives)" in text and "Hold and tell the provider" in text


def test_refused_steps_are_greyed_with_the_simulations_reason(ctx: AppContext) -> None:
    sim = after_exam(B12)
    form, d, _rec = open_form(ctx, sim, B12)
    form.switch("vis")
    d.frame()
    buttons = {name: b for name, b, _m in form.acts["vis"]}
    patient = buttons["VIS to the patient"]
    why = sim.can(GiveVis(patient=B12, product="b12-cab"))[1]
    assert why and not patient.is_enabled and why in form.reasons.html_text
    form.switch("give")
    d.frame()
    assert not form.give.give.is_enabled
    assert "Prepare the dose first" in form.reasons.html_text
    form.switch("record")
    d.frame()
    assert not form.record.save.is_enabled and "has not been given" in form.reasons.html_text


def test_the_site_picker_answers_the_arrow_keys(ctx: AppContext) -> None:
    sim = after_exam(ADULT)
    form, d, _rec = open_form(ctx, sim, ADULT)
    form.switch("give")
    d.key(pygame.K_DOWN)
    assert form.give.region == "left:deltoid"  # from nothing: the commonest site
    d.key(pygame.K_DOWN)
    assert form.give.region == "left:triceps" and form.give.site_label.text.startswith(
        "Left fatty tissue over the triceps")
    d.key(pygame.K_LEFT)
    assert form.give.region is not None and form.give.region.startswith("right:")
    form.switch("allergies")
    before = form.give.region
    d.key(pygame.K_UP)  # arrows move the site only on the give page
    assert form.give.region == before


def test_a_bad_dose_or_date_is_named_and_nothing_is_submitted(ctx: AppContext) -> None:
    sim = after_exam(ADULT)
    form, d, rec = open_form(ctx, sim, ADULT)
    form.switch("prepare")
    d.fill(form.dose_entry, "half")
    d.key(pygame.K_RETURN)
    assert form.message.startswith("Dose:") and rec.commands == []
    form.switch("record")
    d.fill(form.record.fields["date_given"], "12/02/2026")
    d.key(pygame.K_RETURN)
    assert form.message.startswith("Date given:") and rec.commands == []


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_every_page_fits_the_window_on_the_standard_days_flu_shot(
        tmp_path: Path, size: tuple[int, int]) -> None:
    ctx = make_ctx(tmp_path, size)
    sim = new_sim()
    play_until(sim, lambda s: s.world.patients[FLU].status == Status.EXAM_DONE)
    wait_free(sim)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        form, d, _rec = open_form(ctx, sim, FLU)
        for page in PAGES:
            form.switch(page)
            d.frame()
    assert [str(w.message) for w in caught if "too small" in str(w.message)] == []
    outer = form.container.get_abs_rect()
    for page in PAGES:
        form.switch(page)
        d.frame()
        for widget in [*form.widgets[page], *form.tabs.values(), form.order, form.reasons]:
            assert inside(outer, widget), (page, widget)
        for widget in form.widgets[page]:  # nothing covers the reasons line
            assert widget.get_abs_rect().bottom <= form.reasons.get_abs_rect().top, (page,
                                                                                   widget)
            if isinstance(widget, UIButton | UICheckBox | UITextEntryLine):
                assert getattr(widget, "tool_tip_text", None), (page, widget)
