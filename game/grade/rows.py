"""One gradebook row: a session log replayed and verified, or why it could not be graded."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.grade.days import DayIndex
from game.replaying import replay_log
from game.scenario.errors import InputError
from game.sim.log import SessionLog, load_log


@dataclass
class Row:
    """What the gradebook says of one file; `problem` is set when it could not be graded."""

    file: Path
    problem: str | None = None
    player: str | None = None
    student_id: str | None = None
    scenario_id: str | None = None
    scenario_title: str | None = None
    seed: int | None = None
    played_at: str | None = None
    source: str | None = None
    policy: str | None = None
    verified: bool | None = None
    verified_reason: str | None = None
    commands_sha: str | None = None
    commands: int = 0
    report: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def who(self) -> str:
        """The student as the class report names them."""
        name = self.player or (f"{self.policy} bot" if self.policy else "no name given")
        return f"{name} ({self.student_id})" if self.student_id else name


def commands_digest(log: SessionLog) -> str:
    """A hash of the commands alone, so two logs with the same play are found whoever
    is named on them."""
    blob = json.dumps([c.model_dump(mode="json") for c in log.commands], sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _first_problem(exc: InputError) -> str:
    text = exc.render().strip().splitlines()
    return " ".join(line.strip() for line in text[:3])[:400]


def file_kind(path: Path) -> str:
    """What a file that is not a readable log looks like: "scenario", "other" JSON, or a
    "damaged" log (the loader's message then says what is wrong)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
        return "damaged"
    if not isinstance(data, dict):
        return "damaged"
    if "schema_version" in data and "patients" in data:
        return "scenario"
    return "damaged" if {"format_version", "commands"} & set(data) else "other"


def grade_file(path: Path, days: DayIndex) -> Row:
    """Replay one log against its day and verify it; never raises for a bad file."""
    try:
        log = load_log(path)
    except InputError as exc:
        kind = file_kind(path)
        if kind == "scenario":
            return Row(path, problem="a scenario file, not a session log (it is used to find "
                                     "the days the logs were played on)")
        if kind == "other":
            return Row(path, problem="a JSON file, but not a session log (it has no "
                                     "format_version and no commands)")
        return Row(path, problem=f"not a session log this game can read: {_first_problem(exc)}")
    except (OSError, RecursionError, MemoryError) as exc:
        return Row(path, problem=f"cannot read the file: {type(exc).__name__}")
    row = Row(path, player=log.player, student_id=log.student_id,
              scenario_id=log.scenario.id, seed=log.seed, played_at=log.played_at,
              source=log.source, policy=log.policy, commands_sha=commands_digest(log),
              commands=len(log.commands))
    found = days.load(log.scenario.sha256)
    if found is None:
        other = days.changed(log.scenario.id, log.scenario.file)
        row.problem = (f"the day '{log.scenario.id}' was changed after this log was played: "
                       f"{other.name} has another SHA-256; grade with the file as played "
                       "(--scenarios FOLDER)" if other is not None else
                       f"the day '{log.scenario.id}' ({log.scenario.file}) was not found "
                       "among the bundled days, your days or --scenarios folders: give "
                       "the folder that holds it with --scenarios FOLDER")
        return row
    if isinstance(found, InputError):
        row.problem = f"its day does not load: {_first_problem(found)}"
        return row
    row.scenario_title = found.scenario.title
    done = replay_log(log, found)
    row.verified, row.verified_reason = done.verdict.verified, done.verdict.reason
    row.report = done.report
    return row
