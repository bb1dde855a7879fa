"""Hover help for the vitals form, written from the reference ranges in game.clinical.vitals."""

from __future__ import annotations

from game.clinical import vital_notes
from game.clinical.vitals import (
    CRISIS_DIASTOLIC_ABOVE,
    CRISIS_SYSTOLIC_ABOVE,
    SPO2_EMERGENCY_BELOW,
    Sex,
)

CRISIS = f"over {CRISIS_SYSTOLIC_ABOVE}/{CRISIS_DIASTOLIC_ABOVE}"
TIP_MEASURE = ("Take blood pressure, pulse, respirations, temperature, SpO2 and weight (and "
               "height) with the room's devices.")
TIP_REVIEW = "Review allergies and current medications with the patient before the exam."
TIP_ESCALATE = (f"Alert the provider now. A crisis reading (blood pressure {CRISIS}, SpO2 under "
                f"{SPO2_EMERGENCY_BELOW}%, a fever in a baby under 3 months) goes to the "
                "provider at once, before anything else.")
TIP_RECORD = "Type the readings into the chart and flag the abnormal signs for the provider."


def age_text(age_years: float) -> str:
    """'58 years', '8 years', '7 months' (months under 2 years)."""
    return vital_notes.age_text(age_years)


def flag_tip(sign: str, age_years: float, sex: Sex | None = None) -> str:
    """The rule for this sign at the patient's age (and sex, for a child's BP), with its source."""
    return vital_notes.sign_rule(sign, age_years, sex)
