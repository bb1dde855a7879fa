"""Writing files so that a crash never leaves half a file behind."""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

TEMP_SUFFIX = ".tmp"
# `.NAME.xxxxxxxx.tmp` as written below (mkstemp's 8 random characters); older versions
# wrote no `.tmp`. Only JSON files are written this way, so NAME ends in `.json`.
_TEMP_NAME = re.compile(r"\..+\.json\.[a-z0-9_]{8}(?:\.tmp)?")
STALE_SECONDS = 3600  # a write takes well under a second; an hour-old temp file is orphaned


def write_text_atomic(path: Path, text: str, durable: bool = True) -> None:
    """Write to a temporary file beside the target, then replace the target in one step.

    `durable` also waits for the disk (fsync): needed against a power cut, not against the
    program crashing, and slow enough on some disks to be felt in a game frame."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON atomically."""
    write_text_atomic(path, json.dumps(data, indent=1, default=str) + "\n")


def remove_stale_temps(folder: Path, older_than: float = STALE_SECONDS) -> list[Path]:
    """Delete temporary files an interrupted write_text_atomic left in folder; the removed.

    Only names of our own pattern, and only old ones: a temp file of a write under way in
    another window of the game is young and stays. Failures are ignored: a leftover temp
    file harms nothing."""
    removed: list[Path] = []
    cutoff = time.time() - older_than
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            if entry.is_file() and not entry.is_symlink() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue
    return removed
