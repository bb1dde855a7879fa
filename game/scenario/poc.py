"""The format of point-of-care testing: kits and analyzers with their lots and quality
control, and what each patient's test will show."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from game.clinical.poc import PAD_BY_NAME, POC_TESTS, Reading
from game.scenario.types import Ident, Strict, Text

PocCodeName = Literal["POC_HGB", "POC_A1C", "POC_UA", "POC_HCG", "POC_STREP", "POC_COVID"]
PocCode = Annotated[
    PocCodeName,
    Field(description="A point-of-care test: " + ", ".join(
        f"{c} ({t.product})" for c, t in POC_TESTS.items())),
]
QcToday = Literal["pass", "fail_then_pass", "fail"]


class QcPlan(Strict):
    """When a kit's external quality control is due (I.P.10)."""

    every_days: int = Field(30, ge=1, le=365, description="QC is due when this many days "
                            "have passed since the last run (1: every day, at opening).")
    last_run: dt.date | None = Field(None, description="When QC last passed; none: it is "
                                                       "due today.")
    new_lot: bool = Field(False, description="Today's lot is new: QC is due before its "
                                             "first patient test.")


class PocKit(Strict):
    """A CLIA-waived kit or analyzer on the lab counter."""

    id: Ident = Field(description="The kit's id, named by run_qc commands.")
    tests: list[PocCode] = Field(min_length=1, max_length=6, description="What it runs.")
    lot: Text = Field(description="The lot in use.")
    expires: dt.date = Field(description="The lot's expiry date.")
    qc: QcPlan = Field(default_factory=QcPlan, description="Its QC schedule.")
    qc_today: QcToday = Field(
        "pass", description="What today's controls give: pass; fail_then_pass (the first "
                            "run fails, a repeat passes); fail (every run of this lot fails "
                            "today).")
    spare_lot: Text | None = Field(
        None, description="A new lot in stock; after a failed QC the MA opens it and runs "
                          "QC on it, which passes.")


class PocResult(Strict):
    """What one patient's test will show: a reading, a value or the strip's pads."""

    reading: Reading | None = Field(None, description="A cassette's result: positive or "
                                                      "negative.")
    value: float | None = Field(None, ge=0, le=100, description="An analyzer's value, in "
                                                                "the test's units.")
    pads: dict[str, str] = Field(
        default_factory=dict, max_length=10,
        description="A urine strip's pads that read other than usual, e.g. {\"nitrite\": "
                    "\"positive\", \"leukocytes\": \"moderate\"}: "
                    + "; ".join(f"{p.name}: {', '.join(p.values)}"
                                for p in PAD_BY_NAME.values()))

    @model_validator(mode="after")
    def _known_pads(self) -> PocResult:
        for name, value in self.pads.items():
            pad = PAD_BY_NAME.get(name)
            if pad is None:
                raise ValueError(f"unknown pad '{name}': pads are {', '.join(PAD_BY_NAME)}")
            if value not in pad.values:
                raise ValueError(f"the {name} pad cannot read '{value}': it reads "
                                 f"{', '.join(pad.values)}")
        return self


class PocSetup(Strict):
    """The office's CLIA-waived test kits and analyzers, and each patient's results."""

    kits: list[PocKit] = Field(default_factory=list, max_length=30,
                               description="The kits and analyzers.")
    results: dict[Ident, dict[PocCode, PocResult]] = Field(
        default_factory=dict, max_length=200,
        description="By patient id, by test: what the test will show. A test left out "
                    "reads normal (negative, a normal value, usual pads).")
