"""The bundled scenarios as the title screen lists them: loaded, or with the reason they failed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.paths import bundled_scenarios
from game.scenario.errors import InputError
from game.scenario.load import LoadedScenario, load_scenario


@dataclass(frozen=True)
class DayChoice:
    """One scenario file: the loaded day, or the error that kept it from loading."""

    path: Path
    loaded: LoadedScenario | None
    error: str | None = None

    @property
    def id(self) -> str:
        """The scenario id (the file name when it did not load)."""
        return self.loaded.scenario.id if self.loaded else self.path.stem

    @property
    def title(self) -> str:
        """What the player reads on the card."""
        return self.loaded.scenario.title if self.loaded else self.path.name

    @property
    def subtitle(self) -> str:
        """Setting and difficulty, or a note that the file has a problem."""
        if self.loaded is None:
            return "This file could not be loaded"
        s = self.loaded.scenario
        return f"{s.setting} · {s.difficulty}"

    @property
    def facts(self) -> list[str]:
        """Short facts shown as chips: patients, rooms, hours."""
        if self.loaded is None:
            return []
        s = self.loaded.scenario
        return [f"{len(s.patients)} patients", f"{len(s.clinic.rooms)} rooms",
                f"{s.clinic.opens}-{s.clinic.closes}"]


def load_choices(paths: list[Path] | None = None) -> list[DayChoice]:
    """Every bundled scenario; a file that fails to load is kept with its error."""
    choices = []
    for path in bundled_scenarios() if paths is None else paths:
        try:
            choices.append(DayChoice(path, load_scenario(path)))
        except InputError as exc:
            choices.append(DayChoice(path, None, "\n".join(pr.render(path.name)
                                                            for pr in exc.problems)))
        except Exception as exc:  # a broken file must never stop the title screen
            choices.append(DayChoice(path, None, f"{type(exc).__name__}: {exc}"))
    # Easiest first, so a new player starts at the top; broken files go last.
    return sorted(choices, key=_difficulty_order)


DIFFICULTY_ORDER = ("introductory", "standard", "challenging")


def _difficulty_order(choice: DayChoice) -> tuple[int, str]:
    if choice.loaded is None:
        return (len(DIFFICULTY_ORDER), choice.path.name)
    s = choice.loaded.scenario
    return (DIFFICULTY_ORDER.index(s.difficulty), s.title)
