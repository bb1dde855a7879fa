"""A new day's scheduled patients: who they are, why they come, what the provider orders and
how they arrive, drawn from the shipped lists."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from typing import Any

from game.clinical.vitals import age_on, whole_years
from game.newday import readings
from game.newday.lists import Lists, Plan, Reason
from game.newday.schedule import clock

CHILD_SHARE = 0.06  # about one patient in sixteen is a child
ADULT_YEARS = (18, 89)
CHILD_YEARS = range(3, 16)


@dataclass(frozen=True)
class Drawn:
    """A visit before it is placed: the patient's age in whole years and the visit type."""

    years: int
    visit_type: str

    @property
    def child(self) -> bool:
        """Under 18: a child's reasons and copay."""
        return self.years < ADULT_YEARS[0]


class NamePool:
    """Every first and last name combined, in an order drawn from the seed: each person of a
    day takes the next, so no two share a name unless a trap says so (or the day has more
    people than the pool, which only benchmark days of thousands do)."""

    def __init__(self, rng: random.Random, lists: Lists) -> None:
        self.names = [(f, la) for f in lists.people.first_names for la in lists.people.last_names]
        rng.shuffle(self.names)
        self.used = 0

    def take(self) -> tuple[str, str]:
        """The next name."""
        name = self.names[self.used % len(self.names)]
        self.used += 1
        return name


def phone_number(n: int) -> str:
    """A fictional number in the 555-01xx range."""
    return f"555-01{n % 100:02d}"


def slug(text: str) -> str:
    """Lower-case letters, digits and dashes, as ids are written."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _weighted(rng: random.Random, options: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in options], weights=[w for _, w in options])[0]


def draw_visit(rng: random.Random, lists: Lists, adult: bool = False) -> Drawn:
    """A patient's age and visit type: mostly adults; children only at the ages whose healthy
    readings stay clear of every threshold (readings.healthy_age)."""
    kinds = lists.visits.visit_types
    if not adult and rng.random() < CHILD_SHARE:
        years = rng.choice([y for y in CHILD_YEARS if readings.healthy_age(y)])
        return Drawn(years, _weighted(rng, [(v.id, v.child_weight) for v in kinds]))
    return Drawn(rng.randint(*ADULT_YEARS), _weighted(rng, [(v.id, v.adult_weight)
                                                           for v in kinds]))


def reasons_for(lists: Lists, drawn: Drawn) -> list[Reason]:
    """The reasons a visit of this type can have at this age."""
    age = "child" if drawn.child else "adult"
    return [r for r in lists.visits.reasons
            if r.visit_type == drawn.visit_type and r.ages in ("any", age)]


def orders(plan: Plan) -> dict[str, Any]:
    """A plan as the format writes the provider's orders."""
    out: dict[str, Any] = {}
    if plan.labs:
        out["labs"] = list(plan.labs)
    if plan.follow_up is not None:
        out["follow_up"] = {"visit_type": "follow_up", "min_days": plan.follow_up[0],
                            "max_days": plan.follow_up[1]}
    if plan.referral is not None:
        out["referral"] = plan.referral
    if plan.assist is not None:
        out["assist"] = plan.assist
    return out


def birth_date(rng: random.Random, day: dt.date, years: int) -> dt.date:
    """A date of birth that makes the patient `years` old on the day."""
    dob = day - dt.timedelta(days=365 * years + rng.randint(1, 364))
    while whole_years(age_on(dob, day)) > years:  # 365-day years drift by the leap days
        dob += dt.timedelta(days=7)
    return dob


def patient(rng: random.Random, lists: Lists, day: dt.date, n: int, name: tuple[str, str],
            minute: int, provider: str, drawn: Drawn) -> dict[str, Any]:
    """Scheduled patient number n (from 0), at a minute of the day with a provider."""
    first, last = name
    dob = birth_date(rng, day, drawn.years)
    years = whole_years(age_on(dob, day))
    reason = rng.choice(reasons_for(lists, drawn))
    plan = rng.choice(reason.plans)
    ins = rng.choice(lists.insurance.plans)
    history = lists.history
    p: dict[str, Any] = {
        "id": f"p{n + 1:04d}-{slug(last)}"[:40],
        "name": {"first": first, "last": last},
        "dob": dob.isoformat(),
        "mrn": f"GEN-{100001 + n}",
        "phone": phone_number(n),
        "appointment": {"time": clock(minute), "provider": provider,
                        "visit_type": drawn.visit_type, "reason": reason.reason},
        "insurance": {"plan": ins.name, "member_id": f"{ins.prefix}{rng.randint(10**8, 10**9 - 1)}",
                      "copay": 0 if drawn.child else rng.choice(lists.insurance.copays)},
        "vitals": readings.healthy(rng, years),
    }
    arrival = rng.random()
    if arrival < 0.03:
        p["arrival"] = {"kind": "no_show"}
    elif arrival < 0.10:
        p["arrival"] = {"kind": "late"}
    elif arrival < 0.25:
        p["arrival"] = {"kind": "early"}
    if rng.random() < 0.05:
        p["insurance"]["status"] = "new_card"
    if rng.random() < 0.08:
        p["demographics_changed"] = True
    if rng.random() < 0.3:
        p["allergies"] = rng.sample(history.allergies, rng.randint(1, 2))
    if not drawn.child and rng.random() < 0.6:
        p["medications"] = rng.sample(history.medications, rng.randint(1, 3))
    ordered = orders(plan)
    if ordered:
        p["orders"] = ordered
    if "follow_up" in ordered and rng.random() < 0.3:
        p["availability"] = history.availability[
            rng.randrange(len(history.availability))].model_dump(exclude_none=True)
    if rng.random() < 0.1:
        p["patience_minutes"] = rng.choice(history.patience_minutes)
    return p


def walk_in(rng: random.Random, lists: Lists, day: dt.date, n: int, minute: int,
            provider: str, name: tuple[str, str]) -> dict[str, Any]:
    """A walk-in, an adult with healthy readings; the caller adds the `walk_in` part."""
    ins = rng.choice(lists.insurance.plans)
    years = rng.randint(25, 80)
    return {
        "id": f"w{n + 1:04d}-walk-in", "name": {"first": name[0], "last": name[1]},
        "dob": birth_date(rng, day, years).isoformat(), "mrn": f"GWI-{100001 + n}",
        "phone": phone_number(n),
        "appointment": {"time": clock(minute), "provider": provider, "visit_type": "acute",
                        "reason": "Walk-in"},
        "insurance": {"plan": ins.name, "member_id": f"{ins.prefix}{rng.randint(10**8, 10**9 - 1)}",
                      "copay": rng.choice(lists.insurance.copays)},
        "vitals": readings.healthy(rng, years),
    }
