"""Cross-checks of ECG orders against the rest of the scenario: an ECG is ordered only for a
patient who comes (the order is written at the exam, so a no-show's would never be played)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.errors import Problem

if TYPE_CHECKING:
    from game.scenario.checks import Parts


def ecg_checks(s: Parts) -> list[Problem]:
    """Every problem of the ECG orders that involves another part of the patient."""
    out: list[Problem] = []
    for i, p in s.patients:
        if p.orders.ecg is not None and p.arrival.kind == "no_show":
            out.append(Problem(("patients", i, "orders", "ecg"),
                               f"{p.name.first} {p.name.last} is a no-show: an ECG ordered "
                               "at an exam that never happens can never be recorded (remove "
                               "it, or let the patient come)"))
    return out
