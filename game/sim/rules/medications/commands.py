"""The medication commands: check allergies, give the VIS, prepare the dose, give it (or hold
it), document it, release a patient from observation, and first aid for one who faints."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.clinical.vaccines import Route, Site
from game.scenario.types import Ident
from game.sim.commands import BaseCommand, Identifiers

# The label checks at the fridge and at the counter; the third label check is at the bedside.
LabelCheck = Literal["label_storage", "label_prepare", "expiry", "lot", "beyond_use"]
LABEL_CHECKS: tuple[LabelCheck, ...] = ("label_storage", "label_prepare", "expiry", "lot",
                                        "beyond_use")
HoldReason = Literal["allergy", "storage", "expired", "beyond_use"]
HOLD_REASONS: tuple[HoldReason, ...] = ("allergy", "storage", "expired", "beyond_use")
Sharps = Literal["sharps_container", "recapped"]
Short = Annotated[str, Field(max_length=100)]


class CheckAllergies(BaseCommand):
    """Read the chart's allergies and (if `ask`) ask the patient, against the products."""

    type: Literal["check_allergies"] = "check_allergies"
    patient: Ident
    ask: bool = Field(True, description="Ask the patient (or parent) too, not only the chart.")


class GiveVis(BaseCommand):
    """Give the current Vaccine Information Statement before a vaccine."""

    type: Literal["give_vis"] = "give_vis"
    patient: Ident
    product: Ident
    to: Literal["patient", "parent"] = Field(
        "patient", description="Who receives it: the patient, or a parent for a child.")


class PrepareDose(BaseCommand):
    """Take the vial from its unit, check its label, and draw up the dose."""

    type: Literal["prepare_dose"] = "prepare_dose"
    patient: Ident
    product: Ident
    dose_ml: float = Field(ge=0, le=10, description="The dose drawn up, mL.")
    checks: list[LabelCheck] = Field(default_factory=list, max_length=5,
                                     description="What was checked on the label.")


class GiveMedication(BaseCommand):
    """Give the dose prepared: identify the patient, choose the route, site and needle, and
    dispose of the needle."""

    type: Literal["give_medication"] = "give_medication"
    patient: Ident
    product: Ident
    identifiers: Identifiers = Field(default_factory=list)
    route: Route
    site: Site
    needle_in: float = Field(ge=0, le=3, description="The needle's length, inches.")
    needle_gauge: int | None = Field(
        None, ge=16, le=32, description="The needle's gauge; left out, it counts as the "
                                        "wrong needle.")
    label_check: bool = Field(False, description="The third label check, at the bedside.")
    sharps: Sharps = Field("sharps_container", description="What was done with the needle.")


class HoldMedication(BaseCommand):
    """Do not give a dose: tell the provider, with the reason."""

    type: Literal["hold_medication"] = "hold_medication"
    patient: Ident
    product: Ident
    reason: HoldReason


class MedRecord(BaseModel):
    """What is written in the chart for a dose (42 U.S.C. 300aa-25 for a vaccine)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    product: Short = Field("", description="The product's catalogue code.")
    dose_ml: float | None = Field(None, ge=0, le=10, description="The dose, mL.")
    route: Route | None = None
    site: Site | None = None
    lot: Short = Field("", description="The lot number.")
    manufacturer: Short = Field("", description="The manufacturer.")
    vis_edition: dt.date | None = Field(None, description="The VIS edition date.")
    vis_given: dt.date | None = Field(None, description="The date the VIS was given.")
    date_given: dt.date | None = Field(None, description="The date the dose was given.")


class DocumentMedication(BaseCommand):
    """Write the dose in the chart."""

    type: Literal["document_medication"] = "document_medication"
    patient: Ident
    product: Ident
    record: MedRecord = Field(default_factory=MedRecord)


class EndObservation(BaseCommand):
    """Let a vaccinated patient go before the 15 minutes of observation are over."""

    type: Literal["end_observation"] = "end_observation"
    patient: Ident


class FirstAid(BaseCommand):
    """Help a patient who fainted: lie them down, raise the legs, stay until they recover."""

    type: Literal["first_aid"] = "first_aid"
    patient: Ident


MED_COMMANDS = (CheckAllergies, GiveVis, PrepareDose, GiveMedication, HoldMedication,
                DocumentMedication, EndObservation, FirstAid)
