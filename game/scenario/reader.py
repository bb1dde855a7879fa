"""Reading any JSON file the game is given, within limits, with every refusal explained.

One rule for every file (scenario, session log, actions file): UTF-8 text, one leading
byte-order mark accepted (editors on Windows add one), at most MAX_BYTES, nesting at most
MAX_DEPTH levels, whole numbers at most MAX_DIGITS digits, no key twice in one object.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from json_source_map import calculate

from game.scenario.errors import InputError, PathPart, Problem

MAX_BYTES = 4 * 1024 * 1024  # a 2,000-patient day is about 2 MB
# The formats nest 6 levels at most (patients[0].orders.follow_up); 64 leaves room for any
# future field while keeping the parsers, which recurse once per level, far from their limit.
MAX_DEPTH = 64
# No number in any format needs more; Python refuses to convert past 4,300 digits at all.
MAX_DIGITS = 100
BOM = "\ufeff"
_SHOWN = 6  # levels of a too-deep path shown in the message
_DUPLICATES_SHOWN = 10  # keys written twice, each reported with its object's path

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},:]', re.S)


def read_json_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[Any, str, bytes]:
    """Read a UTF-8 JSON file within the limits; raises InputError saying what is wrong."""
    raw = _read_bytes(path, max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, [Problem((), f"not UTF-8 text: byte {exc.start} cannot be "
                                            "decoded; save the file as UTF-8", line)]) from None
    text = text.removeprefix(BOM)
    return parse_json(path, text), text, raw


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path itself
        raise InputError(path, [Problem((), f"cannot read the file: {_why(exc)}")]) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, [Problem((), "this is a folder, not a file")])
    if not stat.S_ISREG(info.st_mode):
        # A pipe or a device would block or never end: only plain files are read.
        raise InputError(path, [Problem((), "not a regular file (a pipe, socket or device)")])
    if info.st_size > max_bytes:
        raise InputError(path, [Problem((), f"the file is {info.st_size:,} bytes; the limit "
                                            f"is {max_bytes:,} bytes")])
    try:
        with path.open("rb") as fh:
            # Read one byte past the limit: a file that grew since stat() is still refused.
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(path, [Problem((), f"cannot read the file: {_why(exc)}")]) from None
    if len(raw) > max_bytes:
        raise InputError(path, [Problem((), f"the file is over the limit of {max_bytes:,} "
                                            "bytes")])
    return raw


def _why(exc: Exception) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__


def parse_json(path: Path | str, text: str) -> Any:
    """The JSON value of text (without a BOM); raises InputError naming what is wrong."""
    if not text.strip():
        raise InputError(path, [Problem((), "the file is empty; expected a JSON object")])
    deep = too_deep(text)
    if deep is not None:
        where, line = deep
        # The first levels of the path are enough to find the place (and a path 64 levels
        # long would not fit a line).
        raise InputError(path, [Problem(where[:_SHOWN], f"nested more than {MAX_DEPTH} levels "
                                        "deep in here (lists and objects inside each other)",
                                        line)])
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=_whole)
    except json.JSONDecodeError as exc:
        raise InputError(path, [Problem((), f"not valid JSON: {exc.msg} at column {exc.colno}",
                                        exc.lineno)]) from None
    except _DuplicateKey as exc:
        raise InputError(path, duplicate_keys(text) or [Problem((), str(exc))]) from None
    except RecursionError:  # cannot happen below MAX_DEPTH; kept so it never becomes a crash
        raise InputError(path, [Problem((), "nested too deeply to read")]) from None
    found = list(_unreadable(data, ()))
    if found:
        raise InputError(path, with_lines([Problem(where, why) for where, why in found[:10]],
                                          text))
    return data


class _HugeNumber:
    """Stands in for a whole number too long to convert, so its path can be reported."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _whole(literal: str) -> int | _HugeNumber:
    digits = len(literal.lstrip("-"))
    return _HugeNumber(digits) if digits > MAX_DIGITS else int(literal)


def _unreadable(node: Any, where: tuple[PathPart, ...]) -> Iterator[tuple[tuple[PathPart, ...],
                                                                          str]]:
    """Values JSON can spell but no field can hold: over-long numbers, lone surrogates."""
    if isinstance(node, _HugeNumber):
        yield where, f"a number with {node.digits:,} digits; numbers have at most " \
                     f"{MAX_DIGITS} digits"
    elif isinstance(node, str):
        yield from _surrogate(node, where)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _surrogate(key, (*where, key), " in this key")
            yield from _unreadable(value, (*where, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _unreadable(value, (*where, i))


def _surrogate(text: str, where: tuple[PathPart, ...], what: str = ""
               ) -> Iterator[tuple[tuple[PathPart, ...], str]]:
    # An escape such as "\\ud800" without its pair is valid JSON but is not text.
    m = _SURROGATE.search(text)
    if m:
        yield where, (f"character {m.start() + 1}{what} is a lone surrogate "
                      f"(U+{ord(m.group()):04X}): only printable text is allowed")


def too_deep(text: str) -> tuple[tuple[PathPart, ...], int] | None:
    """Where (path, line) the text nests more than MAX_DEPTH levels, or None.

    Counted without parsing, since the parsers themselves recurse once per level."""
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return _deep_path(text)
    return None


def _deep_path(text: str) -> tuple[tuple[PathPart, ...], int]:
    """The path to the value that opens level MAX_DEPTH + 1, and its line."""
    stack: list[list[Any]] = []  # [is_object, current key or index]
    last = '""'
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0] == '"':
            last = tok
        elif tok in "[{":
            if len(stack) >= MAX_DEPTH:
                where = tuple(key for _, key in stack if key is not None)
                return where, text.count("\n", 0, m.start()) + 1
            stack.append([tok == "{", None if tok == "{" else 0])
        elif tok in "]}":
            if stack:
                stack.pop()
        elif stack and tok == "," and not stack[-1][0]:
            stack[-1][1] += 1
        elif stack and tok == ":" and stack[-1][0]:
            try:
                stack[-1][1] = json.loads(last)
            except ValueError:
                stack[-1][1] = last[1:-1]
    return (), 1


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


def duplicate_keys(text: str) -> list[Problem]:
    """Every key written twice in one object: the object's JSON path, and the line of the key's
    second appearance (json.loads would silently keep the last; the hook above refuses it)."""
    out: list[Problem] = []
    # One frame per open list or object: [is_object, current key or index, keys seen].
    stack: list[tuple[bool, list[PathPart | None], set[str]]] = []
    last, last_at = '""', 0
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[0] == '"':
            last, last_at = tok, m.start()
        elif tok in "[{":
            stack.append((tok == "{", [None if tok == "{" else 0], set()))
        elif tok in "]}":
            if stack:
                stack.pop()
        elif stack and tok == "," and not stack[-1][0]:
            index = stack[-1][1][0]
            stack[-1][1][0] = index + 1 if isinstance(index, int) else 0
        elif stack and tok == ":" and stack[-1][0]:
            try:
                key = str(json.loads(last))
            except ValueError:
                key = last[1:-1]
            _, current, seen = stack[-1]
            if key in seen and len(out) < _DUPLICATES_SHOWN:
                where = tuple(k for _, (k,), _ in stack[:-1] if k is not None)
                shown = json.dumps(key[:40], ensure_ascii=False)[1:-1]
                what = "this object" if where else "the top-level object"
                out.append(Problem(where, f"the key '{shown}' appears twice in {what}: "
                                          "keep one", text.count("\n", 0, last_at) + 1))
            seen.add(key)
            current[0] = key
    return out


def with_lines(problems: list[Problem], text: str) -> list[Problem]:
    """The same problems with the line of the nearest JSON value that exists."""
    try:
        source = calculate(text)
    except (ValueError, IndexError, KeyError, TypeError, RecursionError):
        # Line numbers are a help, not a requirement: the problems stand without them.
        return problems
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
