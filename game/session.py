"""A session log about to be filled: who plays which day, when (the wall clock is read here,
never in the simulation). The window and the headless commands both start logs here."""

from __future__ import annotations

import datetime as dt

from game.scenario.load import LoadedScenario
from game.sim.log import ScenarioRef, SessionLog, Source


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
