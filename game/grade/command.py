"""`clinic-day grade PATH...`: find the logs, grade them, write the CSV and the class report,
and say what was done; the exit code is 0 whenever the gradebook was written."""

from __future__ import annotations

import re
from pathlib import Path

from game import RULES_VERSION, __version__
from game.fileio import write_text_atomic
from game.grade.checks import Expect, flag
from game.grade.csv_book import gradebook_csv
from game.grade.days import BUNDLED
from game.grade.html_book import class_report
from game.grade.pool import grade_all, log_files
from game.grade.rows import Row
from game.headless import EXIT_INPUT, EXIT_OK, EXIT_USAGE, err, say
from game.report.html import render_html
from game.user_days import days_dir


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "student"


def _student_pages(rows: list[Row], html_out: Path) -> dict[int, str]:
    """Each graded row's own report beside the class report; their relative addresses."""
    folder = html_out.with_name(f"{html_out.stem}_reports")
    links: dict[int, str] = {}
    for i, r in enumerate(rows):
        if r.report is None:
            continue
        name = f"{i + 1:03d}-{_slug(r.who)}.html"
        write_text_atomic(folder / name, render_html(r.report), durable=False)
        links[i] = f"{folder.name}/{name}"
    return links


def _table(rows: list[Row]) -> str:
    lines = []
    for r in rows:
        if r.report is None:
            lines.append(f"  {r.file}: not graded: {r.problem}")
            continue
        sc = r.report["score"]
        mark = "verified" if r.verified else "NOT VERIFIED"
        warn = f", {len(r.warnings)} warning(s)" if r.warnings else ""
        lines.append(f"  {r.who}: {r.scenario_id} seed {r.seed}: {sc['total']}/100 "
                     f"{sc['grade']}, {'passed' if sc['passed'] else 'not passed'}, "
                     f"{mark}{warn}")
    return "\n".join(lines)


def grade(paths: list[Path], csv_out: Path | None, html_out: Path | None, jobs: int,
          scenario_dirs: list[Path], expect: Expect, progress: bool = True) -> int:
    """Grade every log under `paths` and write the gradebook; see the module docstring."""
    if jobs < 1 or jobs > 64:
        err(f"--jobs must be from 1 to 64 (got {jobs})")
        return EXIT_USAGE
    files, missing = log_files(paths)
    bad_dirs = [d for d in scenario_dirs if not d.is_dir()]
    for p in missing:
        err(f"{p}: no such file or folder")
    for d in bad_dirs:
        err(f"--scenarios {d}: no such folder")
    if missing or bad_dirs:
        return EXIT_INPUT
    if not files:
        err("no session logs (*.json) in " + ", ".join(map(str, paths)))
        return EXIT_INPUT
    # The folders given are searched for days too: a class folder often holds its day.
    folders = [BUNDLED, days_dir(), *scenario_dirs,
               *sorted({f.parent for f in files})]
    rows = grade_all(files, folders, jobs, progress)
    flag(rows, expect)
    say(_table(rows))
    code, wrote = EXIT_OK, []
    for target, make in ((csv_out, lambda: gradebook_csv(rows)),
                         (html_out, lambda: _html(rows, html_out))):
        if target is None:
            continue
        try:
            write_text_atomic(target, make())
            wrote.append(str(target))
        except OSError as exc:
            err(f"cannot write {target}: {exc.strerror or type(exc).__name__}")
            code = EXIT_INPUT
    graded = [r for r in rows if r.report]
    warned = sum(1 for r in rows if r.warnings or r.problem)
    say(f"graded {len(graded)} of {len(rows)} file(s): "
        f"{sum(1 for r in graded if r.verified)} verified, "
        f"{sum(1 for r in graded if r.report and r.report['score']['passed'])} passed, "
        f"{warned} to look at" + (f"; wrote {', '.join(wrote)}" if wrote else ""))
    return code


def _html(rows: list[Row], html_out: Path | None) -> str:
    assert html_out is not None
    links = _student_pages(rows, html_out)
    return class_report(rows, links, {"version": __version__, "rules": RULES_VERSION})
