"""The vital-sign rules in words, with their sources, for teaching notes and hover help."""

from __future__ import annotations

from game.clinical.vitals import (
    ADULT_BP_FROM_YEARS,
    ADULT_HYPOTENSION_DIASTOLIC_BELOW,
    ADULT_HYPOTENSION_SYSTOLIC_BELOW,
    CRISIS_DIASTOLIC_ABOVE,
    CRISIS_SYSTOLIC_ABOVE,
    FEVER_F,
    HYPOTHERMIA_BELOW_F,
    SPO2_EMERGENCY_BELOW,
    SPO2_NORMAL_MIN,
    Sex,
    aap_screening,
    age_band,
    pals_hypotension_systolic,
    whole_months,
    whole_years,
)

SIGN_NAMES = {"bp": "blood pressure", "pulse": "heart rate", "resp": "respirations",
              "temp": "temperature", "spo2": "SpO2"}


def age_text(age_years: float) -> str:
    """'58 years', '8 years', '18 months', '3 weeks' style: months under 2 years."""
    if age_years < 2:
        months = whole_months(age_years)
        return f"{months} month" + ("" if months == 1 else "s")
    years = whole_years(age_years)
    return f"{years} year" + ("" if years == 1 else "s")


def bp_rule(age_years: float, sex: Sex | None = None) -> str:
    """How blood pressure is judged at this age, with the source."""
    if whole_years(age_years) >= ADULT_BP_FROM_YEARS:
        who = "adults" if whole_years(age_years) >= 18 else "from 13 years (AAP 2017)"
        return (f"Blood pressure, {who}, by AHA/ACC 2017: normal is below 120 and below 80; "
                "120-129 with below 80 is elevated, 130-139 or 80-89 stage 1, 140 or more or "
                f"90 or more stage 2 hypertension, over {CRISIS_SYSTOLIC_ABOVE}/"
                f"{CRISIS_DIASTOLIC_ABOVE} a crisis (escalate). Below "
                f"{ADULT_HYPOTENSION_SYSTOLIC_BELOW} systolic or "
                f"{ADULT_HYPOTENSION_DIASTOLIC_BELOW} diastolic is hypotension (AHA): flag it "
                "too.")
    hypo = pals_hypotension_systolic(age_years)
    low = f"a systolic below {hypo} is hypotension (PALS)"
    screen = aap_screening(age_years, sex)
    if screen is None:
        return f"Blood pressure at {age_text(age_years)}: {low}; flag that."
    whose = {"female": "girls", "male": "boys", None: "the lower of girls' and boys'"}[sex]
    return (f"Blood pressure at {whole_years(age_years)} years: flag a reading at or above "
            f"{screen[0]}/{screen[1]} (either number; AAP 2017 screening table, {whose}) so "
            f"it is rechecked and the provider told; {low}.")


def sign_rule(sign: str, age_years: float, sex: Sex | None = None) -> str:
    """The rule for one sign at this age, with its source."""
    band = age_band(age_years)
    if sign == "bp":
        return bp_rule(age_years, sex)
    if sign in ("pulse", "resp"):
        low, high = band.pulse if sign == "pulse" else band.resp
        unit = "beats" if sign == "pulse" else "breaths"
        return (f"Normal {SIGN_NAMES[sign]} at {age_text(age_years)} ({band.label}): "
                f"{low}-{high} {unit} a minute ({band.source}); flag a reading outside it.")
    if sign == "temp":
        note = (f"Temperature: flag a fever at {FEVER_F} F (38.0 C) or above and hypothermia "
                f"below {HYPOTHERMIA_BELOW_F:g} F (35 C); a reading between 99.1 and "
                f"{FEVER_F} F is not a flag by itself.")
        if whole_months(age_years) < 3:
            note += (" Under 3 months, a fever goes to the provider at once (AAP 2021): "
                     "escalate, do not just flag it.")
        return note
    return (f"SpO2: {SPO2_NORMAL_MIN}-100% is normal; flag below {SPO2_NORMAL_MIN}%. Below "
            f"{SPO2_EMERGENCY_BELOW}% is an emergency: escalate at once.")
