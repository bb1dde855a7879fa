"""The one-screen summary `clinic-day run` prints."""

from __future__ import annotations

import textwrap
from typing import Any

from game.report.model import teaching_points


def percent(part: float, whole: float) -> int:
    """The one rounding rule for a share shown as a percentage: rounded down, so 39 of 45
    reads 86% everywhere (text report, debrief, top bar) and nobody is shown a mark that
    was not quite reached. 0 when there is nothing to share."""
    if whole <= 0:
        return 0
    return int(100 * max(0.0, part) // whole)


def summary(report: dict[str, Any]) -> str:
    """Score by category, critical errors and the main teaching notes, in about 30 lines."""
    sc = report["score"]
    verdict = "PASSED" if sc["passed"] else "NOT PASSED"
    lines = [
        f"{report['scenario']['title']}  (seed {report['seed']}, "
        f"{report['policy'] or 'player'})",
        f"Score {sc['total']}/100  grade {sc['grade']}  {verdict} "
        f"(pass mark {sc['pass_mark']})",
        "",
    ]
    if report.get("verified") is not None:
        word = "VERIFIED" if report["verified"] else "NOT VERIFIED"
        lines[-1:-1] = textwrap.wrap(f"Session log {word}: {report.get('verified_reason')}", 96)
    for name, cat in sc["categories"].items():
        possible = cat["possible"]
        pct = percent(cat["earned"], possible) if possible else 100
        bar = "#" * (pct // 5)
        lines.append(f"  {name:<15}{cat['earned']:>4}/{possible:<4} {pct:>3}%  {bar}")
    seen = sum(1 for p in report["patients"] if p["outcome"] == "seen")
    waits = [p["wait_minutes"] for p in report["patients"] if p["wait_minutes"] is not None]
    avg = f"{sum(waits) / len(waits):.0f} min" if waits else "n/a"
    lines += ["", f"Patients seen {seen}/{len(report['patients'])}, average wait {avg}, "
                  f"day ended {report['ended_at']}"]
    if report["critical_errors"]:
        lines += ["", "CRITICAL ERRORS (the grade is capped):"]
        lines += [f"  {e['time']}  {e['reason']}" for e in report["critical_errors"]]
    notes = teaching_points(report)
    if notes:
        lines += ["", "What to work on:"]
        for note in notes:
            lines += textwrap.wrap(note, 96, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines)
