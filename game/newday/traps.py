"""The traps a new day's difficulty sets, and where they go.

- introductory: an allergy. A patient's chart lists an allergy to a component of the vaccine
  the provider orders (CDC Vaccine Excipient Summary): the dose must be held.
- standard adds a same-name pair (two patients with one name and different dates of birth:
  only the second identifier tells their charts apart; The Joint Commission NPSG.01.01.01)
  and an inactive insurance (coverage ended: the visit is self-pay and no copay is taken).
- challenging adds a crisis reading (blood pressure over 180/120, AHA/ACC 2017: the provider
  at once), an unauthorized caller (a spouse, not on the release list, asks about a visit:
  HIPAA, 45 CFR 164.510) and a red-flag walk-in (chest pain at the desk: call 911).

The reference bot handles each of these and the naive bot does not: it checks one
identifier, gives what is ordered without asking, takes the copay, skips escalation, tells
any caller anything and fits every walk-in in.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from game.clinical.vitals import age_on, whole_years
from game.newday import readings
from game.newday.lists import TRAP_YEARS, AllergyVaccine, Lists
from game.newday.patients import NamePool, birth_date, phone_number, walk_in
from game.newday.schedule import LUNCH, clock
from game.scenario.types import seconds

Difficulty = Literal["introductory", "standard", "challenging"]
DIFFICULTIES: tuple[Difficulty, ...] = ("introductory", "standard", "challenging")


class Trap(StrEnum):
    """One kind of trap a difficulty sets."""

    ALLERGY = "allergy"
    SAME_NAME = "same-name pair"
    INACTIVE = "inactive insurance"
    CRISIS = "crisis reading"
    CALLER = "unauthorized caller"
    RED_FLAG = "red-flag walk-in"


ADDS: dict[Difficulty, tuple[Trap, ...]] = {
    "introductory": (Trap.ALLERGY,),
    "standard": (Trap.SAME_NAME, Trap.INACTIVE),
    "challenging": (Trap.CRISIS, Trap.CALLER, Trap.RED_FLAG),
}
CALL_AFTER = 90  # minutes after the patient's appointment the spouse calls
LAST_CALL = 16 * 60 + 15
WALK_IN_AT = (10 * 60 + 20, 11 * 60 + 20)  # the red-flag walk-in comes in mid-morning


def traps_of(difficulty: Difficulty) -> tuple[Trap, ...]:
    """Every trap a difficulty sets: its own and those of the easier ones."""
    upto = DIFFICULTIES[:DIFFICULTIES.index(difficulty) + 1]
    return tuple(t for d in upto for t in ADDS[d])


@dataclass(frozen=True)
class Placed:
    """A trap set in the day: what it is, where (a JSON path) and what the student meets."""

    trap: Trap
    where: str
    what: str


def _full(p: dict[str, Any]) -> str:
    return f"{p['name']['first']} {p['name']['last']}"


def _years(p: dict[str, Any], day: dt.date) -> int:
    return whole_years(age_on(dt.date.fromisoformat(p["dob"]), day))


class Setter:
    """Sets a day's traps on its patients, each on another patient while there are enough."""

    def __init__(self, rng: random.Random, lists: Lists, day: dict[str, Any],
                 names: NamePool) -> None:
        self.rng = rng
        self.lists = lists
        self.names = names
        self.day = day
        self.date = dt.date.fromisoformat(day["date"])
        self.placed: list[Placed] = []
        # Adults who will come in, in a drawn order; traps take them in turn.
        self.order = [i for i, p in enumerate(day["patients"])
                      if _years(p, self.date) >= TRAP_YEARS and "walk_in" not in p]
        rng.shuffle(self.order)
        self.turn = 0

    def _next(self) -> int:
        i = self.order[self.turn % len(self.order)]
        self.turn += 1
        p = self.day["patients"][i]
        if p.get("arrival", {}).get("kind") == "no_show":
            p.pop("arrival")  # a trap is for a patient who comes
        return i

    def set(self, traps: tuple[Trap, ...]) -> list[str]:
        """Set each trap; the ones the day is too small for, with why."""
        setters = {Trap.ALLERGY: self.allergy, Trap.SAME_NAME: self.same_name,
                   Trap.INACTIVE: self.inactive_insurance, Trap.CRISIS: self.crisis_reading,
                   Trap.CALLER: self.unauthorized_caller, Trap.RED_FLAG: self.red_flag_walk_in}
        missed: list[str] = []
        for trap in traps:
            if trap != Trap.RED_FLAG and not self.order:
                missed.append(f"{trap}: the day has no adult patient to carry it")
            elif trap == Trap.SAME_NAME and len(self.order) < 2:
                missed.append(f"{trap}: it needs two adult patients")
            else:
                setters[trap]()
        return missed

    def same_name(self) -> None:
        """The later of two patients takes the earlier one's name, and another birth date."""
        first, second = sorted((self._next(), self._next()))
        pats = self.day["patients"]
        earlier, later = pats[first], pats[second]
        later["name"] = dict(earlier["name"])
        years = _years(earlier, self.date)
        other = years + self.rng.randint(6, 20) * (1 if years < 60 else -1)
        later["dob"] = birth_date(self.rng, self.date, other).isoformat()
        if later["phone"] == earlier["phone"]:
            later["phone"] = phone_number(int(later["phone"][-2:]) + 1)
        self.placed.append(Placed(Trap.SAME_NAME, f"patients[{second}]",
                                  f"{_full(later)} (born {later['dob']}, "
                                  f"{later['appointment']['time']}) shares a name with "
                                  f"patients[{first}] (born {earlier['dob']}, "
                                  f"{earlier['appointment']['time']})"))

    def allergy(self) -> None:
        """A vaccine ordered for a patient whose chart lists an allergy to its component."""
        i = self._next()
        p = self.day["patients"][i]
        years = _years(p, self.date)
        fits = [v for v in self.lists.traps.allergy_vaccines if v.min_years <= years]
        v = self.rng.choice(fits)
        p["allergies"] = [*p.get("allergies", []), v.allergy]
        p.setdefault("orders", {})["medications"] = [{"product": v.product,
                                                      "dose_ml": v.dose_ml}]
        p["appointment"]["reason"] += f"; {v.reason[0].lower()}{v.reason[1:]}"
        self._stock(v)
        self.placed.append(Placed(Trap.ALLERGY, f"patients[{i}]",
                                  f"{_full(p)} is ordered {v.code} but the chart lists "
                                  f"{v.allergy}: the dose must be held"))

    def _stock(self, v: AllergyVaccine) -> None:
        products = self.day.setdefault("medications", {"products": []})["products"]
        if all(pr["id"] != v.product for pr in products):
            products.append({"id": v.product, "code": v.code, "lot": v.lot,
                             "manufacturer": v.manufacturer, "expires": v.expires.isoformat(),
                             "storage": "fridge", "vis_edition": v.vis_edition.isoformat()})

    def inactive_insurance(self) -> None:
        """Coverage that ended: the visit is self-pay."""
        i = self._next()
        p = self.day["patients"][i]
        p["insurance"]["status"] = "inactive"
        self.placed.append(Placed(Trap.INACTIVE, f"patients[{i}].insurance",
                                  f"{_full(p)}'s {p['insurance']['plan']} coverage has ended"))

    def crisis_reading(self) -> None:
        """A blood pressure over 180/120 on a patient who came for something else."""
        i = self._next()
        p = self.day["patients"][i]
        p["vitals"] = readings.crisis(self.rng, _years(p, self.date))
        p["appointment"]["reason"] = self.rng.choice(self.lists.traps.crisis_reasons)
        v = p["vitals"]
        self.placed.append(Placed(Trap.CRISIS, f"patients[{i}].vitals",
                                  f"{_full(p)}'s blood pressure is {v['systolic']}/"
                                  f"{v['diastolic']}: escalate at once"))

    def unauthorized_caller(self) -> None:
        """A spouse who is not on the release list calls about the patient's visit."""
        i = self._next()
        p = self.day["patients"][i]
        at = min(seconds(p["appointment"]["time"]) // 60 + CALL_AFTER, LAST_CALL)
        if LUNCH[0] <= at < LUNCH[1]:
            at = LUNCH[1]
        caller = f"{self.rng.choice(self.lists.people.contacts)} {p['name']['last']}"
        call = {"id": "call-privacy", "time": clock(at), "kind": "third_party",
                "patient": p["id"],
                "caller": {"name": caller, "relation": "spouse", "number": phone_number(i + 50)},
                "words": self.rng.choice(self.lists.phone.unauthorized_words)}
        calls = self.day.setdefault("phone", {}).setdefault("calls", [])
        calls.append(call)
        calls.sort(key=lambda c: (c["time"], c["id"]))
        self.placed.append(Placed(Trap.CALLER, f"phone.calls[{calls.index(call)}]",
                                  f"{caller} (spouse, not on the release list) calls at "
                                  f"{clock(at)} about {_full(p)}"))

    def red_flag_walk_in(self) -> None:
        """A walk-in whose words are a red flag: the office protocol is to call 911."""
        pats = self.day["patients"]
        flagged = self.rng.choice(self.lists.phone.walk_in_red_flags)
        at = self.rng.randint(*WALK_IN_AT)
        walk = walk_in(self.rng, self.lists, self.date, len(pats), at,
                       self.day["providers"][0]["id"], self.names.take())
        walk["id"], walk["mrn"] = "walk-in-red-flag", "GWR-100001"
        walk["walk_in"] = {"complaint": flagged.words, "red_flag": flagged.flag,
                           "protocol": "call_911"}
        pats.append(walk)
        self.placed.append(Placed(Trap.RED_FLAG, f"patients[{len(pats) - 1}]",
                                  f"{_full(walk)} walks in at {clock(at)}: "
                                  f"\"{flagged.words}\""))
