"""The player's own days: a folder in the user data directory, listed and imported headless.

An instructor sends a scenario file; `clinic-day import FILE` checks it and copies it into
the days folder, and the title screen lists every file there beside the bundled days. This
module imports no pygame: the command line and the window both use it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from game.fileio import write_text_atomic
from game.paths import bundled_scenarios
from game.scenario.errors import InputError, Problem
from game.scenario.load import LoadedScenario, load_scenario

APP_NAME = "clinic-day"  # the same folder the game's settings, scores and logs live in
DAYS_FOLDER = "days"
# Every file is validated when the title opens: a folder of hundreds would stall it.
MAX_LISTED = 60


def default_root() -> Path:
    """The per-user data folder (e.g. ~/.local/share/clinic-day on Linux)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def days_dir(root: Path | None = None) -> Path:
    """The folder of the player's own days inside a data folder (the default one if None)."""
    return (default_root() if root is None else Path(root)) / DAYS_FOLDER


@dataclass(frozen=True)
class UserDay:
    """One file of the days folder: the loaded day, or its problems as validate prints them."""

    path: Path
    loaded: LoadedScenario | None
    problems: list[str] = field(default_factory=list)

    @property
    def first_error(self) -> str | None:
        """The first problem (path and message), or None for a valid day."""
        return self.problems[0] if self.problems else None


@dataclass(frozen=True)
class Listing:
    """What the days folder holds, and a note when it could not all be read or shown."""

    days: list[UserDay]
    note: str | None = None


def _candidates(folder: Path) -> list[Path]:
    # Hidden names are editors' backups and the atomic writer's temporary files.
    return sorted(p for p in folder.iterdir()
                  if p.name.endswith(".json") and not p.name.startswith("."))


def check_day(path: Path) -> UserDay:
    """Load one file; whatever is wrong with it becomes its problems, never an exception."""
    try:
        return UserDay(path, load_scenario(path))
    except InputError as exc:
        return UserDay(path, None, [p.render(str(path)) for p in exc.problems])
    except Exception as exc:  # a broken file must never stop the title screen
        return UserDay(path, None, [f"{path}: {type(exc).__name__}: {exc}"])


def list_days(folder: Path) -> Listing:
    """Every *.json in the folder, checked; a missing folder is simply empty."""
    try:
        paths = _candidates(folder)
    except (FileNotFoundError, NotADirectoryError):
        return Listing([])
    except OSError as exc:
        return Listing([], f"Your days folder {folder} could not be read "
                           f"({exc.strerror or type(exc).__name__}).")
    note = None
    if len(paths) > MAX_LISTED:
        note = (f"Your days folder holds {len(paths)} files; only the first {MAX_LISTED} "
                "by name are listed.")
        paths = paths[:MAX_LISTED]
    return Listing([check_day(p) for p in paths], note)


class ImportRefused(Exception):
    """An import that would replace a different day: the message says what to do."""


@dataclass(frozen=True)
class Imported:
    """Where a day went, and whether it was already there or replaced another."""

    target: Path
    loaded: LoadedScenario
    unchanged: bool = False
    replaced: bool = False


def import_day(source: Path, folder: Path, force: bool = False) -> Imported:
    """Validate a day and copy its bytes into the folder under its own file name.

    Raises InputError (nothing copied) when the day is invalid, ImportRefused when a
    different file of that name is there and `force` is not given, OSError when writing fails.
    The bytes are copied as they are, so the hash a session log records stays the same.
    """
    loaded = load_scenario(source)
    raw = source.read_bytes()
    if hashlib.sha256(raw).hexdigest() != loaded.sha256:
        raise InputError(source, [Problem((), "the file changed while it was being checked; "
                                              "try again")])
    name = source.name if source.name.endswith(".json") else f"{source.name}.json"
    target = folder / name.lstrip(".")
    replaced = False
    if target.exists() or target.is_symlink():
        if target.is_file() and _same_bytes(target, raw):
            return Imported(target, loaded, unchanged=True)
        if not force:
            there = check_day(target)
            what = f'"{there.loaded.scenario.title}"' if there.loaded else "a file that " \
                "does not load"
            raise ImportRefused(f"{target} already holds a different day ({what}); nothing "
                                "was copied. Give --force to replace it, or rename your file.")
        replaced = True
    write_text_atomic(target, raw.decode("utf-8"))
    return Imported(target, loaded, replaced=replaced)


def same_id(loaded: LoadedScenario, folder: Path, target: Path) -> str | None:
    """The title of another day, bundled or the user's, with this day's id: best scores are
    kept per id, so the two would share one. None when the id is the day's own."""
    day_id = loaded.scenario.id
    others = [*bundled_scenarios(), *(p for p in sorted(folder.glob("*.json"))
                                      if p.resolve() != target.resolve())]
    for path in others:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a broken file is listed as such on the title screen
        if isinstance(data, dict) and data.get("id") == day_id:
            return str(data.get("title") or path.name)
    return None


def _same_bytes(path: Path, raw: bytes) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(raw) + 1) == raw
    except OSError:
        return False
