"""The days the title screen lists, bundled and the player's own: loaded, or why they failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.library import library_rank
from game.paths import bundled_scenarios
from game.scenario.errors import InputError
from game.scenario.load import LoadedScenario, load_scenario
from game.user_days import list_days


@dataclass(frozen=True)
class DayChoice:
    """One scenario file: the loaded day, or the error that kept it from loading."""

    path: Path
    loaded: LoadedScenario | None
    error: str | None = None
    # True for a file of the player's days folder (imported), False for a bundled day.
    user: bool = False
    problems: list[str] = field(default_factory=list)

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
            return "Your file could not be loaded" if self.user else \
                "This file could not be loaded"
        s = self.loaded.scenario
        mine = "Your day · " if self.user else ""
        return f"{mine}{s.setting} · {s.difficulty}"

    @property
    def first_error(self) -> str | None:
        """The first problem, as `clinic-day validate` prints it (None for a valid day)."""
        if self.problems:
            return self.problems[0]
        return self.error.split("\n", 1)[0] if self.error else None

    @property
    def brief_error(self) -> str:
        """The first problem without the file's path (the card has room for one line)."""
        first = self.first_error or ""
        for prefix in (str(self.path), self.path.name):
            if first.startswith(prefix):
                return first.removeprefix(prefix).lstrip(":0123456789 ")
        return first

    @property
    def facts(self) -> list[str]:
        """Short facts shown as chips: patients, rooms, hours."""
        if self.loaded is None:
            return []
        s = self.loaded.scenario
        return [f"{len(s.patients)} patients", f"{len(s.clinic.rooms)} rooms",
                f"{s.clinic.opens}-{s.clinic.closes}"]


def user_choices(folder: Path) -> tuple[list[DayChoice], str | None]:
    """The player's days folder as choices, and a note for the title if it was not all read."""
    listing = list_days(folder)
    choices = []
    for day in listing.days:
        error = None
        if day.loaded is None:
            more = len(day.problems) - 1
            error = (day.first_error or "") + (f"\n(and {more} more problem"
                                               f"{'' if more == 1 else 's'})" if more else "")
        choices.append(DayChoice(day.path, day.loaded, error, True, day.problems))
    return choices, listing.note


def load_choices(paths: list[Path] | None = None, extra: list[DayChoice] | None = None
                 ) -> list[DayChoice]:
    """Every bundled scenario (or the files given), with extra choices (the player's days);
    a file that fails to load is kept with its error."""
    choices = list(extra or [])
    for path in bundled_scenarios() if paths is None else paths:
        try:
            choices.append(DayChoice(path, load_scenario(path)))
        except InputError as exc:
            choices.append(DayChoice(path, None, "\n".join(pr.render(path.name)
                                                            for pr in exc.problems)))
        except Exception as exc:  # a broken file must never stop the title screen
            choices.append(DayChoice(path, None, f"{type(exc).__name__}: {exc}"))
    # The library's order (easiest first), so a new player starts at the top; broken last.
    return sorted(choices, key=_difficulty_order)


DIFFICULTY_ORDER = ("introductory", "standard", "challenging")


def _difficulty_order(choice: DayChoice) -> tuple[bool, bool, int, int, str]:
    # Bundled days first, in the library's order; then the player's own, easiest first;
    # broken files last.
    if choice.loaded is None:
        return (True, choice.user, 0, len(DIFFICULTY_ORDER), choice.path.name)
    s = choice.loaded.scenario
    rank = 0 if choice.user else library_rank(choice.path.name)
    return (False, choice.user, rank, DIFFICULTY_ORDER.index(s.difficulty), s.title)
