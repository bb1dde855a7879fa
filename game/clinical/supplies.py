"""Supplies as data: the items a clinic keeps on its shelves, what an expired one means, and
the table of what each command uses (keyed by the commands' `type` names)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from game.clinical.lab import TUBES

# Sources: domain.md "Supplies (VI.P.4)" (par levels, count at closing, restock to par,
# first expiring first used, never use an expired item); expiry effects from the
# manufacturers' labelling summarised in each note (evacuated tubes lose vacuum and
# additive; test strips and electrode gel degrade; sterile packaging is dated).


@dataclass(frozen=True)
class SupplyItem:
    """One kind of stock item: its name, counting unit, and what using it past expiry means
    (None: an item whose date does not matter, such as table paper)."""

    id: str
    name: str
    unit: str
    expired_means: str | None = None
    category: Literal["safety", "clinical"] = "safety"


_STERILE = ("Past its expiry date the sterile packaging is no longer guaranteed: a puncture "
            "with it risks infection.")
_TUBE = ("An expired tube may have lost its vacuum and its additive: it underfills or the "
         "additive no longer works, so the result is wrong and the specimen must be recollected.")

_ITEMS: tuple[SupplyItem, ...] = (
    SupplyItem("gloves", "exam gloves", "pair",
               "Expired gloves can tear or let fluids through: the barrier that protects you "
               "and the patient is not guaranteed."),
    SupplyItem("table_paper", "exam-table paper", "sheet"),
    SupplyItem("needle", "evacuated-tube needle and holder", "set", _STERILE),
    SupplyItem("lancet", "safety lancet", "lancet", _STERILE),
    SupplyItem("glucose_strip", "glucose test strip", "strip",
               "An expired strip reads wrong: the glucose result cannot be trusted and the "
               "test must be repeated with an in-date strip.", "clinical"),
    SupplyItem("alcohol_pad", "alcohol prep pad", "pad",
               "An expired pad has dried out: the skin is not disinfected before the "
               "puncture."),
    SupplyItem("syringe", "syringe and needle", "set",
               "The sterility of an expired syringe is not guaranteed: a dose drawn up in it "
               "is invalid and must not be given."),
    SupplyItem("bandage", "adhesive bandage", "bandage"),
    SupplyItem("specimen_cup", "sterile specimen cup", "cup",
               "An expired sterile cup may be contaminated: the urine result is not valid "
               "and the specimen must be collected again.", "clinical"),
    SupplyItem("swab", "sterile swab", "swab",
               "An expired swab may be contaminated or its transport medium dried: the test "
               "result is not valid and the swab must be repeated.", "clinical"),
    SupplyItem("electrodes", "ECG electrode", "electrode",
               "Expired electrodes have dried gel: poor skin contact gives artifact and the "
               "tracing must be repeated.", "clinical"),
    SupplyItem("wipes", "disinfectant wipe", "wipe",
               "An expired disinfectant may not kill what its label claims in the contact "
               "time: the room is not disinfected."),
    *(SupplyItem(f"tube_{code}", f"{tube.name} tube", "tube", _TUBE, "clinical")
      for code, tube in TUBES.items()),
)
ITEMS: dict[str, SupplyItem] = {i.id: i for i in _ITEMS}

# What one command of each type uses, by the command type names the concerns agreed on.
# A command type not listed uses nothing. Tubes for a blood draw are added per tube drawn.
# Gloves: OSHA 29 CFR 1910.1030(d)(3)(ix) requires them where hands may touch blood (a
# venipuncture, a fingerstick, a specimen). It does NOT require them to give a vaccine
# unless the giver's hands have open lesions or contact with body fluids is likely (CDC,
# General Best Practice Guidelines for Immunization, "Vaccine Administration"): so an
# injection takes no gloves here, and running out of gloves never stops a vaccination.
USES: dict[str, dict[str, int]] = {
    "room_patient": {"table_paper": 1},
    "draw_blood": {"gloves": 1, "needle": 1, "alcohol_pad": 1},
    "fingerstick": {"gloves": 1, "lancet": 1, "glucose_strip": 1, "alcohol_pad": 1},
    "clean_room": {"wipes": 1},
    "prepare_dose": {"syringe": 1, "alcohol_pad": 1},
    "give_medication": {"bandage": 1},
    "run_qc": {"gloves": 1},
    "collect_poc": {"gloves": 1},
    "place_electrodes": {"electrodes": 10},
}
# What collecting each point-of-care specimen adds (a clean-catch cup, a throat or nasal
# swab, a capillary puncture), by the test codes of the point-of-care concern.
POC_COLLECTION: dict[str, dict[str, int]] = {
    "POC_UA": {"specimen_cup": 1}, "POC_HCG": {"specimen_cup": 1},
    "POC_STREP": {"swab": 1}, "POC_COVID": {"swab": 1}, "POC_FLU": {"swab": 1},
    "POC_HGB": {"lancet": 1, "alcohol_pad": 1}, "POC_A1C": {"lancet": 1, "alcohol_pad": 1},
}
# Work done at the lab bench rather than at the patient: it takes from the lab's shelf.
LAB_WORK: frozenset[str] = frozenset({"run_qc"})


def uses(kind: str, tubes: list[str] | None = None, test: str | None = None
         ) -> dict[str, int]:
    """What one command of a type uses, item by item (one tube per tube drawn; a
    point-of-care collection adds what its test's specimen needs)."""
    base = USES.get(kind)
    if base is None:
        return {}
    extra = POC_COLLECTION.get(test or "", {}) if kind == "collect_poc" else {}
    if not tubes and not extra:
        return base
    out = {**base, **extra}
    tubes = tubes or []
    for code, n in Counter(tubes).items():
        out[f"tube_{code}"] = out.get(f"tube_{code}", 0) + n
    return out
