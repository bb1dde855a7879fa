"""The cross-checks every part of a scenario shares: a reference to a provider or a visit
type that exists, and a time window that runs forward."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable

from game.clinical.lab import LAB_TESTS
from game.scenario.errors import PathPart, Problem
from game.scenario.people import Availability
from game.scenario.types import seconds


def _folded(name: str) -> str:
    # "PT/INR", "pt inr" and "PT_INR" are one code to a reader: case, spaces and punctuation
    # are ignored when looking for the name that was meant.
    return re.sub(r"[^0-9a-z]+", "_", name.strip().lower()).strip("_")


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known name `value` most likely means (same letters in another case or with other
    punctuation, or a near spelling), or None when none is close."""
    by_folded = {_folded(n): n for n in sorted(known)}
    folded = _folded(value)
    if folded in by_folded:
        match: str | None = by_folded[folded]
    else:
        near = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=0.6)
        match = by_folded[near[0]] if near else None
    return match if match != value else None


def unknown(what: str, value: str, known: Iterable[str], shown: int | None = 12) -> str:
    """"unknown provider 'x' (known: a, b)": the message of a reference that is not there,
    with the closest known name when one is close; `shown` None lists every name."""
    names = sorted(known)
    # A long list is cut, and says so: a name left out must not look unknown.
    cut = names if shown is None else names[:shown]
    choices = (", ".join(cut) + (f" and {len(names) - len(cut)} more" if len(names) > len(cut)
                                 else "")) or "none are defined"
    guess = closest(value, names)
    hint = f"; did you mean '{guess}'?" if guess else ""
    # Escaped and cut: a mistyped value may hold control characters or a whole paragraph.
    shown_value = json.dumps(value[:40], ensure_ascii=False)[1:-1]
    return f"unknown {what} '{shown_value}' (known: {choices}){hint}"


def known_lab_code(value: object) -> object:
    """A lab test code that is one of LAB_TESTS; otherwise the error lists every code and
    the closest (for a pydantic BeforeValidator: text only, the rest is left to the type)."""
    if isinstance(value, str) and value not in LAB_TESTS:
        raise ValueError(unknown("lab test", value, LAB_TESTS, shown=None))
    return value


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
