"""The format of medications and vaccines: the products on hand (lot, manufacturer, expiry,
storage unit, VIS edition), the provider's orders, and what a patient says about allergies
only when asked."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from game.clinical.vaccines import CATALOGUE
from game.scenario.types import Day, Ident, Strict, Text

ProductCode = Annotated[
    str,
    Field(pattern=r"^[A-Z0-9_]{2,20}$",
          description="The catalogue's product: " + ", ".join(
              f"{c} ({p.name})" for c, p in CATALOGUE.items()),
          json_schema_extra={"enum": list(CATALOGUE)}),
]
Lot = Annotated[str, Field(pattern=r"^[A-Z0-9-]{2,20}$",
                           description="The lot number printed on the vial, e.g. 'FL4821'.")]


class Product(Strict):
    """One product on the shelf: a lot of a catalogue product in a storage unit."""

    id: Ident = Field(description="The product's id, referenced by orders, e.g. 'flu-2526'.")
    code: ProductCode
    lot: Lot
    manufacturer: Text = Field(description="The manufacturer on the label (fictional or "
                                           "real), recorded with the dose.")
    expires: Day = Field(description="The expiry date on the label, YYYY-MM-DD: past it, "
                                     "the product is never given.")
    multi_dose: bool = Field(False, description="A multi-dose vial: it has a beyond-use date "
                                                "once opened.")
    opened: Day | None = Field(None, description="For a multi-dose vial: the day it was first "
                                                 "punctured.")
    beyond_use: Day | None = Field(None, description="For an opened multi-dose vial: the "
                                                     "beyond-use date written on it (CDC).")
    storage: Literal["fridge", "freezer", "cabinet"] = Field(
        description="Where it is kept: the vaccine fridge or freezer (an opening log_fridge "
                    "task must read it), or the medication cabinet at room temperature.")
    vis_edition: Day | None = Field(
        None, description="For a vaccine: the edition date of the Vaccine Information "
                          "Statement on hand (42 U.S.C. 300aa-26).")


class MedicationOrder(Strict):
    """A medication or vaccine the provider orders for today's visit."""

    product: Ident = Field(description="The id of a product in `medications.products`.")
    dose_ml: float = Field(gt=0, le=10, description="The ordered dose, mL; it must be in the "
                                                    "catalogue's range for the patient's age.")


class MedicationNotes(Strict):
    """What only the patient can tell the MA at the injection: allergies not in the chart,
    and whether they faint when they stand up too soon after a shot."""

    allergies_told: list[Text] = Field(
        default_factory=list, max_length=10,
        description="Allergies the patient (or parent) tells only when asked, not in the "
                    "chart, e.g. 'gelatin (hives)'.")
    faints_if_released_early: bool = Field(
        False, description="Prone to fainting: released before the 15 minutes of "
                           "observation after a vaccine, they faint (a first-aid event).")


class MedicationSetup(Strict):
    """The practice's medications and vaccines on hand."""

    products: list[Product] = Field(default_factory=list, max_length=100,
                                    description="The products on hand.")
