"""The format of an ECG order: why it is ordered, the artifact the patient will cause unless
it is dealt with, and whether the patient has chest pain now."""

from __future__ import annotations

from pydantic import Field

from game.clinical.ecg import ArtifactCause
from game.scenario.types import Strict, Text


class EcgOrder(Strict):
    """A 12-lead ECG the provider orders."""

    reason: Text = Field(description="Why it is ordered, as the provider wrote it (for "
                                     "example 'palpitations').")
    artifact: ArtifactCause | None = Field(
        None, description="What will spoil the first tracing unless the MA deals with it "
                          "while preparing: talking (not asked to lie still and quiet), "
                          "shivering (not kept warm), loose_lead (skin not cleaned and dried), "
                          "interference (electrical devices left plugged in nearby). None: "
                          "the patient causes no artifact.")
    chest_pain: bool = Field(
        False, description="The patient has chest pain now: the MA gets the provider at once, "
                           "before the ECG is finished.")
