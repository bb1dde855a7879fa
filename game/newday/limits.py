"""What `clinic-day new` accepts: each number's range, and a day small enough for its team
that a careful MA can win it (so that what it writes lints clean)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.newday.day import MAX_PROVIDERS
from game.words import count

# A family physician sees about 20 patients a day, about 18 minutes each (Gilchrist et al.,
# Ann Fam Med 2005;3:494): a list of more than 22 no longer fits one provider's hours here.
PER_PROVIDER = 22
# Measured with the reference bot on generated challenging days, seeds 1-3 (the sizes that
# tests/cli/test_new.py lints with --strict): each MA brings about 20 patients through the day
# with the score well above the pass mark; more and patients walk out. (A team rooming model
# with one MA per provider averages 15 visits a day: AAFP FPM 2018;25(1):15.)
PER_MA = 20
# Every provider's first patient is due at 08:00: one MA cannot room for more than three.
PROVIDERS_PER_MA = 3
CALLS_PER_PATIENT = 4  # four calls take an MA about as long as one patient's visit


@dataclass(frozen=True)
class Bound:
    """An option's inclusive range, and why it ends there."""

    option: str
    low: int
    high: int
    why: str


MAX_MAS = 6  # two exam rooms an MA: the format's 12 rooms keep six busy
BOUNDS: dict[str, Bound] = {b.option: b for b in (
    Bound("--patients", 1, PER_MA * MAX_MAS, f"what {MAX_MAS} MAs can bring through a day"),
    Bound("--providers", 1, MAX_PROVIDERS, "the scenario format's limit"),
    Bound("--mas", 1, MAX_MAS, "two exam rooms an MA, of the format's 12"),
    Bound("--seed", 0, 2**31 - 1, "any whole number from 0"),
    Bound("--calls", 0, 60, "a busy phone for the desk"),
    Bound("--walk-ins", 0, 20, "a busy day of walk-ins"),
)}


def out_of_bounds(values: dict[str, int]) -> str | None:
    """The first option outside its range, said with the range."""
    for option, value in values.items():
        b = BOUNDS[option]
        if not b.low <= value <= b.high:
            return f"{option} must be from {b.low} to {b.high} ({b.why}); got {value}"
    return None


def too_much(patients: int, providers: int, mas: int, calls: int, walk_ins: int) -> str | None:
    """Why the team cannot carry the day, with what would fix it; None when it can."""
    if providers > PROVIDERS_PER_MA * mas:
        need = math.ceil(providers / PROVIDERS_PER_MA)
        return (f"{providers} providers need at least {need} MAs: one MA rooms patients for at "
                f"most {PROVIDERS_PER_MA} providers (use --mas {need}, or fewer --providers)")
    load = patients + walk_ins + calls / CALLS_PER_PATIENT
    if load > PER_MA * mas:
        need = math.ceil(load / PER_MA)
        fix = f"--mas {need}, or " if need <= MAX_MAS else ""
        parts = [count(n, what) for n, what in ((patients, "patient"), (walk_ins, "walk-in"),
                                                (calls, "call")) if n]
        day = " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
        fewer = "patients" if len(parts) == 1 else "patients, walk-ins or calls"
        calls_note = ", four calls counting as one patient" if calls else ""
        return (f"{day} are more than {count(mas, 'MA')} can bring through a day (about "
                f"{PER_MA} patients each{calls_note}): use {fix}fewer {fewer}")
    if patients + walk_ins > PER_PROVIDER * providers:
        need = math.ceil((patients + walk_ins) / PER_PROVIDER)
        fix = f"--providers {need}, or " if need <= MAX_PROVIDERS else ""
        return (f"{patients + walk_ins} patients are more than {count(providers, 'provider')} can "
                f"see in a day (about {PER_PROVIDER} each): use {fix}fewer patients")
    return None
