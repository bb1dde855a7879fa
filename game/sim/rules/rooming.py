"""Rooming and vital signs: clean rooms, measuring, recording, flagging, escalating a crisis."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from game.clinical.vital_notes import sign_rule
from game.clinical.vitals import Reading, abnormal_signs, crisis_reasons
from game.sim.commands import (
    CleanRoom,
    Escalate,
    MeasureVitals,
    RecordVitals,
    ReviewHistory,
    RoomPatient,
)
from game.sim.notices import Tone
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer, Rule, command, on
from game.sim.rules.common import about_minutes, no_patient, no_room, not_in_room
from game.sim.rules.vitals_device import device_reading, mismatches
from game.sim.scheduler import Event
from game.sim.scoring import Step, key
from game.sim.state import PatientState, RoomState, StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

CRISIS_GRACE = 5 * 60  # "at once": within five minutes of the reading
MEASURABLE = frozenset({Status.ROOMED, Status.READY})
CHARTABLE = frozenset({Status.ROOMED, Status.READY, Status.WITH_PROVIDER})


@dataclass(frozen=True)
class CrisisDeadline(Event):
    """Five minutes after a crisis reading: escalated by now, or a critical error."""

    patient: str


def expect(sim: Simulation) -> None:
    """Rooming's steps for every patient who comes; escalation for a crisis reading."""
    for p in sim.world.patients.values():
        if p.spec.arrival.kind == "no_show":
            continue
        pid, name = p.id, p.name

        exp = partial(sim.ledger.expect_step, pid)

        exp(Step.VITALS, "clinical", 4, "I.P.1", f"{name}'s vital signs were never recorded",
            "Measure and record BP, pulse, respirations, temperature, SpO2 and weight at every "
            "visit, exactly as the devices show them.")
        exp(Step.FLAGS, "clinical", 2, "I.P.3", f"{name}'s vital signs were never judged for "
            "flags", "Compare each reading with the normal range for the patient's age and "
            "flag what is outside it, so the provider sees it first.")
        exp(Step.HISTORY, "clinical", 2, "I.P.3",
            f"{name}'s allergies and medications were not reviewed",
            "Review allergies and medications at every visit before the provider comes in.")
        if crisis_reasons(device_reading(sim.streams, p.spec), p.age_years):
            exp(Step.ESCALATE, "safety", 5, "I.P.3", f"{name}'s crisis reading was not "
                "escalated", "A hypertensive crisis (over 180/120), an SpO2 under 90% or a "
                "fever of 100.4 F or more in a baby under 3 months (AAP 2021) goes to the "
                "provider at once: this patient may be having an emergency.")


def check_room(sim: Simulation, _actor: StaffState, cmd: RoomPatient) -> str | None:
    """A checked-in patient goes to an empty room."""
    if missing := no_patient(sim, cmd.patient) or no_room(sim, cmd.room):
        return missing
    p, room = sim.world.patients[cmd.patient], sim.world.rooms[cmd.room]
    if p.status != Status.WAITING:
        return f"{p.name} is not checked in and waiting ({p.status.value})."
    if room.patient is not None:
        return f"{room.name} is occupied."
    return None


def dirty_room(sim: Simulation, p: PatientState, room: RoomState, done: str) -> None:
    """A patient taken into a room not disinfected since the last one (rooming, or a move
    out of a room gone out of service): an infection-control error."""
    sim.ledger.penalty(
        sim.now, "safety", 3, "XII.P.1", p.id, f"{done} before it was disinfected",
        "Disinfect the exam table and surfaces between patients: the last patient's germs "
        "stay behind.")


def room_patient(sim: Simulation, actor: StaffState, cmd: RoomPatient) -> Accepted:
    """Escort a checked-in patient to a room; a dirty room is an infection-control error."""
    p, room = sim.world.patients[cmd.patient], sim.world.rooms[cmd.room]
    secs = (sim.walk(actor, "waiting_room") + sim.walk(actor, f"room:{room.id}")
            + sim.d.room_patient)
    if not room.clean:
        dirty_room(sim, p, room, f"Roomed {p.name} in {room.name}")
    if not room.stocked:
        secs += sim.d.fetch_supplies
        if f"unstocked:{room.id}" not in sim.world.flags:
            sim.world.flags.add(f"unstocked:{room.id}")
            sim.ledger.penalty(
                sim.now, "flow", 1, "VI.P.4", p.id, f"{room.name} was not stocked: left the "
                "patient to fetch supplies", "Stock every room before opening.")
    room.patient = p.id
    room.clean = False
    p.room = room.id
    p.status = Status.ROOMED
    p.busy_until = sim.now + secs
    return Accepted(secs, f"rooming {p.name} in {room.name}")


def check_measure(sim: Simulation, _actor: StaffState, cmd: MeasureVitals) -> str | None:
    """The devices are used once, before the provider comes in."""
    if why := not_in_room(sim, cmd.patient, MEASURABLE):
        return why
    p = sim.world.patients[cmd.patient]
    if p.measured is not None:
        return f"{p.name}'s vital signs are already measured: record what the devices show."
    return None


def measure_vitals(sim: Simulation, actor: StaffState, cmd: MeasureVitals) -> Accepted:
    """Measure; a crisis reading starts the clock for escalation."""
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.measure_vitals
    p.measured = device_reading(sim.streams, p.spec)
    p.busy_until = sim.now + secs
    if crisis_reasons(p.measured, p.age_years) and not p.crisis:
        p.crisis = True
        sim.schedule(sim.now + secs + CRISIS_GRACE, CrisisDeadline(p.id))
    return Accepted(secs, f"taking {p.name}'s vital signs")


def check_record(sim: Simulation, _actor: StaffState, cmd: RecordVitals) -> str | None:
    """What was measured can be charted (also after an escalation brought the provider in)."""
    if why := not_in_room(sim, cmd.patient, CHARTABLE):
        return why
    p = sim.world.patients[cmd.patient]
    if p.measured is None:
        return f"Measure {p.name}'s vital signs before recording them."
    if p.recorded is not None and p.status == Status.WITH_PROVIDER:
        return f"{p.name}'s vital signs are already in the chart."
    return None


def record_vitals(sim: Simulation, actor: StaffState, cmd: RecordVitals) -> Accepted:
    """Chart the readings and flag the abnormal ones."""
    p = sim.world.patients[cmd.patient]
    assert p.measured is not None
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.record_vitals
    rec = Reading(cmd.systolic, cmd.diastolic, cmd.pulse, cmd.resp, cmd.temp_f, cmd.spo2,
                  cmd.weight_lb, cmd.height_in)
    p.recorded = rec
    p.flagged = tuple(sorted(set(cmd.abnormal)))
    wrong_chart(sim, p, "vital signs")
    bad = mismatches(rec, p.measured)
    sim.ledger.award(key(p.id, Step.VITALS), sim.now, 4 - len(bad),
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
        sim.ledger.award(key(p.id, Step.FLAGS), sim.now, 2,
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
    sim.ledger.award(key(p.id, Step.FLAGS), sim.now, pts,
                     f"{p.name}'s flags: {'; '.join(parts)}", note)


def wrong_chart(sim: Simulation, p: PatientState, what: str) -> bool:
    """Documenting in another patient's chart is a critical error (once per patient)."""
    if p.chart_id in (None, p.id) or f"wrong_chart:{p.id}" in sim.world.flags:
        return p.chart_id not in (None, p.id)
    sim.world.flags.add(f"wrong_chart:{p.id}")
    other = sim.world.patients[p.chart_id or p.id]
    sim.ledger.penalty(
        sim.now, "safety", 6, "XII.P.1", p.id,
        f"{p.name}'s {what} went into the chart of {other.name} (born {other.spec.dob})",
        "Two patients shared a name and only the name was checked at the desk. Always "
        "confirm two identifiers: the wrong chart means the wrong history, allergies and "
        "results for both patients.", critical=True)
    return True


def check_history(sim: Simulation, _actor: StaffState, cmd: ReviewHistory) -> str | None:
    """Before the provider comes in (or, after an emergency brought them in early, with them)."""
    if why := not_in_room(sim, cmd.patient, CHARTABLE):
        return why
    p = sim.world.patients[cmd.patient]
    if p.status == Status.WITH_PROVIDER and p.escalated_t is None:
        return f"The provider is already with {p.name}."
    if p.history_reviewed:
        return f"{p.name}'s allergies and medications are already reviewed."
    return None


def review_history(sim: Simulation, actor: StaffState, cmd: ReviewHistory) -> Accepted:
    """Review allergies and medications."""
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.review_history
    p.history_reviewed = True
    allergies = ", ".join(p.spec.allergies) or "no known allergies"
    sim.ledger.award(key(p.id, Step.HISTORY), sim.now, 2,
                     f"Reviewed {p.name}'s allergies ({allergies}) and medications")
    p.busy_until = sim.now + secs
    return Accepted(secs, f"reviewing {p.name}'s allergies and medications")


def check_escalate(sim: Simulation, _actor: StaffState, cmd: Escalate) -> str | None:
    """Any roomed patient can be taken to the provider's attention, once."""
    if why := not_in_room(sim, cmd.patient, CHARTABLE):
        return why
    p = sim.world.patients[cmd.patient]
    if p.escalated_t is not None:
        return f"The provider already knows about {p.name}."
    return None


def escalate(sim: Simulation, actor: StaffState, cmd: Escalate) -> Accepted:
    """Alert the provider: the patient goes to the front of the provider's list."""
    p = sim.world.patients[cmd.patient]
    # With the provider already in the room, the MA tells them there; otherwise at the office.
    where = f"room:{p.room}" if p.status == Status.WITH_PROVIDER else "provider_office"
    secs = sim.walk(actor, where) + sim.d.escalate
    p.escalated_t = sim.now
    if p.status == Status.ROOMED:
        p.status = Status.READY
    if p.crisis:
        sim.ledger.award(key(p.id, Step.ESCALATE), sim.now, 5,
                         f"Escalated {p.name}'s crisis reading to the provider at once")
    sim.notify(Tone.INFO, f"The provider will see {p.name} next.", p.id)
    return Accepted(secs, f"alerting the provider about {p.name}")


def on_crisis_deadline(sim: Simulation, event: CrisisDeadline) -> None:
    """Five minutes after a crisis reading with no escalation: a critical error."""
    p = sim.world.patients[event.patient]
    if p.escalated_t is not None or p.measured is None:
        return
    reasons = "; ".join(crisis_reasons(p.measured, p.age_years))
    sim.ledger.award(key(p.id, Step.ESCALATE), sim.now, 0, f"{p.name}'s crisis was not escalated")
    sim.ledger.penalty(
        sim.now, "safety", 5, "I.P.3", p.id, f"{p.name}'s {reasons} was not escalated",
        "A crisis reading goes to the provider immediately, before anything else: a blood "
        "pressure over 180/120 or an SpO2 under 90% may be a stroke, a heart attack or "
        "respiratory failure, and a fever in a baby under 3 months may be a serious infection "
        "(AAP 2021). Following that protocol is patient screening (MAERB I.P.3).",
        critical=True)
    sim.notify(Tone.BAD, f"{p.name}'s crisis reading was not taken to the provider.", p.id)


def check_clean(sim: Simulation, _actor: StaffState, cmd: CleanRoom) -> str | None:
    """An empty room that a patient has used."""
    if missing := no_room(sim, cmd.room):
        return missing
    room = sim.world.rooms[cmd.room]
    if room.patient is not None:
        return f"{room.name} is occupied."
    if room.clean:
        return f"{room.name} is already clean."
    return None


def clean_room(sim: Simulation, actor: StaffState, cmd: CleanRoom) -> Accepted:
    """Disinfect an empty room."""
    room = sim.world.rooms[cmd.room]
    secs = sim.walk(actor, f"room:{room.id}") + sim.d.clean_room
    room.clean = True
    return Accepted(secs, f"disinfecting {room.name}")


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """Rooms for the waiting, the rooming steps, escalation, and rooms to disinfect."""
    d, w = sim.d, sim.world
    for p in sim.patients_in(Status.WAITING, *CHARTABLE):
        pid = p.id
        if p.status == Status.WAITING:
            for i, room in enumerate(w.rooms.values()):
                if room.patient is not None:
                    continue
                state = "clean" if room.clean else "NOT disinfected"
                stock = "" if room.stocked else ", not stocked"
                # Rooms take the letters from 'a' in floor-plan order (a = the first room).
                yield Offer(GroupKind.PATIENT, pid, RoomPatient(patient=pid, room=room.id),
                            f"Room in {room.name} ({state}{stock})",
                            f"Walk {p.name} from the waiting room to {room.name}. A room not "
                            "disinfected since the last patient is an infection-control error.",
                            key=chr(ord("a") + i))
        if p.status not in CHARTABLE:
            continue
        if p.measured is None and p.status in MEASURABLE:
            yield Offer(GroupKind.PATIENT, pid, MeasureVitals(patient=pid), "Measure vitals",
                        "BP, pulse, respirations, temperature, SpO2 and weight "
                        f"({about_minutes(d.measure_vitals)}).", key="v")
        if not p.history_reviewed and (p.status != Status.WITH_PROVIDER or p.escalated_t):
            yield Offer(GroupKind.PATIENT, pid, ReviewHistory(patient=pid), "Review history",
                        "Allergies and medications with the patient "
                        f"({about_minutes(d.review_history)}).", key="h")
        # Before the provider comes in the chart can be written (or corrected); with the
        # provider in (an escalation), what was measured can still be charted once.
        if p.status in MEASURABLE or (p.measured is not None and p.recorded is None):
            yield Offer(GroupKind.PATIENT, pid, empty_record(pid), "Record vitals…",
                        "Type the device's readings into the chart and flag the abnormal ones.",
                        form="vitals", key="r")
        if p.escalated_t is None:
            yield Offer(GroupKind.PATIENT, pid, Escalate(patient=pid), "Escalate to provider",
                        "Alert the provider now (a crisis reading, red-flag symptoms): the "
                        "patient is seen next.", key="e")
    for room in w.rooms.values():
        if room.patient is None and not room.clean:
            yield Offer(GroupKind.STATION, f"room:{room.id}", CleanRoom(room=room.id),
                        f"Disinfect {room.name}", "Clean the exam table and surfaces "
                        f"({about_minutes(d.clean_room)}).", key="c")


def empty_record(pid: str) -> RecordVitals:
    """The vitals form's starting point: nothing typed yet, nothing flagged."""
    return RecordVitals(patient=pid, systolic=0, diastolic=0, pulse=0, resp=0, temp_f=0,
                        spo2=0, weight_lb=0)


RULE = Rule(
    "rooming and vital signs",
    commands=(command(RoomPatient, check_room, room_patient, occupies_patient=True),
              command(MeasureVitals, check_measure, measure_vitals, occupies_patient=True),
              command(RecordVitals, check_record, record_vitals, occupies_patient=True),
              command(ReviewHistory, check_history, review_history, occupies_patient=True),
              command(Escalate, check_escalate, escalate),
              command(CleanRoom, check_clean, clean_room)),
    events=(on(CrisisDeadline, on_crisis_deadline),),
    expect=expect, offers=offers)
