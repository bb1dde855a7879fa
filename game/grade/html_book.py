"""The class report as one HTML page: a row per student linking to their own report, the
class's competency heat map, the most common mistakes with their notes, and the warnings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import Any

from game.clinical.competencies import title
from game.grade.book import competency_order, competency_points
from game.grade.rows import Row
from game.report.html import STYLE

HEAT_STYLE = """.heat td{text-align:center;font-size:.85em}.h3{background:#d7f0dd}
.h2{background:#fbefc9}.h1{background:#f9d6d9}.h0{background:#eef1f4;color:#4a5868}
.warn{color:#8a4b00}th.rot{font-size:.8em}"""


@dataclass(frozen=True)
class Mistake:
    """A step the class got wrong, how often and by how many, with what to teach."""

    competency: str | None
    note: str
    example: str
    times: int
    students: int


def common_mistakes(rows: list[Row], limit: int = 10) -> list[Mistake]:
    """Steps done wrong or missed, grouped by their teaching note, most students first."""
    times: Counter[tuple[str | None, str]] = Counter()
    who: dict[tuple[str | None, str], set[int]] = {}
    example: dict[tuple[str | None, str], str] = {}
    for i, r in enumerate(rows):
        for e in (r.report or {}).get("ledger", []):
            if e["points"] >= e["max"] or not e["note"]:
                continue
            k = (e["competency"], e["note"])
            times[k] += 1
            who.setdefault(k, set()).add(i)
            example.setdefault(k, e["reason"])
    ranked = sorted(times, key=lambda k: (-len(who[k]), -times[k], k[1]))
    return [Mistake(k[0], k[1], example[k], times[k], len(who[k])) for k in ranked[:limit]]


def _band(earned: int, possible: int) -> tuple[str, str]:
    """A heat-map cell's class and the mark that says the same without colour."""
    if possible == 0:
        return "h0", ""
    share = earned / possible
    if share >= 0.9:
        return "h3", "✓"
    return ("h2", "~") if share >= 0.6 else ("h1", "✗")


def _student_rows(rows: list[Row], links: dict[int, str]) -> str:
    out = []
    for i, r in enumerate(rows):
        rep = r.report
        name = escape(r.who)
        if i in links:
            name = f'<a href="{escape(links[i])}">{name}</a>'
        if rep is None:
            out.append(f"<tr><td>{name}</td><td colspan=6 class=fail>not graded: "
                       f"{escape(r.problem or '')}</td><td>{escape(str(r.file.name))}</td></tr>")
            continue
        sc = rep["score"]
        verified = "yes" if r.verified else "<span class=fail>no</span>"
        passed = "<span class=pass>passed</span>" if sc["passed"] else \
            "<span class=fail>not passed</span>"
        out.append(f"<tr><td>{name}</td><td>{escape(r.scenario_title or '')}</td>"
                   f"<td>{r.seed}</td><td><b>{sc['total']}</b> {sc['grade']}</td>"
                   f"<td>{passed}</td><td>{len(rep['critical_errors'])}</td>"
                   f"<td>{verified}</td><td>{escape(r.file.name)}</td></tr>")
    return ("<table><tr><th>Student</th><th>Day</th><th>Seed</th><th>Score</th>"
            "<th>Result</th><th>Critical errors</th><th>Verified</th><th>Log</th></tr>"
            + "".join(out) + "</table>")


def _heat_map(rows: list[Row]) -> str:
    graded = [r for r in rows if r.report]
    comps = competency_order(graded)
    if not comps:
        return "<p>No graded log to map.</p>"
    points = [competency_points(r.report or {}) for r in graded]
    head = "".join(f"<th class=rot>{escape(r.who)}</th>" for r in graded)
    body = []
    for c in comps:
        cells, total = [], [0, 0]
        for p in points:
            e, m = p.get(c, (0, 0))
            total[0] += e
            total[1] += m
            cls, mark = _band(e, m)
            cells.append(f"<td class={cls}>{f'{mark} {e}/{m}' if m else '-'}</td>")
        cls, mark = _band(*total)
        pct = f"{round(100 * total[0] / total[1])}%" if total[1] else "-"
        body.append(f"<tr><th>{escape(c)} {escape(title(c) or '')}</th>"
                    f"<td class={cls}><b>{mark} {pct}</b></td>{''.join(cells)}</tr>")
    return ("<p>Each cell is the points earned of those possible; ✓ 90% or more, ~ 60-89%, "
            "✗ under 60%, - not asked on that day.</p><table class=heat><tr><th>Competency"
            f"</th><th>Class</th>{head}</tr>{''.join(body)}</table>")


def _mistake(m: Mistake) -> str:
    plural = "s" if m.students != 1 else ""
    times = f"{m.times} time{'s' if m.times != 1 else ''}"
    comp = f" {escape(m.competency)} {escape(title(m.competency) or '')}." if m.competency \
        else ""
    return (f"<li><b>{m.students} student{plural}</b> ({times}):{comp} {escape(m.note)}"
            f"<br><span class=reading>e.g. {escape(m.example)}</span></li>")


def _mistakes(rows: list[Row]) -> str:
    found = common_mistakes(rows)
    if not found:
        return "<p>No step was missed or done wrong.</p>"
    return f"<ol>{''.join(_mistake(m) for m in found)}</ol>"


def _warnings(rows: list[Row]) -> str:
    items = [f"<li><b>{escape(r.who)}</b> ({escape(r.file.name)}): {escape(w)}</li>"
             for r in rows if r.problem is None for w in r.warnings]
    skipped = [f"<li><b>{escape(r.file.name)}</b>: {escape(r.problem)}</li>"
               for r in rows if r.problem is not None]
    out = f"<ul class=warn>{''.join(items)}</ul>" if items else "<p>None.</p>"
    if skipped:
        out += f"<h3>Files not graded</h3><ul class=warn>{''.join(skipped)}</ul>"
    return out


def class_report(rows: list[Row], links: dict[int, str], meta: dict[str, Any]) -> str:
    """The page; `links` maps a row's index to its own report's relative address."""
    graded = [r for r in rows if r.report]
    passed = sum(1 for r in graded if r.report and r.report["score"]["passed"])
    return f"""<!doctype html><html lang=en><meta charset=utf-8>
<title>Clinic Day: class report</title><style>{STYLE}{HEAT_STYLE}</style>
<h1>Class report</h1>
<p>{len(rows)} file(s), {len(graded)} graded, {passed} passed. Graded with clinic-day
{escape(str(meta.get('version', '')))} (rules version {escape(str(meta.get('rules', '')))}).</p>
<h2>Warnings</h2>{_warnings(rows)}
<h2>Students</h2>{_student_rows(rows, links)}
<h2>Competencies</h2>{_heat_map(rows)}
<h2>Most common mistakes</h2>{_mistakes(rows)}
"""
