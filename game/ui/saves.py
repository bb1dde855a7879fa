"""Settings, best scores and session logs in the user's data folder, written atomically."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from game.fileio import write_atomic
from game.sim.log import SessionLog, TimedCommand, save_log

APP_NAME = "clinic-day"


@dataclass
class Settings:
    """What the player chose: speed, sound, window, name."""

    speed: float = 1.0
    muted: bool = False
    fullscreen: bool = False
    player: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Known keys with the right types; anything else falls back to the default."""
        out = cls()
        for name, default in asdict(out).items():
            value = data.get(name, default)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, float):
                ok = isinstance(value, int | float) and not isinstance(value, bool)
            else:
                ok = isinstance(value, type(default))
            setattr(out, name, type(default)(value) if ok else default)
        out.speed = out.speed if out.speed in (1.0, 2.0, 4.0) else 1.0
        out.player = out.player[:80]
        return out


@dataclass
class Saves:
    """The files the game keeps for the player; a corrupt one is set aside, never fatal."""

    root: Path = field(default_factory=lambda: Path(user_data_dir(APP_NAME, appauthor=False)))
    messages: list[str] = field(default_factory=list)

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

    def _read(self, path: Path) -> dict[str, Any]:
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return data
        except (OSError, ValueError) as exc:
            aside = path.with_name(f"{path.stem}.corrupt-{int(time.time())}{path.suffix}")
            try:
                path.replace(aside)
                self.messages.append(f"{path.name} could not be read ({exc}); it was moved "
                                     f"aside to {aside.name} and defaults are used.")
            except OSError:
                self.messages.append(f"{path.name} could not be read ({exc}); defaults used.")
            return {}

    def load_settings(self) -> Settings:
        """The saved settings, or defaults."""
        return Settings.from_dict(self._read(self.settings_path))

    def save_settings(self, settings: Settings) -> None:
        """Write the settings atomically."""
        self._write(self.settings_path, asdict(settings))

    def best_scores(self) -> dict[str, int]:
        """Best total per scenario id."""
        data = self._read(self.scores_path)
        return {k: v for k, v in data.items() if isinstance(v, int) and not isinstance(v, bool)}

    def record_score(self, scenario_id: str, total: int) -> bool:
        """Keep the score if it beats the best; True when it is a new best."""
        best = self.best_scores()
        if total <= best.get(scenario_id, -1):
            return False
        best[scenario_id] = total
        self._write(self.scores_path, best)
        return True

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        try:
            write_atomic(path, data)
        except OSError as exc:
            self.messages.append(f"Could not save {path.name}: {exc.strerror}")

    def open_session(self, log: SessionLog) -> SessionWriter:
        """A session log file for a day that starts now."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self.sessions_dir / f"{stamp}-{log.scenario.id}-seed{log.seed}.json"
        return SessionWriter(path, log, self)


class SessionWriter:
    """Appends commands to a session log and rewrites it atomically, so a crash loses nothing."""

    def __init__(self, path: Path, log: SessionLog, saves: Saves) -> None:
        self.path = path
        self.log = log
        self.saves = saves
        self.flush()

    def append(self, command: TimedCommand) -> None:
        """Record one command and flush the log to disk."""
        self.log.commands.append(command)
        self.flush()

    def finish(self, digest: str) -> None:
        """Record the final digest."""
        self.log.final_digest = digest
        self.flush()

    def flush(self) -> None:
        """Write the whole log (atomically) now."""
        try:
            save_log(self.log, self.path)
        except OSError as exc:
            self.saves.messages.append(f"Could not write the session log: {exc.strerror}")
