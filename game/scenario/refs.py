"""The cross-checks every part of a scenario shares: a reference to a provider or a visit
type that exists, and a time window that runs forward."""

from __future__ import annotations

from collections.abc import Iterable

from game.scenario.errors import PathPart, Problem
from game.scenario.people import Availability
from game.scenario.types import seconds


def unknown(what: str, value: str, known: Iterable[str]) -> str:
    """"unknown provider 'x' (known: a, b)": the message of a reference that is not there."""
    names = sorted(known)
    # A long list is cut, and says so: a name left out must not look unknown.
    choices = (", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12
                                         else "")) or "none are defined"
    return f"unknown {what} '{value}' (known: {choices})"


def provider_and_visit(here: tuple[PathPart, ...], provider: str, visit_type: str,
                       provider_ids: set[str] | None,
                       visit_ids: set[str] | None) -> list[Problem]:
    """A provider and a visit type named at `here` that the scenario has (None: not known,
    because those parts of the file are themselves invalid)."""
    out = []
    if provider_ids is not None and provider not in provider_ids:
        out.append(Problem((*here, "provider"), unknown("provider", provider, provider_ids)))
    if visit_ids is not None and visit_type not in visit_ids:
        out.append(Problem((*here, "visit_type"), unknown("visit type", visit_type, visit_ids)))
    return out


def availability(here: tuple[PathPart, ...], av: Availability) -> list[Problem]:
    """The latest time a patient can come is not before the earliest."""
    if av.earliest and av.latest and seconds(av.latest) < seconds(av.earliest):
        return [Problem((*here, "latest"), "latest is before earliest")]
    return []
