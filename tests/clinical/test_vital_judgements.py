"""Vital-sign judgements by age and sex at every boundary, each row with its source."""

from __future__ import annotations

import datetime as dt

import pytest

from game.clinical.vitals import Reading, abnormal_signs, age_on, bp_label, crisis_reasons

AHA = "AHA/ACC 2017 (Whelton et al., Hypertension 2018;71:1269)"
AHA_LOW = "AHA 'Low Blood Pressure'; MedlinePlus 'Low blood pressure'"
AAP = "AAP 2017 (Flynn et al., Pediatrics 2017;140:e20171904), Table 6"
PALS = "AHA PALS Provider Manual 2020"
TEMP = "Healthwise; MedlinePlus (fever 100.4 F, hypothermia below 95 F)"
SPO2 = "Healthwise; MedlinePlus; WikEM (SpO2 95-100%)"
FEBRILE = "AAP 2021 febrile infant guideline"

# A reading that is normal for each age; a row changes only the signs it names.
BASE: dict[str, dict[str, float]] = {
    "neonate": dict(systolic=70, diastolic=40, pulse=140, resp=40),
    "infant": dict(systolic=85, diastolic=45, pulse=130, resp=36),
    "toddler": dict(systolic=90, diastolic=50, pulse=110, resp=26),
    "preschool": dict(systolic=92, diastolic=52, pulse=95, resp=22),
    "school": dict(systolic=98, diastolic=58, pulse=90, resp=20),
    "adolescent": dict(systolic=110, diastolic=70, pulse=75, resp=16),
    "adult": dict(systolic=112, diastolic=72, pulse=72, resp=14),
}
AGE_GROUP = [(1 / 12, "infant"), (1, "toddler"), (3, "preschool"), (6, "school"),
             (12, "adolescent"), (16, "adult")]


def reading(age: float, **change: float) -> Reading:
    group = "neonate"
    for lower, name in AGE_GROUP:
        if age >= lower:
            group = name
    v = {**BASE[group], "temp_f": 98.6, "spo2": 98, **change}
    return Reading(int(v["systolic"]), int(v["diastolic"]), int(v["pulse"]), int(v["resp"]),
                   float(v["temp_f"]), int(v["spo2"]), 150.0)


# (age in years, sex, changed values, the signs flagged, source)
ROWS = [
    # The cases the issue found: healthy children flagged under the old narrow bands.
    (2, "female", dict(pulse=118, resp=28, systolic=92, diastolic=56), set(), f"{PALS}; {AAP}"),
    (4, None, dict(pulse=119), set(), PALS),
    (6, None, dict(resp=23), set(), PALS),
    (15, None, dict(systolic=106, diastolic=69), set(), f"{AAP}; {AHA}"),
    # Heart rate, PALS awake ranges, both edges of every band.
    (0.0, None, dict(pulse=205), set(), PALS), (0.0, None, dict(pulse=206), {"pulse"}, PALS),
    (0.0, None, dict(pulse=99), {"pulse"}, PALS),
    (0.5, None, dict(pulse=180), set(), PALS), (0.5, None, dict(pulse=181), {"pulse"}, PALS),
    (0.5, None, dict(pulse=100), set(), PALS), (0.5, None, dict(pulse=99), {"pulse"}, PALS),
    (1, None, dict(pulse=98), set(), PALS), (1, None, dict(pulse=97), {"pulse"}, PALS),
    (2, None, dict(pulse=140), set(), PALS), (2, None, dict(pulse=141), {"pulse"}, PALS),
    (3, None, dict(pulse=80), set(), PALS), (5, None, dict(pulse=121), {"pulse"}, PALS),
    (6, None, dict(pulse=75), set(), PALS), (11, None, dict(pulse=118), set(), PALS),
    (11, None, dict(pulse=119), {"pulse"}, PALS), (6, None, dict(pulse=74), {"pulse"}, PALS),
    (12, None, dict(pulse=100), set(), PALS), (15, None, dict(pulse=101), {"pulse"}, PALS),
    (40, None, dict(pulse=60), set(), "Healthwise"), (40, None, dict(pulse=59), {"pulse"},
                                                          "Healthwise"),
    (40, None, dict(pulse=101), {"pulse"}, "Healthwise"),
    # Respirations, PALS.
    (0.5, None, dict(resp=53), set(), PALS), (0.5, None, dict(resp=54), {"resp"}, PALS),
    (0.5, None, dict(resp=29), {"resp"}, PALS),
    (1, None, dict(resp=22), set(), PALS), (2, None, dict(resp=37), set(), PALS),
    (2, None, dict(resp=38), {"resp"}, PALS), (1, None, dict(resp=21), {"resp"}, PALS),
    (3, None, dict(resp=20), set(), PALS), (5, None, dict(resp=28), set(), PALS),
    (5, None, dict(resp=29), {"resp"}, PALS), (3, None, dict(resp=19), {"resp"}, PALS),
    (6, None, dict(resp=18), set(), PALS), (11, None, dict(resp=25), set(), PALS),
    (11, None, dict(resp=26), {"resp"}, PALS), (6, None, dict(resp=17), {"resp"}, PALS),
    (12, None, dict(resp=20), set(), PALS), (15, None, dict(resp=21), {"resp"}, PALS),
    (40, None, dict(resp=12), set(), "Healthwise"), (40, None, dict(resp=21), {"resp"},
                                                         "Healthwise"),
    # Blood pressure 1-12 years: at or above the screening value (either number) is a flag.
    (1, "male", dict(systolic=97, diastolic=51), set(), AAP),
    (1, "male", dict(systolic=98, diastolic=51), {"bp"}, AAP),
    (1, "male", dict(systolic=97, diastolic=52), {"bp"}, AAP),
    (1, "female", dict(systolic=97, diastolic=53), set(), AAP),
    (1, "female", dict(systolic=97, diastolic=54), {"bp"}, AAP),
    (2, "female", dict(systolic=100, diastolic=57), set(), AAP),
    (2, "male", dict(systolic=99, diastolic=55), {"bp"}, AAP),
    (2, None, dict(systolic=99, diastolic=55), {"bp"}, f"{AAP}: no sex, the lower value"),
    (2, None, dict(systolic=100, diastolic=54), {"bp"}, f"{AAP}: no sex, the lower value"),
    (6, "male", dict(systolic=104, diastolic=65), set(), AAP),
    (6, "male", dict(systolic=105, diastolic=65), {"bp"}, AAP),
    (8, None, dict(systolic=106, diastolic=68), set(), AAP),
    (8, None, dict(systolic=107, diastolic=68), {"bp"}, AAP),
    (12, "female", dict(systolic=113, diastolic=74), set(), AAP),
    (12, "male", dict(systolic=113, diastolic=74), {"bp"}, AAP),
    (12, "male", dict(systolic=112, diastolic=75), {"bp"}, AAP),
    # Children's hypotension, PALS: systolic < 70 + 2 x age (1-10 y), < 90 from 10 y.
    (0.0, None, dict(systolic=60), set(), PALS), (0.0, None, dict(systolic=59), {"bp"}, PALS),
    (0.5, None, dict(systolic=70), set(), PALS), (0.5, None, dict(systolic=69), {"bp"}, PALS),
    (2, None, dict(systolic=74), set(), PALS), (2, None, dict(systolic=73), {"bp"}, PALS),
    (5, None, dict(systolic=80), set(), PALS), (5, None, dict(systolic=79), {"bp"}, PALS),
    (10, None, dict(systolic=90), set(), PALS), (11, None, dict(systolic=89), {"bp"}, PALS),
    # From 13 years the adult rules apply, hypotension included.
    (13, None, dict(systolic=119, diastolic=79), set(), f"{AAP}; {AHA}"),
    (13, None, dict(systolic=120, diastolic=79), {"bp"}, f"{AAP}; {AHA}"),
    (13, None, dict(systolic=119, diastolic=80), {"bp"}, f"{AAP}; {AHA}"),
    (40, None, dict(systolic=119, diastolic=79), set(), AHA),
    (40, None, dict(systolic=120, diastolic=70), {"bp"}, AHA),
    (40, None, dict(systolic=90, diastolic=60), set(), AHA_LOW),
    (40, None, dict(systolic=89, diastolic=65), {"bp"}, AHA_LOW),
    (40, None, dict(systolic=100, diastolic=59), {"bp"}, AHA_LOW),
    (40, None, dict(systolic=82, diastolic=55), {"bp"}, AHA_LOW),
    (14, None, dict(systolic=88, diastolic=60), {"bp"}, f"{AAP}; {AHA_LOW}"),
    # Temperature: fever at 100.4 F or above, hypothermia below 95 F; nothing in between.
    (40, None, dict(temp_f=99.8), set(), TEMP), (40, None, dict(temp_f=100.3), set(), TEMP),
    (40, None, dict(temp_f=100.4), {"temp"}, TEMP), (40, None, dict(temp_f=95.0), set(), TEMP),
    (40, None, dict(temp_f=94.9), {"temp"}, TEMP), (4, None, dict(temp_f=100.4), {"temp"}, TEMP),
    (4, None, dict(temp_f=99.9), set(), TEMP),
    # SpO2.
    (40, None, dict(spo2=95), set(), SPO2), (40, None, dict(spo2=94), {"spo2"}, SPO2),
    (3, None, dict(spo2=94), {"spo2"}, SPO2),
]


@pytest.mark.parametrize(("age", "sex", "change", "flagged", "source"), ROWS)
def test_vital_judgement(age: float, sex: str | None, change: dict[str, float],
                         flagged: set[str], source: str) -> None:
    assert abnormal_signs(reading(age, **change), age, sex) == flagged, source  # type: ignore[arg-type]


@pytest.mark.parametrize(("age", "systolic", "diastolic", "label", "source"), [
    (40, 82, 55, "hypotension", AHA_LOW),
    (40, 119, 79, "normal", AHA),
    (40, 125, 79, "elevated", AHA),
    (40, 130, 70, "stage 1 hypertension", AHA),
    (40, 120, 90, "stage 2 hypertension", AHA),
    (40, 181, 100, "hypertensive crisis", AHA),
    (15, 106, 69, "normal", f"{AAP}; {AHA}"),
    (8, 107, 60, "at or above the screening threshold", AAP),
    (8, 100, 60, "below the screening threshold", AAP),
])
def test_bp_label(age: float, systolic: int, diastolic: int, label: str, source: str) -> None:
    assert bp_label(reading(age, systolic=systolic, diastolic=diastolic), age) == label, source


@pytest.mark.parametrize(("age", "temp_f", "urgent", "source"), [
    (2 / 12, 100.4, True, FEBRILE),
    (2 / 12, 100.3, False, FEBRILE),
    (3 / 12, 100.4, False, f"{FEBRILE}: under 3 months only (a routine flag after)"),
    (30, 103.0, False, TEMP),
])
def test_a_febrile_young_infant_goes_to_the_provider_at_once(
        age: float, temp_f: float, urgent: bool, source: str) -> None:
    reasons = crisis_reasons(reading(age, temp_f=temp_f), age)
    assert bool(reasons) is urgent, source


@pytest.mark.parametrize(("dob", "day", "years"), [
    (dt.date(2024, 12, 8), dt.date(2026, 12, 7), 1 + 11 / 12),  # one day short of 2 years
    (dt.date(2024, 12, 7), dt.date(2026, 12, 7), 2),
    (dt.date(2026, 10, 8), dt.date(2026, 12, 7), 1 / 12),  # completed months under 2 years
    (dt.date(2016, 12, 8), dt.date(2026, 12, 7), 9),
])
def test_age_is_judged_in_completed_months_or_years(dob: dt.date, day: dt.date,
                                                    years: float) -> None:
    assert age_on(dob, day) == pytest.approx(years)
