"""Ending the day from the pause menu: confirmed, debriefed, and the log kept for replay."""

from __future__ import annotations

import pygame

from game.sim.commands import EndDay
from game.sim.engine import Simulation
from game.sim.log import load_log
from game.sim.runner import play_commands
from game.ui.scenes.day import DayScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.overlay import ConfirmOverlay
from game.ui.scenes.pause import PauseScene


def button(scene, text: str):
    return next(a.button for a in scene.actions if a.button.text == text)


def paused_mid_day(driver, loaded) -> tuple[DayScene, PauseScene]:
    scene = driver.start(loaded, seed=2, autoplay="reference")
    driver.run_until(scene, lambda: scene.sim.now >= 8 * 3600 + 30 * 60)
    driver.key(pygame.K_ESCAPE)
    pause = driver.ctx.stack.top
    assert isinstance(pause, PauseScene)
    return scene, pause


def test_end_the_day_now_asks_first_and_a_slip_keeps_playing(driver, short_morning) -> None:
    scene, pause = paused_mid_day(driver, short_morning)
    texts = [a.button.text for a in pause.actions]
    assert texts.index("End the day now") < texts.index("Quit to title")
    driver.click(button(pause, "End the day now").get_abs_rect().center)
    confirm = driver.ctx.stack.top
    assert isinstance(confirm, ConfirmOverlay) and confirm.title == "End the day now?"
    driver.key(pygame.K_ESCAPE)  # changed their mind
    assert driver.ctx.stack.top is pause and not scene.sim.finished
    driver.click(button(pause, "Resume (Esc)").get_abs_rect().center)
    assert driver.ctx.stack.top is scene and not scene.ended


def test_ending_the_day_shows_the_debrief_and_keeps_a_replayable_log(driver,
                                                                     short_morning) -> None:
    scene, pause = paused_mid_day(driver, short_morning)
    ended_at = scene.sim.now
    driver.click(button(pause, "End the day now").get_abs_rect().center)
    driver.click(button(driver.ctx.stack.top, "End the day").get_abs_rect().center)
    debrief = driver.ctx.stack.top
    assert isinstance(debrief, DebriefScene)
    assert [type(s) for s in driver.ctx.stack.scenes] == [DebriefScene]
    assert scene.sim.finished and scene.sim.now == ended_at
    report = debrief.report
    assert report["score"]["total"] < 90  # the morning's rest was scored as undone
    assert any("still in the clinic when the day ended" in e["reason"]
               for e in report["ledger"])
    assert debrief.log_path is not None and debrief.log_path.exists()
    log = load_log(debrief.log_path)
    assert log.commands[-1].command == EndDay() and log.commands[-1].t == ended_at
    assert log.final_digest
    again = Simulation(short_morning.scenario, 2)
    play_commands(again, log.commands)
    assert again.finished and again.digest() == scene.sim.digest()
    assert again.score().total == report["score"]["total"]
    assert any("ended the day early" in n for n in debrief.notices)
