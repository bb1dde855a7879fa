"""What the window may ask the ECG concern: its commands and a patient's ECG as it stands."""

from __future__ import annotations

from game.sim.rules.ecg.commands import (
    HandEcg,
    PlaceElectrodes,
    PrepareEcg,
    RecordEcg,
    ReportChestPain,
)
from game.sim.rules.ecg.state import EcgPatient, Tracing, ecg_of

__all__ = ["EcgPatient", "HandEcg", "PlaceElectrodes", "PrepareEcg", "RecordEcg",
           "ReportChestPain", "Tracing", "ecg_of"]
