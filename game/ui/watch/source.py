"""The session log to watch and the day it was played on, found as `clinic-day grade` finds
days (by the SHA-256 the log records); every bad input is one line naming the file.

No pygame here: the command refuses a bad log before a window is opened.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from game.grade.days import BUNDLED, DayIndex
from game.grade.rows import file_kind
from game.replaying import Replayed, replay_log
from game.scenario.errors import InputError, json_path
from game.scenario.load import LoadedScenario
from game.sim.log import SessionLog, load_log
from game.user_days import days_dir


class WatchRefused(Exception):
    """Why a file cannot be watched: one line for standard error, naming the file."""


@dataclass
class Watched:
    """A session log with the day it was played on; its headless replay, made once."""

    path: Path
    log: SessionLog
    loaded: LoadedScenario
    # False for a bot's day played just now (the title's "Watch the reference bot"): then
    # `path` is the day's file and there is no log file to point at.
    from_file: bool = True
    _replayed: Replayed | None = field(default=None, repr=False)

    def replayed(self) -> Replayed:
        """The log replayed and judged as `clinic-day replay` does it (the debrief's report)."""
        if self._replayed is None:
            self._replayed = replay_log(self.log, self.loaded)
        return self._replayed

    @property
    def who(self) -> str:
        """Whose day it is: the player and their student ID, or the bot."""
        log = self.log
        if log.source == "bot" and log.policy:
            name = f"the {log.policy} bot"
        else:
            name = log.player or "a player with no name given"
        return f"{name} ({log.student_id})" if log.student_id else name

    @property
    def banner(self) -> str:
        """The line the window shows above the day."""
        return (f"Watching {self.who} - {self.loaded.scenario.title}, "
                f"seed {self.log.seed}")


def _first_problem(exc: InputError) -> str:
    """The loader's first problem, with where it is, as a clause of one line."""
    if not exc.problems:
        return "it cannot be read"
    p = exc.problems[0]
    where = ", ".join(part for part in (f"line {p.line}" if p.line else "",
                                        json_path(p.path) if p.path else "") if part)
    more = len(exc.problems) - 1
    extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return (f"{where}: {p.message}" if where else p.message)[:300] + extra


def _read_log(path: Path) -> SessionLog:
    if not path.exists():
        raise WatchRefused(f"{path}: no such file")
    if path.is_dir():
        raise WatchRefused(f"{path}: a folder, not a session log (watch one log file)")
    try:
        return load_log(path)
    except InputError as exc:
        kind = file_kind(path)
        if kind == "scenario":
            raise WatchRefused(f"{path}: a scenario file, not a session log (watch a "
                               "student's session log; its day is found by itself)") from None
        if kind == "other":
            raise WatchRefused(f"{path}: a JSON file, but not a session log (it has no "
                               "format_version and no commands)") from None
        raise WatchRefused(f"{path}: not a session log this game can read: "
                           f"{_first_problem(exc)}") from None
    except (OSError, RecursionError, MemoryError) as exc:
        raise WatchRefused(f"{path}: cannot read the file "
                           f"({getattr(exc, 'strerror', None) or type(exc).__name__})") from None


def _title_of(path: Path) -> str | None:
    """A day file's title, read loosely: only to name the day a log no longer matches."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
        return None
    title = data.get("title") if isinstance(data, dict) else None
    return title[:120] if isinstance(title, str) else None


def find_watched(path: Path, scenario_dirs: list[Path]) -> Watched:
    """The log at path and its day (the bundled days, the player's days, the folders given,
    the log's own folder); raises WatchRefused with one line saying what is wrong."""
    log = _read_log(path)
    days = DayIndex.build([BUNDLED, days_dir(), *scenario_dirs, path.parent])
    found = days.load(log.scenario.sha256)
    ref = log.scenario
    if found is None:
        other = days.changed(ref.id, ref.file)
        title = _title_of(other) if other is not None else None
        named = f"'{ref.id}' (\"{title}\", {ref.file})" if title else f"'{ref.id}' ({ref.file})"
        changed = (f"; {other} has that id or name but other contents" if other is not None
                   else "")
        raise WatchRefused(
            f"{path}: its day {named} was not found by the SHA-256 the log records among the "
            f"bundled days, your days, the log's folder or the --scenarios folders{changed}: "
            "the day's file may have changed since it was played; give the folder of the day "
            "as played with --scenarios DIR")
    if isinstance(found, InputError):
        raise WatchRefused(f"{path}: its day {found.file} does not load: "
                           f"{_first_problem(found)}")
    return Watched(path, log, found)
