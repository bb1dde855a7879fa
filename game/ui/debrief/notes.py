"""The debrief's teaching notes: every ledger entry that lost points, as text-box HTML."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

from game.report.model import teaching_points
from game.ui.kit.fmt import plural, pts
from game.ui.kit.theme import ACCENT, BAD, GOOD, MUTED, hexcol

CATEGORY_ORDER = ("safety", "clinical", "administrative", "flow", "experience")
CATEGORY_TITLES = {"safety": "Safety", "clinical": "Clinical", "administrative":
                   "Administrative", "flow": "Patient flow", "experience": "Patient experience"}


def category_title(name: str) -> str:
    """A category as the player reads it."""
    return CATEGORY_TITLES.get(name, name.replace("_", " ").capitalize())


def lost(entry: dict[str, Any]) -> int:
    """Points an entry cost: what the step was worth less what was earned."""
    return int(entry.get("max", 0)) - int(entry.get("points", 0))


def lost_entries(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Ledger entries that cost points, in time order."""
    return [e for e in report.get("ledger", []) if lost(e) > 0 or e.get("critical")]


def patient_names(report: dict[str, Any]) -> dict[str, str]:
    """Patient id -> 'Name (08:40)', so two patients who share a name stay apart."""
    return {p["id"]: f"{p.get('name', p['id'])} ({p.get('appointment', '?')})"
            for p in report.get("patients", []) if "id" in p}


def shared_names(names: dict[str, str]) -> set[str]:
    """Names (without the appointment time) that more than one patient has."""
    plain = [n.split(" (")[0] for n in names.values()]
    return {n for n in plain if plain.count(n) > 1}


def _colour(rgb: tuple[int, int, int], text: str, bold: bool = False) -> str:
    inner = f"<b>{text}</b>" if bold else text
    return f"<font color='{hexcol(rgb)}'>{inner}</font>"


def _critical(e: dict[str, Any], who: str) -> str:
    when = f"{e.get('time', '')} · {who}" if who else str(e.get("time", ""))
    comp = f"{e.get('competency') or ''} {e.get('competency_title') or ''}".strip()
    return (_colour(BAD, "CRITICAL ERROR: ", bold=True)
            + f"<b>{escape(str(e.get('reason', '')))}</b> "
            + _colour(BAD, f"({pts(-lost(e))})", bold=True) + "<br>"
            + _colour(MUTED, escape(f"{when} · {comp}")) + "<br>"
            + escape(str(e.get("note") or "")) + "<br><br>")


def _lesson(items: list[dict[str, Any]], names: dict[str, str], by: str) -> str:
    """One teaching note, said once, with every time it cost points listed below it."""
    first = items[0]
    total = sum(lost(e) for e in items)
    note = str(first.get("note") or first.get("reason", ""))
    comp = f"{first.get('competency') or ''} {first.get('competency_title') or ''}".strip()
    times = f"{len(items)} times" if len(items) > 1 else "once"
    out = [f"<b>{escape(note)}</b> " + _colour(BAD, f"({pts(-total)})", bold=True) + "<br>",
           _colour(MUTED, escape(f"{comp} · {times}")) + "<br>"]
    for e in items:
        who = names.get(e.get("patient") or "", "")
        plain = who.split(" (")[0]
        reason = str(e.get("reason", ""))
        # name the patient when the reason does not, or when two patients share the name
        tag = f" [{who}]" if who and by != "patient" and (
            plain not in reason or plain in shared_names(names)) else ""
        extra = f" · {category_title(e.get('category', ''))}" if by == "patient" else ""
        line = f"{e.get('time', '')}  {reason}{extra}"
        out.append(f"&nbsp;&nbsp;• {escape(line)} "
                   + _colour(MUTED, escape(f"(-{lost(e)}){tag}")) + "<br>")
    return "".join(out) + "<br>"


def notes_html(report: dict[str, Any], by: str = "category") -> str:
    """Every entry that lost points, grouped by category or by patient.

    In each group the critical errors come first; then each teaching note is said once,
    worst first, with every entry it applies to (time, what happened, points) below it.
    """
    names = patient_names(report)
    entries = lost_entries(report)
    if not entries:
        return _colour(GOOD, "Nothing cost you points today: every step was done well.", True)
    top = teaching_points(report, limit=3)
    out = [_colour(ACCENT, "Where most points went", bold=True) + "<br>"]
    out += [f"{i}. {escape(point)}<br>" for i, point in enumerate(top, 1)]
    out.append("<br>")
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if by == "patient":
        for e in entries:
            groups[e.get("patient") or ""].append(e)
        order = [p for p in names if p in groups] + [k for k in groups if k not in names]
        titles = {k: names.get(k, "The clinic (no single patient)") for k in order}
    else:
        for e in entries:
            groups[e.get("category", "")].append(e)
        order = [c for c in CATEGORY_ORDER if c in groups] + sorted(
            k for k in groups if k not in CATEGORY_ORDER)
        titles = {k: category_title(k) for k in order}
    for key in order:
        items = groups[key]
        total = sum(lost(e) for e in items)
        out.append(_colour(ACCENT, f"{escape(titles[key])}: {plural(total, 'point')} lost",
                           bold=True) + "<br>")
        for e in sorted((e for e in items if e.get("critical")), key=lambda e: e.get("t", 0)):
            out.append(_critical(e, names.get(e.get("patient") or "", "")))
        lessons: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in items:
            if not e.get("critical"):
                lessons[str(e.get("note") or e.get("reason", ""))].append(e)
        for group in sorted(lessons.values(), key=lambda g: -sum(lost(e) for e in g)):
            out.append(_lesson(sorted(group, key=lambda e: e.get("t", 0)), names, by))
    return "".join(out)
