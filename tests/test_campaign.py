"""The campaign's rules as the guide states them: a star for a pass, a second for the day's
expert score, a third for the expert score with no safety point lost; the next day of the
library opens once the day before it has a star."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from game.campaign import locks, star_words, stars
from game.scenario.settings import Scoring
from game.ui.saves import Saves


def report(total: int, passed: bool, safety: tuple[int, int] = (30, 30)) -> dict[str, Any]:
    return {"score": {"total": total, "passed": passed,
                      "categories": {"safety": {"earned": safety[0], "possible": safety[1]}}}}


DEFAULT = Scoring()  # pass mark 70, so the expert score is 85


@pytest.mark.parametrize(("total", "passed", "safety", "expected"), [
    pytest.param(69, False, (30, 30), 0, id="below the pass mark: no star"),
    pytest.param(75, False, (30, 30), 0, id="not passed (a critical error) whatever the total"),
    pytest.param(70, True, (30, 30), 1, id="the pass mark: one star"),
    pytest.param(84, True, (30, 30), 1, id="one under the expert score: one star"),
    pytest.param(85, True, (27, 30), 2, id="the expert score, a safety point lost: two"),
    pytest.param(85, True, (30, 30), 3, id="the expert score, safety whole: three"),
    pytest.param(100, True, (0, 0), 3, id="a day with no safety steps cannot lose one"),
])
def test_stars_at_their_boundaries(total: int, passed: bool, safety: tuple[int, int],
                                   expected: int) -> None:
    assert stars(report(total, passed, safety), DEFAULT) == expected


@pytest.mark.parametrize(("pass_mark", "expert_score", "expert"), [
    (70, None, 85), (60, None, 80), (75, None, 88), (99, None, 100), (70, 90, 90), (70, 71, 71),
])
def test_the_expert_score_is_the_day_s_or_halfway_to_100(pass_mark: int, expert_score: int | None,
                                                          expert: int) -> None:
    scoring = Scoring(pass_mark=pass_mark, expert_score=expert_score)
    assert scoring.expert == expert
    assert stars(report(expert - 1, True), scoring) == 1
    assert stars(report(expert, True), scoring) == 3


@pytest.mark.parametrize("expert_score", [70, 50])
def test_an_expert_score_not_above_the_pass_mark_is_refused(expert_score: int) -> None:
    with pytest.raises(ValidationError, match="must be above pass_mark 70"):
        Scoring(pass_mark=70, expert_score=expert_score)


def test_what_the_stars_say_names_what_the_next_one_asks() -> None:
    assert star_words(0, DEFAULT) == "No star: pass (70) for one."
    assert star_words(1, DEFAULT) == "1 star: 85 for two."
    assert star_words(2, DEFAULT) == "2 stars: 85, safety whole, for 3."
    assert star_words(3, DEFAULT) == "3 stars: expert and safe."


DAYS = [("a", "Day A"), ("b", "Day B"), ("c", "Day C")]


@pytest.mark.parametrize(("best", "locked"), [
    ({}, {"b": "Day A", "c": "Day B"}),
    ({"a": 1}, {"c": "Day B"}),
    ({"a": 0}, {"b": "Day A", "c": "Day B"}),
    ({"a": 3, "b": 1}, {}),
    ({"b": 2}, {"b": "Day A"}),  # a star on a later day opens the one after it all the same
])
def test_a_day_opens_with_a_star_on_the_day_before(best: dict[str, int],
                                                   locked: dict[str, str]) -> None:
    assert locks(DAYS, best) == locked
    assert locks(DAYS, best, unlock_all=True) == {}


def test_the_best_stars_are_kept_and_never_lowered(tmp_path) -> None:
    saves = Saves(root=tmp_path)
    assert saves.best_stars() == {}
    assert saves.record_stars("a", 2) and not saves.record_stars("a", 1)
    assert not saves.record_stars("a", 0) and not saves.record_stars("b", 4)
    assert not saves.record_stars("b", True)  # type: ignore[arg-type]
    assert Saves(root=tmp_path).best_stars() == {"a": 2}
    saves.stars_path.write_text('{"a": 9, "b": "3", "c": 1}', encoding="utf-8")
    assert saves.best_stars() == {"c": 1}  # what is not 0-3 is ignored
