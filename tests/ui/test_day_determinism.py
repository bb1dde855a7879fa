"""A day played in the window replays headless to the same digest, whatever the frame rate."""

from __future__ import annotations

from game import headless
from game.sim.engine import Simulation
from game.sim.log import load_log, log_digest
from game.sim.runner import play_commands


def test_autoplay_day_replays_to_the_same_digest(driver, short_morning, tmp_path) -> None:
    scene = driver.start(short_morning, seed=3, autoplay="reference")
    scene.clock.set_speed(4.0)
    frames = 0
    # Uneven frame times on purpose: the day must not depend on them.
    while not scene.ended and frames < 4000:
        driver.frame(dt=(0.25, 0.1, 0.05)[frames % 3])
        frames += 1
    assert scene.ended and scene.sim.finished
    log = load_log(scene.log.path)
    assert log.final_digest == log_digest(log, scene.sim.digest())
    assert len(log.commands) > 20 and log.policy == "reference"
    assert headless.replay(scene.log.path, None, None) == 0
    fresh = Simulation(short_morning.scenario, 3)
    play_commands(fresh, log.commands)
    assert fresh.digest() == scene.sim.digest()
    assert scene.report["score"]["total"] > 0
    # a bot's day is not the player's: it never sets the best score
    assert short_morning.scenario.id not in driver.ctx.saves.best_scores()
    assert driver.ctx.stack.top is not scene
