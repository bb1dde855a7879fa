"""Build the report from a finished simulation: the contract other tools read."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from game import RULES_VERSION, __version__
from game.clinical import vitals as vital_rules
from game.clinical.competencies import title
from game.report.schema import REPORT_FORMAT, checked
from game.scenario.load import LoadedScenario
from game.scenario.types import clock
from game.sim.engine import Simulation
from game.sim.rules.lab import specimen_report
from game.sim.rules.phone.calls import call_report
from game.sim.state import PatientState, StaffState, Status

__all__ = ["REPORT_FORMAT", "build_report", "patient_outcome", "teaching_points",
           "vitals_of"]
OUTCOMES = {
    Status.CHECKED_OUT: "seen",
    Status.LEFT: "left_without_being_seen",
    Status.NO_SHOW: "no_show",
    Status.SCHEDULED: "never_arrived",
    Status.SENT_ELSEWHERE: "sent_elsewhere",
}


def patient_outcome(status: Status) -> str:
    """A patient's outcome as the report names it."""
    return OUTCOMES.get(status, "still_in_clinic")


def vitals_of(p: PatientState) -> dict[str, Any]:
    """The measured and recorded readings, and how the game's rules judge the measured set."""
    # The judgement is the game's own (game.clinical.vitals), so the report shows exactly
    # what the score was based on; the sex is optional in the format.
    sex = p.spec.sex
    m = p.measured
    return {
        "measured": None if m is None else asdict(m),
        "recorded": None if p.recorded is None else asdict(p.recorded),
        "abnormal": [] if m is None else sorted(vital_rules.abnormal_signs(m, p.age_years, sex)),
        "bp_category": None if m is None else vital_rules.bp_label(m, p.age_years, sex),
    }


def build_report(sim: Simulation, loaded: LoadedScenario, policy: str | None,
                 player: str | None = None, *, played_at: str | None = None,
                 source: str | None = None, verified: bool | None = None,
                 verified_reason: str | None = None,
                 student_id: str | None = None,
                 state_digest: str | None = None) -> dict[str, Any]:
    """The report as plain data, checked against game.report.schema.Report (see the README).

    `verified` is None after a plain run, and True or False after a replay checked the log.
    `state_digest` is the final state's digest when the caller has it already.
    """
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
                         "left_t": p.left_t, "vitals": vitals_of(p),
                         "specimens": specimen_report(sim, p.id)})
    ledger = [{**e.as_dict(), "time": clock(e.t),
               "competency_title": title(e.competency)} for e in sim.ledger.entries]
    return checked({
        "format_version": REPORT_FORMAT,
        "game_version": __version__,
        "scenario": {"id": s.id, "title": s.title, "sha256": loaded.sha256},
        "seed": sim.seed,
        "policy": policy,
        "player": player,
        "student_id": student_id,
        "source": source,
        "played_at": played_at,
        "rules_version": RULES_VERSION,
        "verified": verified,
        "verified_reason": verified_reason,
        "score": {
            "total": score.total,
            "passed": score.passed,
            "grade": score.grade,
            "pass_mark": s.scoring.pass_mark,
            "categories": {name: {"earned": e, "possible": p}
                           for name, (e, p) in score.categories.items()},
        },
        "critical_errors": [{**e.as_dict(), "time": clock(e.t),
                             "competency_title": title(e.competency)}
                            for e in score.critical_errors],
        "ledger": ledger,
        "patients": patients,
        "ma_activities": _activities(sim.lead),
        "staff": [{"id": m.id, "name": m.name, "role": m.role,
                   "controlled_by": m.spec.controlled_by, "clocked_out": m.clocked_out,
                   "activities": _activities(m)} for m in sim.world.staff.values()],
        "calls": call_report(sim),
        "ended_at": clock(sim.now),
        "digest": state_digest or sim.digest(),
    })


def _activities(member: StaffState) -> list[dict[str, Any]]:
    return [{"start_t": a.start, "end_t": a.end, "activity": a.what} for a in member.activities]


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
