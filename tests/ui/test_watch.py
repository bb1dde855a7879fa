"""Watching a session log in the window: the same day as the replay, nothing recorded, the
watcher's own commands refused, jumps that land paused on the replay's state."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.paths import load_named_scenario
from game.replaying import replay_log
from game.scenario.types import seconds
from game.session import new_log
from game.sim.commands import CompleteTask
from game.sim.engine import Simulation
from game.sim.log import load_log, save_log
from game.sim.policies import POLICIES
from game.sim.runner import play_commands, play_policy, player_staff
from game.ui.watch.debrief import WatchDebrief
from game.ui.watch.scene import JUMP_BACK, REFUSED, Unrecorded, WatchScene, show_watch
from game.ui.watch.source import Watched, find_watched

PLAYER, STUDENT = "Ana Diaz", "S-1042"
# Frame times that do not divide the day evenly: the day must not depend on them.
FRAMES = (1 / 60, 0.25, 0.1, 0.05, 0.2)


def student_log(folder: Path, scenario: str = "short_morning", policy: str = "reference",
                seed: int = 1, player: str | None = PLAYER,
                student_id: str | None = STUDENT) -> Path:
    """A sealed session log as the window writes one (a bot's play, named as a student's)."""
    loaded = load_named_scenario(scenario)
    sim = Simulation(loaded.scenario, seed)
    log = new_log(loaded, seed, None, player, source="window", student_id=student_id,
                  played_at="2026-03-02T09:00:00+00:00")
    log.commands = play_policy(sim, POLICIES[policy]())
    log.seal(sim.digest())
    path = folder / f"{scenario}-{policy}-{seed}.json"
    save_log(log, path)
    return path


def state_at(watched: Watched, t: int) -> str:
    """The digest of a headless replay of the log stopped at time t."""
    sim = Simulation(watched.loaded.scenario, watched.log.seed)
    play_commands(sim, [c for c in watched.log.commands if c.t <= t], to_end=False)
    sim.advance(t)
    return sim.digest()


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("logs")


@pytest.fixture(scope="module")
def morning_log(logs: Path) -> Path:
    return student_log(logs)


def start(driver, path: Path) -> WatchScene:
    show_watch(driver.ctx, find_watched(path, []))
    scene = driver.ctx.stack.top
    assert isinstance(scene, WatchScene)
    driver.frame()
    return scene


def play_out(driver, scene: WatchScene, limit: int = 20000) -> WatchDebrief:
    scene.clock.set_speed(4.0)
    for i in range(limit):
        top = driver.ctx.stack.top
        if isinstance(top, WatchDebrief):
            return top
        driver.frame(dt=FRAMES[i % len(FRAMES)])
    raise AssertionError("the watched day did not end")


@pytest.mark.parametrize(("scenario", "policy"), [("short_morning", "reference"),
                                                  ("standard_day", "naive"),
                                                  ("team_day", "reference")])
def test_watched_to_the_end_it_is_the_replays_day(driver, logs, scenario, policy) -> None:
    path = student_log(logs, scenario, policy)
    scene = start(driver, path)
    if len(player_staff(scene.sim)) > 1:
        # Looking at another staff member must not send the log's commands to them.
        scene.cycle_staff()
    debrief = play_out(driver, scene)
    replayed = replay_log(load_log(path), load_named_scenario(scenario))
    assert scene.sim.digest() == replayed.sim.digest()
    assert scene.playback.given == len(scene.watched.log.commands)
    assert debrief.report["score"] == replayed.report["score"]
    assert debrief.report["digest"] == replayed.report["digest"]
    assert debrief.verdict.verified, debrief.verdict.reason
    assert not debrief.notices  # the window's day and the replay's agree


def test_watching_records_no_session_and_no_best_score(driver, morning_log, tmp_path) -> None:
    scene = start(driver, morning_log)
    assert isinstance(scene.log, Unrecorded)
    debrief = play_out(driver, scene)
    assert not debrief.new_best
    # the saves of the test context are in tmp_path: nothing was written there
    assert not list(tmp_path.glob("sessions/*"))
    assert not (tmp_path / "best_scores.json").exists()
    assert driver.ctx.saves.best_scores() == {}
    # and the watched log is as it was
    assert load_log(morning_log).final_digest == scene.watched.log.final_digest


def test_the_banner_says_whose_day_it_is(driver, morning_log) -> None:
    scene = start(driver, morning_log)
    title = scene.loaded.scenario.title
    assert scene.watched.banner == f"Watching {PLAYER} ({STUDENT}) - {title}, seed 1"
    assert any(t.startswith(f"{PLAYER} ({STUDENT}) - A Short") for t in scene.text.drawn)
    assert "WATCHING" in scene.text.drawn
    # the floor plan gives the banner its band
    assert scene.banner_rect.bottom < scene.layout.floor.top


def test_a_bots_log_is_watched_as_the_bots(driver, logs) -> None:
    loaded = load_named_scenario("short_morning")
    sim = Simulation(loaded.scenario, 3)
    log = new_log(loaded, 3, "naive", source="bot")
    log.commands = play_policy(sim, POLICIES["naive"]())
    log.seal(sim.digest())
    save_log(log, logs / "bot.json")
    scene = start(driver, logs / "bot.json")
    assert scene.watched.banner.startswith("Watching the naive bot - ")
    assert scene.watched.banner.endswith(", seed 3")


def test_the_watchers_clicks_and_keys_give_no_command(driver, morning_log) -> None:
    scene = start(driver, morning_log)
    driver.key(pygame.K_SPACE)
    assert scene.clock.paused
    before = scene.sim.digest()
    # a form (the opening checklist) opens to look, and what it would submit is refused
    form = next(i for i, a in enumerate(scene.context.actions)
                if a.form is not None and a.enabled)
    driver.click(scene.context.buttons[form].get_abs_rect().center)
    assert scene.form is not None
    task = next(iter(scene.sim.world.tasks))
    result = scene.form.submit(CompleteTask(task=task))
    assert not result.ok and result.reason == REFUSED
    assert REFUSED in scene.toasts.texts()
    assert scene.sim.digest() == before
    driver.key(pygame.K_ESCAPE)
    assert scene.form is None
    # later, a patient in a room: the panel offers a command (escalate to the provider)
    driver.run_until(scene, lambda: scene.sim.now >= 8 * 3600 + 10 * 60)
    driver.key(pygame.K_SPACE)
    before, given = scene.sim.digest(), scene.playback.given
    roomed = next(p for p in scene.sim.world.patients.values() if p.room)
    scene.select(("patient", roomed.id))
    driver.frame()
    command = next(i for i, a in enumerate(scene.context.actions)
                   if a.command is not None and a.form is None and a.enabled)
    scene.toasts.items.clear()
    driver.click(scene.context.buttons[command].get_abs_rect().center)
    assert REFUSED in scene.toasts.texts()
    assert scene.sim.digest() == before and scene.playback.given == given
    assert not scene.sim.finished and not scene.ended
    # its letter key is refused too
    driver.key(getattr(pygame, f"K_{scene.context.actions[command].key}"))
    assert scene.sim.digest() == before


def test_pause_and_speed_work_as_in_play(driver, morning_log) -> None:
    scene = start(driver, morning_log)
    t = scene.sim.now
    driver.key(pygame.K_SPACE)
    driver.frame(20, dt=0.25)
    assert scene.clock.paused and scene.sim.now == t
    driver.key(pygame.K_3)  # 4x, and running again
    assert scene.clock.speed == 4.0 and not scene.clock.paused
    driver.frame(20, dt=0.25)
    assert scene.sim.now > t
    driver.click(scene.topbar.buttons["1"].rect.center)
    assert scene.clock.speed == 1.0


def test_a_jump_lands_paused_on_the_replays_state(driver, morning_log) -> None:
    debrief = play_out(driver, start(driver, morning_log))
    watched = debrief.watched
    opens = seconds(watched.loaded.scenario.clinic.opens)
    # the first entry that lost points is chosen for the watcher; choose a later one
    assert debrief.chosen is not None
    assert debrief.entries[debrief.chosen]["points"] < debrief.entries[debrief.chosen]["max"]
    late = max(i for i, e in enumerate(debrief.entries) if e["t"] < watched.log.commands[-1].t)
    debrief.show_tab("jump")
    driver.frame()
    assert debrief.jump_list is not None and debrief.jump_button is not None
    debrief.choose(late)
    driver.click(debrief.jump_button.get_abs_rect().center)
    scene = driver.ctx.stack.top
    assert isinstance(scene, WatchScene)
    t = max(opens, debrief.entries[late]["t"] - JUMP_BACK)
    assert scene.sim.now == t and scene.clock.paused
    assert scene.sim.digest() == state_at(watched, t)
    assert any(x.startswith("Jumped to ") for x in scene.toasts.texts())
    driver.frame(30, dt=0.25)  # shown paused: nothing moves until the watcher says so
    assert scene.sim.now == t
    # watched on from there, it ends as the replay does
    again = play_out(driver, scene)
    assert scene.sim.digest() == watched.replayed().sim.digest()
    # J jumps to the chosen entry from the debrief too, and an early one lands at opening
    again.choose(0)
    driver.key(pygame.K_j)
    first = driver.ctx.stack.top
    assert isinstance(first, WatchScene)
    assert first.sim.now == max(opens, again.entries[0]["t"] - JUMP_BACK)
    assert first.sim.digest() == state_at(watched, first.sim.now)


def test_r_and_the_button_watch_again_from_the_start(driver, morning_log) -> None:
    debrief = play_out(driver, start(driver, morning_log))
    driver.key(pygame.K_r)
    scene = driver.ctx.stack.top
    assert isinstance(scene, WatchScene)
    opens = seconds(scene.loaded.scenario.clinic.opens)
    assert scene.sim.now - opens < 5  # one frame in: the start of the day
    commands = scene.watched.log.commands
    assert scene.playback.given == sum(1 for c in commands if c.t <= scene.sim.now)
    debrief = play_out(driver, scene)
    driver.click(debrief.buttons["restart"].get_abs_rect().center)
    assert isinstance(driver.ctx.stack.top, WatchScene)


def test_the_menu_restarts_or_skips_to_the_end(driver, morning_log) -> None:
    from game.ui.watch.pause import WatchPause

    scene = start(driver, morning_log)
    driver.frame(40, dt=0.25)
    driver.key(pygame.K_ESCAPE)
    menu = driver.ctx.stack.top
    assert isinstance(menu, WatchPause)
    texts = [a.button.text for a in menu.actions]
    assert "End the day now" not in texts  # nothing ends a day that is not being played
    skip = next(a.button for a in menu.actions if a.button.text.startswith("Skip to the end"))
    driver.click(skip.get_abs_rect().center)
    debrief = driver.ctx.stack.top
    assert isinstance(debrief, WatchDebrief)
    assert scene.sim.digest() == scene.watched.replayed().sim.digest()
    driver.key(pygame.K_r)
    scene = driver.ctx.stack.top
    assert isinstance(scene, WatchScene)
    driver.frame(40, dt=0.25)
    driver.key(pygame.K_ESCAPE)
    menu = driver.ctx.stack.top
    restart = next(a.button for a in menu.actions if a.button.text == "Restart from the start")
    driver.click(restart.get_abs_rect().center)
    fresh = driver.ctx.stack.top
    assert isinstance(fresh, WatchScene) and fresh is not scene
    assert fresh.sim.now < scene.sim.now


def test_a_log_that_does_not_verify_is_watched_and_said_so(driver, logs) -> None:
    path = student_log(logs, seed=2)
    log = load_log(path)
    log.player = "Someone Else"  # relabelled after play: the digest no longer binds it
    save_log(log, path)
    debrief = play_out(driver, start(driver, path))
    assert not debrief.verdict.verified
    assert any(n.startswith("This log did not verify") for n in debrief.notices)
    driver.frame()
    assert any(t.startswith("Watched, NOT verified") for t in debrief.text.drawn)


def test_the_ma_on_screen_is_the_student_not_the_watcher(driver, morning_log: Path) -> None:
    scene = start(driver, morning_log)
    assert "MA" in scene.text.drawn and "YOU" not in scene.text.drawn  # the MA's token
    sim = scene.sim
    sim.advance(sim.lead.busy_until)  # the first task done (a look at the wording only)
    assert scene.topbar.status_text() == "The MA is free: choose what to do next"
