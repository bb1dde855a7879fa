"""Checks on timed commands: that they name what a scenario has, and what a replay proves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game import RULES_VERSION
from game.clinical.lab import TUBES
from game.scenario.errors import PathPart, Problem
from game.scenario.models import Scenario
from game.scenario.types import clock
from game.sim.log import SessionLog, TimedCommand, log_digest

_SHOWN = 8  # names listed in a message before "..."


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (", ..." if len(names) > _SHOWN else "") if names else "none"


def unknown_references(commands: Sequence[TimedCommand], scenario: Scenario) -> list[Problem]:
    """Every command field naming a patient, room, task, tube or call the scenario does not
    have (a call drawn from the rate is its pool entry's id, '#' and the draw's number)."""
    known: dict[str, list[str]] = {
        "patient": [p.id for p in scenario.patients],
        "room": [r.id for r in scenario.clinic.rooms],
        "task": [t.id for t in (*scenario.opening_tasks, *scenario.closing_tasks)],
        "tubes": list(TUBES),
        "call": [c.id for c in scenario.phone.calls],
    }
    pool = {c.id for c in scenario.phone.rate.pool} if scenario.phone.rate else set()
    what = {"patient": "patient", "room": "room", "task": "task", "tubes": "tube",
            "call": "call"}
    problems: list[Problem] = []
    for i, tc in enumerate(commands):
        for field, names in known.items():
            value = getattr(tc.command, field, None)
            if value is None:
                continue
            values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for j, name in values:
                if name in names or (field == "call" and name.split("#")[0] in pool
                                      and "#" in name):
                    continue
                path: tuple[PathPart, ...] = ("commands", i, "command", field)
                if j is not None:
                    path += (j,)
                where = "in the tube catalogue" if field == "tubes" else \
                    f"in scenario '{scenario.id}'"
                problems.append(Problem(path, f"no {what[field]} '{name}' {where} "
                                              f"(there are: {_listing(names)})"))
    return problems


@dataclass(frozen=True)
class Verdict:
    """What a replay says about a log: verified or not, why, and whether it was tampered."""

    verified: bool
    reason: str
    kind: str  # "ok", "other_rules", "no_digest", "unfinished", "mismatch"


def judge(log: SessionLog, state_digest: str, day_ended_by_commands: bool,
          last_command_t: int | None) -> Verdict:
    """Compare a log with its replay: other rules first, then a missing digest, then the hash."""
    if log.rules_version != RULES_VERSION:
        return Verdict(False, (
            f"this log was made by another version of the game's rules (rules version "
            f"{log.rules_version}; this game has rules version {RULES_VERSION}): it cannot be "
            "verified by this one. Replay it with the version of the game it was played on"),
            "other_rules")
    if log.final_digest is None:
        if not day_ended_by_commands:
            at = "" if last_command_t is None else f" at {clock(last_command_t)}"
            return Verdict(False, (
                f"the day in this log is unfinished: its commands stop{at} before the day "
                "ended (the window was closed mid-day?), so it has no final digest and cannot "
                "be verified"), "unfinished")
        return Verdict(False, "the log has no final digest, so it cannot be verified: it was "
                              "removed, or the log was never closed", "no_digest")
    if log_digest(log, state_digest) != log.final_digest:
        return Verdict(False, (
            "DIGEST MISMATCH: the log does not replay to its recorded result: a field (the "
            "player, the source, the policy, the date, the seed, a command) was changed after "
            "the day was played"), "mismatch")
    return Verdict(True, f"the log is complete and replays to its recorded result with rules "
                         f"version {RULES_VERSION}", "ok")
