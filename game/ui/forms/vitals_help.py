"""Hover help for the vitals form, written from the reference ranges in game.clinical.vitals."""

from __future__ import annotations

from game.clinical.vitals import (
    CRISIS_DIASTOLIC_ABOVE,
    CRISIS_SYSTOLIC_ABOVE,
    FEVER_F,
    SPO2_EMERGENCY_BELOW,
    SPO2_NORMAL_MIN,
    TEMP_F_RANGE,
    age_band,
)

CRISIS = f"over {CRISIS_SYSTOLIC_ABOVE}/{CRISIS_DIASTOLIC_ABOVE}"
TIP_MEASURE = ("Take blood pressure, pulse, respirations, temperature, SpO2 and weight (and "
               "height) with the room's devices.")
TIP_REVIEW = "Review allergies and current medications with the patient before the exam."
TIP_ESCALATE = (f"Alert the provider now. A crisis reading (blood pressure {CRISIS}, SpO2 under "
                f"{SPO2_EMERGENCY_BELOW}%) goes to the provider at once, before anything else.")
TIP_RECORD = "Type the readings into the chart and flag the abnormal signs for the provider."


def age_text(age_years: float) -> str:
    """'58 years', '8 years', '7 months'."""
    if age_years < 1:
        return f"{int(age_years * 12)} months"
    years = int(age_years)
    return f"{years} year" + ("" if years == 1 else "s")


def flag_tip(sign: str, age_years: float) -> str:
    """The normal range for this sign at the patient's age, with its source."""
    band = age_band(age_years)
    who = {"adult": "adults", "newborn": "newborns", "infant": "infants"}.get(
        band.label, f"children {band.label}")
    if sign == "bp":
        if band.systolic is None:
            if band.label == "adult":
                return ("Adults (AHA/ACC 2017): normal is below 120 and below 80. 120-129 with "
                        "below 80 is elevated; 130-139 or 80-89 is stage 1, 140 or more or 90 "
                        f"or more is stage 2 hypertension; {CRISIS} is a crisis: escalate.")
            return "No blood-pressure range is given for newborns."
        (s0, s1), (d0, d1) = band.systolic, band.diastolic or (0, 0)
        return f"Normal BP for {who} (Nelson): {s0}-{s1} / {d0}-{d1} mmHg."
    if sign == "pulse":
        return f"Normal resting pulse for {who}: {band.pulse[0]}-{band.pulse[1]} /min."
    if sign == "resp":
        return f"Normal respirations for {who}: {band.resp[0]}-{band.resp[1]} /min."
    if sign == "temp":
        low, high = TEMP_F_RANGE
        return f"Normal temperature {low}-{high} \u00b0F; a fever is {FEVER_F} \u00b0F or above."
    return (f"Normal SpO2 is {SPO2_NORMAL_MIN}-100%; under {SPO2_EMERGENCY_BELOW}% is an "
            "emergency: escalate at once.")
