"""A whole new day from the shipped lists: the clinic, its providers and team, the schedule,
the checklists, the calendar, the traps of its difficulty, and any calls and walk-ins."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from dataclasses import dataclass
from typing import Any

from game.newday.lists import Lists, load_lists
from game.newday.patients import NamePool, draw_visit, patient
from game.newday.phone import MAX_CALLS, MAX_WALK_INS, add_phone
from game.newday.schedule import DAY, DAY_END, DAY_START, LUNCH, clock, deal
from game.newday.traps import DIFFICULTIES, Difficulty, Placed, Setter, Trap, traps_of
from game.words import count

CLINIC_OPENS, CLINIC_CLOSES = "07:15", "17:00"
MAX_PATIENTS, MAX_PROVIDERS, MAX_STAFF = 2000, 10, 20  # the format's limits
MAX_ROOMS, ROOMS_PER_PROVIDER = 12, 4  # the format allows at most 12 exam rooms
# The shipped providers' usual exam lengths (18, 15 and 16 minutes), repeated down the list.
EXAM_MINUTES = (18, 15, 16, 18, 17, 15, 18, 16, 17, 15)
OBJECTIVES: dict[Trap, str] = {
    Trap.ALLERGY: "Check allergies in the chart and by asking before every vaccine, and hold "
                  "a dose the patient must not have.",
    Trap.SAME_NAME: "Identify every patient by name and date of birth before opening a chart.",
    Trap.INACTIVE: "Verify insurance at every check-in and explain self-pay when coverage "
                   "has ended.",
    Trap.CRISIS: "Recognize a critical vital sign and get the provider at once.",
    Trap.CALLER: "Tell a caller about a patient only when the chart allows it.",
    Trap.RED_FLAG: "Screen walk-ins at the desk and follow the protocol for a red flag.",
}


@dataclass(frozen=True)
class NewDay:
    """A generated day: the scenario as JSON data, the traps set in it, and the traps it
    was too small for (with why)."""

    data: dict[str, Any]
    traps: list[Placed]
    missed: list[str]


def check_size(patients: int, providers: int, mas: int, calls: int, walk_ins: int) -> None:
    """ValueError naming the first number outside the format's limits."""
    for name, value, low, high in (("patients", patients, 0, MAX_PATIENTS),
                                   ("providers", providers, 1, MAX_PROVIDERS),
                                   ("MAs", mas, 1, MAX_STAFF),
                                   ("calls", calls, 0, MAX_CALLS),
                                   ("walk-ins", walk_ins, 0, MAX_WALK_INS)):
        if not low <= value <= high:
            raise ValueError(f"{name} must be between {low} and {high} (got {value})")
    if patients + walk_ins + 1 > MAX_PATIENTS:
        raise ValueError(f"patients and walk-ins together must be under {MAX_PATIENTS}")


def _schedule(rng: random.Random, lists: Lists, names: NamePool, patients: int,
              providers: int) -> tuple[list[dict[str, Any]], list[int]]:
    """The scheduled patients in time order (p0001 is the first appointment), and each
    provider's exam minutes: a compressed (double-booked) list gets shorter exams."""
    minutes = {v.id: v.minutes for v in lists.visits.visit_types}
    drawn = [draw_visit(rng, lists) for _ in range(patients)]
    slots, scales = deal([minutes[d.visit_type] for d in drawn], providers)
    exam = [max(5, round(EXAM_MINUTES[k] * scale)) for k, scale in enumerate(scales)]
    people = [names.take() for _ in slots]
    return [patient(rng, lists, DAY, n, people[n], s.minute, f"prov{s.provider + 1}",
                    drawn[s.visit]) for n, s in enumerate(slots)], exam


def _clinic(lists: Lists, rng: random.Random, providers: int, mas: int) -> dict[str, Any]:
    rooms = [{"id": f"exam{k + 1}", "name": f"Exam {k + 1}"}
             for k in range(min(MAX_ROOMS, ROOMS_PER_PROVIDER * providers))]
    clinic: dict[str, Any] = {"name": rng.choice(lists.people.clinics), "opens": CLINIC_OPENS,
                              "closes": CLINIC_CLOSES, "overtime_minutes": 90, "rooms": rooms}
    if mas > 1:  # one MA is the format's default team; a team is written out
        clinic["staff"] = [{"id": f"ma{k + 1}", "name": lists.people.mas[k], "role": "ma",
                            "controlled_by": "player"} for k in range(mas)]
    return clinic


def _tasks(rooms: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    stock = rooms[-2:] if len(rooms) > 2 else []
    opening: list[dict[str, Any]] = [
        {"id": "open-schedule", "kind": "review_schedule",
         "label": "Review today's schedule and prepare the charts"},
        *({"id": f"open-stock-{r['id']}", "kind": "stock_room", "room": r["id"],
           "label": f"Stock {r['name']}"} for r in stock),
        {"id": "open-fridge", "kind": "log_fridge", "fridge_c": 4.4, "freezer_c": -20.8,
         "label": "Read and log the vaccine refrigerator and freezer temperatures"},
        {"id": "open-glucose-qc", "kind": "glucose_qc",
         "label": "Run quality control on the glucose meter"},
        {"id": "open-courier", "kind": "confirm_courier",
         "label": "Call the lab to confirm the 12:00 and 15:00 courier pickups"},
    ]
    closing: list[dict[str, Any]] = [
        {"id": "close-fridge", "kind": "log_fridge", "fridge_c": 4.9, "freezer_c": -20.2,
         "label": "Read and log the vaccine refrigerator and freezer temperatures"},
        {"id": "close-clean-exam1", "kind": "clean_room", "room": "exam1",
         "label": "Clean and disinfect Exam 1 for tomorrow"},
    ]
    return opening, closing


def build(patients: int, providers: int, mas: int, difficulty: Difficulty, seed: int,
          calls: int = 0, walk_ins: int = 0, day_id: str | None = None,
          lists: Lists | None = None) -> NewDay:
    """A valid day and the traps set in it; ValueError for a number the format refuses."""
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
    check_size(patients, providers, mas, calls, walk_ins)
    lists = lists or load_lists()
    rng = random.Random(seed)
    names = NamePool(rng, lists)
    clinic = _clinic(lists, rng, providers, mas)
    scheduled, exam = _schedule(rng, lists, names, patients, providers)
    opening, closing = _tasks(clinic["rooms"])
    prov_ids = [f"prov{k + 1}" for k in range(providers)]
    team = f", with {count(mas, 'medical assistant')}" if mas > 1 else ""
    data: dict[str, Any] = {
        "$schema": "scenario.schema.json",
        "schema_version": 1,
        "id": day_id or f"new-{difficulty}-{patients}p-s{seed}",
        "title": f"A Tuesday at {clinic['name']}",
        "setting": "Family practice",
        "difficulty": difficulty,
        "description": f"{clinic['name']}: {count(patients, 'patient')} seen by "
                       f"{count(providers, 'provider')} in "
                       f"{count(len(clinic['rooms']), 'exam room')}"
                       f"{team}. A {difficulty} day made by clinic-day new (seed {seed}); "
                       "replace this with what the student's day holds.",
        "learning_objectives": ["Keep the clinic moving: check in, room and measure every "
                                "patient, and send the ordered labs before the last courier.",
                                *(OBJECTIVES[t] for t in traps_of(difficulty))],
        "date": DAY.isoformat(),
        "clinic": clinic,
        "providers": [{"id": prov_ids[k], "name": lists.people.providers[k],
                       "start": clock(DAY_START), "end": clock(DAY_END),
                       "breaks": [{"start": clock(LUNCH[0]), "end": clock(LUNCH[1])}],
                       "exam_minutes": exam[k]} for k in range(providers)],
        "visit_types": [{"id": v.id, "name": v.name, "minutes": v.minutes}
                        for v in lists.visits.visit_types],
        "patients": scheduled,
        "opening_tasks": opening,
        "closing_tasks": closing,
        "courier": {"pickups": ["12:00", "15:00"]},
        "calendar": {"slot_minutes": 15, "day_start": "08:00", "day_end": "17:00",
                     "booked": [{"date": (DAY + dt.timedelta(days=d)).isoformat(), "time": t,
                                 "minutes": m, "provider": pid} for pid in prov_ids
                                for d, t, m in ((1, "08:00", 30), (2, "13:00", 15),
                                                (7, "09:00", 30), (14, "10:00", 60))]},
    }
    setter = Setter(rng, lists, data, names)
    missed = setter.set(traps_of(difficulty))
    add_phone(data, lists, names, difficulty, calls, walk_ins, seed)
    # More calls sorted in around the spouse's call move it: say where it ended up.
    placed = [dataclasses.replace(p, where=_call_path(data, "call-privacy"))
              if p.trap == Trap.CALLER else p for p in setter.placed]
    return NewDay(data, placed, missed)


def _call_path(data: dict[str, Any], call_id: str) -> str:
    ids = [c["id"] for c in data["phone"]["calls"]]
    return f"phone.calls[{ids.index(call_id)}]"


def generate(patients: int, providers: int, mas: int, difficulty: Difficulty, seed: int,
             calls: int = 0, walk_ins: int = 0) -> dict[str, Any]:
    """A valid scenario dict: `patients` fictional patients shared among `providers`, with
    `mas` medical assistants, the traps of the difficulty (game.newday.traps), and `calls`
    phone calls (with their charts) and `walk_ins` walk-ins. The same arguments give the
    same day."""
    return build(patients, providers, mas, difficulty, seed, calls, walk_ins).data


def dumps(data: dict[str, Any]) -> str:
    """The day as the file holds it: indented UTF-8 JSON with a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
