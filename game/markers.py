"""A generated part of a document kept between two marker comments: found, and replaced,
so a tool can rewrite it (the guide's coverage table, its generated reference)."""

from __future__ import annotations

import sys
from pathlib import Path


class MarkersMissing(ValueError):
    """The text has no well-formed pair of the marker comments."""


def between(text: str, begin: str, end: str) -> tuple[str, str, str]:
    """The text up to and with the begin marker, what lies between the markers (without the
    newlines next to them), and the rest from the end marker; MarkersMissing says what is
    wrong."""
    found = text.count(begin), text.count(end)
    if found != (1, 1):
        raise MarkersMissing(f"expected the marker lines {begin!r} and {end!r} once each; "
                             f"found them {found[0]} and {found[1]} times")
    head, rest = text.split(begin)
    if end not in rest:
        raise MarkersMissing(f"the end marker {end!r} comes before the start marker {begin!r}")
    inside, tail = rest.split(end)
    return head + begin, inside.strip("\n"), end + tail


def replace_between(text: str, begin: str, end: str, new: str) -> str:
    """The text with what lies between its markers replaced by `new`."""
    head, _, tail = between(text, begin, end)
    return f"{head}\n{new}\n{tail}"


def rewrite_file(path: Path, shown: str, begin: str, end: str, fresh: str, check: bool,
                 what: str, fix: str) -> int:
    """Put `fresh` between a file's markers, or with `check` only say whether it is there
    already: 0 when done (or current); 1 when stale or the markers are missing, with a line
    on standard error naming the file as `shown`, what is stale and the command that fixes
    it (the tools that keep the guide's generated parts true share this)."""
    text = path.read_text(encoding="utf-8")
    try:
        updated = replace_between(text, begin, end, fresh)
    except MarkersMissing as exc:
        print(f"{shown}: {exc}", file=sys.stderr)
        return 1
    if check:
        if updated != text:
            print(f"{shown}: {what} is out of date: run {fix}", file=sys.stderr)
            return 1
        return 0
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return 0
