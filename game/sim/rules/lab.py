"""Specimens: venipuncture tube by tube in the order of draw, labels, clotting, spinning, report."""

from __future__ import annotations

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
from game.sim.results import Accepted, Rejected, Result
from game.sim.rules import lab_courier
from game.sim.rules.expectations import key
from game.sim.rules.front_desk import patient
from game.sim.rules.lab_courier import needed_tubes, specimens_of
from game.sim.rules.rooming import in_room, wrong_chart
from game.sim.scheduler import Event
from game.sim.state import PatientState, Specimen, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

__all__ = ["needed_tubes", "specimen_report", "specimens_of"]

AFTER_EXAM = frozenset({Status.EXAM_DONE})
COLLECT_POINTS = 3


def _identify(sim: Simulation, p: PatientState, ids: list[str], what: str) -> None:
    if valid_identifiers(ids) < 2:
        sim.ledger.penalty(
            sim.now, "safety", 2, "XII.P.1", p.id, f"{what} for {p.name} without two identifiers",
            "Ask the patient to state full name and date of birth before any specimen "
            "collection (The Joint Commission NPSG.01.01.01).")


def draw_blood(sim: Simulation, cmd: DrawBlood) -> Result:
    """Fill tubes in the order given; each tube is judged by the tubes drawn before it."""
    p = in_room(sim, cmd.patient, AFTER_EXAM)
    if isinstance(p, Rejected):
        return p
    unknown = list(dict.fromkeys(t for t in cmd.tubes if t not in TUBES))
    if unknown:
        return Rejected(f"Unknown tube(s): {', '.join(unknown)}. Tubes: {', '.join(TUBES)}.")
    needed = needed_tubes(p)
    if not needed:
        return Rejected(f"No blood tests are ordered for {p.name}.")
    secs = sim.walk(f"room:{p.room}") + sim.d.venipuncture + sim.d.per_tube * len(cmd.tubes)
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
            sim.schedule(sim.now + secs + 60 * CLOT_MINUTES, "clotted", p.id, s.tube)
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
    sim.ledger.award(key(p.id, "collect"), sim.now, pts,
                     f"Drew {p.name}'s blood" + (f": {'; '.join(problems)}" if problems else
                                                " in the correct order of draw"),
                     " ".join(notes))


def label(sim: Simulation, cmd: LabelSpecimens) -> Result:
    """Label the tubes at the bedside with what the open chart says."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    unlabeled = [s for s in specimens_of(sim, p.id) if s.label_of is None]
    if not unlabeled:
        return Rejected(f"{p.name} has no unlabeled tubes.")
    if p.status not in AFTER_EXAM:
        return Rejected(f"{p.name} has left: tubes can only be labeled in the patient's "
                        "presence. They will have to be recollected.")
    secs = sim.walk(f"room:{p.room}") + sim.d.label
    _identify(sim, p, cmd.identifiers, "Labeled tubes")
    for s in unlabeled:
        s.label_of = p.chart_id or p.id
    mislabeled = wrong_chart(sim, p, "specimen labels")
    good = valid_identifiers(cmd.identifiers) >= 2 and not mislabeled
    sim.ledger.award(key(p.id, "label"), sim.now, 2 if good else 0,
                     f"Labeled {p.name}'s {len(unlabeled)} tube(s) at the bedside"
                     + ("" if good else " without proper identification"),
                     "" if good else
                     "Confirm two identifiers (full name and date of birth) with the patient "
                     "before labeling, and label from the chart of the patient in front of you: "
                     "a tube with another patient's identity is rejected, or worse, reported "
                     "as theirs (The Joint Commission NPSG.01.01.01).")
    return Accepted(secs, f"labeling {p.name}'s tubes")


def fingerstick(sim: Simulation, cmd: Fingerstick) -> Result:
    """Point-of-care glucose: reportable only after today's meter QC."""
    p = in_room(sim, cmd.patient, AFTER_EXAM)
    if isinstance(p, Rejected):
        return p
    if "POC_GLUCOSE" not in p.spec.orders.labs:
        return Rejected(f"No fingerstick glucose is ordered for {p.name}.")
    if p.poc_done:
        return Rejected(f"{p.name}'s fingerstick glucose is already reported.")
    secs = sim.walk(f"room:{p.room}") + sim.d.fingerstick
    _identify(sim, p, cmd.identifiers, "Fingerstick")
    if not sim.world.glucose_qc_done:
        sim.ledger.penalty(
            sim.now, "clinical", 1, "I.P.10", p.id,
            f"{p.name}'s glucose result cannot be reported: the meter's QC was not run",
            "Run quality control before patient testing; repeat the test after QC passes.")
        return Accepted(secs, f"testing {p.name}'s glucose (not reportable: no QC)")
    p.poc_done = True
    sim.ledger.award(key(p.id, "poc"), sim.now, 2, f"Reported {p.name}'s fingerstick glucose")
    return Accepted(secs, f"testing {p.name}'s glucose")


def centrifuge(sim: Simulation, cmd: Centrifuge) -> Result:
    """Spin the serum tubes; before 30 minutes of clotting the serum will not separate."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    serum = [s for s in specimens_of(sim, p.id) if TUBES[s.tube].serum and s.spun_at is None]
    if not serum:
        return Rejected(f"{p.name} has no serum tubes waiting to be spun.")
    secs = sim.walk("lab") + sim.d.centrifuge_load
    for s in serum:
        s.spun_at = sim.now + secs
        s.spin_ok = s.spun_at - s.drawn_t >= 60 * CLOT_MINUTES
        if not s.spin_ok:
            sim.ledger.penalty(
                sim.now, "clinical", 1, "I.P.2.b", p.id,
                f"Spun {p.name}'s {TUBES[s.tube].name} before it had clotted",
                f"Let serum tubes clot {CLOT_MINUTES} minutes upright before centrifuging: "
                "spun early, fibrin strands ruin the serum and the lab rejects it.")
        sim.schedule(s.spun_at + 60 * CENTRIFUGE_MINUTES, "spun", p.id, s.tube)
    return Accepted(secs, f"centrifuging {p.name}'s serum tubes")


def pack(sim: Simulation, cmd: PackSpecimens) -> Result:
    """Put the patient's tubes in the courier box (or the specimen fridge after the last pickup)."""
    p = patient(sim, cmd.patient)
    if isinstance(p, Rejected):
        return p
    todo = [s for s in specimens_of(sim, p.id) if not s.packed]
    if not todo:
        return Rejected(f"{p.name} has no tubes to pack.")
    spinning = [s for s in todo if s.spun_at is not None
                and sim.now < s.spun_at + 60 * CENTRIFUGE_MINUTES]
    if spinning:
        return Rejected(f"{p.name}'s tubes are in the centrifuge until "
                        f"{clock(spinning[0].spun_at + 60 * CENTRIFUGE_MINUTES)}.")
    secs = sim.walk("lab") + sim.d.pack_specimens
    for s in todo:
        s.packed, s.packed_t = True, sim.now
    return Accepted(secs, f"packing {p.name}'s specimens")


def store_for_tomorrow(sim: Simulation) -> None:
    """End of day: judge every tube still to be judged (stored, stranded, never handed over)."""
    lab_courier.end_of_day(sim)


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


def on_clotted(sim: Simulation, event: Event) -> None:
    """A serum tube has clotted long enough to spin."""
    p = sim.world.patients[event.subject]
    if any(s.tube == event.data[0] and s.spun_at is None for s in specimens_of(sim, p.id)):
        sim.notify("info", f"{p.name}'s {TUBES[event.data[0]].name} has clotted: centrifuge it.",
                   p.id)


def on_spun(sim: Simulation, event: Event) -> None:
    """The centrifuge stops."""
    p = sim.world.patients[event.subject]
    sim.notify("info", f"{p.name}'s {TUBES[event.data[0]].name} is spun: ready to pack.", p.id)
