"""Specimens: venipuncture tube by tube in the order of draw, labels, clotting, spinning, report."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.clinical.lab import (
    CENTRIFUGE_MINUTES,
    CLOT_MINUTES,
    LAB_TESTS,
    ORDER_OF_DRAW_TEXT,
    TUBES,
    carried_into,
    carryover_effect,
    tests_in,
)
from game.scenario.types import clock
from game.sim.commands import (
    Centrifuge,
    DrawBlood,
    Fingerstick,
    LabelSpecimens,
    PackSpecimens,
    valid_identifiers,
)
from game.sim.notices import Tone
from game.sim.results import Accepted
from game.sim.rules import lab_courier
from game.sim.rules.base import GroupKind, Offer, Rule, command, on
from game.sim.rules.common import no_patient, not_in_room
from game.sim.rules.lab_courier import needed_tubes, specimens_of
from game.sim.rules.rooming import wrong_chart
from game.sim.scheduler import Event
from game.sim.scoring import Step, key
from game.sim.state import PatientState, Specimen, StaffState, Status
from game.words import count

if TYPE_CHECKING:
    from game.sim.engine import Simulation

__all__ = ["needed_tubes", "specimen_report", "specimens_of"]

AFTER_EXAM = frozenset({Status.EXAM_DONE})
COLLECT_POINTS = 3


@dataclass(frozen=True)
class Clotted(Event):
    """A serum tube has clotted long enough to be spun."""

    patient: str
    tube: str


@dataclass(frozen=True)
class Spun(Event):
    """The centrifuge stops for a patient's tube."""

    patient: str
    tube: str


def _identify(sim: Simulation, p: PatientState, ids: Sequence[str], what: str) -> None:
    if valid_identifiers(ids) < 2:
        sim.ledger.penalty(
            sim.now, "safety", 2, "XII.P.1", p.id, f"{what} for {p.name} without two identifiers",
            "Ask the patient to state full name and date of birth before any specimen "
            "collection (The Joint Commission NPSG.01.01.01).")


def check_draw(sim: Simulation, _actor: StaffState, cmd: DrawBlood) -> str | None:
    """Blood is drawn after the exam, into tubes the catalogue knows, when tests are ordered."""
    if why := not_in_room(sim, cmd.patient, AFTER_EXAM):
        return why
    p = sim.world.patients[cmd.patient]
    unknown = list(dict.fromkeys(t for t in cmd.tubes if t not in TUBES))
    if unknown:
        return f"Unknown tube(s): {', '.join(unknown)}. Tubes: {', '.join(TUBES)}."
    if not needed_tubes(p):
        return f"No blood tests are ordered for {p.name}."
    return None


def draw_blood(sim: Simulation, actor: StaffState, cmd: DrawBlood) -> Accepted:
    """Fill tubes in the order given; each tube is judged by the tubes drawn before it."""
    p = sim.world.patients[cmd.patient]
    needed = needed_tubes(p)
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.venipuncture + sim.d.per_tube * len(cmd.tubes)
    _identify(sim, p, cmd.identifiers, "Drew blood")
    if p.drawn:
        sim.ledger.penalty(sim.now, "experience", 1, "I.P.2.b", p.id,
                           f"A second venipuncture for {p.name}",
                           "Get every tube right on the first stick.")
    drawn_now = set(cmd.tubes)
    sim.world.specimens = [s for s in sim.world.specimens
                           if not (s.patient == p.id and s.tube in drawn_now and not s.shipped)]
    # The first tube of a kind is the one kept: carry-over only grows along the draw.
    kept: dict[str, Specimen] = {}
    for tube, carried in zip(cmd.tubes, carried_into(cmd.tubes), strict=True):
        if tube not in kept:
            kept[tube] = Specimen(p.id, tube, sim.now + secs, carried)
    sim.world.specimens.extend(kept.values())
    p.drawn = True
    _note_duplicates(sim, p, cmd.tubes)
    _score_collection(sim, p, needed, list(kept.values()))
    p.busy_until = sim.now + secs
    for s in kept.values():
        if TUBES[s.tube].serum:
            sim.schedule(sim.now + secs + 60 * CLOT_MINUTES, Clotted(p.id, s.tube))
    return Accepted(secs, f"drawing blood from {p.name}")


def _note_duplicates(sim: Simulation, p: PatientState, tubes: list[str]) -> None:
    """A second tube of a kind in one draw takes the patient's blood for nothing."""
    extra = {t: tubes.count(t) - 1 for t in dict.fromkeys(tubes) if tubes.count(t) > 1}
    if extra:
        what = ", ".join(f"{n} extra {TUBES[t].name}" for t, n in extra.items())
        sim.ledger.penalty(
            sim.now, "clinical", 1, "I.P.2.b", p.id,
            f"Wasted draw for {p.name}: {what} in the same draw",
            "One tube of each kind carries every test collected in it: a duplicate tube takes "
            "the patient's blood for nothing.")


def _score_collection(sim: Simulation, p: PatientState, needed: list[str],
                      kept: list[Specimen]) -> None:
    """Points in proportion to the needed tubes drawn usable; the note names each carry-over."""
    drawn = {s.tube: s for s in kept}
    good = [t for t in needed if t in drawn and not drawn[t].carried_from]
    missing = [t for t in needed if t not in drawn]
    unneeded = [s.tube for s in kept if s.tube not in needed]
    spoiled = [s for s in kept if s.carried_from]
    problems, notes = [], []
    if spoiled:
        problems.append("out of order (" + "; ".join(
            f"{TUBES[s.tube].name} after the {', '.join(TUBES[c].name for c in s.carried_from)}"
            for s in spoiled) + ")")
        for s in spoiled:
            tests = ", ".join(LAB_TESTS[t].name for t in tests_in(s.tube, p.spec.orders.labs))
            notes.append("; ".join(carryover_effect(c, s.tube) for c in s.carried_from)
                         + (f". Only the {TUBES[s.tube].name}'s tests ({tests}) must be "
                            "recollected." if tests else "."))
        notes.append(f"Draw in the CLSI GP41 order: {ORDER_OF_DRAW_TEXT}; tubes drawn before "
                     "the mistake are good.")
    if missing:
        problems.append(f"missing {', '.join(TUBES[t].name for t in missing)}")
    if unneeded:
        problems.append(f"unneeded {', '.join(TUBES[t].name for t in sorted(unneeded))}")
    if missing or unneeded:
        notes.append("Draw exactly the tubes the ordered tests need, no more.")
    pts = max(0, COLLECT_POINTS * len(good) // len(needed) - (1 if unneeded else 0))
    sim.ledger.award(key(p.id, Step.COLLECT), sim.now, pts,
                     f"Drew {p.name}'s blood" + (f": {'; '.join(problems)}" if problems else
                                                " in the correct order of draw"),
                     " ".join(notes))


def check_label(sim: Simulation, _actor: StaffState, cmd: LabelSpecimens) -> str | None:
    """Tubes are labeled in the patient's presence."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    if not any(s.label_of is None for s in specimens_of(sim, p.id)):
        return f"{p.name} has no unlabeled tubes."
    if p.status not in AFTER_EXAM:
        return (f"{p.name} has left: tubes can only be labeled in the patient's "
                "presence. They will have to be recollected.")
    return None


def label(sim: Simulation, actor: StaffState, cmd: LabelSpecimens) -> Accepted:
    """Label the tubes at the bedside with what the open chart says."""
    p = sim.world.patients[cmd.patient]
    unlabeled = [s for s in specimens_of(sim, p.id) if s.label_of is None]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.label
    _identify(sim, p, cmd.identifiers, "Labeled tubes")
    for s in unlabeled:
        s.label_of = p.chart_id or p.id
    mislabeled = wrong_chart(sim, p, "specimen labels")
    good = valid_identifiers(cmd.identifiers) >= 2 and not mislabeled
    sim.ledger.award(key(p.id, Step.LABEL), sim.now, 2 if good else 0,
                     f"Labeled {p.name}'s {count(len(unlabeled), 'tube')} at the bedside"
                     + ("" if good else " without proper identification"),
                     "" if good else
                     "Confirm two identifiers (full name and date of birth) with the patient "
                     "before labeling, and label from the chart of the patient in front of you: "
                     "a tube with another patient's identity is rejected, or worse, reported "
                     "as theirs (The Joint Commission NPSG.01.01.01).")
    return Accepted(secs, f"labeling {p.name}'s tubes")


def check_fingerstick(sim: Simulation, _actor: StaffState, cmd: Fingerstick) -> str | None:
    """An ordered fingerstick, after the exam, once."""
    if why := not_in_room(sim, cmd.patient, AFTER_EXAM):
        return why
    p = sim.world.patients[cmd.patient]
    if "POC_GLUCOSE" not in p.spec.orders.labs:
        return f"No fingerstick glucose is ordered for {p.name}."
    if p.poc_done:
        return f"{p.name}'s fingerstick glucose is already reported."
    return None


def fingerstick(sim: Simulation, actor: StaffState, cmd: Fingerstick) -> Accepted:
    """Point-of-care glucose: reportable only after today's meter QC."""
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.fingerstick
    _identify(sim, p, cmd.identifiers, "Fingerstick")
    if not sim.world.glucose_qc_done:
        sim.ledger.penalty(
            sim.now, "clinical", 1, "I.P.10", p.id,
            f"{p.name}'s glucose result cannot be reported: the meter's QC was not run",
            "Run quality control before patient testing; repeat the test after QC passes.")
        return Accepted(secs, f"testing {p.name}'s glucose (not reportable: no QC)")
    p.poc_done = True
    sim.ledger.award(key(p.id, Step.POC), sim.now, 2, f"Reported {p.name}'s fingerstick glucose")
    return Accepted(secs, f"testing {p.name}'s glucose")


def unspun_serum(sim: Simulation, pid: str) -> list[Specimen]:
    """The patient's serum tubes not yet in the centrifuge."""
    return [s for s in specimens_of(sim, pid) if TUBES[s.tube].serum and s.spun_at is None]


def _unlabeled(sim: Simulation, pid: str) -> str | None:
    """Why a tube cannot go on: every container is labeled in the patient's presence with two
    identifiers before anything else (The Joint Commission NPSG.01.01.01), so an unlabeled
    tube is never spun or packed."""
    if any(s.label_of is None for s in specimens_of(sim, pid)):
        return (f"Label {sim.world.patients[pid].name}'s tubes at the bedside first: an "
                "unlabeled tube never leaves the room.")
    return None


def check_centrifuge(sim: Simulation, _actor: StaffState, cmd: Centrifuge) -> str | None:
    """Serum tubes not yet spun can go in the centrifuge (too early is a mistake, scored)."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    if not unspun_serum(sim, cmd.patient):
        return f"{sim.world.patients[cmd.patient].name} has no serum tubes waiting to be spun."
    return _unlabeled(sim, cmd.patient)


def centrifuge(sim: Simulation, actor: StaffState, cmd: Centrifuge) -> Accepted:
    """Spin the serum tubes; before 30 minutes of clotting the serum will not separate."""
    p = sim.world.patients[cmd.patient]
    serum = unspun_serum(sim, p.id)
    secs = sim.walk(actor, "lab") + sim.d.centrifuge_load
    for s in serum:
        s.spun_at = sim.now + secs
        s.spin_ok = s.spun_at - s.drawn_t >= 60 * CLOT_MINUTES
        if not s.spin_ok:
            sim.ledger.penalty(
                sim.now, "clinical", 1, "I.P.2.b", p.id,
                f"Spun {p.name}'s {TUBES[s.tube].name} before it had clotted",
                f"Let serum tubes clot {CLOT_MINUTES} minutes upright before centrifuging: "
                "spun early, fibrin strands ruin the serum and the lab rejects it.")
        sim.schedule(s.spun_at + 60 * CENTRIFUGE_MINUTES, Spun(p.id, s.tube))
    return Accepted(secs, f"centrifuging {p.name}'s serum tubes")


def check_pack(sim: Simulation, _actor: StaffState, cmd: PackSpecimens) -> str | None:
    """Tubes not in the box yet, and none still in the centrifuge."""
    if missing := no_patient(sim, cmd.patient):
        return missing
    p = sim.world.patients[cmd.patient]
    todo = [s for s in specimens_of(sim, p.id) if not s.packed]
    if not todo:
        return f"{p.name} has no tubes to pack."
    if unlabeled := _unlabeled(sim, p.id):
        return unlabeled
    spinning = [s.spun_at + 60 * CENTRIFUGE_MINUTES for s in todo if s.spun_at is not None
                and sim.now < s.spun_at + 60 * CENTRIFUGE_MINUTES]
    if spinning:
        return f"{p.name}'s tubes are in the centrifuge until {clock(spinning[0])}."
    return None


def pack(sim: Simulation, actor: StaffState, cmd: PackSpecimens) -> Accepted:
    """Put the patient's tubes in the courier box (or the specimen fridge after the last pickup)."""
    p = sim.world.patients[cmd.patient]
    todo = [s for s in specimens_of(sim, p.id) if not s.packed]
    secs = sim.walk(actor, "lab") + sim.d.pack_specimens
    for s in todo:
        s.packed, s.packed_t = True, sim.now
    return Accepted(secs, f"packing {p.name}'s specimens")


def specimen_report(sim: Simulation, pid: str) -> list[dict[str, Any]]:
    """One entry per tube drawn today for a patient: its tests, where it ended up, and why."""
    p = sim.world.patients.get(pid)
    if p is None:
        return []
    out: list[dict[str, Any]] = []
    for s in specimens_of(sim, pid):
        if s.shipped:
            status, reason = ("rejected", s.rejected) if s.rejected else ("received", None)
        else:
            status, reason = "not_sent", lab_courier.not_sent(sim, s)[0]
        out.append({"tube": s.tube, "tests": tests_in(s.tube, p.spec.orders.labs),
                    "status": status, "reason": reason})
    return out


def on_clotted(sim: Simulation, event: Clotted) -> None:
    """A serum tube has clotted long enough to spin."""
    p = sim.world.patients[event.patient]
    if any(s.tube == event.tube and s.spun_at is None for s in specimens_of(sim, p.id)):
        sim.notify(Tone.INFO, f"{p.name}'s {TUBES[event.tube].name} has clotted: centrifuge it.",
                   p.id)


def on_spun(sim: Simulation, event: Spun) -> None:
    """The centrifuge stops."""
    p = sim.world.patients[event.patient]
    sim.notify(Tone.INFO, f"{p.name}'s {TUBES[event.tube].name} is spun: ready to pack.", p.id)


def specimen_stage(sim: Simulation, pid: str) -> tuple[str, int] | None:
    """Where a patient's labeled, unpacked tubes are: "clotting", "centrifuge" (clotted,
    to spin), "spinning" or "pack", and since (or until) when; None when there is nothing
    to do with them (none, or some still unlabeled)."""
    todo = [s for s in specimens_of(sim, pid) if not s.packed]
    if not todo or any(s.label_of is None for s in todo):
        return None
    unspun = [s for s in todo if TUBES[s.tube].serum and s.spun_at is None]
    if unspun:
        clotted = min(s.drawn_t for s in unspun) + 60 * CLOT_MINUTES
        return ("clotting" if sim.now < clotted else "centrifuge"), clotted
    spinning = [s.spun_at + 60 * CENTRIFUGE_MINUTES for s in todo if s.spun_at is not None]
    if spinning and sim.now < max(spinning):
        return "spinning", max(spinning)
    return "pack", max(spinning, default=min(s.drawn_t for s in todo))


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """The lab form's steps after the exam; spinning and packing labeled tubes."""
    tubes_of: dict[str, list[Specimen]] = {}
    for s in sim.world.specimens:
        if not s.packed:  # packed tubes need nothing more of anyone
            tubes_of.setdefault(s.patient, []).append(s)
    here = {p.id: p for p in sim.patients_in(Status.EXAM_DONE)}
    for pid in dict.fromkeys([*here, *tubes_of]):
        p = sim.world.patients[pid]
        orders = p.spec.orders
        tubes = tubes_of.get(pid, [])
        if p.status == Status.EXAM_DONE:
            needed = needed_tubes(p)
            if needed:
                yield Offer(GroupKind.PATIENT, pid, DrawBlood(patient=pid, tubes=needed),
                            "Draw blood…", "Venipuncture in the order of draw.", form="lab",
                            key="l")
            if "POC_GLUCOSE" in orders.labs:
                yield Offer(GroupKind.PATIENT, pid, Fingerstick(patient=pid), "Fingerstick…",
                            "Point-of-care glucose on the meter.", form="lab", key="l")
        if any(s.label_of is None for s in tubes):
            yield Offer(GroupKind.PATIENT, pid, LabelSpecimens(patient=pid), "Label tubes…",
                        "Label every tube at the bedside with two identifiers.", form="lab",
                        key="l")
            continue  # spinning and packing come once every tube is labeled
        last = p.spec.name.last
        unspun = [s for s in tubes if TUBES[s.tube].serum and s.spun_at is None]
        if unspun:
            names = ", ".join(sorted({TUBES[s.tube].name for s in unspun}))
            yield Offer(GroupKind.PATIENT, pid, Centrifuge(patient=pid),
                        f"Centrifuge {last}'s tubes", f"Spin the {names}. Serum tubes must "
                        f"clot {CLOT_MINUTES} minutes first.", key="g", station="lab")
        if tubes:
            warn = " The serum tubes are not spun yet: the lab would reject them." \
                if unspun else ""
            yield Offer(GroupKind.PATIENT, pid, PackSpecimens(patient=pid),
                        f"Pack {last}'s tubes", "Put the labeled, spun tubes in the courier "
                        f"box.{warn}", key="k", station="lab")


RULE = Rule(
    "specimens",
    commands=(command(DrawBlood, check_draw, draw_blood, occupies_patient=True),
              command(LabelSpecimens, check_label, label, occupies_patient=True),
              command(Fingerstick, check_fingerstick, fingerstick, occupies_patient=True),
              command(Centrifuge, check_centrifuge, centrifuge),
              command(PackSpecimens, check_pack, pack)),
    events=(on(Clotted, on_clotted), on(Spun, on_spun)), offers=offers)
