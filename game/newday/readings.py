"""A new day's vital signs: healthy for the patient's age band and clear of every threshold by
several of the devices' standard deviations, or a true crisis clear of its threshold too.

The limits are game/clinical/vitals.py's (PALS 2020 heart rate and breathing by age, AAP 2017
screening and PALS hypotension for children's blood pressure, AHA/ACC 2017 from 13 years);
the spread is the devices' own (game/sim/rules/vitals_device.py). A value with a margin of
four standard deviations is moved across its threshold by the devices' variation about once
in 30,000 readings, so every seed of a day teaches the same flag.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from game.clinical.vitals import (
    ADULT_BP_FROM_YEARS,
    ADULT_HYPOTENSION_DIASTOLIC_BELOW,
    ADULT_HYPOTENSION_SYSTOLIC_BELOW,
    CRISIS_DIASTOLIC_ABOVE,
    CRISIS_SYSTOLIC_ABOVE,
    FEVER_F,
    SPO2_NORMAL_MIN,
    BPCategory,
    aap_screening,
    age_band,
    bp_category,
    pals_hypotension_systolic,
)
from game.sim.rules.vitals_device import SPREAD

TARGET_SD = 4.0  # how far inside its limits a value is drawn, in the device's spreads
LEAST_SD = 3.5  # a narrower band (a school-age child's breathing) is drawn at its middle
# A crisis systolic this far over 180 (five spreads and more) stays a crisis on every seed.
CRISIS_OVER = (16, 22)
HEALTHY_TEMPS = (98.0, 98.2, 98.4, 98.6)  # well under a fever, well over hypothermia
# Normal diastolic has no lower limit for a child; a healthy child's sits this far below.
CHILD_DIASTOLIC_SPREAD = 6


def _first_raised(of: str) -> int:
    """The lowest systolic (or diastolic) AHA/ACC 2017 calls above normal, read from the
    classification itself rather than restated here."""
    for value in range(0, 301):
        s, d = (value, 0) if of == "systolic" else (0, value)
        if bp_category(s, d) != BPCategory.NORMAL:
            return value
    raise ValueError(f"no {of} is above normal")


@dataclass(frozen=True)
class Limits:
    """The normal range (inclusive) of each integer sign for one age; None: no such limit."""

    systolic: tuple[int, int]
    diastolic: tuple[int | None, int]
    pulse: tuple[int, int]
    resp: tuple[int, int]


def limits(years: int) -> Limits:
    """What the game judges normal at this age, in whole years (3 and over)."""
    band = age_band(years)
    if years >= ADULT_BP_FROM_YEARS:
        systolic = (ADULT_HYPOTENSION_SYSTOLIC_BELOW, _first_raised("systolic") - 1)
        diastolic: tuple[int | None, int] = (ADULT_HYPOTENSION_DIASTOLIC_BELOW,
                                             _first_raised("diastolic") - 1)
    else:
        # Without a sex the lower of the girls' and boys' screening numbers applies.
        screen, hypo = aap_screening(years), pals_hypotension_systolic(years)
        if screen is None or hypo is None:
            raise ValueError(f"no blood-pressure limits for {years} years")
        systolic, diastolic = (hypo, screen[0] - 1), (None, screen[1] - 1)
    return Limits(systolic, diastolic, band.pulse, band.resp)


def _room(low: int, high: int, sd: float) -> tuple[int, int, float]:
    """Integer true values inside (low, high) whose shown value, rounded, stays inside with
    a margin of TARGET_SD spreads; else the middle. Also the margin reached, in spreads."""
    first = math.ceil(low - 0.5 + TARGET_SD * sd)
    last = math.floor(high + 0.5 - TARGET_SD * sd)
    if first <= last:
        return first, last, TARGET_SD
    middle = (low + high) // 2
    return middle, middle, min(middle - low + 0.5, high + 0.5 - middle) / sd


def _ranges(years: int) -> dict[str, tuple[int, int, float]]:
    lim = limits(years)
    low_d, high_d = lim.diastolic
    out = {"systolic": _room(*lim.systolic, SPREAD["systolic"]),
           "pulse": _room(*lim.pulse, SPREAD["pulse"]),
           "resp": _room(*lim.resp, SPREAD["resp"])}
    if low_d is None:
        top = math.floor(high_d + 0.5 - TARGET_SD * SPREAD["diastolic"])
        out["diastolic"] = (top - CHILD_DIASTOLIC_SPREAD, top, TARGET_SD)
    else:
        out["diastolic"] = _room(low_d, high_d, SPREAD["diastolic"])
    return out


def margin(years: int) -> float:
    """The smallest margin a healthy reading at this age can keep, in the devices' spreads."""
    return min(m for _, _, m in _ranges(years).values())


def healthy_age(years: int) -> bool:
    """Whether a healthy reading at this age can be kept clear of every threshold: not for
    9-11 years, whose normal systolic band (PALS hypotension to the AAP screening value)
    is too narrow for the devices' spread."""
    return margin(years) >= LEAST_SD


def healthy(rng: random.Random, years: int) -> dict[str, Any]:
    """Vital signs well inside the normal limits for the age (3 years and over)."""
    r = _ranges(years)
    systolic = rng.randint(*r["systolic"][:2])
    diastolic = min(rng.randint(*r["diastolic"][:2]), systolic - 20)
    first_spo2 = math.ceil(SPO2_NORMAL_MIN - 0.5 + TARGET_SD * SPREAD["spo2"])
    v: dict[str, Any] = {"systolic": systolic, "diastolic": diastolic,
                         "pulse": rng.randint(*r["pulse"][:2]),
                         "resp": rng.randint(*r["resp"][:2]),
                         "temp_f": rng.choice(HEALTHY_TEMPS),
                         "spo2": rng.randint(min(first_spo2, 100), 100)}
    if years >= 16:
        v["weight_lb"] = round(rng.uniform(110, 260), 1)
        if rng.random() < 0.3:
            v["height_in"] = round(rng.uniform(60, 75), 1)
    else:  # about the middle of the growth charts from 3 to 15 years
        v["weight_lb"] = round(rng.uniform(30, 38) + 7.5 * (years - 3), 1)
        v["height_in"] = round(rng.uniform(36, 40) + 2.3 * (years - 3), 1)
    assert v["temp_f"] < FEVER_F
    return v


def crisis(rng: random.Random, years: int) -> dict[str, Any]:
    """A healthy reading but for a hypertensive crisis (AHA/ACC 2017: over 180/120), far
    enough over 180 systolic that no seed's reading falls under it."""
    v = healthy(rng, years)
    v["systolic"] = CRISIS_SYSTOLIC_ABOVE + rng.randint(*CRISIS_OVER)
    v["diastolic"] = CRISIS_DIASTOLIC_ABOVE + rng.randint(2, 8)
    return v
