"""Blood tubes, the CLSI GP41 order of draw, additive carry-over, and each test's tube."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

# CLSI GP41 venipuncture order of draw. A lower number is drawn first; tubes that share a
# number (red and gold serum tubes) may be drawn in either order.


@dataclass(frozen=True)
class Tube:
    """One kind of collection container."""

    code: str
    name: str
    additive: str
    order: int
    serum: bool  # serum tubes must clot before they are centrifuged
    group: str  # what it adds to the blood, the key of the carry-over table below


TUBES: dict[str, Tube] = {
    t.code: t
    for t in (
        Tube("blood_culture", "blood culture bottles", "SPS / culture media", 1, False,
             "culture"),
        Tube("light_blue", "light blue top", "3.2% sodium citrate (fill 9:1)", 2, False,
             "citrate"),
        Tube("red", "red top", "none (clot activator)", 3, True, "clot activator"),
        Tube("gold", "gold top (SST)", "clot activator and gel", 3, True, "clot activator"),
        Tube("green", "green top", "heparin", 4, False, "heparin"),
        Tube("lavender", "lavender top", "EDTA", 5, False, "EDTA"),
        Tube("gray", "gray top", "sodium fluoride / potassium oxalate", 6, False,
             "fluoride/oxalate"),
    )
}


@dataclass(frozen=True)
class LabTest:
    """An orderable test and the tube it is collected in."""

    code: str
    name: str
    tube: str  # a key of TUBES, or "capillary" for a point-of-care fingerstick


LAB_TESTS: dict[str, LabTest] = {
    t.code: t
    for t in (
        LabTest("BCX", "blood culture", "blood_culture"),
        LabTest("PT_INR", "prothrombin time / INR", "light_blue"),
        LabTest("PTT", "partial thromboplastin time", "light_blue"),
        LabTest("CMP", "comprehensive metabolic panel", "gold"),
        LabTest("BMP", "basic metabolic panel", "gold"),
        LabTest("LIPID", "lipid panel", "gold"),
        LabTest("TSH", "thyroid-stimulating hormone", "gold"),
        LabTest("HEP_PANEL", "hepatitis serology", "red"),
        LabTest("AMMONIA", "ammonia", "green"),
        LabTest("CBC", "complete blood count", "lavender"),
        LabTest("HBA1C", "hemoglobin A1c", "lavender"),
        LabTest("GLUCOSE", "plasma glucose", "gray"),
        LabTest("LACTATE", "lactate", "gray"),
        LabTest("POC_GLUCOSE", "fingerstick glucose (point of care, CLIA-waived)", "capillary"),
        # CLIA-waived tests run on the office's kits (game/clinical/poc.py); their `tube` is
        # the specimen, never a venous tube, so the draw and the courier leave them out.
        LabTest("POC_HGB", "hemoglobin (point of care, CLIA-waived)", "capillary"),
        LabTest("POC_A1C", "hemoglobin A1c (point of care, CLIA-waived)", "capillary"),
        LabTest("POC_UA", "urine dipstick (point of care, CLIA-waived)", "urine"),
        LabTest("POC_HCG", "urine hCG (point of care, CLIA-waived)", "urine"),
        LabTest("POC_STREP", "rapid strep A (point of care, CLIA-waived)", "throat_swab"),
        LabTest("POC_COVID", "COVID-19 antigen (point of care, CLIA-waived)", "nasal_swab"),
    )
}

CLOT_MINUTES = 30  # serum tubes clot about 30 minutes before centrifuging
CENTRIFUGE_MINUTES = 10  # about 10-15 minutes in the centrifuge
ORDER_OF_DRAW_TEXT = "blood culture, light blue, red/gold, green, lavender, gray"
ADDITIVE_CARRYOVER_NOTE = (
    f"Draw in the CLSI order: {ORDER_OF_DRAW_TEXT}. Out of order, additive carries over into "
    "the tubes drawn after it (never into those drawn before): EDTA before a serum tube "
    "falsely raises potassium and lowers calcium, EDTA or heparin before the light blue top "
    "invalidates coagulation results, and those tubes' tests are recollected."
)

# What a later tube's contents do to a tube that belongs earlier in the order, keyed by
# (carried group, receiving group). Sources: CLSI GP41 (Collection of Diagnostic Venous Blood
# Specimens, 7th ed., 2017) and the rationale of its order (Calam RR, Cooper MH, "Recommended
# order of draw for collecting blood specimens into additive-containing tubes", Clin Chem
# 1982;28:1399): culture bottles first for sterility; citrate before every additive, since all
# of them disturb clotting tests; EDTA (K2/K3) adds potassium and binds calcium; oxalate binds
# calcium and distorts cells; heparin keeps serum from clotting; clot activator starts clotting.
CARRYOVER_EFFECTS: dict[tuple[str, str], str] = {
    **{(g, "culture"): "a non-sterile stopper touched the culture draw: the culture may grow "
       "contaminants (a false positive)"
       for g in ("citrate", "clot activator", "heparin", "EDTA", "fluoride/oxalate")},
    ("clot activator", "citrate"): "clot activator started clotting in the citrate tube: "
    "coagulation results (PT/INR, PTT) invalid",
    ("heparin", "citrate"): "heparin prolongs clotting times: coagulation results (PT/INR, "
    "PTT) invalid",
    ("EDTA", "citrate"): "EDTA binds the calcium clotting needs: coagulation results (PT/INR, "
    "PTT) invalid",
    ("fluoride/oxalate", "citrate"): "oxalate binds the calcium clotting needs: coagulation "
    "results (PT/INR, PTT) invalid",
    ("heparin", "clot activator"): "heparin keeps the serum from clotting fully: the serum is "
    "unusable",
    ("EDTA", "clot activator"): "potassium EDTA falsely raises potassium and falsely lowers "
    "calcium",
    ("fluoride/oxalate", "clot activator"): "potassium oxalate falsely raises potassium and "
    "lowers calcium; fluoride inhibits enzyme tests",
    ("EDTA", "heparin"): "potassium EDTA falsely raises potassium and falsely lowers "
    "calcium",
    ("fluoride/oxalate", "heparin"): "potassium oxalate falsely raises potassium and lowers "
    "calcium; fluoride inhibits enzyme tests",
    ("fluoride/oxalate", "EDTA"): "oxalate distorts the blood cells: the CBC and cell "
    "morphology are unreliable",
}


def tubes_for(tests: list[str]) -> list[str]:
    """The venous tubes the tests need, one of each, in the correct order of draw."""
    codes = {LAB_TESTS[t].tube for t in tests if LAB_TESTS[t].tube in TUBES}
    return sorted(codes, key=lambda c: (TUBES[c].order, c))


def order_is_correct(drawn: list[str]) -> bool:
    """True when no tube is drawn after one that comes later in the order of draw."""
    orders = [TUBES[c].order for c in drawn]
    return all(a <= b for a, b in itertools.pairwise(orders))


def carried_into(drawn: list[str]) -> list[tuple[str, ...]]:
    """For each tube of a draw, the earlier-drawn tubes that belong later in the order.

    A wrong order compromises only the tubes drawn after the mistake: a tube is compromised
    exactly when some tube with a later CLSI position was drawn before it (CLSI GP41).
    Every code must be a key of TUBES.
    """
    out: list[tuple[str, ...]] = []
    for i, code in enumerate(drawn):
        before = dict.fromkeys(c for c in drawn[:i] if TUBES[c].order > TUBES[code].order)
        out.append(tuple(before))
    return out


def carryover_effect(source: str, into: str) -> str:
    """What the additive of tube `source` does to tube `into` drawn after it."""
    s, t = TUBES[source], TUBES[into]
    effect = CARRYOVER_EFFECTS[(s.group, t.group)]
    return f"{s.group} ({s.name}) carried into the {t.name}: {effect}"


def tests_in(tube: str, tests: list[str]) -> list[str]:
    """The ordered tests that are collected in one tube, in the order they were ordered."""
    return [t for t in tests if LAB_TESTS[t].tube == tube]
