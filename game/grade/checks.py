"""What an instructor should look at twice, across the whole class: the same play under two
names, a bot's day handed in, a log that does not verify, a day played that is not the one
assigned."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from game.grade.rows import Row


@dataclass(frozen=True)
class Expect:
    """The assignment: the day and the seed every log should have played (None: any)."""

    scenario: str | None = None
    seed: int | None = None


def flag(rows: list[Row], expect: Expect) -> None:
    """Add each row's warnings in place (a row that could not be graded says why already)."""
    same: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.problem is not None:
            continue
        if row.verified is False:
            row.warnings.append(f"did not verify: {row.verified_reason}")
        if row.policy:
            # The window's "watch a bot" keeps the name typed on the title screen.
            named = f", handed in under the name '{row.who}'" if (
                row.player or row.student_id) else ""
            row.warnings.append(f"played by the {row.policy} bot, not a student{named}")
        elif row.source == "actions":
            row.warnings.append("its commands came from an actions file (clinic-day run "
                                "--actions), not from play in the window")
        if expect.scenario is not None and row.scenario_id != expect.scenario:
            row.warnings.append(f"played '{row.scenario_id}', not the assigned "
                                f"'{expect.scenario}'")
        if expect.seed is not None and row.seed != expect.seed:
            row.warnings.append(f"played seed {row.seed}, not the assigned seed {expect.seed}")
        # A day with no command at all is the same "play" for everyone: not a copy.
        if row.commands_sha is not None and row.commands > 0:
            same[f"{row.scenario_id}/{row.seed}/{row.commands_sha}"].append(row)
    for group in same.values():
        names = {r.who for r in group}
        if len(group) < 2 or len(names) < 2:
            continue
        for row in group:
            others = ", ".join(sorted(r.who for r in group if r is not row))
            row.warnings.append(f"the same commands, at the same times, as {others}")
