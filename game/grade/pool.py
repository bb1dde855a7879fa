"""Grade many logs on all cores, with a progress bar, in the order they were given."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from tqdm import tqdm

from game.grade.days import DayIndex
from game.grade.rows import Row, grade_file


def log_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The files named and every *.json under the folders named (schemas left out), and
    the paths that do not exist."""
    files: list[Path] = []
    missing: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*.json") if f.is_file()
                            and not f.name.endswith(".schema.json"))
        elif p.exists():
            files.append(p)
        else:
            missing.append(p)
    return files, missing


def default_jobs() -> int:
    """The machine's cores, as `--jobs` defaults to."""
    return os.cpu_count() or 1


def grade_all(files: list[Path], folders: list[Path], jobs: int,
              progress: bool = True) -> list[Row]:
    """One row per file, in order; `jobs` processes (1: in this process)."""
    bar = tqdm(total=len(files), desc="grading", unit="log", file=sys.stderr,
               disable=not progress or None, leave=False)
    rows: list[Row] = []
    try:
        for row in _rows(files, folders, jobs):
            rows.append(row)
            bar.update()
    finally:
        bar.close()
    return rows


def _rows(files: list[Path], folders: list[Path], jobs: int) -> Iterator[Row]:
    # A pool costs a process start per core: not worth it for a handful of logs.
    days = DayIndex.build(folders)
    if jobs <= 1 or len(files) < 4:
        yield from (grade_file(f, days) for f in files)
        return
    # Each chunk carries the index, unloaded, and loads the days its logs need once: a few
    # chunks per worker keep that cost small and the progress bar moving.
    chunk = max(1, len(files) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        yield from pool.map(partial(grade_file, days=days), files, chunksize=chunk)
