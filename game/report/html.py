"""A self-contained HTML page of the report, for an instructor or a student to read."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from game.report.model import teaching_points
from game.scenario.types import clock

# The ledger entries about a patient's vital signs and flags (recorded, flagged, missed a
# flag) say so in their reason; beside them the report shows that patient's readings, so an
# instructor sees what the flags were judged on.
VITALS_ENTRY = re.compile(r"\bvital|\bflag", re.IGNORECASE)

STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1d2733}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d5dde5;padding:.3rem;
text-align:left;vertical-align:top}.neg{color:#a4262c}.pos{color:#1b6e3a}.crit{background:#fde7e9}
.pass{color:#1b6e3a}.fail{color:#a4262c}.reading{color:#4a5868;font-size:.9em}"""


def reading_text(r: dict[str, Any] | None) -> str:
    """One set of vital signs on one line, or a dash when there is none."""
    if r is None:
        return "-"
    return (f"BP {r['systolic']}/{r['diastolic']}, pulse {r['pulse']}, resp {r['resp']}, "
            f"temp {r['temp_f']} F, SpO2 {r['spo2']}%")


def _readings(report: dict[str, Any]) -> dict[str, str]:
    """Per patient id: measured and recorded readings and the judgement, as HTML."""
    out = {}
    for p in report["patients"]:
        v = p.get("vitals")
        if not v or v["measured"] is None:
            continue
        abnormal = ", ".join(v["abnormal"]) or "none"
        bp = f"; BP {v['bp_category']}" if v["bp_category"] else ""
        out[p["id"]] = escape(f"Measured: {reading_text(v['measured'])}. Recorded: "
                              f"{reading_text(v['recorded'])}. Abnormal: {abnormal}{bp}.")
    return out


def _specimens(p: dict[str, Any]) -> str:
    return "<br>".join(
        escape(f"{s['tube']} ({', '.join(s['tests']) or 'no test'}): "
               f"{s['status'].replace('_', ' ')}" + (f": {s['reason']}" if s["reason"] else ""))
        for s in p.get("specimens", []))


def _calls(report: dict[str, Any]) -> str:
    """The calls table: who called, what was done and what the rules expected."""
    rows = []
    for c in report.get("calls", []):
        done, expected = c["action"] or "nothing", c["expected"]
        mark = "pos" if done == expected else "neg"
        voicemail = " (voicemail)" if c["voicemail_t"] is not None else ""
        rows.append(
            f"<tr><td>{clock(c['came_t'])}</td><td>{escape(c['channel'])}{voicemail}</td>"
            f"<td>{escape(c['caller'])} ({escape(c['relation'])})</td>"
            f"<td>{escape(c['kind'].replace('_', ' '))}</td>"
            f"<td class={mark}>{escape(done.replace('_', ' '))}</td>"
            f"<td>{escape(expected.replace('_', ' '))}</td></tr>")
    if not rows:
        return ""
    return ("<h2>Calls and messages</h2><table><tr><th>Time</th><th>Channel</th><th>Caller</th>"
            "<th>About</th><th>Done</th><th>Expected</th></tr>" + "".join(rows) + "</table>")


def _verification(report: dict[str, Any]) -> str:
    verified = report.get("verified")
    if verified is None:
        return "Not a replay: the session log was not verified."
    word = "<span class=pass>verified</span>" if verified else \
        "<span class=fail>NOT verified</span>"
    return f"Session log {word}: {escape(report.get('verified_reason') or '')}."


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
    readings = _readings(report)

    def reading_for(x: dict[str, Any]) -> str:
        shown = readings.get(x["patient"] or "") if VITALS_ENTRY.search(x["reason"]) \
            else None
        return f"<div class=reading>{shown}</div>" if shown else ""

    def competency(x: dict[str, Any]) -> str:
        code, name = x["competency"], x.get("competency_title")
        return f"{e(code)} {e(name or '')}" if code else ""

    ledger = "".join(
        f"<tr class=\"{'crit' if x['critical'] else ''}\"><td>{e(x['time'])}</td>"
        f"<td>{e(x['category'])}</td><td class=\"{'neg' if x['points'] < 0 else 'pos'}\">"
        f"{x['points']}/{x['max']}</td><td>{competency(x)}</td>"
        f"<td>{e(x['patient'] or '')}</td><td>{e(x['reason'])}{reading_for(x)}</td>"
        f"<td>{e(x['note'])}</td></tr>"
        for x in report["ledger"])
    patients = "".join(
        f"<tr><td>{e(p['appointment'])}</td><td>{e(p['name'])}</td><td>{e(p['outcome'])}</td>"
        f"<td>{'' if p['wait_minutes'] is None else p['wait_minutes']}</td>"
        f"<td>{readings.get(p['id'], '')}</td><td>{_specimens(p)}</td></tr>"
        for p in report["patients"])
    who = e(report.get('player') or report.get('policy') or 'unknown')
    if report.get("student_id"):
        who += f" (student ID {e(report['student_id'])})"
    verdict = ("<span class=pass>passed</span>" if sc["passed"]
               else "<span class=fail>not passed</span>")
    return f"""<!doctype html><html lang=en><meta charset=utf-8>
<title>{e(report['scenario']['title'])}: report</title><style>{STYLE}</style>
<h1>{e(report['scenario']['title'])}</h1>
<p>Player: {who}, seed {report['seed']},
played {e(report.get('played_at') or 'on an unknown date')}. {_verification(report)}</p>
<p>
Score <b>{sc['total']}/100</b>, grade {sc['grade']}, {verdict} (pass mark {sc['pass_mark']}).</p>
<h2>Categories</h2><table>{rows}</table>
<h2>Critical errors</h2><ul>{crit}</ul>
<h2>What to work on</h2><ul>{notes}</ul>
<h2>Patients</h2><table><tr><th>Time</th><th>Name</th><th>Outcome</th><th>Wait (min)</th>
<th>Vital signs</th><th>Specimens</th></tr>
{patients}</table>
{_calls(report)}
<h2>Ledger</h2><table><tr><th>Time</th><th>Category</th><th>Points</th><th>Competency</th>
<th>Patient</th><th>What happened</th><th>Why it matters</th></tr>{ledger}</table>
<p><small>Clinic Day {e(str(report.get('game_version') or 'unknown version'))}, rules \
version {e(str(report.get('rules_version')))}. Digest {e(report['digest'])}</small></p></html>
"""
