"""Build the report from a finished simulation: the contract other tools read."""

from __future__ import annotations

from typing import Any

from game.clinical.competencies import title
from game.scenario.load import LoadedScenario
from game.scenario.types import clock
from game.sim.engine import Simulation
from game.sim.state import Status

REPORT_FORMAT = 1
OUTCOMES = {
    Status.CHECKED_OUT: "seen",
    Status.LEFT: "left_without_being_seen",
    Status.NO_SHOW: "no_show",
    Status.SCHEDULED: "never_arrived",
}


def patient_outcome(status: Status) -> str:
    """A patient's outcome as the report names it."""
    return OUTCOMES.get(status, "still_in_clinic")


def build_report(sim: Simulation, loaded: LoadedScenario, policy: str | None,
                 player: str | None = None) -> dict[str, Any]:
    """The report as plain data (see the README for its fields)."""
    score = sim.score()
    s = loaded.scenario
    patients = []
    for p in sim.world.patients.values():
        end = p.exam_start if p.exam_start is not None else p.left_t
        wait = None if end is None or p.arrival_t is None else max(0, end - p.wait_from) // 60
        patients.append({"id": p.id, "name": p.name, "appointment": clock(p.appt_t),
                         "outcome": patient_outcome(p.status), "wait_minutes": wait,
                         "arrived_t": p.arrival_t if p.status != Status.SCHEDULED else None,
                         "exam_start_t": p.exam_start, "exam_end_t": p.exam_end,
                         "left_t": p.left_t})
    ledger = [{**e.as_dict(), "time": clock(e.t),
               "competency_title": title(e.competency)} for e in sim.ledger.entries]
    return {
        "format_version": REPORT_FORMAT,
        "scenario": {"id": s.id, "title": s.title, "sha256": loaded.sha256},
        "seed": sim.seed,
        "policy": policy,
        "player": player,
        "score": {
            "total": score.total,
            "passed": score.passed,
            "grade": score.grade,
            "pass_mark": s.scoring.pass_mark,
            "categories": {name: {"earned": e, "possible": p}
                           for name, (e, p) in score.categories.items()},
        },
        "critical_errors": [{**e.as_dict(), "time": clock(e.t)} for e in score.critical_errors],
        "ledger": ledger,
        "patients": patients,
        "ma_activities": [{"start_t": a, "end_t": b, "activity": what}
                          for a, b, what in sim.activities],
        "ended_at": clock(sim.now),
        "digest": sim.digest(),
    }


def teaching_points(report: dict[str, Any], limit: int = 6) -> list[str]:
    """The notes that cost the most, one per reason, worst first."""
    lost: dict[str, tuple[int, str]] = {}
    for e in report["ledger"]:
        shortfall = e["max"] - e["points"]
        if shortfall > 0 and e["note"]:
            prev = lost.get(e["note"], (0, e["reason"]))
            lost[e["note"]] = (prev[0] + shortfall, prev[1])
    worst = sorted(lost.items(), key=lambda kv: -kv[1][0])[:limit]
    return [f"{note} (cost {pts} pts; e.g. {reason})" for note, (pts, reason) in worst]
