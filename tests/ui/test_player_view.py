"""What the player sees where playing in a window found it wrong: the busy time, keys in
forms, the lab's identifiers, one percentage rule, full screen, plurals."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pygame

from game.report.text import percent, summary
from game.scenario.types import clock
from game.sim.commands import CompleteTask, DrawBlood
from game.ui.app import App
from game.ui.context import AppContext
from game.ui.debrief.notes import notes_html
from game.ui.forms.lab import LabForm
from game.ui.kit.fmt import plural, pts, time_left
from game.ui.scenes.debrief import DebriefScene
from tests.ui.forms.helpers import Driver as FormDriver
from tests.ui.forms.helpers import Recorder, after_exam, form_rect
from tests.ui.test_screens_debrief import play


# --- 1. the top bar says what is left, never a time equal to now ------------------------
def test_the_top_bar_counts_down_the_last_minute(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    scene.clock.paused = True
    sim = scene.sim
    assert scene.submit(CompleteTask(task="open-stock-exam2")).ok
    end = sim.lead.busy_until
    sim.advance(end - 40)
    driver.frame()
    shown = scene.topbar.status_text()
    assert shown.startswith("Busy 40 s more: ")
    assert shown in scene.text.drawn  # drawn whole at 1280x720
    assert clock(sim.now) not in shown and clock(end) not in shown
    sim.advance(end)
    driver.frame()
    assert scene.topbar.status_text() == "You are free: choose what to do next"


def test_time_left_reads_in_seconds_then_minutes() -> None:
    assert [time_left(s) for s in (0.4, 1, 40, 60, 185, 3725)] == [
        "1 s", "1 s", "40 s", "1 min 00 s", "3 min 05 s", "1 h 02 min"]


# --- 2. digits in a form: the speed keys, or typing in a field; never a form's items ----
def test_speed_keys_in_the_checklist_change_the_speed_and_tick_nothing(
        driver, short_morning) -> None:
    scene = driver.start(short_morning)
    scene.open_form("checklist", "opening")
    driver.frame()
    form = scene.form
    for key in (pygame.K_2, pygame.K_1, pygame.K_3):
        driver.key(key)
    assert scene.clock.speed == 4.0
    assert all(ts.done_t is None for ts in scene.sim.world.tasks.values())
    assert not scene.log.log.commands
    assert not any(b.text.startswith("[") for _, b, _ in form.rows)  # no number shortcuts
    entry = form.fridges[0].fridge
    driver.click(entry.get_abs_rect().center)
    assert form.typing()
    driver.key(pygame.K_1)  # typing in a field: not a speed key
    driver.post(pygame.TEXTINPUT, text="4")
    assert scene.clock.speed == 4.0 and entry.get_text() == "4"


def test_speed_keys_in_the_lab_form_add_no_tube(ctx: AppContext) -> None:
    sim = after_exam("p02-mehta")
    rec = Recorder(sim)
    form = LabForm(ctx, sim, "p02-mehta", rec, form_rect(ctx.size))
    d = FormDriver(ctx, form)
    for key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_KP2):
        d.key(key)
    assert form.sequence == [] and rec.commands == []
    assert all(not b.text.startswith("[") for b in form.tubes.values())


# --- 3. the lab keeps the identifiers confirmed for a patient, and warns before ---------
def open_lab(ctx: AppContext, sim, pid: str) -> tuple[LabForm, FormDriver, Recorder]:
    rec = Recorder(sim)
    form = LabForm(ctx, sim, pid, rec, form_rect(ctx.size))
    return form, FormDriver(ctx, form), rec


def test_reopening_the_lab_form_keeps_the_ticked_identifiers(ctx: AppContext) -> None:
    sim = after_exam("p02-mehta")
    form, d, _ = open_lab(ctx, sim, "p02-mehta")
    d.click(form.ids["name"])
    d.click(form.ids["dob"])
    form.close()
    again, d2, _ = open_lab(ctx, sim, "p02-mehta")
    d2.frame()
    assert [k for k, t in again.ids.items() if t.checked] == ["name", "dob"]
    again.close()
    ctx.form_memory.clear()  # a new day starts with nothing ticked
    fresh, _, _ = open_lab(ctx, sim, "p02-mehta")
    assert not any(t.checked for t in fresh.ids.values())


def test_the_lab_warns_before_a_draw_without_two_identifiers(ctx: AppContext) -> None:
    sim = after_exam("p02-mehta")
    form, d, rec = open_lab(ctx, sim, "p02-mehta")
    d.click(form.ids["name"])
    d.click(form.tubes["lavender"])
    d.key(pygame.K_RETURN)
    assert rec.commands == []
    assert "two identifiers" in form.message and "Press again" in form.message
    d.key(pygame.K_RETURN)  # the player chose to go ahead: the score will say so
    assert rec.commands == [DrawBlood(patient="p02-mehta", identifiers=["name"],
                                      tubes=["lavender"])]


# --- 4. one rounding rule for every percentage shown -------------------------------------
def test_39_of_45_is_86_percent_in_the_text_report_and_the_debrief(
        ctx: AppContext, tmp_path: Path) -> None:
    assert percent(39, 45) == 86 and percent(45, 45) == 100 and percent(1, 0) == 0
    report, loaded, path = play("reference", tmp_path)
    report = copy.deepcopy(report)
    report["score"]["categories"]["clinical"] = {"earned": 39, "possible": 45}
    assert re.search(r"clinical +39/45 +86%", summary(report))
    app = App(ctx)
    ctx.show_debrief(report, loaded, 1, False, path)
    app.frame(1 / 60)
    scene = ctx.stack.top
    assert isinstance(scene, DebriefScene)
    assert "39 / 45  (86%)" in scene.text.drawn


# --- 5. F11 twice gives back the window ---------------------------------------------------
def test_f11_twice_restores_the_windowed_size(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    before = driver.ctx.screen.get_size()
    for _ in range(2):
        driver.key(pygame.K_F11)
    assert driver.ctx.screen.get_size() == before
    assert tuple(driver.ctx.manager.window_resolution) == before
    assert scene.layout.size == before
    assert not driver.ctx.settings.fullscreen


# --- 8. plurals ------------------------------------------------------------------------
def test_numbers_agree_with_their_nouns() -> None:
    assert [plural(n, "point") for n in (0, 1, 2)] == ["0 points", "1 point", "2 points"]
    assert [pts(n) for n in (1, -1, 3)] == ["1 pt", "-1 pt", "3 pts"]
    assert pts(1, sign=True) == "+1 pt" and pts(0, sign=True) == "+0 pts"


def test_the_debrief_notes_say_1_point_lost() -> None:
    entry: dict[str, Any] = {"t": 0, "time": "08:00", "category": "flow", "points": 0,
                             "max": 1, "reason": "A wait", "note": "Room patients promptly."}
    text = notes_html({"ledger": [entry], "patients": []})
    assert "1 point lost" in text and "1 points" not in text and "(-1 pt)" in text
