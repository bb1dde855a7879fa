"""The point-of-care commands: quality control, collecting, starting, reading and recording a
CLIA-waived test."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from game.clinical.poc import Reading
from game.scenario.poc import PocCode
from game.scenario.types import Ident
from game.sim.commands import BaseCommand, Identifiers

Word = Annotated[str, Field(pattern=r"^[a-z_]{1,40}$", description="A collection's id.")]
PadName = Annotated[str, Field(max_length=40)]
PadValue = Annotated[str, Field(max_length=20)]


class RunQc(BaseCommand):
    """Run a kit's or analyzer's external controls and log them (I.P.10)."""

    type: Literal["run_qc"] = "run_qc"
    kit: Ident
    open_new_lot: bool = Field(False, description="Open the lot in stock first.")


class CollectPoc(BaseCommand):
    """Collect a point-of-care specimen in the room, after two identifiers."""

    type: Literal["collect_poc"] = "collect_poc"
    patient: Ident
    test: PocCode
    collection: Word = Field(description="How the specimen is collected.")
    identifiers: Identifiers = Field(default_factory=list)


class StartPoc(BaseCommand):
    """Apply the specimen to the kit and start its timer."""

    type: Literal["start_poc"] = "start_poc"
    patient: Ident
    test: PocCode


class ReadPoc(BaseCommand):
    """Read the test: the cassette's lines, the strip's pads or the analyzer's screen."""

    type: Literal["read_poc"] = "read_poc"
    patient: Ident
    test: PocCode


class RecordPoc(BaseCommand):
    """Record the result in the chart with units and the abnormal flag (II.P.2), telling the
    provider now when it must; or, when no QC can pass today, send the specimen to the lab."""

    type: Literal["record_poc"] = "record_poc"
    patient: Ident
    test: PocCode
    reading: Reading | None = None
    value: float | None = Field(None, ge=0, le=100)
    pads: dict[PadName, PadValue] = Field(default_factory=dict, max_length=10)
    units: Annotated[str, Field(max_length=20)] = ""
    abnormal: bool = False
    tell_provider: bool = False
    send_to_lab: bool = False
