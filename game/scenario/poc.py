"""The format of point-of-care testing: kits and analyzers with their lots and quality
control (placeholder: filled in with the point-of-care rule)."""

from __future__ import annotations

from pydantic import Field

from game.scenario.types import Ident, Strict


class PocSetup(Strict):
    """The office's CLIA-waived test kits and analyzers."""

    kits: list[Ident] = Field(default_factory=list, max_length=30,
                              description="The kits and analyzers.")
