"""The phone and walk-ins of a generated day: calls of every kind about charts made for them,
and walk-ins with and without red flags (generate.py --calls N --walk-ins W)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from tests.benchmarks.day_data import (
    CALL_WORDS,
    FIRST_NAMES,
    LAST_NAMES,
    MEDICATIONS,
    PHARMACIES,
    PLANS,
    RED_FLAG_CALLS,
    SPOUSES,
    WALK_IN_COMPLAINTS,
)

MAX_CALLS = 500  # the format's limit on phone.calls (and on charts: one chart a call at most)
MAX_WALK_INS = 200
FIRST_CALL, LAST_CALL = 7 * 60 + 20, 16 * 60 + 50  # minutes: inside the generated clinic hours
# The first calls cover every kind; after that they are drawn by weight, red flags rare.
EVERY_KIND = ("appointment", "refill", "result", "third_party", "reschedule", "cancel",
              "red_flag")
WEIGHTS = (("appointment", 24), ("refill", 20), ("result", 18), ("third_party", 14),
           ("reschedule", 10), ("cancel", 9), ("red_flag", 5))


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _number(n: int) -> str:
    return f"555-01{n % 100:02d}"


class _Maker:
    """Builds the charts and calls of one day, numbering them as it goes."""

    def __init__(self, data: dict[str, Any], rng: random.Random) -> None:
        self.rng = rng
        self.day = dt.date.fromisoformat(data["date"])
        self.providers = [p["id"] for p in data["providers"]]
        self.charts: list[dict[str, Any]] = []
        self.slots: set[tuple[str, str, str]] = set()

    def chart(self, child: bool = False, **fields: Any) -> dict[str, Any]:
        """A new chart of the practice: an adult, or a child of 4 to 15."""
        n = len(self.charts) + 1
        years = self.rng.randint(4, 15) if child else self.rng.randint(19, 85)
        dob = self.day - dt.timedelta(days=365 * years + self.rng.randint(10, 350))
        c = {"id": f"ch{n:04d}", "name": {"first": self.rng.choice(FIRST_NAMES),
                                          "last": self.rng.choice(LAST_NAMES)},
             "dob": dob.isoformat(), "mrn": f"GCH-{100000 + n}", "phone": _number(n),
             **fields}
        self.charts.append(c)
        return c

    def next_visit(self) -> dict[str, Any]:
        """A booked visit on a weekday after the day, in a slot no other chart holds."""
        while True:
            date = self.day + dt.timedelta(days=self.rng.randint(2, 40))
            if date.weekday() >= 5:
                continue
            slot = (date.isoformat(), _clock(8 * 60 + 15 * self.rng.randint(0, 31)),
                    self.rng.choice(self.providers))
            if slot not in self.slots:
                self.slots.add(slot)
                return {"date": slot[0], "time": slot[1], "provider": slot[2],
                        "visit_type": "follow_up"}

    def wants(self) -> dict[str, Any]:
        return {"visit_type": "follow_up", "provider": self.rng.choice(self.providers),
                "min_days": 1, "max_days": 21}

    def call(self, n: int, kind: str, time: int) -> dict[str, Any]:
        """Call number n, of a kind, at a minute of the day."""
        rng = self.rng
        extra: dict[str, Any] = {}
        relation = "self"
        if kind in ("reschedule", "cancel"):
            c = self.chart(next_visit=self.next_visit())
        elif kind == "refill":
            extra["medication"] = rng.choice(MEDICATIONS)
            c = self.chart(medications=[extra["medication"]])
        elif kind == "result" and rng.random() < 0.35:
            c, relation = self.chart(child=True), "parent"
        elif kind == "third_party":
            c = self.chart(release_to=[{"name": f"{rng.choice(SPOUSES)} Contact",
                                        "relation": "sibling"}])
        else:
            c = self.chart()
        name = f"{c['name']['first']} {c['name']['last']}"
        if relation == "parent":
            name = f"{rng.choice(SPOUSES)} {c['name']['last']}"
        caller: dict[str, Any] = {"name": name, "relation": relation, "number": _number(n)}
        if kind == "third_party":
            # Allowed (on the release list), not allowed (a spouse), or a pharmacy.
            caller["name"], caller["relation"] = rng.choice([
                (c["release_to"][0]["name"], "sibling"),
                (f"{rng.choice(SPOUSES)} {c['name']['last']}", "spouse"),
                (rng.choice(PHARMACIES), "pharmacy")])
        elif relation == "self" and kind != "red_flag" and rng.random() < 0.05:
            caller["dob_given"] = (dt.date.fromisoformat(c["dob"])
                                   + dt.timedelta(days=1)).isoformat()  # cannot be verified
        if kind == "red_flag":
            extra["red_flag"], words = rng.choice(RED_FLAG_CALLS)
        else:
            words = rng.choice(CALL_WORDS[kind])
        if kind in ("appointment", "reschedule"):
            extra["wants"] = self.wants()
        if kind in ("result", "refill") and "dob_given" not in caller and rng.random() < 0.3:
            extra["channel"] = "portal"
        return {"id": f"call{n:04d}", "time": _clock(time), "kind": kind, "patient": c["id"],
                "caller": caller, "words": words, **extra}


def _walk_in(rng: random.Random, i: int, day: dt.date, providers: list[str]
             ) -> dict[str, Any]:
    """Walk-in number i: about one in four has a red flag behind the words."""
    # Spread over the providers' hours, outside their lunch (12:00-13:00).
    minute = 8 * 60 + 15 + (i * 37 + rng.randint(0, 20)) % (7 * 60 + 30)
    if 12 * 60 <= minute < 13 * 60:
        minute += 60
    plan, prefix = rng.choice(PLANS)
    years = rng.randint(20, 80)
    p: dict[str, Any] = {
        "id": f"w{i + 1:03d}-walk-in", "name": {"first": rng.choice(FIRST_NAMES),
                                               "last": rng.choice(LAST_NAMES)},
        "dob": (day - dt.timedelta(days=365 * years + rng.randint(10, 350))).isoformat(),
        "mrn": f"GWI-{100000 + i}", "phone": _number(i),
        "appointment": {"time": _clock(minute), "provider": providers[i % len(providers)],
                        "visit_type": "acute", "reason": "Walk-in"},
        "insurance": {"plan": plan, "member_id": f"{prefix}{rng.randint(10**8, 10**9 - 1)}",
                      "copay": 25},
        "vitals": {"systolic": 108, "diastolic": 70, "pulse": 74, "resp": 16, "temp_f": 98.4,
                   "spo2": 98, "weight_lb": round(rng.uniform(120, 220), 1)},
    }
    if i % 4 == 1:
        flag, words = rng.choice(RED_FLAG_CALLS)
        p["walk_in"] = {"complaint": words, "red_flag": flag,
                        "protocol": "provider_now" if i % 8 == 5 else "call_911"}
    else:
        p["walk_in"] = {"complaint": rng.choice(WALK_IN_COMPLAINTS)}
    return p


def add_phone(data: dict[str, Any], calls: int, walk_ins: int, seed: int) -> None:
    """Give a generated day `calls` calls (with their charts) and `walk_ins` walk-ins, from a
    generator of their own: the rest of the day is the same with or without them."""
    if not 0 <= calls <= MAX_CALLS:
        raise ValueError(f"calls must be between 0 and {MAX_CALLS} (the format's limit)")
    if not 0 <= walk_ins <= MAX_WALK_INS:
        raise ValueError(f"walk-ins must be between 0 and {MAX_WALK_INS}")
    if len(data["patients"]) + walk_ins > 2000:
        raise ValueError("patients and walk-ins together must be at most 2000")
    rng = random.Random(seed * 7919 + 17)
    maker = _Maker(data, rng)
    span = LAST_CALL - FIRST_CALL
    kinds = [EVERY_KIND[n] if n < len(EVERY_KIND)
             else rng.choices([k for k, _ in WEIGHTS], [w for _, w in WEIGHTS])[0]
             for n in range(calls)]
    rng.shuffle(kinds)
    made = [maker.call(n + 1, kind, FIRST_CALL + (n * span) // max(1, calls))
            for n, kind in enumerate(kinds)]
    if calls:
        data["phone"] = {"calls": made}
        data["charts"] = maker.charts
    if walk_ins:
        day = dt.date.fromisoformat(data["date"])
        data["patients"] += [_walk_in(rng, i, day, maker.providers) for i in range(walk_ins)]
        data["walk_in_policy"] = {"fit_within_minutes": 60, "double_booking": True}
