"""The ledger: every award and penalty with its time, category, competency and teaching note."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from game.clinical.competencies import is_known
from game.scenario.settings import Scoring

CATEGORIES = ("safety", "clinical", "administrative", "flow", "experience")
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))


class Step(StrEnum):
    """A step the day expects of a patient's visit (or, for TASK, a checklist task)."""

    NO_SHOW = "no_show"
    IDENTITY = "identity"
    INSURANCE = "insurance"
    COPAY = "copay"
    DEMOGRAPHICS = "demographics"
    VITALS = "vitals"
    FLAGS = "flags"
    HISTORY = "history"
    ESCALATE = "escalate"
    SEEN = "seen"
    WAIT = "wait"
    COLLECT = "collect"
    LABEL = "label"
    SHIP = "ship"
    POC = "poc"
    ASSIST = "assist"
    FOLLOW_UP = "follow_up"
    REFERRAL = "referral"
    CHECKOUT = "checkout"
    CHART = "chart"
    TASK = "task"
    SCREEN = "screen"  # a walk-in screened at the desk
    FIT_IN = "fit_in"  # a walk-in without a red flag given the office's best option
    ANSWER = "answer"  # a call answered, or its voicemail returned (subject: the call id)
    RESPONSE = "response"  # what was done for the caller
    MESSAGE = "message"  # the call's message, documented
    ALLERGY = "allergy"  # allergies checked against the product, in the chart and by asking
    VIS = "vis"  # the current Vaccine Information Statement given before the dose
    DOSE = "dose"  # the right product, dose, route, site and needle
    SHARPS = "sharps"  # the needle straight into the sharps container
    OBSERVE = "observe"  # 15 minutes of observation after a vaccine
    MED_RECORD = "med_record"  # the administration documented
    QC = "qc"  # a kit's or analyzer's quality control (subject: the kit id)
    READ = "read"  # a point-of-care test read at its time
    RESULT = "result"  # a point-of-care result recorded with units and flagged
    ECG = "ecg"  # a 12-lead tracing acquired
    ECG_HANDOFF = "ecg_handoff"  # the tracing handed to the provider
    INVENTORY = "inventory"  # stock counted and restocked to par (subject: a stock place)
    ECG_ALERT = "ecg_alert"  # a patient with chest pain at the ECG: the provider got at once
    # Scripted events (subject: "late:<provider>", "alarm:<unit>", "courier:<HH:MM>",
    # "room:<room>"): what the MA does when the day goes wrong.
    DELAY_TOLD = "delay_told"  # the waiting patients told that the provider runs late
    QUARANTINE = "quarantine"  # an alarmed unit's vaccines labeled "do not use", kept cold
    EXCURSION = "excursion"  # the temperature excursion recorded, the coordinator told
    COURIER_MOVED = "courier_moved"  # the specimens ready for a moved pickup went with it
    ROOM_MOVE = "room_move"  # the patient in a room gone out of service moved out of it


@dataclass(frozen=True)
class LedgerKey:
    """Which opportunity an award resolves: a step of a patient's visit, or a task."""

    subject: str  # a patient id, or a task id for Step.TASK
    step: Step


def key(patient: str, step: Step) -> LedgerKey:
    """The ledger key of one patient's step."""
    return LedgerKey(patient, step)


def task_key(task: str) -> LedgerKey:
    """The ledger key of a checklist task."""
    return LedgerKey(task, Step.TASK)


@dataclass(frozen=True)
class Entry:
    """One line of the ledger; `max` is what the step was worth (0 for a pure penalty)."""

    t: int
    category: str
    points: int
    max: int
    competency: str | None  # a full MAERB code, or None where no competency applies
    patient: str | None
    reason: str
    note: str
    critical: bool = False
    actor: str | None = None  # the staff member whose action it was; None for the world's

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the report and the digest."""
        # Every field is a plain value, so a copy of the fields is what asdict() would give,
        # without its recursive walk (the digest and every report call this per entry).
        return dict(vars(self))


@dataclass(frozen=True)
class Opportunity:
    """A step the day expects: done well it earns `max`; never done, it earns nothing."""

    category: str
    max: int
    competency: str | None  # a full MAERB code, or None where no competency applies
    patient: str | None
    missed: str  # reason shown when the day ends without it
    note: str  # what should have been done, and why


@dataclass(frozen=True)
class Score:
    """The day's result."""

    total: int
    passed: bool
    grade: str
    categories: dict[str, tuple[int, int]]
    critical_errors: list[Entry]


class Ledger:
    """Opportunities the day offers and the entries that resolve them."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._open: dict[LedgerKey, Opportunity] = {}
        self._possible: dict[str, int] = dict.fromkeys(CATEGORIES, 0)

    def expect(self, key: LedgerKey, opp: Opportunity) -> None:
        """Register a step the day expects; its points count toward what is possible."""
        if opp.category not in CATEGORIES or not is_known(opp.competency):
            raise ValueError(f"bad opportunity {key}: {opp}")
        self._open[key] = opp
        self._possible[opp.category] += opp.max

    def is_open(self, key: LedgerKey) -> bool:
        """Whether a step is still to be done."""
        return key in self._open

    def award(self, key: LedgerKey, t: int, points: int, reason: str,
              note: str = "") -> Entry | None:
        """Resolve a step with some of its points; the note explains any shortfall."""
        opp = self._open.pop(key, None)
        if opp is None:
            return None
        points = max(0, min(points, opp.max))
        entry = Entry(t, opp.category, points, opp.max, opp.competency, opp.patient, reason,
                      note if note or points == opp.max else opp.note)
        self.entries.append(entry)
        return entry

    def penalty(self, t: int, category: str, points: int, competency: str | None,
                patient: str | None, reason: str, note: str, critical: bool = False) -> Entry:
        """A mistake: negative points, and for a critical error a cap on the day."""
        if category not in CATEGORIES or not is_known(competency):
            raise ValueError(f"bad penalty {category} {competency}")
        entry = Entry(t, category, -abs(points), 0, competency, patient, reason, note, critical)
        self.entries.append(entry)
        return entry

    def close_out(self, t: int) -> None:
        """End of day: every step still open is recorded as missed."""
        for opp in self._open.values():
            self.entries.append(Entry(t, opp.category, 0, opp.max, opp.competency, opp.patient,
                                      opp.missed, opp.note))
        self._open.clear()

    def stamp(self, since: int, actor: str) -> None:
        """Mark the entries made since index `since` as the work of one staff member."""
        for i in range(since, len(self.entries)):
            if self.entries[i].actor is None:
                self.entries[i] = replace(self.entries[i], actor=actor)

    def expect_step(self, patient: str, step: Step, category: str, points: int,
                    competency: str | None, missed: str, note: str) -> None:
        """Register one step of a patient's visit."""
        self.expect(key(patient, step), Opportunity(category, points, competency, patient,
                                                    missed, note))

    def settle(self, patient: str, t: int, earned: bool, reason: str, note: str) -> None:
        """A patient's visit ends before its steps could be done (a walk-in sent elsewhere):
        their open steps are resolved at once, all earned when sending them away was right,
        none when it was not, in one line per category. What is possible never depends on
        what the player decides, so every player of a day faces the same total."""
        by_category: dict[str, int] = {}
        for k, opp in list(self._open.items()):
            if opp.patient == patient:
                del self._open[k]
                by_category[opp.category] = by_category.get(opp.category, 0) + opp.max
        for category, points in by_category.items():
            self.entries.append(Entry(t, category, points if earned else 0, points, None,
                                      patient, reason, "" if earned else note))

    def running_total(self) -> int:
        """Points earned so far, for the top bar."""
        return sum(e.points for e in self.entries)

    def score(self, scoring: Scoring) -> Score:
        """Weighted category percentages, capped by critical errors."""
        earned = dict.fromkeys(CATEGORIES, 0)
        for e in self.entries:
            earned[e.category] += e.points
        weights = scoring.weights.as_dict()
        weighted = weight_sum = 0.0
        cats: dict[str, tuple[int, int]] = {}
        for c in CATEGORIES:
            possible = self._possible[c]
            got = max(0, min(earned[c], possible))
            cats[c] = (got, possible)
            if possible > 0:
                weighted += weights[c] * got / possible
                weight_sum += weights[c]
        total = round(100 * weighted / weight_sum) if weight_sum else 0
        critical = [e for e in self.entries if e.critical]
        if critical:
            total = min(total, scoring.critical_cap)
        passed = total >= scoring.pass_mark and not critical
        grade = next(letter for floor, letter in GRADES if total >= floor)
        return Score(total, passed, grade, cats, critical)
