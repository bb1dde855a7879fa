"""Cross-checks of the poc sections against the rest of the scenario (placeholder: filled
in with the rule)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.errors import Problem

if TYPE_CHECKING:
    from game.scenario.checks import Parts


def poc_checks(s: Parts) -> list[Problem]:
    """Every problem of the poc sections that involves another part."""
    return []
