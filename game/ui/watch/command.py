"""`clinic-day watch LOG`: refuse a bad log or a day that cannot be found with one line on
standard error (exit 1), before any window opens; then watch it."""

from __future__ import annotations

import sys
from pathlib import Path

from game.ui.watch.source import WatchRefused, find_watched

EXIT_OK, EXIT_INPUT = 0, 1


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def watch(log: Path, scenario_dirs: list[Path], speed: float, frames: int | None = None,
          screenshot: Path | None = None) -> int:
    """Find the log's day, then replay it in the window; the exit code."""
    missing = [d for d in scenario_dirs if not d.is_dir()]
    for d in missing:
        _err(f"--scenarios {d}: no such folder")
    if missing:
        return EXIT_INPUT
    try:
        watched = find_watched(log, scenario_dirs)
    except WatchRefused as exc:
        _err(str(exc))
        return EXIT_INPUT
    # Only now the window's modules (and pygame): a bad log is refused without them.
    from game.ui.app import watch_window

    return watch_window(watched, speed, frames, screenshot)
