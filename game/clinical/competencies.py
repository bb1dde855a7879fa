"""Competency codes used to tag score entries, with their titles (MAERB/CAAHEP 2015)."""

from __future__ import annotations

# Content area I psychomotor competencies carry their own numbers; administrative and
# affective work is tagged by its MAERB 2015 content area (the areas are numbered I-XII).
COMPETENCIES: dict[str, str] = {
    "I.P.1": "Measure and record vital signs",
    "I.P.2": "Perform venipuncture, capillary puncture, ECG, pulmonary function",
    "I.P.3": "Perform patient screening using established protocols",
    "I.P.4": "Verify the rules of medication administration",
    "I.P.8": "Instruct and prepare a patient for a procedure or a treatment",
    "I.P.9": "Assist provider with a patient exam",
    "I.P.10": "Perform a quality control measure",
    "I.P.11": "Obtain specimens and perform CLIA-waived tests",
    "I.P.13": "Perform first aid procedures / respond to an emergency",
    "III": "Infection control",
    "V": "Concepts of effective communication",
    "VI": "Administrative functions (scheduling, records, equipment, inventory)",
    "VII": "Basic practice finances (copays, billing)",
    "VIII": "Third-party reimbursement (insurance eligibility, referrals)",
    "X": "Legal implications (privacy, documentation)",
    "XII": "Protective practices (patient safety, identification)",
}


def title(code: str) -> str:
    """The title of a competency code; raises KeyError for an unknown code."""
    return COMPETENCIES[code]
