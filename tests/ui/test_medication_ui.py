"""A vaccine given through the window with real events: the patient selected on the floor, the
medication button in the panel, the form from the allergy question to the record; then the
observation timer beside the token, in words with its icon."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.scenario.load import load_scenario
from game.sim.rules.medications.state import DoseStatus, meds
from game.sim.state import Status
from game.ui.forms import body_sites as bs
from game.ui.forms.medication import MedicationForm
from game.ui.scenes.day import DayScene
from tests.ui.conftest import Driver

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "medications_day.json"
PID = "s01-nakamura"


def ready(driver: Driver) -> DayScene:
    """The reference bot plays the day in the window until the adult is with the provider;
    then the player takes over (the bot stops) and the day runs until the exam is over."""
    scene = driver.start(load_scenario(FIXTURE), autoplay="reference")
    p = scene.sim.world.patients[PID]
    driver.run_until(scene, lambda: p.status == Status.WITH_PROVIDER, dt=1 / 60)
    scene.autoplay_bot = None
    driver.run_until(scene, lambda: p.status == Status.EXAM_DONE)
    scene.clock.paused = True
    scene.sim.advance(max(scene.sim.now, scene.sim.lead.busy_until))
    driver.frame()
    assert meds(scene.sim).patients[PID].checked is None
    return scene


def press(driver: Driver, widget: object) -> None:
    """Click a widget's centre."""
    driver.click(widget.get_abs_rect().center)  # type: ignore[attr-defined]


def type_into(driver: Driver, widget: object, text: str) -> None:
    """Click a field and type."""
    press(driver, widget)
    driver.post(pygame.TEXTINPUT, text=text)


def finish(driver: Driver, scene: DayScene) -> None:
    """Let the MA finish the step (the clock stays paused for the player)."""
    scene.sim.advance(max(scene.sim.now, scene.sim.lead.busy_until))
    driver.frame()


def test_a_flu_shot_given_in_the_window_then_the_token_shows_the_observation(
        driver: Driver) -> None:
    scene = ready(driver)
    scene.select(("patient", PID))
    driver.frame()
    captions = scene.context.captions()
    caption = next(c for c in captions if "Medication…" in c)
    press(driver, scene.context.buttons[captions.index(caption)])
    form = scene.form
    assert isinstance(form, MedicationForm) and form.page == "allergies"
    driver.key(pygame.K_RETURN)  # read the chart and ask
    finish(driver, scene)
    assert "Asked, they answer" in form.allergy_box.html_text
    press(driver, form.tabs["vis"])
    driver.key(pygame.K_t)  # the VIS to the patient
    finish(driver, scene)
    assert form.page == "prepare"
    for key in (pygame.K_f, pygame.K_u, pygame.K_e, pygame.K_l, pygame.K_b):
        driver.key(key)
    type_into(driver, form.dose_entry, "0.5")
    driver.key(pygame.K_RETURN)
    finish(driver, scene)
    g = form.give
    assert form.page == "give"
    press(driver, g.ids["name"])
    press(driver, g.ids["dob"])
    press(driver, g.routes["IM"])
    press(driver, g.needles[1.0])
    for _ in range(4):  # the gauge button steps 21, 22, 23, 25
        press(driver, g.gauge_button)
    x, y = g.body.get_abs_rect().topleft
    sx, sy = bs.spot("left:deltoid", g.body_size)
    driver.click((x + sx, y + sy))
    press(driver, g.bedside)
    driver.key(pygame.K_RETURN)
    finish(driver, scene)
    dose = meds(scene.sim).dose(PID, "flu-2627")
    assert dose is not None and dose.status == DoseStatus.GIVEN and dose.site == "deltoid"
    r = form.record
    for field, text in (("dose", "0.5"), ("lot", "FL4821"),
                        ("manufacturer", "Northwind Biologics"), ("vis_edition", "2023-08-06")):
        type_into(driver, r.fields[field], text)
    press(driver, r.today_b)
    driver.key(pygame.K_RETURN)
    assert dose.documented and form.closed
    codes = {e.reason for e in scene.sim.ledger.entries if e.patient == PID and e.points > 0}
    assert any("VIS" in c for c in codes) and any("allergies" in c for c in codes)
    # The token beside the room: the observation left, a word with a clock.
    scene.floor.text.clear_drawn()
    driver.frame()
    drawn = [t for t in scene.floor.text.drawn if t.startswith("Obs ")]
    assert drawn and drawn[0].endswith(" min")
    minutes = int(drawn[0].split()[1])
    assert 14 <= minutes <= 15
    tip = next(tip for _r, tip, sel in scene.floor.hits
               if sel == ("patient", PID) and "observation" in tip)
    assert f"{minutes} min left" in tip


def test_a_teenager_let_go_early_faints_and_the_token_says_so_in_words() -> None:
    from types import SimpleNamespace

    from game.sim.rules.medications.commands import EndObservation, GiveMedication, PrepareDose
    from game.ui.forms.med_obs import observation_badge
    from tests.ui.forms.test_forms_medication import after_exam

    teen = "s05-fischer"
    sim = after_exam(teen)
    floor = SimpleNamespace(sim=sim)
    p = sim.world.patients[teen]
    assert observation_badge(floor, p) is None  # type: ignore[arg-type]
    for cmd in (PrepareDose(patient=teen, product="hpv-9", dose_ml=0.5),
                GiveMedication(patient=teen, product="hpv-9", identifiers=["name", "dob"],
                               route="IM", site="deltoid", needle_in=1.0, needle_gauge=25)):
        assert sim.submit(cmd).ok
        sim.advance(max(sim.now, sim.lead.busy_until))
    icon, word, tip = observation_badge(floor, p)  # type: ignore[arg-type, misc]
    assert (icon, word) == ("clock", "Obs 15 min") and "15 min left" in tip
    assert sim.submit(EndObservation(patient=teen)).ok
    assert observation_badge(floor, p) is None  # type: ignore[arg-type]
    sim.advance(sim.now + 120)
    icon, word, tip = observation_badge(floor, p)  # type: ignore[arg-type, misc]
    assert (icon, word) == ("warning", "Fainted") and "first aid" in tip


def test_the_chart_panel_lists_each_dose_ordered_and_where_it_stands() -> None:
    from game.sim.rules.medications.commands import GiveMedication, PrepareDose
    from game.ui.day.chart_lines import patient_lines
    from tests.ui.forms.test_forms_medication import after_exam

    teen = "s05-fischer"
    sim = after_exam(teen)
    p = sim.world.patients[teen]

    def orders() -> list[str]:
        return [text for _kind, text in patient_lines(sim, p) if "HPV" in text
                and not text.startswith("Next:")]  # the need line above the orders

    assert orders() == ["To do: HPV vaccine 0.5 mL"]
    assert not any("No orders" in t for _k, t in patient_lines(sim, p))
    for cmd in (PrepareDose(patient=teen, product="hpv-9", dose_ml=0.5),
                GiveMedication(patient=teen, product="hpv-9", identifiers=["name", "dob"],
                               route="IM", site="deltoid", needle_in=1.0, needle_gauge=25)):
        assert sim.submit(cmd).ok
        sim.advance(max(sim.now, sim.lead.busy_until))
    assert orders() == ["Given: HPV vaccine 0.5 mL (to document)"]
