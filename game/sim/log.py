"""The session log: every command with its simulated time, enough to replay the day exactly.

The final digest binds every field of the log and the final state of the day it replays to,
so a log relabelled (another player, another policy), cut or edited does not verify.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from game import RULES_VERSION, __version__
from game.fileio import write_text_atomic
from game.scenario.errors import InputError, Problem
from game.scenario.load import problems_from, read_json_file, with_lines
from game.sim.command_set import AnyCommand

LOG_FORMAT = 3
# Format 1 had no source, date or rules version; its logs still load (read as rules version
# 1) so that replay can say which rules made them instead of failing to read them.
LEGACY_FORMATS = frozenset({1})
# Format 2 is format 3 without an actor on its commands (a one-MA day): it reads as it is.
SAME_SHAPE_FORMATS = frozenset({2, LOG_FORMAT})
Source = Literal["window", "bot", "actions"]
SOURCES: tuple[str, ...] = ("window", "bot", "actions")


class TimedCommand(BaseModel):
    """A command and the simulated second it was given."""

    model_config = ConfigDict(extra="forbid")

    t: int = Field(ge=0, le=48 * 3600, description="Seconds since midnight.")
    command: AnyCommand


class ScenarioRef(BaseModel):
    """Which scenario a log was played on."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(max_length=200)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    file: str = Field(max_length=255,
                      description="The bare file name the day was loaded from (no folder).")

    @field_validator("file")
    @classmethod
    def _bare_name(cls, value: str) -> str:
        # The name is looked up beside the log and among the bundled days only: a folder in
        # it could point a replay at any file on the machine (../../etc/passwd).
        if (not value or value in (".", "..") or any(c in value for c in "/\\:\0")
                or not value.isprintable()):
            raise ValueError("must be a bare file name such as standard_day.json, with no "
                             "folder, drive or '..'")
        return value


def _check_played_at(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO 8601 date and time, e.g. "
                         "2026-12-01T09:30:00+00:00") from None
    if when.tzinfo is None:
        raise ValueError("must give its time zone, e.g. 2026-12-01T09:30:00+00:00")
    return value


class SessionLog(BaseModel):
    """A played day: who and what played it, when, under which rules, and the final digest."""

    model_config = ConfigDict(extra="forbid")

    format_version: int = LOG_FORMAT
    game_version: str = Field(__version__, max_length=40)
    rules_version: int = RULES_VERSION
    scenario: ScenarioRef
    seed: int = Field(ge=-(2**63), le=2**63)
    source: Source
    policy: str | None = Field(None, max_length=40, description="The bot's name, if a bot.")
    player: str | None = Field(None, max_length=80)
    student_id: str | None = Field(None, max_length=40, description="The student ID the "
                                   "player gave, for the gradebook.")
    played_at: str | None = Field(None, max_length=40, description="Wall-clock date and time "
                                  "of play, ISO 8601 with the time zone.")
    commands: list[TimedCommand] = Field(default_factory=list, max_length=100_000)
    final_digest: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")

    @field_validator("played_at")
    @classmethod
    def _played_at(cls, value: str | None) -> str | None:
        return _check_played_at(value)

    def seal(self, state_digest: str) -> None:
        """Record the final digest for the day's final state (call when the day ends)."""
        self.final_digest = log_digest(self, state_digest)


def log_digest(log: SessionLog, state_digest: str) -> str:
    """SHA-256 over every field of the log but the digest itself, and the final state."""
    fields = log.model_dump(mode="json", exclude={"final_digest"})
    # A log made before the student ID existed has none; leaving an absent one out keeps
    # its digest what it was, while a given one is bound like every other field.
    if fields.get("student_id") is None:
        fields.pop("student_id", None)
    blob = json.dumps({"log": fields, "final_state": state_digest}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


class ActionsFile(BaseModel):
    """A script of timed commands for `clinic-day run --actions`."""

    model_config = ConfigDict(extra="forbid")

    commands: list[TimedCommand] = Field(max_length=100_000)


def save_log(log: SessionLog, path: Path, durable: bool = True) -> None:
    """Write a session log atomically, as compact JSON (it is rewritten after every command
    while a day is played, so it must be quick to write)."""
    # No student ID is written as none at all, as in the logs made before the field existed.
    unset = {"student_id"} if log.student_id is None else set()
    write_text_atomic(path, log.model_dump_json(exclude=unset) + "\n", durable)


def _validate(path: Path, model: type[BaseModel], data: Any, text: str) -> Any:
    # Python-mode validation, not strict: a date in JSON is a string, which strict refuses.
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(path, problems_from(exc, text, data)) from None


def _load_model(path: Path, model: type[BaseModel], what: str) -> tuple[Any, str]:
    data, text, _ = read_json_file(Path(path))
    if not isinstance(data, dict):
        raise InputError(path, [Problem((), f"expected a JSON object with {what}")])
    try:
        return model.model_validate_json(text, strict=True), text
    except ValidationError as exc:
        raise InputError(path, problems_from(exc, text, data)) from None


def _upgrade_legacy(path: Path, data: dict[str, Any], text: str) -> SessionLog:
    """A format-1 log as this format: it was made before rules versions, so under rules 1."""
    old = dict(data)
    old.pop("format_version", None)
    unknown = sorted(set(old) - {"game_version", "scenario", "seed", "policy", "player",
                                 "commands", "final_digest"})
    if unknown:
        raise InputError(path, with_lines([Problem((k,), "not a field of a format-1 log")
                                           for k in unknown], text))
    old.update(format_version=LOG_FORMAT, rules_version=1,
               source="bot" if old.get("policy") else "window")
    log: SessionLog = _validate(path, SessionLog, old, text)
    return log


def load_log(path: Path) -> SessionLog:
    """Read a session log; raises InputError with every problem."""
    data, text, _ = read_json_file(Path(path))
    if not isinstance(data, dict):
        raise InputError(path, [Problem((), "expected a JSON object with a session log")])
    version = data.get("format_version")
    if type(version) is int and version in LEGACY_FORMATS:
        return _upgrade_legacy(path, data, text)
    if type(version) is not int or version not in SAME_SHAPE_FORMATS:
        readable = sorted(LEGACY_FORMATS | SAME_SHAPE_FORMATS)
        raise InputError(path, with_lines([Problem(("format_version",), (
            f"log format {json.dumps(version)[:20]} is not supported (this version reads "
            f"formats {', '.join(map(str, readable))})"))], text))
    log: SessionLog = _load_model(path, SessionLog, "a session log")[0]
    return log


def load_actions(path: Path,
                 check: Callable[[ActionsFile], list[Problem]] | None = None) -> ActionsFile:
    """Read an actions file, and `check` it (e.g. against the scenario); raises InputError
    with every problem, each with its JSON path and line."""
    loaded: tuple[ActionsFile, str] = _load_model(path, ActionsFile, "a 'commands' list")
    actions, text = loaded
    times = [tc.t for tc in actions.commands]
    for i, (a, b) in enumerate(itertools.pairwise(times)):
        if b < a:
            raise InputError(path, with_lines([Problem(
                ("commands", i + 1, "t"), f"time {b} is earlier than the command before it")],
                text))
    problems = check(actions) if check else []
    if problems:
        raise InputError(path, with_lines(problems, text))
    return actions
