"""The guide's reference appendix, generated from the code (the commands, the tubes and lab
codes, the vital-sign limits, the devices' variation, the seeds), and its place in GUIDE.md."""

from __future__ import annotations

from game.guide_ref.clinical import lab_tests_reference, tubes_reference, vitals_reference
from game.guide_ref.commands import commands_reference
from game.guide_ref.seeds import noise_reference, seed_reference
from game.markers import between, replace_between

BEGIN = "<!-- generated reference: python tools/guide_reference.py -->"
END = "<!-- end of the generated reference -->"
HEADING = "## Appendix: the reference, generated from the game's code"


def reference() -> str:
    """The whole appendix as markdown, between (not including) the markers."""
    lines = [HEADING, "",
             "Written by `python tools/guide_reference.py` from the models and tables the game "
             "plays by; edit those, not this appendix.", "",
             *commands_reference(), *tubes_reference(), *lab_tests_reference(),
             *vitals_reference(), *noise_reference(), *seed_reference()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def with_reference(guide: str, fresh: str) -> str:
    """The guide with the text between its markers replaced by `fresh`."""
    return replace_between(guide, BEGIN, END, fresh)


def current_reference(guide: str) -> str:
    """What the guide holds between its markers now."""
    return between(guide, BEGIN, END)[1]
