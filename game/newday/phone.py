"""A new day's phone calls (with the charts they are about) and walk-ins, drawn from a
generator of their own so the rest of the day is the same with or without them.

What they may hold follows the difficulty: an introductory day's callers are the patients
themselves asking for visits, refills and results; a standard day adds callers the chart
allows (a sibling on the release list, a pharmacy, a child's parent); only a challenging day
has callers who must be told nothing (a spouse not on the list, a caller whose birth date
does not match), red-flag calls, and walk-ins with red flags behind their words.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from game.newday.lists import Lists
from game.newday.patients import NamePool, birth_date, phone_number, walk_in
from game.newday.schedule import LUNCH, clock
from game.newday.traps import DIFFICULTIES, Difficulty

MAX_CALLS = 500  # the format's limit on phone.calls (and on charts: one chart a call at most)
MAX_WALK_INS = 200
FIRST_CALL, LAST_CALL = 7 * 60 + 20, 16 * 60 + 50  # minutes: inside the clinic's hours
# The first calls cover every kind the difficulty allows; after that they are drawn by
# weight, red flags rare.
WEIGHTS = (("appointment", 24), ("refill", 20), ("result", 18), ("third_party", 14),
           ("reschedule", 10), ("cancel", 9), ("red_flag", 5))
FROM: dict[str, Difficulty] = {"third_party": "standard", "red_flag": "challenging"}


def _at_least(difficulty: Difficulty, level: Difficulty) -> bool:
    return DIFFICULTIES.index(difficulty) >= DIFFICULTIES.index(level)


class _Maker:
    """Builds the charts and calls of one day, numbering them as it goes."""

    def __init__(self, data: dict[str, Any], rng: random.Random, lists: Lists,
                 names: NamePool, difficulty: Difficulty) -> None:
        self.rng = rng
        self.lists = lists
        self.names = names
        self.difficulty = difficulty
        self.day = dt.date.fromisoformat(data["date"])
        self.providers = [p["id"] for p in data["providers"]]
        self.charts: list[dict[str, Any]] = []
        self.slots: set[tuple[str, str, str]] = set()

    def chart(self, child: bool = False, **fields: Any) -> dict[str, Any]:
        """A new chart of the practice: an adult, or a child of 4 to 15."""
        n = len(self.charts) + 1
        years = self.rng.randint(4, 15) if child else self.rng.randint(19, 85)
        first, last = self.names.take()
        c = {"id": f"ch{n:04d}", "name": {"first": first, "last": last},
             "dob": birth_date(self.rng, self.day, years).isoformat(),
             "mrn": f"GCH-{100000 + n}", "phone": phone_number(n), **fields}
        self.charts.append(c)
        return c

    def next_visit(self) -> dict[str, Any]:
        """A booked visit on a weekday after the day, in a slot no other chart holds."""
        while True:
            date = self.day + dt.timedelta(days=self.rng.randint(2, 40))
            if date.weekday() >= 5:
                continue
            slot = (date.isoformat(), clock(8 * 60 + 15 * self.rng.randint(0, 31)),
                    self.rng.choice(self.providers))
            if slot not in self.slots:
                self.slots.add(slot)
                return {"date": slot[0], "time": slot[1], "provider": slot[2],
                        "visit_type": "follow_up"}

    def wants(self) -> dict[str, Any]:
        """The visit an appointment or reschedule caller asks for."""
        return {"visit_type": "follow_up", "provider": self.rng.choice(self.providers),
                "min_days": 1, "max_days": 21}

    def _third_party(self, c: dict[str, Any]) -> tuple[str, str]:
        """Who calls about someone else: allowed (on the release list), a pharmacy (for
        treatment), or, on a challenging day, a spouse who is not allowed."""
        rng = self.rng
        options = [(c["release_to"][0]["name"], "sibling"), (rng.choice(
            self.lists.people.pharmacies), "pharmacy")]
        if _at_least(self.difficulty, "challenging"):
            options.append((f"{rng.choice(self.lists.people.contacts)} {c['name']['last']}",
                            "spouse"))
        return rng.choice(options)

    def call(self, n: int, kind: str, time: int) -> dict[str, Any]:
        """Call number n, of a kind, at a minute of the day."""
        rng, words_of = self.rng, self.lists.phone.call_words
        extra: dict[str, Any] = {}
        relation = "self"
        if kind in ("reschedule", "cancel"):
            c = self.chart(next_visit=self.next_visit())
        elif kind == "refill":
            extra["medication"] = rng.choice(self.lists.history.medications)
            c = self.chart(medications=[extra["medication"]])
        elif kind == "result" and _at_least(self.difficulty, "standard") and rng.random() < 0.35:
            c, relation = self.chart(child=True), "parent"
        elif kind == "third_party":
            contact = f"{rng.choice(self.lists.people.contacts)} Contact"
            c = self.chart(release_to=[{"name": contact, "relation": "sibling"}])
        else:
            c = self.chart()
        name = f"{c['name']['first']} {c['name']['last']}"
        if relation == "parent":
            name = f"{rng.choice(self.lists.people.contacts)} {c['name']['last']}"
        caller: dict[str, Any] = {"name": name, "relation": relation, "number": phone_number(n)}
        if kind == "third_party":
            caller["name"], caller["relation"] = self._third_party(c)
        elif relation == "self" and kind != "red_flag" and \
                _at_least(self.difficulty, "challenging") and rng.random() < 0.05:
            caller["dob_given"] = (dt.date.fromisoformat(c["dob"])
                                   + dt.timedelta(days=1)).isoformat()  # cannot be verified
        if kind == "red_flag":
            flagged = rng.choice(self.lists.phone.red_flags)
            extra["red_flag"], words = flagged.flag, flagged.words
        else:
            words = rng.choice(words_of[kind])  # type: ignore[index]
        if kind in ("appointment", "reschedule"):
            extra["wants"] = self.wants()
        if kind in ("result", "refill") and "dob_given" not in caller and rng.random() < 0.3:
            extra["channel"] = "portal"
        return {"id": f"call{n:04d}", "time": clock(time), "kind": kind, "patient": c["id"],
                "caller": caller, "words": words, **extra}


def _walk_in(rng: random.Random, lists: Lists, i: int, day: dt.date, providers: list[str],
             names: NamePool, difficulty: Difficulty) -> dict[str, Any]:
    """Walk-in number i: on a challenging day about one in four has a red flag."""
    # Spread over the providers' hours, outside their lunch.
    minute = 8 * 60 + 15 + (i * 37 + rng.randint(0, 20)) % (7 * 60 + 30)
    if LUNCH[0] <= minute < LUNCH[1]:
        minute += LUNCH[1] - LUNCH[0]
    p = walk_in(rng, lists, day, i, minute, providers[i % len(providers)], names.take())
    if i % 4 == 1 and _at_least(difficulty, "challenging"):
        flagged = rng.choice(lists.phone.red_flags)
        p["walk_in"] = {"complaint": flagged.words, "red_flag": flagged.flag,
                        "protocol": "provider_now" if i % 8 == 5 else "call_911"}
    else:
        p["walk_in"] = {"complaint": rng.choice(lists.phone.walk_in_complaints)}
    return p


def add_phone(data: dict[str, Any], lists: Lists, names: NamePool, difficulty: Difficulty,
              calls: int, walk_ins: int, seed: int) -> None:
    """Give a day `calls` calls (with their charts) and `walk_ins` walk-ins."""
    rng = random.Random(seed * 7919 + 17)
    maker = _Maker(data, rng, lists, names, difficulty)
    kinds_here = [k for k, _ in WEIGHTS if _at_least(difficulty, FROM.get(k, "introductory"))]
    weights = [w for k, w in WEIGHTS if k in kinds_here]
    span = LAST_CALL - FIRST_CALL
    kinds = [kinds_here[n] if n < len(kinds_here) else rng.choices(kinds_here, weights)[0]
             for n in range(calls)]
    rng.shuffle(kinds)
    made = [maker.call(n + 1, kind, FIRST_CALL + (n * span) // max(1, calls))
            for n, kind in enumerate(kinds)]
    if calls:
        phone = data.setdefault("phone", {})
        phone["calls"] = sorted([*phone.get("calls", []), *made],
                                key=lambda c: (c["time"], c["id"]))
        data["charts"] = maker.charts
    if walk_ins:
        day = dt.date.fromisoformat(data["date"])
        data["patients"] += [_walk_in(rng, lists, i, day, maker.providers, names, difficulty)
                             for i in range(walk_ins)]
        data["walk_in_policy"] = {"fit_within_minutes": 60, "double_booking": True}
