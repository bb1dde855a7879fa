"""Deterministic generator of large, valid benchmark days: `generate.py N P out.json`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

DAY = dt.date(2026, 12, 1)  # a Tuesday
CLINIC_OPENS, CLINIC_CLOSES = "07:15", "17:00"
FIRST_SLOT, LAST_SLOT = 8 * 60, 16 * 60 + 30  # appointments 08:00-16:30, in minutes
LUNCH = (12 * 60, 13 * 60)  # no appointments while the providers are at lunch
MAX_ROOMS, ROOMS_PER_PROVIDER = 12, 4

FIRST_NAMES = (
    "Avery", "Bianca", "Caleb", "Dalia", "Elliot", "Farah", "Gideon", "Hana", "Ivo", "Jolene",
    "Kofi", "Lena", "Marco", "Nadia", "Otis", "Priya", "Quinn", "Rosa", "Soren", "Tamsin",
    "Umar", "Vera", "Wendell", "Yara",
)
LAST_NAMES = (
    "Abernathy", "Bellweather", "Castellan", "Drummond", "Everly", "Fairbanks", "Galloway",
    "Hollis", "Iverson", "Jarrow", "Kessler", "Lindgren", "Marchetti", "Northcott", "Okonkwo",
    "Pemberton", "Quarles", "Rasmussen", "Sandoval", "Thorne", "Underwood", "Valdivia",
    "Whitcombe", "Yamashiro",
)
PROVIDER_NAMES = (
    "Dr. Imogen Ashdown", "Dr. Tobias Renfrew", "Dr. Selin Okoro", "Dr. Mateo Brightwater",
    "Dr. Ingrid Solberg", "Dr. Kwame Adeyemi", "Dr. Lucia Ferrante", "Dr. Hamish Calder",
    "Dr. Noor Haddad", "Dr. Petra Vukovic",
)
VISIT_TYPES = (
    ("follow_up", "Follow-up visit", 15),
    ("annual_physical", "Annual physical", 30),
    ("new_patient", "New patient visit", 30),
    ("acute", "Acute (same-day sick) visit", 15),
    ("procedure", "Office procedure", 30),
)
REASONS = {
    "follow_up": ("Blood pressure check", "Type 2 diabetes follow-up", "Thyroid dose review",
                  "Cholesterol follow-up", "Asthma follow-up; inhaler refill"),
    "annual_physical": ("Annual physical", "Annual physical; fasting for labs",
                        "Well visit and sports form"),
    "new_patient": ("New patient: establish care", "New patient: transfer of care"),
    "acute": ("Sore throat for 2 days", "Cough and congestion", "Low back pain after lifting",
              "Itchy rash for 5 days", "Ear pain"),
    "procedure": ("Suture removal", "Wound check and dressing change", "Skin tag removal"),
}
ASSISTS = {"Suture removal": "suture removal", "Wound check and dressing change": "wound care",
           "Skin tag removal": "skin tag removal"}
LAB_CODES = ("CMP", "CBC", "LIPID", "HBA1C", "TSH", "PT_INR", "POC_GLUCOSE")
PLANS = (("Lakeshore Health PPO", "LKH"), ("Prairie State Blue HMO", "PSB"),
         ("Cedar Valley Medicare Advantage", "CVM"), ("Harborview Medicaid", "HVM"))
ALLERGIES = ("penicillin (hives)", "sulfa (rash)", "latex (itching)", "codeine (nausea)")
MEDICATIONS = ("lisinopril 10 mg daily", "metformin 500 mg twice daily",
               "atorvastatin 20 mg daily", "levothyroxine 50 mcg daily",
               "albuterol inhaler as needed", "sertraline 50 mg daily")
REFERRALS = ("cardiology", "dermatology", "orthopedics", "endocrinology", "physical therapy")
AVAILABILITY = (
    {"weekdays": ["tue", "thu"], "note": "I can only get off work on Tuesdays and Thursdays."},
    {"earliest": "13:00", "note": "Afternoons only, please."},
    {"latest": "11:00", "note": "Mornings before eleven work best."},
)
FOLLOW_UP_WINDOWS = ((7, 14), (14, 28), (25, 35), (84, 98))


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _slots(count: int) -> list[int]:
    """Appointment minutes spread evenly over 08:00-16:30, skipping lunch."""
    morning = LUNCH[0] - FIRST_SLOT
    open_minutes = morning + (LAST_SLOT - LUNCH[1])
    out = []
    for k in range(count):
        offset = k * open_minutes // count
        out.append(FIRST_SLOT + offset if offset < morning else LUNCH[1] + offset - morning)
    return out


def _vitals(rng: random.Random, age: int) -> dict[str, Any]:
    """Mostly normal for the age; about one in seven patients has something abnormal."""
    if age < 16:  # pediatric bands 6-9, 10-11 and 12-15 years
        sbp, dbp = (rng.randint(100, 108), rng.randint(62, 70)) if age < 10 else (
            rng.randint(111, 117), rng.randint(70, 74))
        v: dict[str, Any] = {"systolic": sbp, "diastolic": dbp, "pulse": rng.randint(68, 84),
                             "resp": rng.randint(15, 18), "temp_f": rng.choice((98.2, 98.4, 98.6)),
                             "spo2": rng.randint(97, 100),
                             "weight_lb": round(rng.uniform(45, 120), 1),
                             "height_in": round(rng.uniform(46, 64), 1)}
        return v
    v = {"systolic": rng.randint(102, 112), "diastolic": rng.randint(64, 72),
         "pulse": rng.randint(64, 88), "resp": rng.randint(14, 18),
         "temp_f": rng.choice((98.0, 98.2, 98.4, 98.6)), "spo2": rng.randint(96, 99),
         "weight_lb": round(rng.uniform(110, 260), 1)}
    if rng.random() < 0.3:
        v["height_in"] = round(rng.uniform(60, 75), 1)
    roll = rng.random()
    if roll < 0.01:  # hypertensive crisis: must be escalated at once
        v.update(systolic=rng.randint(192, 198), diastolic=rng.randint(124, 128))
    elif roll < 0.06:
        v.update(systolic=rng.randint(142, 158), diastolic=rng.randint(88, 96))
    elif roll < 0.09:
        v.update(temp_f=round(rng.uniform(100.8, 102.2), 1), pulse=rng.randint(102, 112))
    elif roll < 0.11:
        v.update(spo2=rng.randint(92, 93), resp=rng.randint(21, 24))
    elif roll < 0.14:
        v.update(systolic=rng.randint(124, 128))
    return v


def _orders(rng: random.Random, visit: str, reason: str) -> dict[str, Any]:
    orders: dict[str, Any] = {}
    if visit != "procedure" and rng.random() < 0.35:
        orders["labs"] = rng.sample(LAB_CODES, rng.randint(1, 3))
    if rng.random() < 0.3:
        low, high = rng.choice(FOLLOW_UP_WINDOWS)
        orders["follow_up"] = {"visit_type": "follow_up", "min_days": low, "max_days": high}
    if rng.random() < 0.08:
        orders["referral"] = rng.choice(REFERRALS)
    if visit == "procedure" and rng.random() < 0.7:
        orders["assist"] = ASSISTS[reason]
    return orders


def _patient(rng: random.Random, i: int, name: tuple[str, str], time: int,
             provider: str) -> dict[str, Any]:
    first, last = name
    age = rng.randint(6, 15) if rng.random() < 0.06 else rng.randint(18, 89)
    dob = DAY - dt.timedelta(days=365 * age + rng.randint(1, 364))
    visit, _, _ = rng.choice(VISIT_TYPES)
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


def generate_day(patients: int, providers: int, seed: int = 0) -> dict[str, Any]:
    """A valid scenario dict: `patients` fictional patients shared among `providers`."""
    if not 0 <= patients <= 2000:
        raise ValueError("patients must be between 0 and 2000 (the format's limit)")
    if not 1 <= providers <= len(PROVIDER_NAMES):
        raise ValueError(f"providers must be between 1 and {len(PROVIDER_NAMES)}")
    rng = random.Random(seed)
    n_rooms = min(MAX_ROOMS, ROOMS_PER_PROVIDER * providers)
    rooms = [{"id": f"exam{k + 1}", "name": f"Exam {k + 1}"} for k in range(n_rooms)]

    # Patient i goes to provider i % P; each provider's list is spread over the day, and the
    # whole schedule is numbered in time order so p0001 is the first appointment.
    per_provider = [len(range(k, patients, providers)) for k in range(providers)]
    schedule = sorted((t, k) for k in range(providers) for t in _slots(per_provider[k]))
    busiest = max(per_provider)
    open_minutes = (LUNCH[0] - FIRST_SLOT) + (LAST_SLOT - LUNCH[1])
    # The provider can keep up with their own list: an exam fits in the gap between slots.
    exam_minutes = max(5, min(18, open_minutes // busiest)) if busiest else 18
    prov_ids = [f"prov{k + 1}" for k in range(providers)]
    provider_list = [
        {"id": prov_ids[k], "name": PROVIDER_NAMES[k], "start": "08:00", "end": "16:45",
         "breaks": [{"start": _clock(LUNCH[0]), "end": _clock(LUNCH[1])}],
         "exam_minutes": exam_minutes}
        for k in range(providers)
    ]

    names = [(f, la) for f in FIRST_NAMES for la in LAST_NAMES]
    rng.shuffle(names)
    patient_list = [_patient(rng, i, names[i % len(names)], t, prov_ids[k])
                    for i, (t, k) in enumerate(schedule)]

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
    return {
        "schema_version": 1,
        "id": f"gen-{patients}p-{providers}prov-s{seed}",
        "title": f"Generated day: {patients} patients, {providers} provider(s)",
        "setting": "Family practice (generated)",
        "difficulty": "challenging",
        "description": f"A generated benchmark day (seed {seed}) with {patients} fictional "
                       f"patients seen by {providers} provider(s) in {n_rooms} exam rooms.",
        "learning_objectives": ["Keep a busy multi-provider clinic moving safely."],
        "date": DAY.isoformat(),
        "clinic": {"name": "Generated Family Practice", "opens": CLINIC_OPENS,
                   "closes": CLINIC_CLOSES, "overtime_minutes": 90, "rooms": rooms},
        "providers": provider_list,
        "visit_types": [{"id": i, "name": n, "minutes": m} for i, n, m in VISIT_TYPES],
        "patients": patient_list,
        "opening_tasks": opening,
        "closing_tasks": closing,
        "courier": {"pickups": ["12:00", "15:00"]},
        "calendar": {"slot_minutes": 15, "day_start": "08:00", "day_end": "17:00",
                     "booked": booked},
    }


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
    args = ap.parse_args(argv)
    try:
        data = generate_day(args.patients, args.providers, args.seed)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_day(data, args.out)
    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)
    from game.scenario.errors import InputError
    from game.scenario.load import load_scenario

    try:
        loaded = load_scenario(args.out)
    except InputError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    s = loaded.scenario
    print(f"wrote {args.out}: {len(s.patients)} patients, {len(s.providers)} provider(s), "
          f"{len(s.clinic.rooms)} rooms; valid (sha256 {loaded.sha256[:12]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
