"""Where the shipped scenarios and assets live, and how a scenario name becomes a file."""

from __future__ import annotations

from pathlib import Path

from game.scenario.errors import InputError, Problem
from game.scenario.load import LoadedScenario, load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
ASSETS = ROOT / "assets"
DEFAULT_SCENARIO = "standard_day"


def bundled_scenarios() -> list[Path]:
    """The shipped scenario files, sorted by name."""
    return sorted(p for p in SCENARIOS.glob("*.json") if not p.name.endswith(".schema.json"))


def resolve_scenario(name_or_path: str) -> Path:
    """A path as given if it exists, else a bundled scenario by name (with or without .json)."""
    given = Path(name_or_path)
    if given.exists() or (given.suffix == ".json" and given.parent != Path(".")):
        return given
    bundled = SCENARIOS / (given.name if given.suffix == ".json" else f"{given.name}.json")
    return bundled if bundled.exists() else given


def load_named_scenario(name_or_path: str) -> LoadedScenario:
    """Load a scenario given as a file or a bundled name; a missing one lists the bundled."""
    path = resolve_scenario(name_or_path)
    if not path.exists():
        names = ", ".join(p.stem for p in bundled_scenarios())
        raise InputError(path, [Problem((), f"no such file, and no bundled day of that name "
                                            f"(bundled: {names})")])
    return load_scenario(path)
