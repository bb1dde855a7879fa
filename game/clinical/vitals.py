"""Vital-sign reference ranges by age and the AHA/ACC blood-pressure categories."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

# Adults at rest: Healthwise "Normal Vital Signs for Adults"; MedlinePlus; WikEM "Vital signs".
# Children, awake: Nelson Textbook of Pediatrics 20th ed. (via eMedicineHealth
# "Pediatric Vital Signs"). Each band: (min age in years inclusive, label, pulse, resp, sbp, dbp).
# A None blood-pressure band means the source gives none for that age (newborn).


@dataclass(frozen=True)
class AgeBand:
    """Normal ranges for one age band; each range is (low, high) inclusive."""

    min_years: float
    label: str
    pulse: tuple[int, int]
    resp: tuple[int, int]
    systolic: tuple[int, int] | None
    diastolic: tuple[int, int] | None


AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand(0.0, "newborn", (100, 165), (30, 55), None, None),
    AgeBand(1 / 12, "infant", (100, 150), (30, 55), (80, 100), (55, 65)),
    AgeBand(1, "1-2 years", (70, 110), (20, 30), (90, 105), (55, 70)),
    AgeBand(3, "3-5 years", (65, 110), (20, 25), (95, 107), (60, 71)),
    AgeBand(6, "6-9 years", (60, 95), (14, 22), (95, 110), (60, 73)),
    AgeBand(10, "10-11 years", (60, 95), (14, 22), (100, 119), (65, 76)),
    AgeBand(12, "12-15 years", (55, 85), (12, 18), (110, 124), (70, 79)),
    # 16 and over: adult ranges; blood pressure is judged by the AHA categories instead.
    AgeBand(16, "adult", (60, 100), (12, 20), None, None),
)

SPO2_NORMAL_MIN = 95  # percent; 95-100 is normal (Healthwise, MedlinePlus)
SPO2_EMERGENCY_BELOW = 90  # under 90% is an emergency (WikEM)
TEMP_F_RANGE = (97.8, 99.1)  # adult normal, Fahrenheit (Healthwise)
FEVER_F = 100.4  # 38.0 C and above is a fever
CRISIS_SYSTOLIC_ABOVE = 180  # AHA/ACC 2017: hypertensive crisis > 180 and/or > 120
CRISIS_DIASTOLIC_ABOVE = 120


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
    for band in AGE_BANDS:
        if age_years >= band.min_years:
            chosen = band
    return chosen


def pals_hypotension_systolic(age_years: float) -> int | None:
    """PALS hypotension threshold: systolic below this is hypotension (children to 10 years)."""
    if age_years < 1 / 12:
        return 60
    if age_years < 1:
        return 70
    if age_years <= 10:
        return 70 + 2 * int(age_years)
    return None


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


def abnormal_signs(reading: Reading, age_years: float) -> set[str]:
    """Which vital signs fall outside the normal range for this age (names from VITAL_NAMES)."""
    band = age_band(age_years)
    out: set[str] = set()
    if band.systolic is None:
        # Adults: anything above "normal" (< 120 and < 80) is abnormal and is flagged.
        if band.label == "adult" and bp_category(reading.systolic, reading.diastolic) > (
            BPCategory.NORMAL
        ):
            out.add("bp")
    else:
        low_s, high_s = band.systolic
        low_d, high_d = band.diastolic or (0, 999)
        hypo = pals_hypotension_systolic(age_years)
        if not (low_s <= reading.systolic <= high_s and low_d <= reading.diastolic <= high_d):
            out.add("bp")
        if hypo is not None and reading.systolic < hypo:
            out.add("bp")
    if not band.pulse[0] <= reading.pulse <= band.pulse[1]:
        out.add("pulse")
    if not band.resp[0] <= reading.resp <= band.resp[1]:
        out.add("resp")
    if not TEMP_F_RANGE[0] <= reading.temp_f <= TEMP_F_RANGE[1]:
        out.add("temp")
    if reading.spo2 < SPO2_NORMAL_MIN:
        out.add("spo2")
    return out


def crisis_reasons(reading: Reading) -> list[str]:
    """Readings that must go to the provider at once: BP over 180/120, SpO2 under 90%."""
    reasons = []
    if reading.systolic > CRISIS_SYSTOLIC_ABOVE or reading.diastolic > CRISIS_DIASTOLIC_ABOVE:
        reasons.append(
            f"blood pressure {reading.systolic}/{reading.diastolic} (crisis: over 180/120)"
        )
    if reading.spo2 < SPO2_EMERGENCY_BELOW:
        reasons.append(f"SpO2 {reading.spo2}% (emergency: under 90%)")
    return reasons
