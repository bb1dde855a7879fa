"""Where the days a class played are found: the bundled days, the player's days and any
folder the instructor names, indexed by the SHA-256 the logs record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from game.paths import bundled_scenarios
from game.scenario.errors import InputError
from game.scenario.load import LoadedScenario, load_scenario


def _day_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if not p.name.endswith(".schema.json"))


def _id_of(raw: bytes) -> str | None:
    """The `id` of a scenario file, read loosely: only to say a day has changed."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    day_id = data.get("id") if isinstance(data, dict) else None
    return day_id if isinstance(day_id, str) else None


@dataclass
class DayIndex:
    """Scenario files by the SHA-256 of their bytes (as a session log records it), and by id
    and file name, to say which day a log's day has become when its hash is nowhere."""

    by_sha: dict[str, Path] = field(default_factory=dict)
    by_id: dict[str, Path] = field(default_factory=dict)
    by_name: dict[str, Path] = field(default_factory=dict)
    _loaded: dict[str, LoadedScenario | InputError] = field(default_factory=dict)

    @classmethod
    def build(cls, folders: list[Path]) -> DayIndex:
        """Hash every day of the folders, the first folder winning a tie (only bytes are read:
        a day is validated when a log needs it)."""
        index = cls()
        for folder in folders:
            files = bundled_scenarios() if folder == BUNDLED else _day_files(folder)
            for path in files:
                try:
                    raw = path.read_bytes()
                except OSError:
                    continue
                index.by_sha.setdefault(hashlib.sha256(raw).hexdigest(), path)
                index.by_name.setdefault(path.name, path)
                day_id = _id_of(raw)
                if day_id is not None:
                    index.by_id.setdefault(day_id, path)
        return index

    def load(self, sha256: str) -> LoadedScenario | InputError | None:
        """The day with this hash, validated once; its problems if it does not load; None
        when no known file has that hash."""
        if sha256 not in self.by_sha:
            return None
        if sha256 not in self._loaded:
            try:
                self._loaded[sha256] = load_scenario(self.by_sha[sha256])
            except InputError as exc:
                self._loaded[sha256] = exc
        return self._loaded[sha256]

    def changed(self, day_id: str, file_name: str) -> Path | None:
        """A day of the same id or file name, whose bytes differ from what was played."""
        return self.by_id.get(day_id) or self.by_name.get(file_name)


# A marker for "the bundled days" in the folder list, so the index can be rebuilt in a
# worker process from plain paths.
BUNDLED = Path("<bundled>")
