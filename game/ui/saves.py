"""Settings, best scores and session logs in the user's data folder, written atomically."""

from __future__ import annotations

import json
import math
import re
import stat
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.campaign import MAX_STARS
from game.fileio import remove_stale_temps, write_atomic
from game.scenario.reader import BOM
from game.scenario.types import printable, text_problem
from game.sim.log import SessionLog, TimedCommand, save_log
from game.user_days import default_root

SPEEDS = (1.0, 2.0, 4.0)
MAX_PLAYER = 80
MAX_STUDENT_ID = 40
MAX_FILE_BYTES = 1024 * 1024  # settings and scores are tiny; anything bigger is not ours


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _strings(data: dict[str, Any]) -> list[str]:
    """Every key and string value of a flat JSON object (settings and scores are flat)."""
    return [*data, *(v for v in data.values() if isinstance(v, str))]


def _is_text(value: str) -> bool:
    return printable(value) == value


@dataclass
class Settings:
    """What the player chose: speed, sound, window, name."""

    speed: float = 1.0
    muted: bool = False
    fullscreen: bool = False
    player: str = ""
    student_id: str = ""
    # Under pressure the clock keeps running while a form is open, as on a real shift.
    clock_in_forms: bool = False
    # A ringing phone opens a card that stops the clock, so a call can be answered live.
    phone_stops_clock: bool = True
    # Every day of the library open at once (an instructor may assign them in any order).
    unlock_all: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Known keys with the right types; anything else falls back to the default."""
        out = cls()
        speed = data.get("speed")
        if (isinstance(speed, int | float) and not isinstance(speed, bool)
                and math.isfinite(speed) and float(speed) in SPEEDS):
            out.speed = float(speed)
        for name in ("muted", "fullscreen", "clock_in_forms", "phone_stops_clock", "unlock_all"):
            if isinstance(data.get(name), bool):
                setattr(out, name, data[name])
        player = data.get("player")
        if isinstance(player, str):
            player = printable(player).strip()[:MAX_PLAYER]
            # A name the window cannot draw (only marks or spaces) is no name.
            out.player = "" if text_problem(player) else player
        sid = data.get("student_id")
        if isinstance(sid, str):
            sid = printable(sid).strip()[:MAX_STUDENT_ID]
            out.student_id = "" if text_problem(sid) else sid
        return out


@dataclass
class Saves:
    """The files the game keeps for the player; a damaged one is set aside, never fatal.

    Every problem becomes one line in `messages` (shown on the title screen), not an
    exception: the game always starts, with defaults if need be.
    """

    root: Path = field(default_factory=default_root)
    messages: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        # A write cut short (power loss, a killed game) leaves its temporary file behind.
        for folder in (self.root, self.sessions_dir):
            remove_stale_temps(folder)

    @property
    def settings_path(self) -> Path:
        """settings.json."""
        return self.root / "settings.json"

    @property
    def scores_path(self) -> Path:
        """best_scores.json."""
        return self.root / "best_scores.json"

    @property
    def sessions_dir(self) -> Path:
        """One log per day played."""
        return self.root / "sessions"

    def note(self, message: str) -> None:
        """Record a message for the player once (a failing disk must not flood the screen)."""
        if message not in self.messages:
            self.messages.append(message)

    # -- reading --------------------------------------------------------------------------
    def _read(self, path: Path) -> dict[str, Any]:
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
                # A pipe or a device would block the start for ever: never opened.
                self.note(f"{path.name} is not a regular file; defaults are used.")
                return {}
            if info.st_size > MAX_FILE_BYTES:
                self._set_aside(path, "far too large")
                return {}
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # not saved yet
            return {}
        except OSError as exc:  # there but unreadable: leave it alone, use defaults for now
            self.note(f"{path.name} could not be read ({_why(exc)}); defaults are used.")
            return {}
        try:
            # The one rule of every file the game reads: UTF-8, a leading BOM accepted.
            data = json.loads(raw.decode("utf-8").removeprefix(BOM))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self._set_aside(path, "not valid JSON")
            return {}
        if not isinstance(data, dict):
            self._set_aside(path, "not a JSON object")
            return {}
        if not all(_is_text(s) for s in _strings(data)):
            # A NUL or a lone surrogate cannot be drawn: used as a name it crashed every start.
            self._set_aside(path, "it holds characters that are not text")
            return {}
        return data

    def _set_aside(self, path: Path, why: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
        try:
            path.replace(aside)
        except OSError as exc:
            self.note(f"{path.name} is damaged ({why}) and could not be moved aside "
                      f"({_why(exc)}); defaults are used.")
            return
        self.note(f"{path.name} was damaged ({why}); it was kept as {aside.name} and "
                  "defaults are used.")

    def load_settings(self) -> Settings:
        """The saved settings, or defaults."""
        return Settings.from_dict(self._read(self.settings_path))

    def best_scores(self) -> dict[str, int]:
        """Best total (0-100) per scenario id; malformed entries are ignored."""
        data = self._read(self.scores_path)
        return {k: v for k, v in data.items()
                if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 100}

    # -- writing --------------------------------------------------------------------------
    def _write(self, path: Path, data: dict[str, Any]) -> bool:
        try:
            write_atomic(path, data)
        except OSError as exc:
            self.note(f"Could not save {path.name} in {path.parent} ({_why(exc)}).")
            return False
        return True

    def save_settings(self, settings: Settings) -> bool:
        """Write the settings atomically; False (and a message) if that failed."""
        return self._write(self.settings_path, asdict(settings))

    @property
    def stars_path(self) -> Path:
        """best_stars.json."""
        return self.root / "best_stars.json"

    def best_stars(self) -> dict[str, int]:
        """Most stars (0-3) earned per scenario id; malformed entries are ignored."""
        data = self._read(self.stars_path)
        return {k: v for k, v in data.items()
                if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_STARS}

    def record_stars(self, scenario_id: str, stars: int) -> bool:
        """Keep the stars if they beat the best; True when they do."""
        if isinstance(stars, bool) or not isinstance(stars, int) or not 0 < stars <= MAX_STARS:
            return False
        best = self.best_stars()
        if stars <= best.get(scenario_id, 0):
            return False
        best[scenario_id] = stars
        return self._write(self.stars_path, best)

    def record_score(self, scenario_id: str, total: int) -> bool:
        """Keep the score if it beats the best; True when it is a new best.

        A total that is not an integer 0-100 is not a score: nothing is recorded.
        """
        if isinstance(total, bool) or not isinstance(total, int) or not 0 <= total <= 100:
            return False
        best = self.best_scores()
        if total <= best.get(scenario_id, -1):
            return False
        best[scenario_id] = total
        self._write(self.scores_path, best)
        return True

    def open_session(self, log: SessionLog) -> SessionWriter:
        """A session log file for a day that starts now (written at once)."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        safe_id = re.sub(r"[^A-Za-z0-9_.-]", "_", log.scenario.id)[:60]
        base = f"{stamp}-{safe_id}-seed{log.seed}"
        path = self.sessions_dir / f"{base}.json"
        n = 1
        while path.exists():
            n += 1
            path = self.sessions_dir / f"{base}-{n}.json"
        return SessionWriter(path, log, self)


class SessionWriter:
    """Appends commands to a session log and rewrites it atomically, so a crash loses nothing.

    After every append the file on disk is a complete log that `clinic-day replay` reads
    (without a final digest until the day ends).
    """

    def __init__(self, path: Path, log: SessionLog, saves: Saves) -> None:
        self.path = path
        self.log = log
        self.saves = saves
        self.ok = True  # False while the last write failed
        self.flush()

    def append(self, command: TimedCommand) -> None:
        """Record one command and write the log out, so a crash loses nothing."""
        self.log.commands.append(command)
        self.flush(durable=False)

    def finish(self, digest: str) -> None:
        """Seal the log with the final state's digest (game.sim.log.log_digest)."""
        self.log.seal(digest)
        self.flush()

    def flush(self, durable: bool = True) -> bool:
        """Write the whole log (atomically) now; False (and one message) on failure."""
        try:
            save_log(self.log, self.path, durable)
        except OSError as exc:
            self.ok = False
            self.saves.note(f"Could not write the session log in {self.path.parent} "
                            f"({_why(exc)}); the day goes on but is not being recorded.")
            return False
        self.ok = True
        return True
