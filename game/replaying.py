"""A session log replayed on its day: the final state, the verdict and the report, the one
way `replay`, `grade` and the window's watch mode all check a log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.report.model import build_report
from game.scenario.load import LoadedScenario
from game.sim.engine import Simulation
from game.sim.log import SessionLog
from game.sim.runner import play_commands
from game.sim.verify import Verdict, judge


@dataclass
class Replayed:
    """What a replay found."""

    sim: Simulation
    verdict: Verdict
    report: dict[str, Any]


def replay_log(log: SessionLog, loaded: LoadedScenario) -> Replayed:
    """Give the log's commands at their times, run the day out, judge the digest."""
    sim = Simulation(loaded.scenario, log.seed)
    play_commands(sim, log.commands, to_end=False)
    # Whether the commands themselves ended the day (clock out): a log cut mid-day did not.
    ended = sim.finished
    sim.advance(sim.end_time)
    digest = sim.digest()
    verdict = judge(log, digest, ended, log.commands[-1].t if log.commands else None)
    report = build_report(sim, loaded, log.policy, log.player, played_at=log.played_at,
                          source=log.source, verified=verdict.verified,
                          verified_reason=verdict.reason, student_id=log.student_id,
                          state_digest=digest)
    return Replayed(sim, verdict, report)
