"""The reference of tubes, lab test codes and the vital-sign limits, written from the tables
the game judges with."""

from __future__ import annotations

from fractions import Fraction

from game.clinical import vitals as v
from game.clinical.lab import (
    CENTRIFUGE_MINUTES,
    CLOT_MINUTES,
    LAB_TESTS,
    ORDER_OF_DRAW_TEXT,
    TUBES,
)
from game.clinical.poc import POC_TESTS, window_text
from game.guide_ref.commands import cell

# The scale the boundaries of the blood-pressure categories are looked for on: every
# reading a cuff can show (mmHg, whole numbers).
_MMHG = range(0, 301)


def tubes_reference() -> list[str]:
    """The tube codes a draw names, in the CLSI order of draw."""
    out = ["### Tubes", "",
           f"The tube codes `draw_blood` takes in `tubes`, in the order of draw "
           f"({ORDER_OF_DRAW_TEXT}; CLSI GP41). Serum tubes clot {CLOT_MINUTES} minutes, "
           f"then spin {CENTRIFUGE_MINUTES} minutes, before they are packed.", "",
           "| tube code | tube | additive | place in the order of draw | serum |",
           "|---|---|---|---|---|"]
    for t in sorted(TUBES.values(), key=lambda t: (t.order, t.code)):
        out.append(f"| `{t.code}` | {t.name} | {cell(t.additive)} | {t.order} | "
                   f"{'yes' if t.serum else 'no'} |")
    return [*out, ""]


def _needs(code: str) -> str:
    test = LAB_TESTS[code]
    if test.tube in TUBES:
        tube = TUBES[test.tube]
        spin = ", clotted and spun before packing" if tube.serum else ""
        return f"a venous draw into the `{tube.code}` tube{spin}; the courier takes it"
    poc = POC_TESTS.get(code)
    if poc is None:  # the fingerstick glucose: the meter, not a kit
        return f"a {test.tube} sample on the glucose meter, after the meter's QC (`glucose_qc`)"
    right = " or ".join(f"`{c.id}`" for c in poc.collections if c.right)
    return (f"a {poc.specimen.replace('_', ' ')} specimen collected as {right}, run on its "
            f"kit in `poc.kits` after the kit's QC when due; {window_text(poc)}")


def lab_tests_reference() -> list[str]:
    """Every code `orders.labs` may hold, and what each needs."""
    out = ["### Lab test codes", "",
           "The codes `orders.labs` may hold (another code is refused, with the closest one).",
           "", "| code | test | what it needs |", "|---|---|---|"]
    for code, test in LAB_TESTS.items():
        out.append(f"| `{code}` | {cell(test.name)} | {cell(_needs(code))} |")
    return [*out, ""]


def _age(years: float) -> str:
    months = Fraction(years).limit_denominator(12) * 12
    if years == 0:
        return "birth"
    if months < 12:
        return f"{int(months)} month{'s' if months != 1 else ''}"
    return f"{years:g} year{'s' if years != 1 else ''}"


def _bands() -> list[str]:
    out = ["| from age | band | heart rate (beats/min) | respirations (breaths/min) | source |",
           "|---|---|---|---|---|"]
    for band in v.AGE_BANDS:
        out.append(f"| {_age(band.min_years)} | {band.label} | {band.pulse[0]}-{band.pulse[1]} "
                   f"| {band.resp[0]}-{band.resp[1]} | {band.source} |")
    return out


def _span(values: list[int]) -> str:
    if not values:
        return "-"
    if values[-1] == _MMHG[-1]:
        return f"{values[0]} or more"
    if values[0] == 0:
        return f"under {values[-1] + 1}"
    return f"{values[0]}-{values[-1]}"


def _adult_bp() -> list[str]:
    # Probed from the classifier itself, one number at a time with the other at zero, so the
    # table shows the boundaries the game really uses.
    out = ["| category | systolic | diastolic |", "|---|---|---|"]
    for category in v.BPCategory:
        systolic = [s for s in _MMHG if v.bp_category(s, 0) == category]
        diastolic = [d for d in _MMHG if v.bp_category(0, d) == category]
        out.append(f"| {category.title} | {_span(systolic)} | {_span(diastolic)} |")
    return out


def _children_bp() -> list[str]:
    out = ["| age (years) | girls | boys | sex not given |", "|---|---|---|---|"]
    for age, row in sorted(v.AAP_SCREENING.items()):
        either = v.aap_screening(float(age))
        assert either is not None
        out.append(f"| {age} | {row['female'][0]}/{row['female'][1]} | "
                   f"{row['male'][0]}/{row['male'][1]} | {either[0]}/{either[1]} |")
    return out


def _pals_hypotension() -> str:
    ages = [0.0, 1 / 12, *[float(y) for y in range(1, v.ADULT_BP_FROM_YEARS)]]
    parts = []
    for age in ages:
        below = v.pals_hypotension_systolic(age)
        if below is not None:
            parts.append(f"{_age(age) if age else 'newborn'} under {below}")
    return "; ".join(parts)


def vitals_reference() -> list[str]:
    """The limits a measured vital sign is flagged on, by age, with their sources."""
    adult_from = v.ADULT_BP_FROM_YEARS
    return [
        "### The vital-sign limits the game flags on", "",
        "Age is the patient's on the scenario's date: completed months under 2 years, whole "
        "years from 2. A reading outside its band is one the student flags (`abnormal`).", "",
        "Heart rate and respirations (each range inclusive):", "", *_bands(), "",
        f"Blood pressure from {adult_from} years (AHA/ACC 2017; anything above normal is "
        f"flagged; the higher category of the two numbers applies):", "", *_adult_bp(), "",
        f"Hypotension from {adult_from} years, flagged too: systolic under "
        f"{v.ADULT_HYPOTENSION_SYSTOLIC_BELOW} or diastolic under "
        f"{v.ADULT_HYPOTENSION_DIASTOLIC_BELOW} (AHA; MedlinePlus).", "",
        "Blood pressure at 1-12 years: a reading at or above either number of the AAP 2017 "
        "screening table (Flynn et al., Pediatrics 2017, Table 6) is flagged:", "",
        *_children_bp(), "",
        f"Hypotension in children (AHA PALS 2020), systolic: {_pals_hypotension()}. Under 1 "
        "year only hypotension is judged.", "",
        f"Temperature: {v.FEVER_F} F or more (fever) or under {v.HYPOTHERMIA_BELOW_F} F "
        f"(hypothermia) is flagged (Healthwise; MedlinePlus). SpO2 under {v.SPO2_NORMAL_MIN}% "
        "is flagged.", "",
        f"To the provider at once: blood pressure over {v.CRISIS_SYSTOLIC_ABOVE}/"
        f"{v.CRISIS_DIASTOLIC_ABOVE} (AHA/ACC 2017), SpO2 under {v.SPO2_EMERGENCY_BELOW}% "
        f"(WikEM), a fever of {v.FEVER_F} F or more under {v.FEBRILE_INFANT_UNDER_MONTHS} "
        "months (AAP 2021).", "",
    ]
