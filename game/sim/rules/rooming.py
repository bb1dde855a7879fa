"""Rooming and vital signs: clean rooms, measuring, recording, flagging, escalating a crisis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.vital_notes import sign_rule
from game.clinical.vitals import Reading, abnormal_signs, crisis_reasons
from game.sim.commands import CleanRoom, Escalate, MeasureVitals, RecordVitals, ReviewHistory
from game.sim.results import Accepted, Rejected, Result
from game.sim.rules.expectations import key
from game.sim.rules.front_desk import patient
from game.sim.rules.vitals_device import device_reading, mismatches
from game.sim.scheduler import Event
from game.sim.state import IN_ROOM, PatientState, Status

if TYPE_CHECKING:
    from game.sim.commands import RoomPatient
    from game.sim.engine import Simulation

CRISIS_GRACE = 5 * 60  # "at once": within five minutes of the reading


def in_room(sim: Simulation, pid: str, allowed: frozenset[Status] = IN_ROOM
            ) -> PatientState | Rejected:
    """The patient if they are in an exam room in one of the allowed states."""
    p = patient(sim, pid)
    if isinstance(p, Rejected):
        return p
    if p.status not in allowed or p.room is None:
        return Rejected(f"{p.name} is not in an exam room for that ({p.status.value}).")
    return p


def room_patient(sim: Simulation, cmd: RoomPatient) -> Result:
    """Escort a checked-in patient to a room; a dirty room is an infection-control error."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    room = sim.world.rooms.get(cmd.room)
    if room is None:
        return Rejected(f"There is no room '{cmd.room}'.")
    if p.status != Status.WAITING:
        return Rejected(f"{p.name} is not checked in and waiting ({p.status.value}).")
    if room.patient is not None:
        return Rejected(f"{room.name} is occupied.")
    secs = sim.walk("waiting_room") + sim.walk(f"room:{room.id}") + sim.d.room_patient
    if not room.clean:
        sim.ledger.penalty(
            sim.now, "safety", 3, "XII.P.1", p.id, f"Roomed {p.name} in {room.name} before it was "
            "disinfected", "Disinfect the exam table and surfaces between patients: the last "
            "patient's germs stay behind.")
    if not room.stocked:
        secs += sim.d.fetch_supplies
        if f"unstocked:{room.id}" not in sim.flags:
            sim.flags.add(f"unstocked:{room.id}")
            sim.ledger.penalty(
                sim.now, "flow", 1, "VI.P.4", p.id, f"{room.name} was not stocked: left the "
                "patient to fetch supplies", "Stock every room before opening.")
    room.patient = p.id
    room.clean = False
    p.room = room.id
    p.status = Status.ROOMED
    p.busy_until = sim.now + secs
    return Accepted(secs, f"rooming {p.name} in {room.name}")


def measure_vitals(sim: Simulation, cmd: MeasureVitals) -> Result:
    """Measure; a crisis reading starts the clock for escalation."""
    p = in_room(sim, cmd.patient, frozenset({Status.ROOMED, Status.READY}))
    if isinstance(p, Rejected):
        return p
    secs = sim.walk(f"room:{p.room}") + sim.d.measure_vitals
    p.measured = device_reading(sim.streams, p.spec)
    p.busy_until = sim.now + secs
    if crisis_reasons(p.measured, p.age_years) and not p.crisis:
        p.crisis = True
        sim.schedule(sim.now + secs + CRISIS_GRACE, "crisis_deadline", p.id)
    return Accepted(secs, f"taking {p.name}'s vital signs")


def record_vitals(sim: Simulation, cmd: RecordVitals) -> Result:
    """Chart the readings and flag the abnormal ones (also after an escalation brought the
    provider in)."""
    p = in_room(sim, cmd.patient, frozenset({Status.ROOMED, Status.READY, Status.WITH_PROVIDER}))
    if isinstance(p, Rejected):
        return p
    if p.measured is None:
        return Rejected(f"Measure {p.name}'s vital signs before recording them.")
    if p.recorded is not None and p.status == Status.WITH_PROVIDER:
        return Rejected(f"{p.name}'s vital signs are already in the chart.")
    secs = sim.walk(f"room:{p.room}") + sim.d.record_vitals
    rec = Reading(cmd.systolic, cmd.diastolic, cmd.pulse, cmd.resp, cmd.temp_f, cmd.spo2,
                  cmd.weight_lb, cmd.height_in)
    p.recorded = rec
    p.flagged = tuple(sorted(set(cmd.abnormal)))
    wrong_chart(sim, p, "vital signs")
    bad = mismatches(rec, p.measured)
    sim.ledger.award(key(p.id, "vitals"), sim.now, 4 - len(bad),
                     f"Recorded {p.name}'s vitals" + (f" with errors: {'; '.join(bad)}"
                                                      if bad else ""),
                     "Record exactly what the device shows: the chart is what the provider "
                     "treats." if bad else "")
    _score_flags(sim, p)
    # The door flag goes up once the history is reviewed too (rules.door, after the change).
    p.busy_until = sim.now + secs
    return Accepted(secs, f"recording {p.name}'s vital signs")


def _shown(sign: str, r: Reading) -> str:
    """The reading behind a flag, as the device showed it."""
    return {"bp": f"{r.systolic}/{r.diastolic}", "pulse": f"{r.pulse}", "resp": f"{r.resp}",
            "temp": f"{r.temp_f} F", "spo2": f"{r.spo2}%"}[sign]


def _score_flags(sim: Simulation, p: PatientState) -> None:
    """Flags are judged on the measured set, by the patient's age and sex (game.clinical)."""
    assert p.measured is not None
    m, sex = p.measured, p.spec.sex
    should = abnormal_signs(m, p.age_years, sex)
    given = set(p.flagged)
    missed, extra = should - given, given - should
    pts = 2 - len(missed) - (1 if extra else 0)
    if not missed and not extra:
        sim.ledger.award(key(p.id, "flags"), sim.now, 2,
                         f"Flagged {p.name}'s vitals correctly "
                         f"({', '.join(sorted(should)) or 'all normal'})")
        return
    def listed(signs: set[str]) -> str:
        return ", ".join(f"{s} ({_shown(s, m)})" for s in sorted(signs))

    parts = []
    if missed:
        parts.append(f"missed abnormal {listed(missed)}")
    if extra:
        parts.append(f"flagged normal {listed(extra)}")
    # The note teaches the rule of each sign that was judged wrongly, at this patient's age.
    note = " ".join(sign_rule(s, p.age_years, sex) for s in sorted(missed | extra))
    sim.ledger.award(key(p.id, "flags"), sim.now, pts,
                     f"{p.name}'s flags: {'; '.join(parts)}", note)


def wrong_chart(sim: Simulation, p: PatientState, what: str) -> bool:
    """Documenting in another patient's chart is a critical error (once per patient)."""
    if p.chart_id in (None, p.id) or f"wrong_chart:{p.id}" in sim.flags:
        return p.chart_id not in (None, p.id)
    sim.flags.add(f"wrong_chart:{p.id}")
    other = sim.world.patients[p.chart_id or p.id]
    sim.ledger.penalty(
        sim.now, "safety", 6, "XII.P.1", p.id,
        f"{p.name}'s {what} went into the chart of {other.name} (born {other.spec.dob})",
        "Two patients shared a name and only the name was checked at the desk. Always "
        "confirm two identifiers: the wrong chart means the wrong history, allergies and "
        "results for both patients.", critical=True)
    return True


def review_history(sim: Simulation, cmd: ReviewHistory) -> Result:
    """Review allergies and medications before the provider comes in (or, after an
    emergency brought the provider in early, with them)."""
    p = in_room(sim, cmd.patient, frozenset({Status.ROOMED, Status.READY, Status.WITH_PROVIDER}))
    if isinstance(p, Rejected):
        return p
    if p.status == Status.WITH_PROVIDER and p.escalated_t is None:
        return Rejected(f"The provider is already with {p.name}.")
    if p.history_reviewed:
        return Rejected(f"{p.name}'s allergies and medications are already reviewed.")
    secs = sim.walk(f"room:{p.room}") + sim.d.review_history
    p.history_reviewed = True
    allergies = ", ".join(p.spec.allergies) or "no known allergies"
    sim.ledger.award(key(p.id, "history"), sim.now, 2,
                     f"Reviewed {p.name}'s allergies ({allergies}) and medications")
    p.busy_until = sim.now + secs
    return Accepted(secs, f"reviewing {p.name}'s allergies and medications")


def escalate(sim: Simulation, cmd: Escalate) -> Result:
    """Alert the provider: the patient goes to the front of the provider's list."""
    p = in_room(sim, cmd.patient, frozenset({Status.ROOMED, Status.READY, Status.WITH_PROVIDER}))
    if isinstance(p, Rejected):
        return p
    if p.escalated_t is not None:
        return Rejected(f"The provider already knows about {p.name}.")
    # With the provider already in the room, the MA tells them there; otherwise at the office.
    where = f"room:{p.room}" if p.status == Status.WITH_PROVIDER else "provider_office"
    secs = sim.walk(where) + sim.d.escalate
    p.escalated_t = sim.now
    if p.status == Status.ROOMED:
        p.status = Status.READY
    if p.crisis:
        sim.ledger.award(key(p.id, "escalate"), sim.now, 5,
                         f"Escalated {p.name}'s crisis reading to the provider at once")
    sim.notify("info", f"The provider will see {p.name} next.", p.id)
    return Accepted(secs, f"alerting the provider about {p.name}")


def on_crisis_deadline(sim: Simulation, event: Event) -> None:
    """Five minutes after a crisis reading with no escalation: a critical error."""
    p = sim.world.patients[event.subject]
    if p.escalated_t is not None or p.measured is None:
        return
    reasons = "; ".join(crisis_reasons(p.measured, p.age_years))
    sim.ledger.award(key(p.id, "escalate"), sim.now, 0, f"{p.name}'s crisis was not escalated")
    sim.ledger.penalty(
        sim.now, "safety", 5, "I.P.3", p.id, f"{p.name}'s {reasons} was not escalated",
        "A crisis reading goes to the provider immediately, before anything else: a blood "
        "pressure over 180/120 or an SpO2 under 90% may be a stroke, a heart attack or "
        "respiratory failure, and a fever in a baby under 3 months may be a serious infection "
        "(AAP 2021). Following that protocol is patient screening (MAERB I.P.3).",
        critical=True)
    sim.notify("bad", f"{p.name}'s crisis reading was not taken to the provider.", p.id)


def clean_room(sim: Simulation, cmd: CleanRoom) -> Result:
    """Disinfect an empty room."""
    room = sim.world.rooms.get(cmd.room)
    if room is None:
        return Rejected(f"There is no room '{cmd.room}'.")
    if room.patient is not None:
        return Rejected(f"{room.name} is occupied.")
    if room.clean:
        return Rejected(f"{room.name} is already clean.")
    secs = sim.walk(f"room:{room.id}") + sim.d.clean_room
    room.clean = True
    return Accepted(secs, f"disinfecting {room.name}")
