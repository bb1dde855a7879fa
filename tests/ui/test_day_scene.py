"""The day scene driven by real events: selection, speed, pause, Tab, toasts, focus, actions."""

from __future__ import annotations

import json

import pygame

from game.sim import commands as c
from game.sim.results import Queued
from game.ui.day.sim_clock import SIM_SECONDS_PER_REAL_SECOND


def logged(scene) -> list[dict]:
    """The commands in the session log file, as written to disk."""
    data = json.loads(scene.log.path.read_text(encoding="utf-8"))
    return [tc["command"] for tc in data["commands"]]


def test_start_opens_a_session_log(driver, short_morning) -> None:
    scene = driver.start(short_morning, seed=1)
    data = json.loads(scene.log.path.read_text(encoding="utf-8"))
    assert data["seed"] == 1 and data["scenario"]["id"] == short_morning.scenario.id
    assert data["commands"] == []


def test_clicking_a_patient_token_selects_it(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    p = driver.first_arrival(scene)
    geo = scene.floor.geo
    driver.click(geo.px(*geo.patient_spot("front_desk", 0)))
    assert scene.selection == ("patient", p.id)
    assert scene.context.lines[0] == ("title", p.name)
    assert "[C] Check in…" in scene.context.captions()


def test_clicking_a_station_selects_it(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    rect = scene.floor.geo.station_rect("workstation")
    driver.click((rect.x + 4, rect.bottom - 4))
    assert scene.selection == ("station", "workstation")
    assert scene.context.lines[0] == ("title", "Workstation")


def test_clicking_a_queue_row_selects_the_patient(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    p = driver.first_arrival(scene)
    rect, picked, _tip = scene.queue.rows[0]
    driver.click(rect.center)
    assert picked == ("patient", p.id) and scene.selection == ("patient", p.id)


def test_speed_buttons_and_space(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    buttons = scene.topbar.buttons
    driver.click(buttons["2"].rect.center)
    assert scene.clock.speed == 2.0 and not scene.clock.paused
    driver.click(buttons["4"].rect.center)
    assert scene.clock.speed == 4.0
    driver.click(buttons["pause"].rect.center)
    assert scene.clock.paused
    driver.key(pygame.K_SPACE)
    assert not scene.clock.paused
    driver.key(pygame.K_1)
    assert scene.clock.speed == 1.0
    t0 = scene.sim.now
    driver.frame(60, dt=1 / 60)  # one real second at 1x
    assert abs(scene.sim.now - t0 - SIM_SECONDS_PER_REAL_SECOND) <= 1
    driver.key(pygame.K_SPACE)
    t1 = scene.sim.now
    driver.frame(30)
    assert scene.clock.paused and scene.sim.now == t1


def test_focus_loss_pauses(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    driver.post(pygame.WINDOWFOCUSLOST)
    assert scene.clock.paused
    t = scene.sim.now
    driver.frame(20, dt=0.25)
    assert scene.sim.now == t
    assert any("lost focus" in x for x in scene.toasts.texts())


def test_tab_cycles_through_the_queue(driver, standard_day) -> None:
    scene = driver.start(standard_day)
    sim = scene.sim
    # A ringing phone heads the queue too: wait for a moment a patient does.
    driver.run_until(scene, lambda: len(needs := scene.queue.refresh()) >= 2
                     and needs[0].kind == "patient")
    scene.clock.paused = True
    order = [n.selection for n in scene.queue.refresh()]
    driver.key(pygame.K_TAB)
    assert scene.selection == order[0]
    driver.key(pygame.K_TAB)
    assert scene.selection == order[1]
    driver.key(pygame.K_TAB, pygame.KMOD_LSHIFT)
    assert scene.selection == order[0]
    assert order[0][0] == "patient"
    assert sim.world.patients[order[0][1]].name == scene.context.lines[0][1]
    driver.key(pygame.K_BACKSPACE)
    assert scene.selection is None


def test_rejected_command_shows_a_toast_and_is_logged(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    assert "[Q] Clock out" in scene.context.captions()
    # Before closing, with patients expected (and the phone to answer), the simulation
    # refuses: the toast and the greyed button give its reason.
    why = scene.sim.can(c.ClockOut())[1]
    assert why
    driver.key(pygame.K_q)
    assert why in scene.toasts.texts()
    assert logged(scene) == [{"type": "clock_out"}]
    clock_out = next(a for a in scene.context.actions if a.label == "Clock out")
    assert not clock_out.enabled and why in clock_out.tip
    assert not scene.sim.finished


def test_direct_actions_by_keyboard(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    sim = scene.sim
    p = driver.first_arrival(scene)
    assert scene.submit(c.CheckIn(patient=p.id, identifiers=["name", "dob"])).ok
    driver.run_until(scene, lambda: sim.is_free())
    scene.clock.paused = True
    scene.select(("patient", p.id))
    driver.frame()
    first_room = next(iter(sim.world.rooms.values()))
    assert scene.context.captions()[0].startswith("[A] Room in " + first_room.name)
    driver.key(pygame.K_a)
    assert sim.world.patients[p.id].room == first_room.id
    driver.run_until(scene, lambda: sim.is_free())
    scene.clock.paused = True
    driver.frame()
    assert "[V] Measure vitals" in scene.context.captions()
    driver.key(pygame.K_v)
    assert sim.world.patients[p.id].measured is not None
    assert [x["type"] for x in logged(scene)] == ["check_in", "room_patient", "measure_vitals"]


def test_a_busy_ma_queues_actions_and_can_cancel_them(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    sim = scene.sim
    assert scene.submit(c.CompleteTask(task="open-stock-exam2")).ok
    queued = scene.submit(c.LogFridge(task="open-fridge", fridge_c=4.8, freezer_c=-20.8))
    assert isinstance(queued, Queued) and queued.position == 1
    assert any("Queued (1 of 5)" in x for x in scene.toasts.texts())
    driver.frame()
    assert "[+1 queued]" in scene.topbar.status_text()
    assert scene.context.buttons and scene.context.buttons[0].is_enabled
    cancel = next(a for a in scene.context.actions if a.label.startswith("Cancel: "))
    assert "fridge" in cancel.label.lower()
    driver.key(getattr(pygame, f"K_{cancel.key}"))
    assert not sim.lead.queue
    assert [x["type"] for x in logged(scene)] == ["complete_task", "log_fridge",
                                                   "cancel_queued"]


def test_ma_token_follows_the_layout(driver, standard_day) -> None:
    scene = driver.start(standard_day)
    sim, floor = scene.sim, scene.floor
    geo = floor.geo
    for st, (x, y) in sim.layout.positions.items():
        assert geo.station_rect(st).collidepoint(geo.px(x, y)), st
    task = next(t for t in sim.world.tasks.values() if t.task.kind == "review_schedule")
    start = geo.px(*floor.ma_position(sim.now))
    assert scene.submit(c.CompleteTask(task=task.task.id)).ok
    assert sim.lead.location == "workstation"
    walk = floor.walk
    assert walk is not None and walk.start == "front_desk" and walk.end == "workstation"
    middle = geo.px(*floor.ma_position((walk.t0 + walk.t1) / 2))
    end = geo.px(*geo.ma_spot("workstation"))
    assert start[0] < middle[0] < end[0]
    driver.run_until(scene, lambda: sim.now >= walk.t1)
    assert geo.px(*floor.ma_position(sim.now)) == end
    assert geo.station_rect("workstation").collidepoint(end)


def test_a_form_opens_and_holds_the_clock(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    p = driver.first_arrival(scene)
    scene.select(("patient", p.id))
    driver.key(pygame.K_c)
    assert scene.form is not None and scene.clock.held
    t = scene.sim.now
    driver.frame(10, dt=0.25)
    assert scene.sim.now == t  # the day waits while a form is open
    driver.key(pygame.K_ESCAPE)
    assert scene.form is None


def test_tab_reaches_a_dirty_room_and_t_opens_the_checklist(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    sim = scene.sim
    sim.world.rooms["exam1"].clean = False  # as after a patient's visit
    scene.clock.paused = True
    driver.key(pygame.K_TAB)
    assert scene.selection == ("station", "room:exam1")
    assert "[C] Disinfect Exam 1" in scene.context.captions()
    driver.key(pygame.K_c)
    assert logged(scene) == [{"type": "clean_room", "room": "exam1"}]
    assert sim.world.rooms["exam1"].clean
    driver.run_until(scene, lambda: sim.is_free())
    scene.clock.paused = True
    driver.key(pygame.K_t)  # from a room's panel: the checklist, wherever the selection is
    try:
        from game.ui.forms.registry import FORMS  # noqa: F401
    except ImportError:
        return
    assert scene.form is not None and scene.form.subject == "opening"


def test_the_record_of_drawn_text_is_one_frame_not_the_whole_day(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    driver.app.frame(1 / 60)
    one = len(scene.text.drawn)
    for _ in range(200):
        driver.app.frame(1 / 60)
    # The same screen drawn again holds as many lines (a day of frames must not pile up).
    assert one > 0 and len(scene.text.drawn) <= 2 * one
