"""The ECG's commands: prepare the patient, place the ten electrodes, record (naming a fix for
artifact), hand the tracing to the provider, and get the provider for chest pain."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from game.clinical.ecg import Electrode, Fix, SiteId
from game.scenario.types import Ident
from game.sim.commands import BaseCommand, Identifiers


class PrepareEcg(BaseCommand):
    """Identify and prepare the patient for a 12-lead ECG; each step left out has a cost."""

    type: Literal["prepare_ecg"] = "prepare_ecg"
    patient: Ident
    identifiers: Identifiers = Field(default_factory=list,
                                     description="The identifiers confirmed with the patient.")
    supine: bool = Field(False, description="The patient lies supine.")
    skin: bool = Field(False, description="The skin is clean and dry at every site.")
    explained: bool = Field(False, description="The test is explained and the patient asked "
                                               "to lie still and not talk.")
    warm: bool = Field(False, description="The patient is kept warm (a blanket, a warm room).")
    devices_away: bool = Field(False, description="Nearby electrical devices are unplugged or "
                                                  "moved away.")


class PlaceElectrodes(BaseCommand):
    """Put each of the ten electrodes on a site (all ten, one site each)."""

    type: Literal["place_electrodes"] = "place_electrodes"
    patient: Ident
    sites: dict[Electrode, SiteId] = Field(
        default_factory=dict, description="Where each electrode goes, by electrode "
                                          "(RA, LA, RL, LL, V1-V6).")


class RecordEcg(BaseCommand):
    """Record a 12-lead tracing, after the fix named (if any) for the last one's artifact."""

    type: Literal["record_ecg"] = "record_ecg"
    patient: Ident
    fix: Fix | None = Field(None, description="What was done about artifact before this "
                                              "recording, if anything.")


class HandEcg(BaseCommand):
    """Hand the tracing to the provider (the MA never interprets it)."""

    type: Literal["hand_ecg"] = "hand_ecg"
    patient: Ident


class ReportChestPain(BaseCommand):
    """Get the provider at once for a patient with chest pain at the ECG."""

    type: Literal["report_chest_pain"] = "report_chest_pain"
    patient: Ident
