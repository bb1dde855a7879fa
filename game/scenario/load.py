"""Reading a scenario file: size and encoding limits, every error with its path and line."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from json.scanner import py_make_scanner
from pathlib import Path
from typing import Any

from json_source_map import calculate
from pydantic import ValidationError

from game.scenario.checks import cross_check, salvage
from game.scenario.errors import InputError, PathPart, Problem
from game.scenario.models import Scenario

MAX_BYTES = 4 * 1024 * 1024  # a 2,000-patient day is about 2 MB


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario with where it came from and the hash of its bytes."""

    scenario: Scenario
    path: Path
    sha256: str


def read_json_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[Any, str, bytes]:
    """Read a UTF-8 JSON file within a size limit; raises InputError saying what is wrong."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, [Problem((), f"cannot read the file: {exc.strerror}")]) from None
    if path.is_dir():
        raise InputError(path, [Problem((), "this is a folder, not a file")])
    if size > max_bytes:
        raise InputError(path, [Problem((), f"the file is {size:,} bytes; the limit is "
                                            f"{max_bytes:,} bytes")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, [Problem((), f"not UTF-8 text: byte {exc.start} cannot be "
                                            "decoded; save the file as UTF-8", line)]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(path, [Problem((), "the file is empty; expected a JSON object")])
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise InputError(path, [Problem((), f"not valid JSON: {exc.msg} at column {exc.colno}",
                                        exc.lineno)]) from None
    except _DuplicateKey as exc:
        raise InputError(path, [Problem((), str(exc), _duplicate_line(text, exc.key))]) from None
    return data, text, raw


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(f"the key '{key}' appears twice in one object")
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _duplicate_line(text: str, key: str) -> int | None:
    """The line of the second occurrence of a key inside one object (only on this error)."""
    found: list[int] = []
    decoder = json.JSONDecoder(object_pairs_hook=lambda pairs: pairs)
    plain_object = decoder.parse_object

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        start = s_and_end[1]
        pairs, end = plain_object(s_and_end, *args)
        keys = [k for k, _ in pairs]
        if not found and keys.count(key) > 1:
            pattern = re.compile(re.escape(json.dumps(key)) + r"\s*:")
            hits = [m.start() for m in pattern.finditer(text, start, end)]
            if len(hits) > 1:
                found.append(text.count("\n", 0, hits[1]) + 1)
        return pairs, end

    decoder.parse_object = parse_object  # type: ignore[method-assign]
    decoder.scan_once = py_make_scanner(decoder)  # the C scanner ignores parse_object
    try:
        decoder.decode(text)
    except ValueError:
        return None
    return found[0] if found else None


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
                and node.get("type") == part:
            continue  # the union's tag: the object itself is the member
        out.append(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(out)


def _message(err: dict[str, Any]) -> str:
    kind, msg, got = err["type"], err["msg"], err.get("input")
    if kind == "extra_forbidden":
        return "unknown key: not part of the format (check the spelling)"
    if kind == "missing":
        return "missing: this field is required"
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    msg = f"{msg[0].lower()}{msg[1:]}"
    if kind == "value_error" and not _is_simple(got):
        return msg  # a check across several fields: the message says what was found
    shown = json.dumps(got)[:60] if _is_simple(got) else _kind(got)
    return f"{msg} (found {shown})"


def _is_simple(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def with_lines(problems: list[Problem], text: str) -> list[Problem]:
    """The same problems with the line of the nearest JSON value that exists."""
    source = calculate(text)
    out = []
    for p in problems:
        parts = list(p.path)
        while True:
            pointer = "".join(f"/{part}" for part in parts)
            entry = source.get(pointer)
            if entry is not None:
                at = entry.key_start or entry.value_start
                out.append(Problem(p.path, p.message, at.line + 1))
                break
            if not parts:
                out.append(p)
                break
            parts.pop()
    return out
