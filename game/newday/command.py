"""`clinic-day new FILE`: check the numbers, write the day (never over a file unless forced),
check it loads, and say what it holds, where its traps are and what to do next."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from game.fileio import write_text_atomic
from game.headless import err, say
from game.newday.day import build, dumps
from game.newday.limits import out_of_bounds, too_much
from game.newday.lists import ListsError
from game.newday.traps import Difficulty
from game.scenario.errors import InputError
from game.scenario.load import load_scenario
from game.words import count

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Request:
    """What the instructor asked for on the command line."""

    file: Path
    patients: int = 12
    providers: int = 2
    mas: int = 1
    difficulty: Difficulty = "standard"
    seed: int = 1
    calls: int = 0
    walk_ins: int = 0
    force: bool = False


def day_id(file: Path) -> str | None:
    """The day's id from the file's name ('My Day 3.json' is 'my-day-3'), when one can be
    made: lower case letters, digits, dashes and underscores, up to 40."""
    made = re.sub(r"[^a-z0-9_]+", "-", file.stem.lower()).strip("-_")[:40].rstrip("-_")
    return made or None


def _unwritable(file: Path, force: bool) -> str | None:
    """Why the file cannot be written, before anything is generated."""
    if file.is_dir():
        return (f"{file} is a folder: give the name of the file to write, "
                f"e.g. {file / 'my_day.json'}")
    if file.exists() and not force:
        return (f"{file} already exists: choose another name, or add --force to replace it")
    if file.parent.exists() and not file.parent.is_dir():
        return f"cannot write {file}: {file.parent} is a file, not a folder"
    if not file.parent.is_dir():
        return f"cannot write {file}: the folder {file.parent} does not exist"
    return None


def new_day(req: Request) -> int:
    """Write the day asked for; the exit code (0 written, 1 a file problem, 2 bad numbers)."""
    problem = out_of_bounds({"--patients": req.patients, "--providers": req.providers,
                             "--mas": req.mas, "--seed": req.seed, "--calls": req.calls,
                             "--walk-ins": req.walk_ins}) \
        or too_much(req.patients, req.providers, req.mas, req.calls, req.walk_ins)
    if problem:
        err(f"error: {problem}")
        return EXIT_USAGE
    if (problem := _unwritable(req.file, req.force)) is not None:
        err(f"error: {problem}")
        return EXIT_INPUT
    try:
        made = build(req.patients, req.providers, req.mas, req.difficulty, req.seed,
                     req.calls, req.walk_ins, day_id(req.file))
    except ListsError as exc:
        err(f"error: the lists a new day is drawn from are damaged (reinstall Clinic Day):\n{exc}")
        return EXIT_INPUT
    try:
        write_text_atomic(req.file, dumps(made.data))
    except OSError as exc:
        err(f"error: cannot write {req.file}: {exc.strerror or exc}")
        return EXIT_INPUT
    try:
        loaded = load_scenario(req.file)
    except InputError as exc:  # never expected: the generator's own tests guard it
        err(exc.render())
        return EXIT_INPUT
    s = loaded.scenario
    team = count(len(s.clinic.staff or [None]), "MA")
    extra = "".join(f", {count(n, what)}" for n, what in (
        (len(s.phone.calls), "call"), (sum(p.walk_in is not None for p in s.patients),
                                       "walk-in")) if n)
    # "an introductory day", "a standard day", "a challenging day"
    article = "an" if s.difficulty[0] in "aeiou" else "a"
    say(f"wrote {req.file}: {article} {s.difficulty} day at {s.clinic.name}, "
         f"{count(req.patients, 'scheduled patient')}, {count(len(s.providers), 'provider')}, "
         f"{team}, {count(len(s.clinic.rooms), 'exam room')}{extra} (seed {req.seed}, "
         f"id {s.id}); valid")
    if made.traps:
        say("\nIts traps, for you and not the student (each is a JSON path in the file):")
        for t in made.traps:
            say(f"  {t.trap.value:<20} {t.where}: {t.what}")
    for why in made.missed:
        say(f"  not set: {why}")
    where = req.file.parent / "scenario.schema.json"
    say("\nNext:\n"
         f"  clinic-day schema -o {where}   lets your editor complete and check the file\n"
         "  edit the names, visits, orders and description to make the day your own\n"
         f"  clinic-day validate {req.file}\n"
         f"  clinic-day lint {req.file} --strict   winnable and fair on seeds 1-5\n"
         f"  clinic-day play {req.file}")
    return EXIT_OK
