"""Where the shipped scenarios and assets live, and how a scenario name becomes a file."""

from __future__ import annotations

from pathlib import Path

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
