"""The 12-lead ECG after the exam: prepare the patient, place the ten electrodes, record,
repeat a tracing spoiled by artifact or a misplaced electrode, hand it to the provider at
once; a patient with chest pain gets the provider before the tracing is finished."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.clinical.ecg import ARTIFACTS, ELECTRODES, PREP_WORDS, STANDARD, is_right
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer, Rule, command
from game.sim.rules.common import not_in_room
from game.sim.rules.ecg.commands import (
    HandEcg,
    PlaceElectrodes,
    PrepareEcg,
    RecordEcg,
    ReportChestPain,
)
from game.sim.rules.ecg.score import (
    end_of_day,
    expect,
    score_alert,
    score_handoff,
    score_prep,
    score_tracing,
)
from game.sim.rules.ecg.state import NAME, EcgPatient, Tracing, build, ecg_of, ecg_state
from game.sim.state import PatientState, StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

AFTER_EXAM = frozenset({Status.EXAM_DONE})
PREP_FIELDS = tuple(PREP_WORDS)
UNFINISHED = "12-lead ECG"


Found = tuple[PatientState | None, EcgPatient | None, str | None]


def _ordered(sim: Simulation, pid: str) -> Found:
    """The patient and their ECG when it can be worked on now, or the reason it cannot."""
    if why := not_in_room(sim, pid, AFTER_EXAM):
        return None, None, why
    p = sim.world.patients[pid]
    e = ecg_of(sim, pid)
    if e is None:
        return None, None, f"No ECG is ordered for {p.name}."
    if e.handed_t is not None:
        return None, None, f"{p.name}'s tracing is already with the provider."
    return p, e, None


def check_prepare(sim: Simulation, _actor: StaffState, cmd: PrepareEcg) -> str | None:
    """An ordered ECG, after the exam, prepared once."""
    _p, e, why = _ordered(sim, cmd.patient)
    if e is not None and e.prepared_t is not None:
        return f"{sim.world.patients[cmd.patient].name} is already prepared for the ECG."
    return why


def prepare(sim: Simulation, actor: StaffState, cmd: PrepareEcg) -> Accepted:
    """Identify, position and prepare; an artifact whose cause was dealt with never comes."""
    p = sim.world.patients[cmd.patient]
    e = ecg_state(sim).patients[p.id]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.ecg_prep
    e.prepared_t = sim.now
    e.prep = tuple(f for f in PREP_FIELDS if getattr(cmd, f))
    order = p.spec.orders.ecg
    assert order is not None
    cause = order.artifact
    e.artifact = cause if cause is not None and ARTIFACTS[cause].prevention not in e.prep \
        else None
    score_prep(sim, p, cmd.identifiers, e.prep)
    p.busy_until = sim.now + secs
    return Accepted(secs, f"preparing {p.name} for the ECG")


def check_place(sim: Simulation, _actor: StaffState, cmd: PlaceElectrodes) -> str | None:
    """After the preparation: all ten electrodes, each on a site of its own."""
    p, e, why = _ordered(sim, cmd.patient)
    if why or p is None or e is None:
        return why
    if e.prepared_t is None:
        return f"Prepare {p.name} first: identify, lie them supine, clean and dry the skin."
    missing = [el for el in ELECTRODES if el not in cmd.sites]
    if missing:
        return f"Place all ten electrodes: {', '.join(missing)} still to place."
    seen: dict[str, str] = {}
    for el, site in cmd.sites.items():
        if site in seen:
            return f"{seen[site]} and {el} are on the same site: one electrode per site."
        seen[site] = el
    return None


def place(sim: Simulation, actor: StaffState, cmd: PlaceElectrodes) -> Accepted:
    """Put the electrodes where the command says; the tracing will show where they are."""
    p = sim.world.patients[cmd.patient]
    e = ecg_state(sim).patients[p.id]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.place_electrodes
    e.sites = {el: cmd.sites[el] for el in ELECTRODES}
    e.fresh = True
    p.busy_until = sim.now + secs
    return Accepted(secs, f"placing {p.name}'s ECG electrodes")


def check_record(sim: Simulation, _actor: StaffState, cmd: RecordEcg) -> str | None:
    """Once the ten electrodes are on."""
    p, e, why = _ordered(sim, cmd.patient)
    if why or p is None or e is None:
        return why
    if not e.sites:
        return f"Place {p.name}'s ten electrodes first."
    return None


def record(sim: Simulation, actor: StaffState, cmd: RecordEcg) -> Accepted:
    """Record a tracing: it shows the artifact still active and every misplaced electrode."""
    p = sim.world.patients[cmd.patient]
    e = ecg_state(sim).patients[p.id]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.record_ecg
    if cmd.fix is not None and e.artifact is not None and ARTIFACTS[e.artifact].fix == cmd.fix:
        e.artifact = None
    misplaced = tuple(el for el in ELECTRODES if not is_right(el, e.sites[el]))
    tracing = Tracing(sim.now + secs, e.artifact, misplaced, tuple(e.sites.items()))
    e.tracings.append(tracing)
    e.fresh = False
    score_alert(sim, p, e, recorded=True)
    score_tracing(sim, p, e, tracing, cmd.fix)
    p.busy_until = sim.now + secs
    return Accepted(secs, f"recording {p.name}'s ECG")


def check_hand(sim: Simulation, _actor: StaffState, cmd: HandEcg) -> str | None:
    """A tracing the provider can read."""
    p, e, why = _ordered(sim, cmd.patient)
    if why or p is None or e is None:
        return why
    last = e.last
    if last is None:
        return f"Record {p.name}'s ECG first."
    if not last.usable:
        return (f"{p.name}'s last tracing cannot be read ("
                + ("artifact" if last.artifact else "misplaced electrodes")
                + "): record it again first.")
    return None


def hand(sim: Simulation, actor: StaffState, cmd: HandEcg) -> Accepted:
    """Take the tracing to the provider; how soon after it came off the machine is scored."""
    p = sim.world.patients[cmd.patient]
    e = ecg_state(sim).patients[p.id]
    secs = sim.walk(actor, "provider_office") + sim.d.escalate
    e.handed_t = sim.now
    score_handoff(sim, p, e)
    sim.notify(Tone.GOOD, f"The provider has {p.name}'s ECG.", p.id, Topic.ECG)
    return Accepted(secs, f"handing {p.name}'s ECG to the provider")


def check_report(sim: Simulation, _actor: StaffState, cmd: ReportChestPain) -> str | None:
    """A patient with chest pain at the ECG, the provider not told yet."""
    if why := not_in_room(sim, cmd.patient, AFTER_EXAM):
        return why
    p = sim.world.patients[cmd.patient]
    e = ecg_of(sim, p.id)
    order = p.spec.orders.ecg
    if e is None or order is None or not order.chest_pain:
        return f"{p.name} has no chest pain to report."
    if e.alerted_t is not None:
        return f"The provider already knows about {p.name}'s chest pain."
    return None


def report(sim: Simulation, actor: StaffState, cmd: ReportChestPain) -> Accepted:
    """Get the provider now."""
    p = sim.world.patients[cmd.patient]
    e = ecg_state(sim).patients[p.id]
    secs = sim.walk(actor, "provider_office") + sim.d.escalate
    e.alerted_t = sim.now
    score_alert(sim, p, e, recorded=False)
    sim.notify(Tone.INFO, f"The provider is coming to {p.name} now.", p.id, Topic.ECG)
    return Accepted(secs, f"getting the provider for {p.name}'s chest pain")


def chest_pain_notice(sim: Simulation) -> None:
    """Once the ECG is ordered, the player hears that the patient has chest pain now."""
    for pid, e in ecg_state(sim).patients.items():
        if e.pain_noticed:
            continue
        p = sim.world.patients[pid]
        order = p.spec.orders.ecg
        if order is not None and order.chest_pain and p.status == Status.EXAM_DONE:
            e.pain_noticed = True
            sim.notify(Tone.WARNING, f"{p.name} says the chest pain is there right now: get "
                       "the provider at once.", pid, Topic.ECG)


def unfinished(sim: Simulation, p: PatientState) -> list[str]:
    """An ordered ECG not yet with the provider."""
    e = ecg_of(sim, p.id)
    return [UNFINISHED] if e is not None and e.handed_t is None else []


def step_offer(sim: Simulation, p: PatientState, e: EcgPatient) -> Iterator[Offer]:
    """The ECG's next steps for one patient, in order."""
    pid = p.id
    order = p.spec.orders.ecg
    assert order is not None
    if order.chest_pain and e.alerted_t is None:
        yield Offer(GroupKind.PATIENT, pid, ReportChestPain(patient=pid),
                    "Get the provider: chest pain", "Chest pain now: the provider comes "
                    "before anything else, the ECG included.", key="e")
    if e.prepared_t is None:
        yield Offer(GroupKind.PATIENT, pid, PrepareEcg(patient=pid), "ECG: prepare…",
                    f"12-lead ECG ({order.reason}): identify and prepare the patient.",
                    form="ecg", key="j")
        return
    yield Offer(GroupKind.PATIENT, pid, PlaceElectrodes(patient=pid, sites=dict(STANDARD)),
                "ECG: place electrodes…", "Put the ten electrodes on their sites.",
                form="ecg", key="j")
    if e.sites:
        yield Offer(GroupKind.PATIENT, pid, RecordEcg(patient=pid), "ECG: record…",
                    "Record the tracing; fix any artifact first.", form="ecg", key="j")
    if e.usable is not None:
        yield Offer(GroupKind.PATIENT, pid, HandEcg(patient=pid), "Hand ECG to provider",
                    "At once, without interpreting it: reading the tracing is the "
                    "provider's.", key="j")


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """The ECG for every patient after the exam whose ECG is not with the provider yet."""
    state = ecg_state(sim)
    if not state.patients:
        return
    for p in sim.patients_in(Status.EXAM_DONE):
        e = state.patients.get(p.id)
        if e is not None and e.handed_t is None:
            yield from step_offer(sim, p, e)


RULE = Rule(
    NAME, state=build,
    commands=(command(PrepareEcg, check_prepare, prepare, occupies_patient=True),
              command(PlaceElectrodes, check_place, place, occupies_patient=True),
              command(RecordEcg, check_record, record, occupies_patient=True),
              command(HandEcg, check_hand, hand),
              command(ReportChestPain, check_report, report)),
    expect=expect, after_change=chest_pain_notice, end_of_day=end_of_day, offers=offers,
    unfinished=unfinished)
