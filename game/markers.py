"""A generated part of a document kept between two marker comments: found, and replaced,
so a tool can rewrite it (the guide's coverage table, its generated reference)."""

from __future__ import annotations


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
