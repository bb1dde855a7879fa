"""Write the report as JSON (the contract), HTML (for people) or CSV (the ledger)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from game.fileio import write_atomic, write_text_atomic
from game.report.html import render_html

LEDGER_COLUMNS = ("time", "category", "points", "max", "competency", "competency_title",
                  "patient", "reason", "note", "critical")


def ledger_csv(report: dict[str, Any]) -> str:
    """The ledger as CSV, one entry a row."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=LEDGER_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for e in report["ledger"]:
        writer.writerow(e)
    return buf.getvalue()


def write_report(report: dict[str, Any], path: Path) -> None:
    """Choose the form by the file's extension: .html, .csv, anything else JSON."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        write_text_atomic(path, render_html(report))
    elif suffix == ".csv":
        write_text_atomic(path, ledger_csv(report))
    else:
        write_atomic(path, report)
