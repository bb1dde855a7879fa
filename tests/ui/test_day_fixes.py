"""Regressions found by playing: the queue asks for allergies before vitals are recorded, and
an Alt shortcut is never typed into a text field."""

from __future__ import annotations

import pygame
import pygame_gui

from game.sim import commands as c
from game.ui.day.needs import need_of


def test_queue_asks_for_the_history_review_before_recording(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    sim = scene.sim
    p = driver.first_arrival(scene, pause=False)
    for cmd in (c.CheckIn(patient=p.id, identifiers=["name", "dob"]),
                c.RoomPatient(patient=p.id, room="exam1"), c.MeasureVitals(patient=p.id)):
        sim.advance(sim.lead.busy_until)
        assert sim.submit(cmd).ok
    sim.advance(sim.lead.busy_until)
    assert need_of(sim, p).label == "history"
    sim.submit(c.ReviewHistory(patient=p.id))
    assert need_of(sim, p).label == "record vitals"


def test_alt_shortcut_text_is_not_typed(driver, ctx) -> None:
    entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(10, 10, 200, 30), ctx.manager)
    entry.focus()
    pygame.key.set_mods(pygame.KMOD_LALT)
    try:
        driver.post(pygame.TEXTINPUT, text="p")
        driver.frame()
    finally:
        pygame.key.set_mods(0)
    assert entry.get_text() == ""
    driver.post(pygame.TEXTINPUT, text="7")
    driver.frame()
    assert entry.get_text() == "7"


def test_the_fridge_says_whether_vaccines_may_be_used(short_morning) -> None:
    from game.sim.engine import Simulation
    from game.ui.day.chart_lines import vaccine_line

    sim = Simulation(short_morning.scenario, 1)
    assert vaccine_line(sim) == ("warn", "Vaccines: not to be used until today's temperatures "
                                         "are logged")
    task = next(t.task for t in sim.world.tasks.values() if t.task.kind == "log_fridge")
    assert sim.submit(c.LogFridge(task=task.id, fridge_c=task.fridge_c,
                                  freezer_c=task.freezer_c)).ok
    assert vaccine_line(sim)[0] == "good"
    warm = short_morning.scenario.model_copy(update={"opening_tasks": [
        task.model_copy(update={"fridge_c": 9.5})]})
    sim = Simulation(warm, 1)
    sim.submit(c.LogFridge(task=task.id, fridge_c=9.5, freezer_c=task.freezer_c,
                           out_of_range_reported=True))
    assert vaccine_line(sim) == ("bad", "Vaccines: DO NOT USE (out-of-range temperature)")


def test_provider_tokens_show_initials_not_a_title() -> None:
    from game.ui.day.floorplan import provider_initials

    assert provider_initials("Dr. Naomi Hollis") == "NH"
    assert provider_initials("Camille Odum, CPNP") == "CO"  # a nurse practitioner is not "Dr"
    assert provider_initials("Pat") == "P"


def test_the_chart_panel_shows_the_chart_opened_at_check_in(standard_day) -> None:
    from game.sim.engine import Simulation
    from game.ui.day.chart_lines import patient_lines

    sim = Simulation(standard_day.scenario, 1)
    trap = "p13-hernandez-m2"  # the later of two patients named Maria Hernandez
    p = sim.world.patients[trap]
    sim.advance(p.arrival_t or 0)
    texts = " ".join(t for _, t in patient_lines(sim, p))
    assert "Not checked in" in texts and "DOB" not in texts
    sim.advance(sim.lead.busy_until)
    assert sim.submit(c.CheckIn(patient=trap, identifiers=["name"])).ok
    other = sim.world.patients["p03-hernandez-m"].spec
    texts = " ".join(t for _, t in patient_lines(sim, p))
    assert f"DOB {other.dob:%m/%d/%Y}" in texts  # the wrong chart, for a player to catch


def test_pressure_setting_lets_the_clock_run_in_forms(driver, ctx, short_morning) -> None:
    from game.ui.saves import Saves
    from game.ui.scenes.settings import SettingsOverlay

    ctx.show_title()
    overlay = SettingsOverlay(ctx)
    ctx.push(overlay)
    driver.frame()
    driver.click(overlay.pressure_button.get_abs_rect().center)
    assert ctx.settings.clock_in_forms
    assert "runs" in overlay.pressure_button.text
    assert Saves(root=ctx.saves.root).load_settings().clock_in_forms  # saved at once
    scene = driver.start(short_morning)
    driver.key(pygame.K_t)  # the opening checklist form
    assert scene.form is not None
    t = scene.sim.now
    driver.frame(10, dt=0.25)
    assert scene.sim.now > t and not scene.clock.held


def test_a_patience_warning_goes_once_the_patient_is_roomed(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    sim = scene.sim
    p = driver.first_arrival(scene, pause=False)
    sim.advance(sim.lead.busy_until)
    assert sim.submit(c.CheckIn(patient=p.id, identifiers=["name", "dob"])).ok
    sim.notify("warning", f"{p.name} is losing patience.", p.id, "patience")
    driver.frame()
    assert any("losing patience" in t for t in scene.toasts.texts())
    sim.advance(sim.lead.busy_until)
    assert sim.submit(c.RoomPatient(patient=p.id, room="exam1")).ok
    driver.frame()
    assert not any("losing patience" in t for t in scene.toasts.texts())
