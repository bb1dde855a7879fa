"""The format of medications and vaccines: the products on hand and the provider's orders
(placeholder: filled in with the medications rule)."""

from __future__ import annotations

from pydantic import Field

from game.scenario.types import Ident, Strict


class MedicationOrder(Strict):
    """A medication or vaccine the provider orders for today's visit."""

    product: Ident = Field(description="The id of a product in `medications.products`.")


class MedicationSetup(Strict):
    """The practice's medications and vaccines on hand."""

    products: list[Ident] = Field(default_factory=list, max_length=100,
                                  description="The products on hand.")
