"""A session log about to be filled: who plays which day, when (the wall clock is read here,
never in the simulation). The window and the headless commands both start logs here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from game.report.model import build_report
from game.scenario.load import LoadedScenario
from game.sim.engine import Simulation
from game.sim.log import ScenarioRef, SessionLog, Source
from game.sim.policies import POLICIES
from game.sim.runner import play_policy


def new_log(loaded: LoadedScenario, seed: int, policy: str | None,
            player: str | None = None, source: Source | None = None,
            played_at: str | None = None, student_id: str | None = None) -> SessionLog:
    """An empty session log for a day about to be played, dated now by the wall clock.
    Without a source, a day with a policy is a bot's and one without is the window's."""
    ref = ScenarioRef(id=loaded.scenario.id, sha256=loaded.sha256, file=loaded.path.name)
    when = played_at or dt.datetime.now().astimezone().isoformat(timespec="seconds")
    return SessionLog(scenario=ref, seed=seed, policy=policy, player=player,
                      student_id=student_id or None,
                      source=source or ("bot" if policy else "window"), played_at=when)


def bot_log(loaded: LoadedScenario, seed: int, policy: str) -> tuple[Simulation, SessionLog,
                                                                       dict[str, Any]]:
    """A bot's whole day, headless: the final state, its sealed session log and its report
    (`clinic-day run --policy` and the title's "Watch the reference bot" both play it so)."""
    sim = Simulation(loaded.scenario, seed)
    log = new_log(loaded, seed, policy, source="bot")
    log.commands = play_policy(sim, POLICIES[policy]())
    report = build_report(sim, loaded, policy, played_at=log.played_at, source=log.source)
    log.seal(report["digest"])
    return sim, log, report
