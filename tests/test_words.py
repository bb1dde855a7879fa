"""Counted nouns read as a person writes them, at the one boundary that matters."""

from __future__ import annotations

import pytest

from game.words import count


@pytest.mark.parametrize("n, one, many, said", [
    (0, "patient", None, "0 patients"),
    (1, "patient", None, "1 patient"),
    (2, "patient", None, "2 patients"),
    (1, "opening task", None, "1 opening task"),
    (3, "opening task", None, "3 opening tasks"),
    (2, "person", "people", "2 people"),
])
def test_count(n: int, one: str, many: str | None, said: str) -> None:
    assert count(n, one, many) == said
