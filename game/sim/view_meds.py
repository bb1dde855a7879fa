"""What the window may ask the medications concern: its commands, the doses ordered, a
vial's label, what the allergy check found, whether a unit's log allows its vials, and the
observation left (read-only; the window restates none of the rules)."""

from __future__ import annotations

from game.sim.rules.medications.commands import (
    HOLD_REASONS,
    LABEL_CHECKS,
    CheckAllergies,
    DocumentMedication,
    EndObservation,
    FirstAid,
    GiveMedication,
    GiveVis,
    HoldMedication,
    MedRecord,
    PrepareDose,
)
from game.sim.rules.medications.look import (
    Finding,
    Label,
    allergy_findings,
    doses_of,
    fainted,
    label,
    observation_left,
    open_doses,
    short_name,
    unit_problem,
)
from game.sim.rules.medications.state import DoseState, DoseStatus, meds

__all__ = ["HOLD_REASONS", "LABEL_CHECKS", "CheckAllergies", "DocumentMedication", "DoseState",
           "DoseStatus", "EndObservation", "Finding", "FirstAid", "GiveMedication", "GiveVis",
           "HoldMedication", "Label", "MedRecord", "PrepareDose", "allergy_findings",
           "doses_of", "fainted", "label", "meds", "observation_left", "open_doses",
           "short_name", "unit_problem"]
