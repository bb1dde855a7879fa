"""Writing files so that a crash never leaves half a file behind."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_text_atomic(path: Path, text: str, durable: bool = True) -> None:
    """Write to a temporary file beside the target, then replace the target in one step.

    `durable` also waits for the disk (fsync): needed against a power cut, not against the
    program crashing, and slow enough on some disks to be felt in a game frame."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
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
