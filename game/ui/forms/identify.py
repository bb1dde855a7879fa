"""The identifier ticks shared by check-in and the lab: four real identifiers and one trap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.sim.commands import IdentifierKind
    from game.ui.forms.kit import FormBase, Tick

# The Joint Commission NPSG.01.01.01, as the hover help says it. The room number is offered
# on purpose: it is never an identifier, and the score says so.
RULE = ("The Joint Commission (NPSG.01.01.01): confirm at least two patient identifiers, "
        "such as full name and date of birth, before check-in, specimens, medications or "
        "procedures. A room number or location is never an identifier.")


@dataclass(frozen=True)
class IdentifierChoice:
    """One identifier the player may tick."""

    kind: IdentifierKind
    label: str
    key: str


CHOICES: tuple[IdentifierChoice, ...] = (
    IdentifierChoice("name", "Name", "n"),
    IdentifierChoice("dob", "Date of birth", "d"),
    IdentifierChoice("mrn", "MRN", "m"),
    IdentifierChoice("phone", "Phone", "p"),
    IdentifierChoice("room_number", "Room number", "r"),
)


def identifier_ticks(form: FormBase, x: int, y: int, widths: tuple[int, ...],
                     row_height: int = 26) -> dict[str, Tick]:
    """The five ticks laid out left to right in columns of the given widths, wrapping."""
    ticks: dict[str, Tick] = {}
    col = 0
    left, top = x, y
    for choice in CHOICES:
        if col == len(widths):
            col, left, top = 0, x, top + row_height
        ticks[choice.kind] = form.tick((left, top), choice.label, choice.key, RULE)
        left += widths[col]
        col += 1
    return ticks


def chosen(ticks: dict[str, Tick]) -> list[IdentifierKind]:
    """The ticked identifiers, in the fixed order of CHOICES."""
    return [c.kind for c in CHOICES if ticks[c.kind].checked]
