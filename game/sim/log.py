"""The session log: every command with its simulated time, enough to replay the day exactly."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game import __version__
from game.fileio import write_text_atomic
from game.scenario.errors import InputError, Problem
from game.scenario.load import problems_from, read_json_file
from game.sim.commands import Command

LOG_FORMAT = 1


class TimedCommand(BaseModel):
    """A command and the simulated second it was given."""

    model_config = ConfigDict(extra="forbid")

    t: int = Field(ge=0, le=48 * 3600, description="Seconds since midnight.")
    command: Command


class ScenarioRef(BaseModel):
    """Which scenario a log was played on."""

    model_config = ConfigDict(extra="forbid")

    id: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    file: str = Field(description="The file name the day was loaded from.")


class SessionLog(BaseModel):
    """A played day: scenario, seed and timed commands, with the final digest."""

    model_config = ConfigDict(extra="forbid")

    format_version: int = LOG_FORMAT
    game_version: str = __version__
    scenario: ScenarioRef
    seed: int
    policy: str | None = None
    player: str | None = Field(None, max_length=80)
    commands: list[TimedCommand] = Field(default_factory=list)
    final_digest: str | None = None


class ActionsFile(BaseModel):
    """A script of timed commands for `clinic-day run --actions`."""

    model_config = ConfigDict(extra="forbid")

    commands: list[TimedCommand] = Field(max_length=100_000)


def save_log(log: SessionLog, path: Path, durable: bool = True) -> None:
    """Write a session log atomically, as compact JSON (it is rewritten after every command
    while a day is played, so it must be quick to write)."""
    write_text_atomic(path, log.model_dump_json() + "\n", durable)


def _load_model(path: Path, model: type[BaseModel], what: str) -> Any:
    data, text, _ = read_json_file(Path(path))
    if not isinstance(data, dict):
        raise InputError(path, [Problem((), f"expected a JSON object with {what}")])
    try:
        return model.model_validate_json(text, strict=True)
    except ValidationError as exc:
        raise InputError(path, problems_from(exc, text, data)) from None


def load_log(path: Path) -> SessionLog:
    """Read a session log; raises InputError with every problem."""
    log: SessionLog = _load_model(path, SessionLog, "a session log")
    if log.format_version != LOG_FORMAT:
        raise InputError(path, [Problem(("format_version",),
                                        f"log format {log.format_version} is not supported "
                                        f"(this version reads {LOG_FORMAT})")])
    return log


def load_actions(path: Path) -> ActionsFile:
    """Read an actions file; raises InputError with every problem."""
    actions: ActionsFile = _load_model(path, ActionsFile, "a 'commands' list")
    times = [tc.t for tc in actions.commands]
    for i, (a, b) in enumerate(itertools.pairwise(times)):
        if b < a:
            raise InputError(path, [Problem(("commands", i + 1, "t"),
                                            f"time {b} is earlier than the command before it")])
    return actions
