"""Where the shipped scenarios and assets live, and how a scenario name becomes a file.

An installed wheel carries them inside the package as game/data/assets and
game/data/scenarios (setup.py copies them there at build time); a source checkout or an
editable install has no game/data and reads the checkout's own top-level folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from game.scenario.errors import InputError, Problem
from game.scenario.load import LoadedScenario, load_scenario


def _package_dir() -> Path:
    """The folder of the installed `game` package, as found by the import system."""
    found = resources.files("game")
    # A regular package on disk is a real folder; pygame needs real files for fonts and sounds.
    if not isinstance(found, Path):
        raise ImportError(f"Clinic Day must be installed as files on disk, not from {found}")
    return found


def _data_dir(name: str) -> Path:
    """The packaged copy of a data folder, else the checkout's folder of that name."""
    packaged = PACKAGE / "data" / name
    return packaged if packaged.is_dir() else ROOT / name


PACKAGE = _package_dir()
#: the folder holding the `game` package: the checkout, in a source tree or editable install
ROOT = PACKAGE.parent
SCENARIOS = _data_dir("scenarios")
ASSETS = _data_dir("assets")
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
