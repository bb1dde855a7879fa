"""Vital-sign judgements by age and sex: PALS ranges, AAP 2017 and AHA/ACC 2017 blood pressure."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

Sex = Literal["female", "male"]

# Heart rate and respirations by age.
# Children, awake: AHA PALS Provider Manual (2020), the heart-rate table (neonate 100-205,
# infant 100-180, toddler 98-140, preschool 80-120, school age 75-118, adolescent 60-100) and
# the respiratory-rate table (infant 30-53, toddler 22-37, preschool 20-28, school age 18-25,
# adolescent 12-20). These are the wide ranges a primary-care MA flags on, not a textbook's
# narrow "typical" band, so healthy children are not flagged.
# Adults at rest (16 years and over): Healthwise "Normal Vital Signs for Adults"; MedlinePlus;
# WikEM "Vital signs": heart rate 60-100, respirations 12-20.
# The neonate band covers the first month of life: the game counts a baby's age in completed
# months, so "neonate" is 0 completed months (PALS: birth to 28 days).


@dataclass(frozen=True)
class AgeBand:
    """Normal heart rate and respirations for one age band; each range is (low, high) inclusive."""

    min_years: float
    label: str
    pulse: tuple[int, int]
    resp: tuple[int, int]
    source: str


PALS = "AHA PALS 2020"
ADULT = "Healthwise; MedlinePlus"
AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand(0.0, "neonate", (100, 205), (30, 53), PALS),
    AgeBand(1 / 12, "infant", (100, 180), (30, 53), PALS),
    AgeBand(1, "toddler, 1-2 years", (98, 140), (22, 37), PALS),
    AgeBand(3, "preschool, 3-5 years", (80, 120), (20, 28), PALS),
    AgeBand(6, "school age, 6-11 years", (75, 118), (18, 25), PALS),
    AgeBand(12, "adolescent, 12-15 years", (60, 100), (12, 20), PALS),
    AgeBand(16, "adult", (60, 100), (12, 20), ADULT),
)

SPO2_NORMAL_MIN = 95  # percent; 95-100 is normal (Healthwise, MedlinePlus)
SPO2_EMERGENCY_BELOW = 90  # under 90% is an emergency (WikEM)
TEMP_F_RANGE = (97.8, 99.1)  # adult normal, Fahrenheit (Healthwise); not itself a flag
FEVER_F = 100.4  # 38.0 C and above is a fever (Healthwise; MedlinePlus): flag it
HYPOTHERMIA_BELOW_F = 95.0  # under 35 C is hypothermia (MedlinePlus "Hypothermia"): flag it
# A fever in a baby under 3 months goes to the provider at once (AAP 2021 clinical practice
# guideline, "Evaluation and Management of Well-Appearing Febrile Infants 8 to 60 Days Old";
# offices apply the same rule to every baby under 3 months).
FEBRILE_INFANT_UNDER_MONTHS = 3
CRISIS_SYSTOLIC_ABOVE = 180  # AHA/ACC 2017: hypertensive crisis > 180 and/or > 120
CRISIS_DIASTOLIC_ABOVE = 120
ADULT_BP_FROM_YEARS = 13  # AAP 2017: from 13 years the adult AHA/ACC cut-offs apply
# Adult hypotension: AHA "Low Blood Pressure - When Blood Pressure Is Too Low"; MedlinePlus
# "Low blood pressure": systolic under 90 or diastolic under 60.
ADULT_HYPOTENSION_SYSTOLIC_BELOW = 90
ADULT_HYPOTENSION_DIASTOLIC_BELOW = 60

# AAP Clinical Practice Guideline 2017 (Flynn et al., Pediatrics 2017;140:e20171904), Table 6
# "Screening BP values requiring further evaluation", ages 1-12: systolic/diastolic mm Hg for
# boys and for girls (the 90th percentile at the 5th height percentile). A reading at or above
# either number means "recheck, and if still high tell the provider": the MA's flag.
AAP_SCREENING: dict[int, dict[Sex, tuple[int, int]]] = {
    1: {"male": (98, 52), "female": (98, 54)},
    2: {"male": (100, 55), "female": (101, 58)},
    3: {"male": (101, 58), "female": (102, 60)},
    4: {"male": (102, 60), "female": (103, 62)},
    5: {"male": (103, 63), "female": (104, 64)},
    6: {"male": (105, 66), "female": (105, 67)},
    7: {"male": (106, 68), "female": (106, 68)},
    8: {"male": (107, 69), "female": (107, 69)},
    9: {"male": (107, 70), "female": (108, 71)},
    10: {"male": (108, 72), "female": (109, 72)},
    11: {"male": (110, 74), "female": (111, 74)},
    12: {"male": (113, 75), "female": (114, 75)},
}


def age_on(dob: dt.date, day: dt.date) -> float:
    """Age on a day, as the judgements use it: completed months (as years) under 2 years,
    completed whole years from 2 (domain rule: whole years, months under 2 years)."""
    months = (day.year - dob.year) * 12 + (day.month - dob.month) - (day.day < dob.day)
    months = max(0, months)
    return months / 12 if months < 24 else float(months // 12)


def whole_years(age_years: float) -> int:
    """Completed years (the small epsilon keeps 11.9999 from a month count at 12 months)."""
    return max(0, math.floor(age_years + 1e-9))


def whole_months(age_years: float) -> int:
    """Completed months."""
    return max(0, math.floor(age_years * 12 + 1e-9))


class BPCategory(IntEnum):
    """AHA/ACC 2017 adult blood-pressure categories, ordered by severity."""

    NORMAL = 0
    ELEVATED = 1
    STAGE_1 = 2
    STAGE_2 = 3
    CRISIS = 4

    @property
    def title(self) -> str:
        """The category's name as a clinician says it."""
        return _BP_TITLES[self]


_BP_TITLES = {
    BPCategory.NORMAL: "normal",
    BPCategory.ELEVATED: "elevated",
    BPCategory.STAGE_1: "stage 1 hypertension",
    BPCategory.STAGE_2: "stage 2 hypertension",
    BPCategory.CRISIS: "hypertensive crisis",
}
HYPOTENSION = "hypotension"
AT_OR_ABOVE_SCREEN = "at or above the screening threshold"
BELOW_SCREEN = "below the screening threshold"


def bp_category(systolic: int, diastolic: int) -> BPCategory:
    """Classify an adult reading; when the two numbers disagree the higher category applies."""

    def by_systolic(s: int) -> BPCategory:
        if s > CRISIS_SYSTOLIC_ABOVE:
            return BPCategory.CRISIS
        if s >= 140:
            return BPCategory.STAGE_2
        if s >= 130:
            return BPCategory.STAGE_1
        if s >= 120:
            return BPCategory.ELEVATED
        return BPCategory.NORMAL

    def by_diastolic(d: int) -> BPCategory:
        if d > CRISIS_DIASTOLIC_ABOVE:
            return BPCategory.CRISIS
        if d >= 90:
            return BPCategory.STAGE_2
        if d >= 80:
            return BPCategory.STAGE_1
        return BPCategory.NORMAL

    return max(by_systolic(systolic), by_diastolic(diastolic))


def age_band(age_years: float) -> AgeBand:
    """The band whose lower bound is the highest not above the age."""
    chosen = AGE_BANDS[0]
    months = whole_months(age_years)
    for band in AGE_BANDS:
        if months >= round(band.min_years * 12):
            chosen = band
    return chosen


def pals_hypotension_systolic(age_years: float) -> int | None:
    """PALS hypotension: a systolic below this is hypotension (None from 13 years: the adult
    rule applies). Neonate < 60, infant < 70, 1-10 years < 70 + 2 x age, from 10 years < 90."""
    if whole_years(age_years) >= ADULT_BP_FROM_YEARS:
        return None
    if whole_months(age_years) < 1:
        return 60
    years = whole_years(age_years)
    if years < 1:
        return 70
    return min(70 + 2 * years, 90)


def aap_screening(age_years: float, sex: Sex | None = None) -> tuple[int, int] | None:
    """The AAP 2017 Table 6 threshold (systolic, diastolic) for ages 1-12, or None outside it.
    Without a sex, each number is the lower of the girls' and boys'."""
    row = AAP_SCREENING.get(whole_years(age_years))
    if row is None:
        return None
    if sex is not None:
        return row[sex]
    return (min(row["male"][0], row["female"][0]), min(row["male"][1], row["female"][1]))


def adult_hypotension(systolic: int, diastolic: int) -> bool:
    """AHA / MedlinePlus: systolic under 90 or diastolic under 60."""
    return (systolic < ADULT_HYPOTENSION_SYSTOLIC_BELOW
            or diastolic < ADULT_HYPOTENSION_DIASTOLIC_BELOW)


@dataclass(frozen=True)
class Reading:
    """One full set of vital signs, as measured or as recorded."""

    systolic: int
    diastolic: int
    pulse: int
    resp: int
    temp_f: float
    spo2: int
    weight_lb: float
    height_in: float | None = None


VITAL_NAMES = ("bp", "pulse", "resp", "temp", "spo2")


def bp_label(reading: Reading, age_years: float, sex: Sex | None = None) -> str:
    """The blood pressure's category for this age, as the report names it."""
    s, d = reading.systolic, reading.diastolic
    if whole_years(age_years) >= ADULT_BP_FROM_YEARS:
        category = bp_category(s, d)
        # A raised number outranks a low one in the label; either way the reading is flagged.
        if category == BPCategory.NORMAL and adult_hypotension(s, d):
            return HYPOTENSION
        return category.title
    hypo = pals_hypotension_systolic(age_years)
    if hypo is not None and s < hypo:
        return HYPOTENSION
    screen = aap_screening(age_years, sex)
    if screen is None:  # under 1 year: PALS gives only the low threshold
        return "normal"
    return AT_OR_ABOVE_SCREEN if s >= screen[0] or d >= screen[1] else BELOW_SCREEN


def bp_abnormal(reading: Reading, age_years: float, sex: Sex | None = None) -> bool:
    """Whether the blood pressure is one the MA flags for the provider."""
    return bp_label(reading, age_years, sex) not in ("normal", BELOW_SCREEN)


def temp_abnormal(temp_f: float) -> bool:
    """A fever (100.4 F or above) or hypothermia (below 95 F); 99.1-100.4 F is not a flag."""
    return temp_f >= FEVER_F or temp_f < HYPOTHERMIA_BELOW_F


def abnormal_signs(reading: Reading, age_years: float, sex: Sex | None = None) -> set[str]:
    """Which vital signs the MA flags for this age and sex (names from VITAL_NAMES); without a
    sex, the lower of the two AAP thresholds applies."""
    band = age_band(age_years)
    out: set[str] = set()
    if bp_abnormal(reading, age_years, sex):
        out.add("bp")
    if not band.pulse[0] <= reading.pulse <= band.pulse[1]:
        out.add("pulse")
    if not band.resp[0] <= reading.resp <= band.resp[1]:
        out.add("resp")
    if temp_abnormal(reading.temp_f):
        out.add("temp")
    if reading.spo2 < SPO2_NORMAL_MIN:
        out.add("spo2")
    return out


def febrile_infant(reading: Reading, age_years: float) -> bool:
    """A fever of 100.4 F or more in a baby under 3 months (AAP 2021)."""
    return whole_months(age_years) < FEBRILE_INFANT_UNDER_MONTHS and reading.temp_f >= FEVER_F


def crisis_reasons(reading: Reading, age_years: float) -> list[str]:
    """Readings that must go to the provider at once: BP over 180/120, SpO2 under 90%, a fever
    in a baby under 3 months."""
    reasons = []
    if reading.systolic > CRISIS_SYSTOLIC_ABOVE or reading.diastolic > CRISIS_DIASTOLIC_ABOVE:
        reasons.append(
            f"blood pressure {reading.systolic}/{reading.diastolic} (crisis: over 180/120)"
        )
    if reading.spo2 < SPO2_EMERGENCY_BELOW:
        reasons.append(f"SpO2 {reading.spo2}% (emergency: under 90%)")
    if febrile_infant(reading, age_years):
        reasons.append(f"temperature {reading.temp_f} F at {whole_months(age_years)} months "
                       f"(a fever of {FEVER_F} F or more under 3 months: AAP 2021)")
    return reasons
