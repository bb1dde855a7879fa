"""The gradebook as CSV: one header row, one row per file, UTF-8, for an LMS to import."""

from __future__ import annotations

import csv
import io

from game.grade.book import category_order, category_percent, competency_order, competency_points
from game.grade.rows import Row

BASE_COLUMNS = ("player", "student_id", "file", "scenario_id", "scenario_title", "seed",
                "played_at", "source", "verified", "verified_reason", "score", "grade",
                "passed", "critical_errors")


def header(rows: list[Row]) -> list[str]:
    """The columns: the fixed ones, a percentage per category, and each competency's earned
    and possible points as two numbers (one "3/5" cell would open as a date in a
    spreadsheet)."""
    return [*BASE_COLUMNS, *(f"{c}_percent" for c in category_order(rows)),
            *(f"{c}_{part}" for c in competency_order(rows) for part in ("earned", "possible")),
            "warnings", "problem"]


def _cells(row: Row, cats: list[str], comps: list[str]) -> list[object]:
    rep = row.report
    yes_no = {True: "yes", False: "no", None: ""}
    cells: list[object] = [row.player or "", row.student_id or "", str(row.file),
                           row.scenario_id or "", row.scenario_title or "",
                           "" if row.seed is None else row.seed, row.played_at or "",
                           row.source or "", yes_no[row.verified], row.verified_reason or ""]
    if rep is None:
        cells += ["", "", "", ""] + [""] * (len(cats) + 2 * len(comps))
    else:
        sc = rep["score"]
        pct = category_percent(rep)
        points = competency_points(rep)
        cells += [sc["total"], sc["grade"], yes_no[sc["passed"]], len(rep["critical_errors"])]
        cells += ["" if pct.get(c) is None else pct[c] for c in cats]
        for c in comps:
            cells += list(points[c]) if c in points else ["", ""]
    return [*cells, "; ".join(row.warnings), row.problem or ""]


def gradebook_csv(rows: list[Row]) -> str:
    """The CSV text (every row has every column, empty where it does not apply)."""
    cats, comps = category_order(rows), competency_order(rows)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header(rows))
    for row in rows:
        w.writerow(_cells(row, cats, comps))
    return out.getvalue()
