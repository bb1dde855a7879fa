"""Hypothesis budgets: seconds in the default suite, scaled up by CLINIC_DAY_FUZZ_SCALE."""

from __future__ import annotations

import os

SCALE_VARIABLE = "CLINIC_DAY_FUZZ_SCALE"


def fuzz_scale() -> int:
    """The multiplier for every fuzz test's example count (default 1)."""
    raw = os.environ.get(SCALE_VARIABLE, "1").strip() or "1"
    try:
        scale = int(raw)
    except ValueError:
        raise SystemExit(f"{SCALE_VARIABLE} must be a whole number, not {raw!r}") from None
    return max(1, scale)


def examples(base: int) -> int:
    """A fuzz test's max_examples: its default-suite count times the scale."""
    return base * fuzz_scale()
