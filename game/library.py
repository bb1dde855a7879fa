"""The library of shipped days in the order a student meets them, easiest first."""

from __future__ import annotations

from pathlib import Path

from game.paths import SCENARIOS

# The one order of the bundled days: the title screen lists them so, and the guide's table of
# what each day teaches follows it. Ranked by what the day asks of the player, not by file
# name: a short solo morning; a full standard day; the vaccine steps learned alone before
# they meet children's age bands, growth and point-of-care tests; the phone and the desk
# under load; a long two-provider day; directing a team; a day whose plans go wrong.
LIBRARY: tuple[str, ...] = (
    "short_morning.json",
    "standard_day.json",
    "immunization_clinic.json",
    "pediatrics_day.json",
    "phone_day.json",
    "busy_monday.json",
    "team_day.json",
    "rough_day.json",
)


def library_rank(file_name: str) -> int:
    """A bundled day's place in the library (a file the library does not name comes after)."""
    return LIBRARY.index(file_name) if file_name in LIBRARY else len(LIBRARY)


def library_paths(folder: Path = SCENARIOS) -> list[Path]:
    """The library's files, in its order."""
    return [folder / name for name in LIBRARY]
