"""The campaign: stars for a day played, and which of the library's days are open to play.

One star for a pass; two for the day's expert score; three for the expert score with no
safety point lost (patient safety first: a fast day that skipped an identifier check is not
a perfect one). The next day of the library opens once the day before it has a star.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

from game.scenario.settings import Scoring

MAX_STARS = 3


def stars(report: Mapping[str, Any], scoring: Scoring) -> int:
    """0 to 3 stars for a day's report (its score block), by the day's own marks."""
    score = report["score"]
    if not score["passed"]:
        return 0
    if score["total"] < scoring.expert:
        return 1
    safety = score["categories"].get("safety") or {"earned": 0, "possible": 0}
    return MAX_STARS if safety["earned"] >= safety["possible"] else 2


def star_words(n: int, scoring: Scoring) -> str:
    """What the stars mean, short enough for the debrief's header: what the next one asks."""
    if n == 0:
        return f"No star: pass ({scoring.pass_mark}) for one."
    if n == 1:
        return f"1 star: {scoring.expert} for two."
    if n == 2:
        return f"2 stars: {scoring.expert}, safety whole, for 3."
    return "3 stars: expert and safe."


def locks(days: Sequence[tuple[str, str]], best: Mapping[str, int],
          unlock_all: bool = False) -> dict[str, str]:
    """The locked days of the library, by id, each with the title of the day to pass first;
    `days` is the library's (id, title) in order. The first day is always open."""
    if unlock_all:
        return {}
    out: dict[str, str] = {}
    for (before, title), (day, _) in pairwise(days):
        if best.get(before, 0) < 1:
            out[day] = title
    return out
