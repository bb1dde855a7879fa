"""Which competencies each day of the library exercises, and the guide's table of them.

A day exercises a competency when the reference bot's play of it (seed 1) leaves a ledger
entry tagged with it: the day offers that step and scores it. A row of the table for a code
with lettered parts (I.P.2, I.P.11) counts any of its parts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.clinical.competencies import COMPETENCIES
from game.markers import between, replace_between
from game.scenario.load import load_scenario
from game.scenario.models import Scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy

# The check-offs the shipped library must cover together (MAERB 2022 psychomotor codes, see
# game/clinical/competencies.py): the ones an MA program's skills list asks for that a clinic
# day can score.
CURRICULUM: tuple[str, ...] = (
    "I.P.1", "I.P.2", "I.P.3", "I.P.4", "I.P.7", "I.P.9", "I.P.10", "I.P.11", "II.P.2",
    "III.P.10", "V.P.4", "V.P.5", "VI.P.1", "VI.P.4", "VII.P.3", "VIII.P.1", "VIII.P.2",
    "X.P.2", "X.P.3", "XII.P.1",
)
SEED = 1
BEGIN = "<!-- coverage table: python tools/coverage_table.py --write -->"
END = "<!-- end of the coverage table -->"
CHECK = "✓"


@dataclass(frozen=True)
class DayCoverage:
    """One day of the library and every competency code its reference play was scored on."""

    id: str
    codes: frozenset[str]


def exercised(scenario: Scenario, seed: int = SEED) -> frozenset[str]:
    """Every competency code in the ledger after the reference bot plays the day."""
    sim = Simulation(scenario, seed)
    play_policy(sim, POLICIES["reference"]())
    return frozenset(e.competency for e in sim.ledger.entries if e.competency is not None)


def library_coverage(paths: Iterable[Path]) -> list[DayCoverage]:
    """Each day's codes, in the order given."""
    out = []
    for path in paths:
        scenario = load_scenario(path).scenario
        out.append(DayCoverage(scenario.id, exercised(scenario)))
    return out


def parts(code: str) -> list[str]:
    """The listed codes a row stands for: the code itself, or its lettered parts."""
    return [c for c in COMPETENCIES if c == code or c.startswith(code + ".")]


def covers(day: DayCoverage, code: str) -> list[str]:
    """The codes of the row that the day exercises (empty when it exercises none)."""
    return [c for c in parts(code) if c in day.codes]


def row_title(code: str) -> str:
    """The code's title from the list; for a code listed only by its parts, their titles
    joined after the words they share ("Perform electrocardiography, venipuncture or ...")."""
    if code in COMPETENCIES:
        return COMPETENCIES[code]
    titles = [COMPETENCIES[c].split() for c in parts(code)]
    if not titles:
        raise KeyError(f"{code} is not in the competency list, nor any part of it")
    shared = 0
    while all(len(t) > shared + 1 and t[shared] == titles[0][shared] for t in titles):
        shared += 1
    rests = [" ".join(t[shared:]) for t in titles]
    joined = rests[0] if len(rests) == 1 else ", ".join(rests[:-1]) + " or " + rests[-1]
    return " ".join([*titles[0][:shared], joined])


def _cell(day: DayCoverage, code: str) -> str:
    found = covers(day, code)
    if not found:
        return ""
    if found == [code]:
        return CHECK
    return f"{CHECK} " + ", ".join(c.removeprefix(code + ".") for c in found)


def row_code(code: str) -> str:
    """The row a listed code is counted in: "I.P.2.b" in I.P.2, "V.P.3" in itself."""
    return ".".join(code.split(".")[:3])


def rows_of(days: Sequence[DayCoverage], curriculum: Sequence[str] = CURRICULUM) -> list[str]:
    """The table's rows, in the list's order: the curriculum's codes, and any other code a
    day is scored on (a day that teaches more than the check-offs shows it too)."""
    wanted = set(curriculum) | {row_code(c) for d in days for c in d.codes}
    out: list[str] = []
    for code in COMPETENCIES:
        row = row_code(code)
        if row in wanted and row not in out:
            out.append(row)
    return out


def table(days: Sequence[DayCoverage], curriculum: Sequence[str] = CURRICULUM) -> str:
    """The markdown table: a row per competency with its title, a column per day."""
    head = "| competency | " + " | ".join(f"`{d.id}`" for d in days) + " |"
    rule = "|---|" + "---|" * len(days)
    rows = [f"| {code} {row_title(code)} | " + " | ".join(_cell(d, code) for d in days) + " |"
            for code in rows_of(days, curriculum)]
    return "\n".join([head, rule, *rows])


def uncovered(days: Sequence[DayCoverage], curriculum: Sequence[str] = CURRICULUM) -> list[str]:
    """The curriculum's codes no day exercises."""
    return [code for code in curriculum if not any(covers(d, code) for d in days)]


def between_markers(text: str) -> tuple[str, str, str]:
    """The text before the table (with its first marker), the table, and the rest."""
    return between(text, BEGIN, END)


def with_table(text: str, new_table: str) -> str:
    """The text with the table between its markers replaced."""
    return replace_between(text, BEGIN, END, new_table)
