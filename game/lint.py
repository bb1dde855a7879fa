"""`clinic-day lint`: checks beyond validation that a valid day is winnable and fair, each
an error or a warning at its JSON path, with the bots' scores per seed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from statistics import mean

from game.clinical.vitals import abnormal_signs, age_on, crisis_reasons
from game.scenario.errors import PathPart, json_path
from game.scenario.events import RoomOutOfService
from game.scenario.models import Scenario
from game.scenario.types import clock, seconds
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.rng import Streams
from game.sim.rules.checkout import first_slot
from game.sim.rules.vitals_device import device_reading, true_reading
from game.sim.runner import play_policy
from game.sim.scoring import Score

BOTS = ("reference", "naive", "idle")
# The naive bot cuts every corner; a day where it comes within this many points of the
# reference bot, on average, does not tell a careful student from a careless one.
CLEARLY_LOWER = 10


class Level(StrEnum):
    """How much a finding matters: an error fails the lint, a warning only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One thing lint found, where it is in the file, and why it matters."""

    level: Level
    path: tuple[PathPart, ...]
    message: str

    def render(self, file: str) -> str:
        """`file: path: error: message`, as validate prints a problem."""
        where = json_path(self.path) or "(the whole day)"
        return f"{file}: {where}: {self.level}: {self.message}"


def scores(scenario: Scenario, seeds: int) -> dict[str, list[Score]]:
    """Each bot's score on seeds 1..seeds."""
    out: dict[str, list[Score]] = {}
    for bot in BOTS:
        out[bot] = []
        for seed in range(1, seeds + 1):
            sim = Simulation(scenario, seed)
            play_policy(sim, POLICIES[bot]())
            out[bot].append(sim.score())
    return out


def table(found: dict[str, list[Score]]) -> str:
    """The bots' totals per seed, one row a bot, with pass or fail."""
    seeds = len(next(iter(found.values()), []))
    head = "bot        " + " ".join(f"seed {s:<3}" for s in range(1, seeds + 1))
    rows = [head]
    for bot, got in found.items():
        rows.append(f"{bot:<10} " + " ".join(
            f"{s.total:>3} {'P' if s.passed else 'F'}   " for s in got).rstrip())
    return "\n".join(rows)


def fairness(found: dict[str, list[Score]], pass_mark: int | None = None) -> list[Finding]:
    """The reference bot passes every seed, idle fails every seed, naive does clearly worse."""
    out: list[Finding] = []
    failed = [i + 1 for i, s in enumerate(found["reference"]) if not s.passed]
    if failed:
        out.append(Finding(Level.ERROR, ("scoring", "pass_mark"),
                           f"the reference bot, which does every step right, fails on seed(s) "
                           f"{', '.join(map(str, failed))}: the day is too tight (too many "
                           "patients for the rooms and providers, labs too close to the last "
                           "courier, very little patience) or the pass mark too high"))
    best = max((s.total for s in found["reference"]), default=0)
    if pass_mark is not None and best < pass_mark:
        out.append(Finding(Level.ERROR, ("scoring", "pass_mark"),
                           f"the pass mark {pass_mark} is above the best score the reference "
                           f"bot reaches ({best}): no student can be expected to pass"))
    passed = [i + 1 for i, s in enumerate(found["idle"]) if s.passed]
    if passed:
        out.append(Finding(Level.ERROR, ("scoring", "pass_mark"),
                           f"a player who does nothing passes on seed(s) "
                           f"{', '.join(map(str, passed))}: the day asks too little"))
    ref, naive = (mean(s.total for s in found[b]) for b in ("reference", "naive"))
    if naive > ref - CLEARLY_LOWER:
        out.append(Finding(Level.WARNING, (),
                           f"the naive bot, which skips the careful steps, averages {naive:.0f} "
                           f"against the reference bot's {ref:.0f}: the day barely tells "
                           "careful work from careless"))
    return out


def content(scenario: Scenario) -> list[Finding]:
    """What the day's own parts make unfair or pointless, whatever the bots score."""
    out: list[Finding] = []
    if not scenario.patients:
        out.append(Finding(Level.ERROR, ("patients",),
                           "the day has no patients: every player would score the same, "
                           "whatever they do"))
    seeing = {p.appointment.provider for p in scenario.patients}
    for i, prov in enumerate(scenario.providers):
        if prov.id not in seeing:
            out.append(Finding(Level.WARNING, ("providers", i),
                               f"{prov.name} has no patients today"))
    out += list(_follow_ups(scenario))
    out += list(_poc_without_qc(scenario))
    out += list(_rooms_never_usable(scenario))
    return out


def _rooms_never_usable(scenario: Scenario) -> Iterable[Finding]:
    """A room out of service the whole day is a room no player can use: the author meant
    fewer rooms, or forgot the event's `until`."""
    opens, closes = seconds(scenario.clinic.opens), seconds(scenario.clinic.closes)
    for room in scenario.clinic.rooms:
        spans = sorted((seconds(e.at), seconds(e.until) if e.until else closes, i)
                       for i, e in enumerate(scenario.events)
                       if isinstance(e, RoomOutOfService) and e.room == room.id)
        reach, first = opens, None
        for start, end, i in spans:
            if start > reach:
                break
            first = i if first is None else first
            reach = max(reach, end)
        if first is not None and reach >= closes:
            yield Finding(Level.WARNING, ("events", first),
                          f"{room.name} is out of service from the opening to the closing: "
                          "no patient can be roomed there all day; remove the room, or give "
                          "the event a later `at` or an `until`")
    yield from _all_rooms_closed(scenario, closes)


def _all_rooms_closed(scenario: Scenario, closes: int) -> Iterable[Finding]:
    """Every exam room out of service at once: nobody can be roomed or seen meanwhile, and
    the patient in each has nowhere to be moved to."""
    spans = [(seconds(e.at), seconds(e.until) if e.until else closes, e.room, i)
             for i, e in enumerate(scenario.events) if isinstance(e, RoomOutOfService)]
    rooms = {r.id for r in scenario.clinic.rooms}
    for start, _, _, i in sorted(spans):
        closed = {room for s, end, room, _ in spans if s <= start < end}
        if rooms and closed >= rooms:
            yield Finding(Level.WARNING, ("events", i),
                          f"from {clock(start)} every exam room is out of service: nobody "
                          "can be roomed or seen, and no patient can be moved out; keep "
                          "one room in service")
            return


def _poc_without_qc(scenario: Scenario) -> Iterable[Finding]:
    """A kit whose QC fails all day with no other lot to open: its tests can never be
    reported, so every player sends those specimens out, whatever the author meant."""
    if scenario.poc is None:
        return
    for i, kit in enumerate(scenario.poc.kits):
        if kit.qc_today != "fail" or kit.spare_lot is not None:
            continue
        ordered = [f"{p.name.first} {p.name.last}" for p in scenario.patients
                   if set(p.orders.labs) & set(kit.tests)]
        if ordered:
            yield Finding(Level.WARNING, ("poc", "kits", i, "qc_today"),
                          f"QC on kit '{kit.id}' fails all day and there is no spare lot: "
                          f"no one can report {', '.join(kit.tests)} for "
                          f"{', '.join(ordered)}; give it a spare_lot, or make the day "
                          "about sending the specimen to the lab on purpose")


def _follow_ups(scenario: Scenario) -> Iterable[Finding]:
    """A follow-up whose window has no slot the patient can keep costs every player its
    points: the calendar, the provider's days and the patient's availability together."""
    sim = Simulation(scenario, 1)
    for i, p in enumerate(scenario.patients):
        fu = p.orders.follow_up
        if fu is None:
            continue
        if first_slot(sim, sim.world.patients[p.id], respect_patient=True) is None:
            out = ("patients", i, "orders", "follow_up")
            yield Finding(Level.WARNING, out,
                          f"no slot in {fu.min_days}-{fu.max_days} days fits both the "
                          f"calendar and {p.name.first} {p.name.last}'s availability: no "
                          "player can book this follow-up as ordered")


def noise(scenario: Scenario, seeds: int) -> list[Finding]:
    """A reading the author meant as normal, abnormal or a crisis that the devices' seeded
    variation moves across a threshold on some seeds: what the student must flag (or
    escalate) would then depend on the seed, not on the patient."""
    out: list[Finding] = []
    for i, p in enumerate(scenario.patients):
        if p.vitals.exact:
            continue  # pinned: the devices show the truth on every seed
        age = age_on(p.dob, scenario.date)
        truth = true_reading(p)
        meant = (abnormal_signs(truth, age, p.sex), bool(crisis_reasons(truth, age)))
        moved: dict[str, list[int]] = {}
        for seed in range(1, seeds + 1):
            shown = device_reading(Streams(seed), p)
            signs = abnormal_signs(shown, age, p.sex)
            for sign in sorted(signs ^ meant[0]):
                moved.setdefault(sign, []).append(seed)
            if bool(crisis_reasons(shown, age)) != meant[1]:
                moved.setdefault("crisis", []).append(seed)
        for sign, on in moved.items():
            what = ("a crisis" if meant[1] else "no crisis") if sign == "crisis" else \
                f"{sign} {'abnormal' if sign in meant[0] else 'normal'}"
            out.append(Finding(Level.WARNING, ("patients", i, "vitals"),
                               f"the true values make {what}, but the devices' variation "
                               f"says otherwise on seed(s) {', '.join(map(str, on))}: move the "
                               "value further from its threshold so every seed teaches the "
                               "same flag, or pin it with \"exact\": true"))
    return out


def lint(scenario: Scenario, seeds: int) -> tuple[list[Finding], str]:
    """Every finding of a valid day, and the bots' table."""
    found = scores(scenario, seeds)
    return (content(scenario) + noise(scenario, seeds)
            + fairness(found, scenario.scoring.pass_mark), table(found))
