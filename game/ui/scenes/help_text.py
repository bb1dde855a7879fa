"""What the help overlay says: every screen's keys, how to play, and a reference card of facts."""

from __future__ import annotations

from game.clinical.lab import CLOT_MINUTES, TUBES
from game.clinical.vitals import (
    ADULT_HYPOTENSION_DIASTOLIC_BELOW,
    ADULT_HYPOTENSION_SYSTOLIC_BELOW,
    AGE_BANDS,
    CRISIS_DIASTOLIC_ABOVE,
    CRISIS_SYSTOLIC_ABOVE,
    FEVER_F,
    HYPOTHERMIA_BELOW_F,
    SPO2_EMERGENCY_BELOW,
    SPO2_NORMAL_MIN,
    TEMP_F_RANGE,
)
from game.ui.input import ALL_MAPS, DAY, KeyMap


def map_rows(keys: KeyMap) -> list[tuple[str, str]]:
    """One screen's lines of help, made from its key map: its keys, then the mouse's part."""
    return [*keys.rows(), *keys.mouse]


def map_heading(keys: KeyMap) -> str:
    """The heading of one screen's keys ('Pause menu, with the keys of all menus and ...')."""
    if keys.extends is None:
        return keys.title
    return f"{keys.title}, with the keys of all {keys.extends.title.lower()}"


def key_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every screen's keys, as help lists them: from the key maps that bind them, so help
    cannot disagree with what the keys do."""
    return [(map_heading(keys), map_rows(keys)) for keys in ALL_MAPS]


def day_shortcuts() -> list[tuple[str, str]]:
    """The day screen's keys and mouse, from its key map."""
    return map_rows(DAY)


HOW_TO_PLAY: tuple[str, ...] = (
    "Open the clinic: review the schedule, stock the rooms, read and log the vaccine "
    "fridge, and run quality control on the glucose meter.",
    "Check each patient in with two identifiers, full name and date of birth. A room "
    "number is never an identifier, and two patients may share a name. Verify insurance "
    "and collect the copay.",
    "Room the patient, take and record the vital signs, and flag every abnormal value.",
    f"Escalate a crisis at once: blood pressure over {CRISIS_SYSTOLIC_ABOVE}/"
    f"{CRISIS_DIASTOLIC_ABOVE}, or SpO2 under {SPO2_EMERGENCY_BELOW}%, goes to the provider "
    "before anything else.",
    "Draw blood in the order of draw, label every tube in the patient's presence, let serum "
    f"tubes clot about {CLOT_MINUTES} minutes, spin them, and pack them for the courier.",
    "Help the provider, book the follow-up inside the ordered window, check the patient out.",
    "Close: clean the rooms, finish the charts, log the fridge again and clock out.",
    "Every mistake in the debrief says what went wrong and why. A critical error (documenting or "
    "labeling in the wrong patient's chart, a crisis not escalated) caps the grade.",
)

BP_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("Normal", "under 120 and under 80"),
    ("Elevated", "120-129 and under 80"),
    ("Stage 1 hypertension", "130-139 or 80-89"),
    ("Stage 2 hypertension", "140 or more, or 90 or more"),
    ("Hypertensive crisis", f"over {CRISIS_SYSTOLIC_ABOVE} and/or over {CRISIS_DIASTOLIC_ABOVE}"),
    ("Hypotension (flag it)", f"under {ADULT_HYPOTENSION_SYSTOLIC_BELOW} or under "
                              f"{ADULT_HYPOTENSION_DIASTOLIC_BELOW}"),
)
BP_SOURCE = ("AHA/ACC 2017; when the two numbers fall in different categories, the higher "
             "applies. From 13 years these rules apply; children 1-12 are screened on the AAP "
             "2017 table for their age and sex.")


def adult_ranges() -> list[tuple[str, str]]:
    """Adult normal vital signs at rest, from game.clinical."""
    adult = next(b for b in AGE_BANDS if b.label == "adult")
    low_t, high_t = TEMP_F_RANGE
    return [
        ("Heart rate", f"{adult.pulse[0]}-{adult.pulse[1]} per minute"),
        ("Respirations", f"{adult.resp[0]}-{adult.resp[1]} per minute"),
        ("SpO2", f"{SPO2_NORMAL_MIN}-100% (under {SPO2_EMERGENCY_BELOW}% is an emergency)"),
        ("Temperature", f"{low_t}-{high_t} F (36.5-37.3 C); flag a fever at {FEVER_F} F "
                        f"(38.0 C) or more, hypothermia under {HYPOTHERMIA_BELOW_F} F"),
    ]


def child_ranges() -> list[tuple[str, str]]:
    """Children's awake heart rate and respirations by age (AHA PALS 2020), from game.clinical."""
    return [(b.label, f"pulse {b.pulse[0]}-{b.pulse[1]}, resp {b.resp[0]}-{b.resp[1]}")
            for b in AGE_BANDS if b.label != "adult"]


def order_of_draw() -> list[str]:
    """The CLSI GP41 order of draw, one line per position (tubes that share one, together)."""
    by_order: dict[int, list[tuple[str, str]]] = {}
    for tube in TUBES.values():
        by_order.setdefault(tube.order, []).append((tube.name, tube.additive))
    return [f"{n}. " + " or ".join(name for name, _ in tubes) + ": "
            + "; ".join(additive for _, additive in tubes)
            for n, tubes in sorted(by_order.items())]
