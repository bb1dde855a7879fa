"""The gradebook's numbers for one row: category percentages and each competency's
earned and possible points, read off the replayed report."""

from __future__ import annotations

from typing import Any

from game.clinical.competencies import COMPETENCIES
from game.grade.rows import Row


def category_percent(report: dict[str, Any]) -> dict[str, int | None]:
    """Each category as a whole percentage; None where the day offered nothing in it."""
    out: dict[str, int | None] = {}
    for name, c in report["score"]["categories"].items():
        out[name] = round(100 * c["earned"] / c["possible"]) if c["possible"] else None
    return out


def competency_points(report: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """(earned, possible) per competency: what the day's steps tagged with it were worth and
    what the student got, penalties taken off and never below zero."""
    got: dict[str, int] = {}
    worth: dict[str, int] = {}
    for e in report["ledger"]:
        code = e["competency"]
        if code is None:
            continue
        got[code] = got.get(code, 0) + e["points"]
        worth[code] = worth.get(code, 0) + e["max"]
    return {code: (max(0, min(got[code], worth[code])), worth[code]) for code in got}


def competency_order(rows: list[Row]) -> list[str]:
    """Every competency any graded row touched, in the curriculum's order."""
    seen = {code for r in rows if r.report for code in competency_points(r.report)}
    order = list(COMPETENCIES)
    return sorted(seen, key=lambda c: (order.index(c) if c in order else len(order), c))


def category_order(rows: list[Row]) -> list[str]:
    """The score categories, as the first graded report lists them."""
    for r in rows:
        if r.report:
            return list(r.report["score"]["categories"])
    return []
