"""A self-contained HTML page of the report, for an instructor or a student to read."""

from __future__ import annotations

from html import escape
from typing import Any

from game.report.model import teaching_points

STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1d2733}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d5dde5;padding:.3rem;
text-align:left;vertical-align:top}.neg{color:#a4262c}.pos{color:#1b6e3a}.crit{background:#fde7e9}
.pass{color:#1b6e3a}.fail{color:#a4262c}"""


def render_html(report: dict[str, Any]) -> str:
    """The whole report as one HTML page."""
    sc = report["score"]
    e = escape
    rows = "".join(
        f"<tr><td>{e(c)}</td><td>{v['earned']}/{v['possible']}</td></tr>"
        for c, v in sc["categories"].items())
    crit = "".join(f"<li>{e(x['time'])} {e(x['reason'])}: {e(x['note'])}</li>"
                   for x in report["critical_errors"]) or "<li>None</li>"
    notes = "".join(f"<li>{e(n)}</li>" for n in teaching_points(report, 12))
    ledger = "".join(
        f"<tr class=\"{'crit' if x['critical'] else ''}\"><td>{e(x['time'])}</td>"
        f"<td>{e(x['category'])}</td><td class=\"{'neg' if x['points'] < 0 else 'pos'}\">"
        f"{x['points']}/{x['max']}</td><td>{e(x['competency'] or '')}</td>"
        f"<td>{e(x['patient'] or '')}</td><td>{e(x['reason'])}</td><td>{e(x['note'])}</td></tr>"
        for x in report["ledger"])
    patients = "".join(
        f"<tr><td>{e(p['appointment'])}</td><td>{e(p['name'])}</td><td>{e(p['outcome'])}</td>"
        f"<td>{'' if p['wait_minutes'] is None else p['wait_minutes']}</td></tr>"
        for p in report["patients"])
    verdict = ("<span class=pass>passed</span>" if sc["passed"]
               else "<span class=fail>not passed</span>")
    return f"""<!doctype html><html lang=en><meta charset=utf-8>
<title>{e(report['scenario']['title'])}: report</title><style>{STYLE}</style>
<h1>{e(report['scenario']['title'])}</h1>
<p>Player: {e(report.get('player') or report.get('policy') or 'unknown')}, seed {report['seed']}.
Score <b>{sc['total']}/100</b>, grade {sc['grade']}, {verdict} (pass mark {sc['pass_mark']}).</p>
<h2>Categories</h2><table>{rows}</table>
<h2>Critical errors</h2><ul>{crit}</ul>
<h2>What to work on</h2><ul>{notes}</ul>
<h2>Patients</h2><table><tr><th>Time</th><th>Name</th><th>Outcome</th><th>Wait (min)</th></tr>
{patients}</table>
<h2>Ledger</h2><table><tr><th>Time</th><th>Category</th><th>Points</th><th>Competency</th>
<th>Patient</th><th>What happened</th><th>Why it matters</th></tr>{ledger}</table>
<p><small>Digest {e(report['digest'])}</small></p></html>
"""
