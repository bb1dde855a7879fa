"""The table of what each command uses and the item catalogue, row by row with its source."""

from __future__ import annotations

import pytest

from game.clinical.lab import TUBES
from game.clinical.supplies import ITEMS, USES, uses

# Source: the command names and what each existing command uses, agreed between the concerns
# (room_patient: table paper; draw_blood: gloves, needle and holder, one tube per tube drawn;
# fingerstick: gloves, lancet, strip; clean_room: disinfectant wipes).
ROWS = [
    ("room_patient", None, {"table_paper": 1}),
    ("draw_blood", ["lavender"], {"gloves": 1, "needle": 1, "alcohol_pad": 1,
                                  "tube_lavender": 1}),
    ("draw_blood", ["gold", "lavender", "gold"], {"gloves": 1, "needle": 1, "alcohol_pad": 1,
                                                  "tube_gold": 2, "tube_lavender": 1}),
    ("fingerstick", None, {"gloves": 1, "lancet": 1, "glucose_strip": 1, "alcohol_pad": 1}),
    ("clean_room", None, {"wipes": 1}),
    # 12-lead ECG (domain.md): ten electrodes
    ("place_electrodes", None, {"electrodes": 10}),
    ("prepare_dose", None, {"syringe": 1, "alcohol_pad": 1}),
    # point-of-care collection (domain.md: clean-catch urine, throat swab)
    ("collect_poc", None, {"gloves": 1}),
    # commands that use nothing
    ("check_in", None, {}), ("restock", None, {}), ("count_stock", None, {}),
    ("record_ecg", None, {}), ("check_allergies", None, {}), ("not_a_command", None, {}),
]


@pytest.mark.parametrize(("kind", "tubes", "want"), ROWS)
def test_what_a_command_uses(kind, tubes, want):
    assert uses(kind, tubes) == want


@pytest.mark.parametrize(("test", "want"), [
    # domain.md "Point-of-care tests": urine dipstick and hCG from a clean-catch cup, rapid
    # strep from a throat swab, COVID-19 antigen from a nasal swab, hemoglobin and HbA1c
    # from a capillary puncture
    ("POC_UA", {"gloves": 1, "specimen_cup": 1}), ("POC_HCG", {"gloves": 1, "specimen_cup": 1}),
    ("POC_STREP", {"gloves": 1, "swab": 1}), ("POC_COVID", {"gloves": 1, "swab": 1}),
    ("POC_HGB", {"gloves": 1, "lancet": 1, "alcohol_pad": 1}),
    ("POC_A1C", {"gloves": 1, "lancet": 1, "alcohol_pad": 1}),
    ("POC_NEW", {"gloves": 1}),
])
def test_what_a_point_of_care_collection_uses(test, want):
    assert uses("collect_poc", None, test) == want
    assert uses("start_poc", None, test) == {}


def test_every_item_the_table_names_is_in_the_catalogue_with_a_unit():
    named = {item for row in USES.values() for item in row}
    assert named <= set(ITEMS)
    assert {f"tube_{t}" for t in TUBES} <= set(ITEMS)
    assert all(i.unit and i.name for i in ITEMS.values())


@pytest.mark.parametrize("item", [i for i in ITEMS.values() if i.expired_means])
def test_an_expired_item_says_what_it_means(item):
    # Source: domain.md VI.P.4 "never use an expired item": each note names the consequence.
    assert any(w in item.expired_means for w in ("wrong", "not valid", "invalid", "risks",
                                                 "not guaranteed", "not disinfected",
                                                 "repeated"))
