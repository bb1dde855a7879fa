"""Loading a scenario file: validation, checks across it, every error with its path and line."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from game.scenario.checks import cross_check, salvage
from game.scenario.errors import InputError, PathPart, Problem
from game.scenario.models import Scenario
from game.scenario.reader import MAX_BYTES, read_json_file, with_lines
from game.scenario.refs import closest

__all__ = ["MAX_BYTES", "LoadedScenario", "load_scenario", "problems_from", "read_json_file",
           "with_lines"]


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario with where it came from and the hash of its bytes."""

    scenario: Scenario
    path: Path
    sha256: str


def load_scenario(path: Path | str) -> LoadedScenario:
    """Load and validate a scenario; raises InputError listing every problem."""
    path = Path(path)
    data, text, raw = read_json_file(path)
    if not isinstance(data, dict):
        raise InputError(path, [Problem((), f"expected a JSON object {{...}} at the top, "
                                            f"found {_kind(data)}")])
    try:
        scenario = Scenario.model_validate_json(text, strict=True)
    except ValidationError as exc:
        problems = problems_from(exc, text, data)
        # Check the valid parts across the file too, so every problem shows at once.
        seen = {p.path for p in problems}
        extra = [p for p in cross_check(salvage(data))
                 if not any(p.path[:len(q)] == q for q in seen)]
        raise InputError(path, problems + with_lines(extra, text)) from None
    problems = cross_check(scenario)
    if problems:
        raise InputError(path, with_lines(problems, text))
    return LoadedScenario(scenario, path, hashlib.sha256(raw).hexdigest())


def problems_from(exc: ValidationError, text: str, data: Any = None) -> list[Problem]:
    """pydantic errors as Problems with friendly wording and line numbers."""
    problems = []
    for err in exc.errors(include_url=False):
        problems.append(Problem(_file_path(err["loc"], data), _message(err)))
    return with_lines(problems, text)


def _file_path(loc: tuple[PathPart, ...], data: Any) -> tuple[PathPart, ...]:
    """The location as keys of the file: pydantic adds the names of validators and the tag
    of a union member (e.g. 'check_in'), which are not keys an author wrote."""
    out: list[PathPart] = []
    node = data
    for part in loc:
        if isinstance(part, str) and ("[" in part or part in {"tagged-union", "function-after"}):
            continue
        if isinstance(part, str) and isinstance(node, dict) and part not in node \
                and part in (node.get("type"), node.get("kind")):
            continue  # the union's tag (a command's type, an event's kind): the object itself
        out.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(out)


def _message(err: ErrorDetails) -> str:
    kind, msg, got = err["type"], err["msg"], err.get("input")
    if kind == "extra_forbidden":
        return "unknown key: not part of the format (check the spelling)"
    if kind == "missing":
        return "missing: this field is required"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        # A list of several kinds of entry (the scripted events), told apart by one key.
        ctx = err.get("ctx") or {}
        tag = str(ctx.get("discriminator", "")).strip("'\"")
        if kind == "union_tag_not_found":
            return f"missing: '{tag}' is required here (it says which kind of entry this is)"
        kinds = re.findall(r"'([^']*)'", str(ctx.get("expected_tags", "")))
        value = got.get(tag) if isinstance(got, dict) else None
        if not isinstance(value, str):  # a number, a list: not a name at all
            return f"{tag} must be text, one of {', '.join(kinds)} (found {_kind(value)})"
        guess = closest(value, kinds)
        shown = json.dumps(value[:40], ensure_ascii=False)[1:-1]
        return (f"unknown {tag} '{shown}': use one of {', '.join(kinds)}"
                + (f"; did you mean '{guess}'?" if guess else ""))
    if kind == "too_long" and isinstance(got, list):
        # pydantic says "list should have at most 50 items after validation, not 52".
        most = (err.get("ctx") or {}).get("max_length")
        return f"too many entries: at most {most} are allowed (found {len(got)})"
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    msg = f"{msg[0].lower()}{msg[1:]}"
    if kind == "value_error" and not _is_simple(got):
        return msg  # a check across several fields: the message says what was found
    shown = json.dumps(got)[:60] if _is_simple(got) else _kind(got)
    return f"{msg} (found {shown}){_guess(err)}"


def _guess(err: ErrorDetails) -> str:
    """"; did you mean 'on_time'?" for text that is not one of a field's choices but is near
    one (another case, a space for an underscore, a typo); "" otherwise."""
    got = err.get("input")
    if err["type"] not in ("literal_error", "enum") or not isinstance(got, str):
        return ""
    # pydantic lists the choices as Python literals: "'early', 'on_time' or 'late'".
    expected = str((err.get("ctx") or {}).get("expected", ""))
    choices = re.findall(r"'((?:[^'\\]|\\.)*)'", expected)
    guess = closest(got, choices)
    return f"; did you mean '{guess}'?" if guess else ""


def _is_simple(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")
