"""Problems found in an input file, with the JSON path and line, and their formatting."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

PathPart = str | int
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_$-]+")


def json_path(parts: tuple[PathPart, ...]) -> str:
    """Render a location as an instructor reads it: patients[3].appointment.time."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(part):
            # A key an author mistyped may hold spaces, control characters or worse: shown
            # quoted and escaped, so the message prints on any terminal.
            out += f"[{json.dumps(part)}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(the whole file)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where, what, and the line when known."""

    path: tuple[PathPart, ...]
    message: str
    line: int | None = None

    def render(self, file: str) -> str:
        """file:line: json.path: message (no path for a problem with the file as a whole)."""
        where = f"{file}:{self.line}" if self.line else file
        return f"{where}: {json_path(self.path)}: {self.message}" if self.path else \
            f"{where}: {self.message}"


class InputError(Exception):
    """A file that cannot be used, with every problem found in it."""

    def __init__(self, file: Path | str, problems: list[Problem]) -> None:
        self.file = str(file)
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        """All problems, one per line."""
        return "\n".join(p.render(self.file) for p in self.problems)
