"""MAERB 2022 competency codes and titles: the one list every score entry is tagged from."""

from __future__ import annotations

# Source: MAERB, "2022 MAERB Core Curriculum" (Medical Assisting Education Review Board,
# CAAHEP), psychomotor (P) competencies. Content area I keeps the numbering of the 2015
# curriculum, whose public Master Competency Checklists list the lettered parts (I.P.2.a-d,
# I.P.11.a-e). Areas V-VIII were renumbered in 2022 (2015's V.P.6 telephone technique is
# 2022's V.P.4; messages V.P.7 -> V.P.5; inventory VI.P.9 -> VI.P.4; financial obligations
# VII.P.4 -> VII.P.3): the 2022 numbers are used here.
# A code is the full one (`I.P.2`, or `I.P.2.b` for a lettered part). An entry with no
# natural competency (a patient's wait, the provider's idle time) carries None instead.
# Disinfecting an exam room between patients has no competency of its own in the list; it
# is tagged XII.P.1 (safety practices), and the fridge log XII.P.4 (unsafe conditions).
COMPETENCIES: dict[str, str] = {
    "I.P.1": "Measure and record vital signs",
    "I.P.2.a": "Perform electrocardiography",
    "I.P.2.b": "Perform venipuncture",
    "I.P.2.c": "Perform capillary puncture",
    "I.P.3": "Perform patient screening following established protocols",
    "I.P.4": "Verify the rules of medication administration",
    "I.P.5": "Select proper sites for administering parenteral medication",
    "I.P.6": "Administer oral medications",
    "I.P.7": "Administer parenteral (excluding IV) medications",
    "I.P.9": "Assist provider with a patient exam",
    "I.P.10": "Perform a quality control measure",
    "I.P.11.a": "Obtain specimens and perform a CLIA-waived hematology test",
    "I.P.11.b": "Obtain specimens and perform a CLIA-waived chemistry test",
    "I.P.11.c": "Obtain specimens and perform a CLIA-waived urinalysis",
    "I.P.11.d": "Obtain specimens and perform a CLIA-waived immunology test",
    "I.P.11.e": "Obtain specimens and perform a CLIA-waived microbiology test",
    "I.P.13": "Perform first aid procedures",
    "II.P.2": "Record laboratory test results into the patient's record",
    "III.P.10": "Demonstrate proper disposal of biohazardous material",
    "V.P.3": "Coach patients regarding office policies and the encounter",
    "V.P.4": "Demonstrate professional telephone techniques",
    "V.P.5": "Document telephone messages accurately",
    "VI.P.1": "Manage the appointment schedule using established priorities",
    "VI.P.3": "Input patient data using an electronic system",
    "VI.P.4": "Perform an inventory of supplies",
    "VII.P.3": "Inform a patient of financial obligations for services rendered",
    "VIII.P.1": "Interpret information on an insurance card",
    "VIII.P.2": "Verify eligibility for services",
    "VIII.P.3": "Obtain precertification or preauthorization with documentation",
    "X.P.2": "Apply HIPAA rules in regard to privacy and release of information",
    "X.P.3": "Document patient care accurately in the medical record",
    "XII.P.1": "Comply with safety practices",
    "XII.P.4": "Evaluate the environment to identify unsafe conditions",
}


def title(code: str | None) -> str | None:
    """The title of a competency code (None for an entry without one); KeyError if unknown."""
    return None if code is None else COMPETENCIES[code]


def is_known(code: str | None) -> bool:
    """Whether a code is in the list (None, for an entry without a competency, is allowed)."""
    return code is None or code in COMPETENCIES
