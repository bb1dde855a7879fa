"""Blood tubes, the CLSI GP41 order of draw, and which tube each orderable test needs."""

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


TUBES: dict[str, Tube] = {
    t.code: t
    for t in (
        Tube("blood_culture", "blood culture bottles", "SPS / culture media", 1, False),
        Tube("light_blue", "light blue top", "3.2% sodium citrate (fill 9:1)", 2, False),
        Tube("red", "red top", "none (clot activator)", 3, True),
        Tube("gold", "gold top (SST)", "clot activator and gel", 3, True),
        Tube("green", "green top", "heparin", 4, False),
        Tube("lavender", "lavender top", "EDTA", 5, False),
        Tube("gray", "gray top", "sodium fluoride / potassium oxalate", 6, False),
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
    )
}

CLOT_MINUTES = 30  # serum tubes clot about 30 minutes before centrifuging
CENTRIFUGE_MINUTES = 10  # about 10-15 minutes in the centrifuge
ADDITIVE_CARRYOVER_NOTE = (
    "Draw in the CLSI order: blood culture, light blue, red/gold, green, lavender, gray. "
    "Out of order, additive carries over from one tube to the next (EDTA before a serum tube "
    "falsely raises potassium and lowers calcium), so the specimen has to be recollected."
)


def tubes_for(tests: list[str]) -> list[str]:
    """The venous tubes the tests need, one of each, in the correct order of draw."""
    codes = {LAB_TESTS[t].tube for t in tests if LAB_TESTS[t].tube in TUBES}
    return sorted(codes, key=lambda c: (TUBES[c].order, c))


def order_is_correct(drawn: list[str]) -> bool:
    """True when no tube is drawn after one that comes later in the order of draw."""
    orders = [TUBES[c].order for c in drawn]
    return all(a <= b for a, b in itertools.pairwise(orders))
