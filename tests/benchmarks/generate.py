"""Deterministic generator of large, valid benchmark days:
`generate.py N P out.json [--mas M] [--calls C] [--walk-ins W]`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.clinical.vitals import aap_screening, age_band, pals_hypotension_systolic  # noqa: E402
from tests.benchmarks.day_data import (  # noqa: E402
    ADULT_VISITS,
    ALLERGIES,
    ASSISTS,
    AVAILABILITY,
    CHILD_VISITS,
    EXAM_MINUTES,
    FIRST_NAMES,
    FOLLOW_UP_WINDOWS,
    LAB_CODES,
    LAST_NAMES,
    MA_NAMES,
    MEDICATIONS,
    MINUTES,
    PLANS,
    PROVIDER_NAMES,
    REASONS,
    REFERRALS,
    VISIT_TYPES,
)
from tests.benchmarks.phone_calls import add_phone  # noqa: E402

DAY = dt.date(2026, 12, 1)  # a Tuesday
CLINIC_OPENS, CLINIC_CLOSES = "07:15", "17:00"
DAY_START, DAY_END = 8 * 60, 16 * 60 + 45  # the providers' hours, in minutes
LUNCH = (12 * 60, 13 * 60)  # no appointments while the providers are at lunch
MAX_ROOMS, ROOMS_PER_PROVIDER = 12, 4  # the format allows at most 12 exam rooms
MAX_STAFF = 20  # the format's limit on clinic.staff


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _place(visits: list[str], scale: float, gap: float) -> tuple[list[int], float]:
    """Start minutes of visits placed one after another, and when the last one ends; a visit
    that would run into lunch starts after it."""
    out, t = [], float(DAY_START)
    for v in visits:
        length = MINUTES[v] * scale
        if t + length > LUNCH[0] and t < LUNCH[1]:
            t = float(LUNCH[1])
        out.append(int(t))
        t += length + gap
    return out, t - gap


def _layout(visits: list[str]) -> tuple[list[int], float]:
    """Appointment minutes for one provider's visits in order, and the time scale used.

    Each visit takes its calendar length and the spare time is spread between visits. A list
    too long for the day is compressed (the scale is below 1): visits overlap, as double
    booking does, so any number of patients still fits the provider's hours.
    """
    natural = sum(MINUTES[v] for v in visits)
    hours = (LUNCH[0] - DAY_START) + (DAY_END - LUNCH[1])
    scale = min(1.0, hours / natural) if natural else 1.0
    times, end = _place(visits, scale, 0.0)
    while end > DAY_END:  # time lost before lunch: shrink until the list fits
        scale *= 0.97
        times, end = _place(visits, scale, 0.0)
    if visits:
        gap = (DAY_END - end) / len(visits)
        if scale == 1.0:  # calendar lengths are on 5-minute marks: keep the gaps on them too
            gap = gap // 5 * 5
        spaced, end = _place(visits, scale, gap)
        if end <= DAY_END:  # a gap can push a visit past lunch; then the day is tight
            times = spaced
    return times, scale


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _inside(rng: random.Random, bounds: tuple[int, int], margin: int) -> int:
    """A whole number at least `margin` inside an inclusive (low, high) range."""
    return rng.randint(bounds[0] + margin, bounds[1] - margin)


def _years(dob: dt.date) -> int:
    """Completed years on the day, as the game counts a patient's age."""
    return DAY.year - dob.year - ((DAY.month, DAY.day) < (dob.month, dob.day))


# How far inside each limit a healthy value stays: three standard deviations of the device's
# variation (game.sim.rules.vitals_device.SPREAD), so what the device shows is never flagged.
MARGIN = {"systolic": 9, "diastolic": 6, "pulse": 6, "resp": 3}


def _child_vitals(rng: random.Random, years: int) -> dict[str, Any]:
    """Clearly normal for the age: inside the PALS heart-rate and breathing bands, above PALS
    hypotension and below the AAP 2017 screening threshold (adult cut-offs from 13 years)."""
    band = age_band(years)
    screen = aap_screening(years)  # without a sex: the lower of the girls' and boys' numbers
    hypo = pals_hypotension_systolic(years)
    if screen is None or hypo is None:
        sbp, dbp = rng.randint(100, 110), rng.randint(66, 73)
    else:
        low, high = hypo + MARGIN["systolic"], screen[0] - MARGIN["systolic"] - 1
        if low > high:  # a narrow band (10 years): the middle of it
            low = high = (hypo + screen[0]) // 2
        sbp, dbp = rng.randint(low, high), screen[1] - MARGIN["diastolic"] - rng.randint(1, 6)
    return {"systolic": sbp, "diastolic": dbp,
            "pulse": _inside(rng, band.pulse, MARGIN["pulse"] + 2),
            "resp": _inside(rng, band.resp, MARGIN["resp"]),
            "temp_f": rng.choice((98.2, 98.4, 98.6)), "spo2": rng.randint(97, 100),
            "weight_lb": round(rng.uniform(40, 52) + 8 * (years - 6), 1),
            "height_in": round(rng.uniform(44, 48) + 2.2 * (years - 6), 1)}


def _vitals(rng: random.Random, years: int) -> dict[str, Any]:
    """Clearly normal for the age; about one adult in seven has something clearly abnormal."""
    if years < 16:
        return _child_vitals(rng, years)
    v: dict[str, Any] = {"systolic": rng.randint(100, 110), "diastolic": rng.randint(66, 73),
                         "pulse": rng.randint(66, 88), "resp": rng.randint(15, 17),
                         "temp_f": rng.choice((97.9, 98.2, 98.4, 98.7)),
                         "spo2": rng.randint(97, 99), "weight_lb": round(rng.uniform(110, 260), 1)}
    if rng.random() < 0.3:
        v["height_in"] = round(rng.uniform(60, 75), 1)
    roll = rng.random()
    if roll < 0.01:  # hypertensive crisis: must be escalated at once
        v.update(systolic=rng.randint(192, 198), diastolic=rng.randint(124, 128))
    elif roll < 0.06:  # stage 2 hypertension
        v.update(systolic=rng.randint(142, 158), diastolic=rng.randint(90, 96))
    elif roll < 0.09:  # a fever with a fast pulse
        v.update(temp_f=round(rng.uniform(100.8, 102.2), 1), pulse=rng.randint(108, 116))
    elif roll < 0.11:  # a low SpO2 (not yet an emergency) and fast breathing
        v.update(spo2=92, resp=rng.randint(23, 26))
    elif roll < 0.14:  # stage 1 hypertension
        v.update(systolic=rng.randint(132, 136), diastolic=rng.randint(82, 86))
    return v


def _orders(rng: random.Random, visit: str, reason: str) -> dict[str, Any]:
    orders: dict[str, Any] = {}
    if visit not in ("procedure", "well_child") and rng.random() < 0.35:
        orders["labs"] = rng.sample(LAB_CODES, rng.randint(1, 3))
    if rng.random() < 0.3:
        low, high = rng.choice(FOLLOW_UP_WINDOWS)
        orders["follow_up"] = {"visit_type": "follow_up", "min_days": low, "max_days": high}
    if rng.random() < 0.08:
        orders["referral"] = rng.choice(REFERRALS)
    if visit == "procedure" and rng.random() < 0.7:
        orders["assist"] = ASSISTS[reason]
    return orders


def _draw_visit(rng: random.Random) -> tuple[int, str]:
    """A patient's age in years and visit type: about one in sixteen is a school-age child."""
    if rng.random() < 0.06:
        return rng.randint(7, 15), _weighted(rng, CHILD_VISITS)
    return rng.randint(18, 89), _weighted(rng, ADULT_VISITS)


def _patient(rng: random.Random, i: int, name: tuple[str, str], time: int, provider: str,
             age: int, visit: str) -> dict[str, Any]:
    first, last = name
    dob = DAY - dt.timedelta(days=365 * age + rng.randint(1, 364))
    age = _years(dob)  # 365-day years drift by the leap days: judge on the real age
    reason = rng.choice(REASONS[visit])
    plan, prefix = rng.choice(PLANS)
    p: dict[str, Any] = {
        "id": f"p{i + 1:04d}-{last.lower()}",
        "name": {"first": first, "last": last},
        "dob": dob.isoformat(),
        "mrn": f"GEN-{100000 + i}",
        "phone": f"555-{i % 10000:04d}",
        "appointment": {"time": _clock(time), "provider": provider, "visit_type": visit,
                        "reason": reason},
        "insurance": {"plan": plan, "member_id": f"{prefix}{rng.randint(10**8, 10**9 - 1)}",
                      "copay": 0 if age < 16 else rng.choice((0, 20, 25, 30, 40))},
        "vitals": _vitals(rng, age),
    }
    arrival = rng.random()
    if arrival < 0.03:
        p["arrival"] = {"kind": "no_show"}
    elif arrival < 0.10:
        p["arrival"] = {"kind": "late"}
    elif arrival < 0.25:
        p["arrival"] = {"kind": "early"}
    status = rng.random()
    if status < 0.03:
        p["insurance"]["status"] = "inactive"
    elif status < 0.08:
        p["insurance"]["status"] = "new_card"
    if rng.random() < 0.08:
        p["demographics_changed"] = True
    if rng.random() < 0.3:
        p["allergies"] = rng.sample(ALLERGIES, rng.randint(1, 2))
    if age >= 16 and rng.random() < 0.6:
        p["medications"] = rng.sample(MEDICATIONS, rng.randint(1, 3))
    orders = _orders(rng, visit, reason)
    if orders:
        p["orders"] = orders
    if "follow_up" in orders and rng.random() < 0.3:
        p["availability"] = rng.choice(AVAILABILITY)
    if rng.random() < 0.1:
        p["patience_minutes"] = rng.choice((35, 40, 60))
    return p


def _staff(mas: int) -> list[dict[str, Any]]:
    """`mas` named medical assistants, all directed by the player."""
    return [{"id": f"ma{k + 1}", "name": MA_NAMES[k], "role": "ma", "controlled_by": "player"}
            for k in range(mas)]


def generate_day(patients: int, providers: int, seed: int = 0, mas: int = 1,
                 staff: bool | None = None, calls: int = 0,
                 walk_ins: int = 0) -> dict[str, Any]:
    """A valid scenario dict: `patients` fictional patients shared among `providers`, with
    `mas` medical assistants. `clinic.staff` is written when `staff` is true, or (when `staff`
    is None) when there is more than one MA; without it the day has the format's single MA.
    `calls` phone calls (with the charts they are about) and `walk_ins` walk-ins are added."""
    if not 0 <= patients <= 2000:
        raise ValueError("patients must be between 0 and 2000 (the format's limit)")
    if not 1 <= providers <= len(PROVIDER_NAMES):
        raise ValueError(f"providers must be between 1 and {len(PROVIDER_NAMES)}")
    if not 1 <= mas <= MAX_STAFF:
        raise ValueError(f"MAs must be between 1 and {MAX_STAFF} (the format's team limit)")
    if staff is False and mas > 1:
        raise ValueError("more than one MA needs clinic.staff: leave --no-staff out")
    rng = random.Random(seed)
    n_rooms = min(MAX_ROOMS, ROOMS_PER_PROVIDER * providers)
    rooms = [{"id": f"exam{k + 1}", "name": f"Exam {k + 1}"} for k in range(n_rooms)]

    # Visits are dealt to the providers longest first, each to the provider with the least
    # booked time, so every list takes about the same share of the day; each provider's list
    # is then laid out in the order drawn, and the whole schedule is numbered in time order
    # (p0001 is the first appointment).
    drawn = [_draw_visit(rng) for _ in range(patients)]
    lists: list[list[int]] = [[] for _ in range(providers)]
    booked_minutes = [0] * providers
    for i in sorted(range(patients), key=lambda i: -MINUTES[drawn[i][1]]):
        k = min(range(providers), key=lambda k: (booked_minutes[k], len(lists[k]), k))
        lists[k].append(i)
        booked_minutes[k] += MINUTES[drawn[i][1]]
    schedule, exam_minutes = [], []
    for k, mine in enumerate(lists):
        mine.sort()
        times, scale = _layout([drawn[i][1] for i in mine])
        schedule += [(t, k, i) for t, i in zip(times, mine, strict=True)]
        # A compressed (double-booked) list gets shorter exams, so the provider keeps up.
        exam_minutes.append(max(5, round(EXAM_MINUTES[k] * scale)))
    schedule.sort()
    prov_ids = [f"prov{k + 1}" for k in range(providers)]
    provider_list = [
        {"id": prov_ids[k], "name": PROVIDER_NAMES[k], "start": _clock(DAY_START),
         "end": _clock(DAY_END), "breaks": [{"start": _clock(LUNCH[0]), "end": _clock(LUNCH[1])}],
         "exam_minutes": exam_minutes[k]}
        for k in range(providers)
    ]

    names = [(f, la) for f in FIRST_NAMES for la in LAST_NAMES]
    rng.shuffle(names)
    patient_list = [_patient(rng, n, names[n % len(names)], t, prov_ids[k], *drawn[i])
                    for n, (t, k, i) in enumerate(schedule)]

    stock = rooms[-2:] if n_rooms > 2 else []
    opening = [
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
    closing = [
        {"id": "close-fridge", "kind": "log_fridge", "fridge_c": 4.9, "freezer_c": -20.2,
         "label": "Read and log the vaccine refrigerator and freezer temperatures"},
        {"id": "close-clean-exam1", "kind": "clean_room", "room": "exam1",
         "label": "Clean and disinfect Exam 1 for tomorrow"},
    ]
    booked = [
        {"date": (DAY + dt.timedelta(days=d)).isoformat(), "time": t, "minutes": m,
         "provider": pid}
        for pid in prov_ids
        for d, t, m in ((1, "08:00", 30), (2, "13:00", 15), (7, "09:00", 30), (14, "10:00", 60))
    ]
    team = staff if staff is not None else mas > 1
    clinic: dict[str, Any] = {"name": "Generated Family Practice", "opens": CLINIC_OPENS,
                              "closes": CLINIC_CLOSES, "overtime_minutes": 90, "rooms": rooms}
    if team:
        clinic["staff"] = _staff(mas)
    ma_text = f", {mas} MAs" if team else ""
    day = {
        "schema_version": 1,
        "id": f"gen-{patients}p-{providers}prov{f'-{mas}ma' if team else ''}-s{seed}",
        "title": f"Generated day: {patients} patients, {providers} provider(s){ma_text}",
        "setting": "Family practice (generated)",
        "difficulty": "challenging",
        "description": f"A generated benchmark day (seed {seed}) with {patients} fictional "
                       f"patients seen by {providers} provider(s) in {n_rooms} exam rooms"
                       + (f", with {mas} medical assistants." if team else "."),
        "learning_objectives": ["Keep a busy multi-provider clinic moving safely."],
        "date": DAY.isoformat(),
        "clinic": clinic,
        "providers": provider_list,
        "visit_types": [{"id": i, "name": n, "minutes": m} for i, n, m in VISIT_TYPES],
        "patients": patient_list,
        "opening_tasks": opening,
        "closing_tasks": closing,
        "courier": {"pickups": ["12:00", "15:00"]},
        "calendar": {"slot_minutes": 15, "day_start": "08:00", "day_end": "17:00",
                     "booked": booked},
    }
    add_phone(day, calls, walk_ins, seed)
    return day


def write_day(data: dict[str, Any], path: Path) -> None:
    """Write a scenario dict as indented UTF-8 JSON."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """CLI: generate a day, write it, and check it with the game's loader."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("patients", type=int)
    ap.add_argument("providers", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--mas", type=int, default=1, metavar="M",
                    help=f"medical assistants the player directs, 1-{MAX_STAFF} (default 1)")
    ap.add_argument("--calls", type=int, default=0, metavar="C",
                    help="phone calls and portal messages of every kind (default 0)")
    ap.add_argument("--walk-ins", type=int, default=0, metavar="W",
                    help="walk-ins, about one in four with a red flag (default 0)")
    team = ap.add_mutually_exclusive_group()
    team.add_argument("--staff", dest="staff", action="store_true", default=None,
                      help="write clinic.staff even for one MA (it is written for two or more)")
    team.add_argument("--no-staff", dest="staff", action="store_false",
                      help="never write clinic.staff (one MA only)")
    args = ap.parse_args(argv)
    try:
        data = generate_day(args.patients, args.providers, args.seed, args.mas, args.staff,
                            args.calls, args.walk_ins)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        write_day(data, args.out)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    from game.scenario.errors import InputError
    from game.scenario.load import load_scenario

    try:
        loaded = load_scenario(args.out)
    except InputError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    s = loaded.scenario
    crew = f", {len(s.clinic.staff)} staff" if s.clinic.staff else ""
    phone = f", {len(s.phone.calls)} calls" if s.phone.calls else ""
    walk = sum(p.walk_in is not None for p in s.patients)
    phone += f", {walk} walk-ins" if walk else ""
    print(f"wrote {args.out}: {len(s.patients)} patients, {len(s.providers)} provider(s), "
          f"{len(s.clinic.rooms)} rooms{crew}{phone}; valid (sha256 {loaded.sha256[:12]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
