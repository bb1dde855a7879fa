"""CLIA-waived point-of-care tests as data: specimen and collection, read window, result kinds
and units, reference ranges and flags, and which results go to the provider at once.

Each test names the product and the manufacturer's insert its numbers come from. The
existing fingerstick glucose (POC_GLUCOSE) stays with the specimens rule and is not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Kind = Literal["qualitative", "quantitative", "dipstick"]
Reading = Literal["positive", "negative"]
READINGS: tuple[Reading, ...] = ("positive", "negative")


@dataclass(frozen=True)
class Collection:
    """One way of collecting the specimen the player may choose; `right` says if it is the
    insert's, `why` what the wrong one does to the result."""

    id: str
    label: str
    right: bool
    why: str = ""


@dataclass(frozen=True)
class Pad:
    """One reagent pad of a urine strip: when it is read and what it can show."""

    name: str
    read_s: int  # seconds after dipping (the insert's read time)
    values: tuple[str, ...]  # the colour blocks of the bottle's chart, in order
    normal: tuple[str, ...]  # the values that are not flagged


@dataclass(frozen=True)
class PocTest:
    """One CLIA-waived test: how it is collected, when it is read, how it is reported."""

    code: str
    name: str
    short: str  # the word on buttons: "Rapid strep"
    kind: Kind
    competency: str  # I.P.11.a-e: hematology, chemistry, urinalysis, immunology, microbiology
    specimen: str  # the `tube` of its LAB_TESTS row
    collections: tuple[Collection, ...]
    read_from_s: int  # reading earlier is early (for an analyzer: it has no result yet)
    read_until_s: int | None  # reading later is late; None: an analyzer holds its result
    product: str
    source: str  # the insert or guideline the numbers come from
    units: str = ""
    decimals: int = 1
    low: float | None = None  # quantitative: below is flagged low
    high: float | None = None  # quantitative: at or above is flagged high
    normal_value: float | None = None  # what a patient shows when the scenario says nothing
    critical_low: float | None = None  # below it the provider hears it now
    pads: tuple[Pad, ...] = ()
    positive_now: str = ""  # a positive goes to the provider now, and why
    critical_why: str = ""  # why a critical value goes to the provider now

    @property
    def analyzer(self) -> bool:
        """An analyzer shows its result when it is done and holds it (no late read)."""
        return self.read_until_s is None


CAPILLARY = (
    Collection("wipe_first_drop", "Wipe the first drop, fill from the second", True),
    Collection("squeeze_finger", "Squeeze the finger to fill", False,
               "Milking the finger mixes tissue fluid into the blood: the result is falsely "
               "low and must be repeated from a free-flowing drop."),
)
CLEAN_CATCH = Collection(
    "clean_catch", "Clean-catch midstream urine", True)
FIRST_STREAM = Collection(
    "first_stream", "Urine from the start of the stream, no cleansing", False,
    "The first stream washes skin flora and cells off the urethra: leukocytes, nitrite and "
    "protein can read falsely positive. Collect a clean-catch midstream specimen.")
THROAT = (
    Collection("tonsils_pharynx", "Swab both tonsils and the posterior pharynx", True),
    Collection("tongue_cheeks", "Swab the tongue and cheeks", False,
               "Saliva and the tongue dilute the sample and miss the infected tissue: a "
               "false negative. Depress the tongue and swab the tonsils and the posterior "
               "pharynx without touching the tongue, cheeks or teeth."),
)
NASAL = (
    Collection("both_nostrils", "Rotate the swab 5 times in each nostril", True),
    Collection("tip_of_nose", "Touch the swab inside one nostril", False,
               "Too little sample: a false negative. The BinaxNOW IFU has the swab inserted "
               "about 1/2 to 3/4 inch and rotated 5 times in each nostril."),
)

NEG = ("negative",)
MULTISTIX = (
    # Siemens Multistix 10 SG Reagent Strips, package insert ("Directions for use",
    # visual reading): each pad at its time; colour changes after 2 minutes are of no
    # diagnostic value.
    Pad("glucose", 30, ("negative", "trace", "1+", "2+", "3+", "4+"), NEG),
    Pad("bilirubin", 30, ("negative", "small", "moderate", "large"), NEG),
    Pad("ketone", 40, ("negative", "trace", "small", "moderate", "large"), NEG),
    Pad("specific gravity", 45, ("1.000", "1.005", "1.010", "1.015", "1.020", "1.025",
                                 "1.030"),
        ("1.005", "1.010", "1.015", "1.020", "1.025", "1.030")),
    Pad("blood", 60, ("negative", "trace", "small", "moderate", "large"), NEG),
    Pad("pH", 60, ("5.0", "5.5", "6.0", "6.5", "7.0", "7.5", "8.0", "8.5"),
        ("5.0", "5.5", "6.0", "6.5", "7.0", "7.5", "8.0")),
    Pad("protein", 60, ("negative", "trace", "30", "100", "300", "2000"), NEG),
    Pad("urobilinogen", 60, ("0.2", "1.0", "2.0", "4.0", "8.0"), ("0.2", "1.0")),
    Pad("nitrite", 60, ("negative", "positive"), NEG),
    Pad("leukocytes", 120, ("negative", "trace", "small", "moderate", "large"), NEG),
)
PAD_BY_NAME: dict[str, Pad] = {p.name: p for p in MULTISTIX}
NORMAL_PADS: dict[str, str] = {"specific gravity": "1.015", "pH": "6.0",
                               "urobilinogen": "0.2"}  # the rest read negative

POC_TESTS: dict[str, PocTest] = {t.code: t for t in (
    PocTest("POC_HGB", "hemoglobin (point of care)", "Hemoglobin", "quantitative", "I.P.11.a",
            "capillary", CAPILLARY, 15, None, "HemoCue Hb 201+ analyzer",
            "HemoCue Hb 201+ operating manual (result in 15 to 60 seconds); reference range "
            "of nonpregnant adults (WHO anemia cut-off 12.0 g/dL); critical value below "
            "7.0 g/dL as clinical laboratories' critical-value lists set it",
            units="g/dL", low=12.0, high=17.5, normal_value=13.8, critical_low=7.0,
            critical_why="a hemoglobin below 7.0 g/dL is a critical value: the provider "
                         "hears it before the patient leaves the room"),
    PocTest("POC_A1C", "hemoglobin A1c (point of care)", "HbA1c", "quantitative", "I.P.11.b",
            "capillary", CAPILLARY, 360, None, "Siemens DCA Vantage analyzer",
            "Siemens DCA Vantage HbA1c reagent kit insert (result in 6 minutes); ADA "
            "Standards of Care: 5.7-6.4% prediabetes, 6.5% or more diabetes",
            units="%", low=None, high=5.7, normal_value=5.3),
    PocTest("POC_UA", "urinalysis, reagent strip (point of care)", "Urine dipstick",
            "dipstick", "I.P.11.c", "urine", (CLEAN_CATCH, FIRST_STREAM), 30, 120,
            "Siemens Multistix 10 SG reagent strips",
            "Multistix 10 SG package insert: glucose and bilirubin at 30 s, ketone 40 s, "
            "specific gravity 45 s, blood, pH, protein, urobilinogen and nitrite 60 s, "
            "leukocytes 2 min; colour changes after 2 minutes are of no diagnostic value",
            pads=MULTISTIX),
    PocTest("POC_HCG", "urine hCG (point of care)", "Urine hCG", "qualitative", "I.P.11.d",
            "urine", (CLEAN_CATCH, Collection(
                "first_stream", "Urine from the start of the stream, no cleansing", True)),
            180, 600, "one-step hCG pregnancy rapid test cassette (urine)",
            "one-step urine hCG cassette insert: read at 3 minutes, do not read after 10 "
            "minutes (any urine will do; first-morning urine holds the most hCG)",
            positive_now="a positive pregnancy test changes what the provider may order "
                         "today (medications, live vaccines such as MMR, x-rays): tell the "
                         "provider now (CDC, vaccination in pregnancy)"),
    PocTest("POC_STREP", "rapid strep A antigen (point of care)", "Rapid strep",
            "qualitative", "I.P.11.e", "throat_swab", THROAT, 300, 600,
            "strep A rapid test cassette (throat swab)",
            "strep A lateral-flow cassette insert: read at 5 minutes, do not read after 10 "
            "minutes; a presumptive negative in a child may need a culture (IDSA 2012)"),
    PocTest("POC_COVID", "SARS-CoV-2 antigen (point of care)", "COVID-19 antigen",
            "qualitative", "I.P.11.d", "nasal_swab", NASAL, 900, 1800,
            "Abbott BinaxNOW COVID-19 Ag Card",
            "BinaxNOW COVID-19 Ag Card instructions for use: read at 15 minutes and not "
            "before; results read after 30 minutes may be inaccurate",
            positive_now="a positive antigen test means the patient is isolated and masked "
                         "at once: tell the provider now (CDC infection control in "
                         "healthcare settings)"),
)}

Timing = Literal["early", "on_time", "late"]


def timing(test: PocTest, elapsed_s: int) -> Timing:
    """Whether a reading this many seconds after the start is early, on time or late."""
    if elapsed_s < test.read_from_s:
        return "early"
    if test.read_until_s is not None and elapsed_s > test.read_until_s:
        return "late"
    return "on_time"


def window_text(test: PocTest) -> str:
    """The read window in words: "read 5:00 to 10:00 after starting"."""
    def mmss(s: int) -> str:
        return f"{s // 60}:{s % 60:02d}"
    if test.read_until_s is None:
        return f"result after {mmss(test.read_from_s)}"
    return f"read {mmss(test.read_from_s)} to {mmss(test.read_until_s)} after starting"


def pads_with_defaults(pads: Mapping[str, str]) -> dict[str, str]:
    """Every pad of the strip: the given readings, the others at their usual value."""
    return {p.name: pads.get(p.name, NORMAL_PADS.get(p.name, "negative")) for p in MULTISTIX}


def abnormal_pads(pads: Mapping[str, str]) -> list[str]:
    """The pads whose reading is outside their normal values, in strip order."""
    full = pads_with_defaults(pads)
    return [p.name for p in MULTISTIX if full[p.name] not in p.normal]


# Anemia by hemoglobin, g/dL: below these is low (WHO, "Haemoglobin concentrations for the
# diagnosis of anaemia and assessment of severity", 2011, table 1; pregnancy, below 11.0, is
# not modelled). (least age in years, the cut-off, for whom): the last row that applies.
# Under 6 months WHO gives no cut-off, so nothing is flagged low there: a healthy infant's
# physiological dip is not anemia.
WHO_HGB_LOW: tuple[tuple[float, float | None, str], ...] = (
    (0.0, None, "infants under 6 months (no WHO cut-off)"),
    (0.5, 11.0, "children 6-59 months"),
    (5.0, 11.5, "children 5-11 years"),
    (12.0, 12.0, "children 12-14 years"),
    (15.0, 12.0, "women 15 years and older (and anyone whose sex is not given)"),
)
WHO_HGB_MEN = 13.0  # men 15 years and older


def low_limit(test: PocTest, age_years: float | None = None,
              sex: str | None = None) -> float | None:
    """Below this a value is low: hemoglobin by age and sex (WHO), any other by its test."""
    if test.code != "POC_HGB" or age_years is None:
        return test.low
    if sex == "male" and age_years >= 15:
        return WHO_HGB_MEN
    return next(cut for least, cut, _who in reversed(WHO_HGB_LOW) if age_years >= least)


def is_abnormal(test: PocTest, reading: str | None, value: float | None,
                pads: Mapping[str, str], age_years: float | None = None,
                sex: str | None = None) -> bool:
    """Whether the result is flagged abnormal (for the patient's age and sex, if given)."""
    if test.kind == "qualitative":
        return reading == "positive"
    if test.kind == "dipstick":
        return bool(abnormal_pads(pads))
    assert value is not None
    low = low_limit(test, age_years, sex)
    return ((low is not None and value < low)
            or (test.high is not None and value >= test.high))


def provider_now(test: PocTest, reading: str | None, value: float | None) -> str | None:
    """Why this result goes to the provider now, or None when the chart's flag is enough."""
    if test.kind == "qualitative" and reading == "positive" and test.positive_now:
        return test.positive_now
    if (test.kind == "quantitative" and value is not None and test.critical_low is not None
            and value < test.critical_low):
        return test.critical_why
    return None


def result_text(test: PocTest, reading: str | None, value: float | None,
                pads: Mapping[str, str]) -> str:
    """The result as the read-out shows it: "positive", "13.8 g/dL", or the flagged pads."""
    if test.kind == "qualitative":
        return reading or "negative"
    if test.kind == "dipstick":
        full = pads_with_defaults(pads)
        odd = abnormal_pads(pads)
        return ", ".join(f"{n} {full[n]}" for n in odd) if odd else "all pads normal"
    return f"{value:.{test.decimals}f} {test.units}"
