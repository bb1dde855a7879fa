"""Specimens: venipuncture in the order of draw, bedside labels, clotting, spinning, the courier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.lab import (
    ADDITIVE_CARRYOVER_NOTE,
    CENTRIFUGE_MINUTES,
    CLOT_MINUTES,
    LAB_TESTS,
    TUBES,
    order_is_correct,
    tubes_for,
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
from game.sim.rules.expectations import key
from game.sim.rules.front_desk import patient
from game.sim.rules.rooming import in_room, wrong_chart
from game.sim.scheduler import Event
from game.sim.state import PatientState, Specimen, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

AFTER_EXAM = frozenset({Status.EXAM_DONE})


def needed_tubes(p: PatientState) -> list[str]:
    """The venous tubes this patient's orders need, in order of draw."""
    return tubes_for([t for t in p.spec.orders.labs if LAB_TESTS[t].tube in TUBES])


def specimens_of(sim: Simulation, pid: str) -> list[Specimen]:
    """The patient's current tubes (replaced ones excluded)."""
    return [s for s in sim.world.specimens if s.patient == pid]


def _identify(sim: Simulation, p: PatientState, ids: list[str], what: str) -> None:
    if valid_identifiers(ids) < 2:
        sim.ledger.penalty(
            sim.now, "safety", 2, "XII.P.1", p.id, f"{what} for {p.name} without two identifiers",
            "Ask the patient to state full name and date of birth before any specimen "
            "collection (The Joint Commission NPSG.01.01.01).")


def draw_blood(sim: Simulation, cmd: DrawBlood) -> Result:
    """Fill tubes in the order given; the order of draw decides whether they are usable."""
    p = in_room(sim, cmd.patient, AFTER_EXAM)
    if isinstance(p, Rejected):
        return p
    needed = needed_tubes(p)
    if not needed:
        return Rejected(f"No blood tests are ordered for {p.name}.")
    unknown = [t for t in cmd.tubes if t not in TUBES]
    if unknown:
        return Rejected(f"Unknown tube(s): {', '.join(unknown)}. Tubes: {', '.join(TUBES)}.")
    secs = sim.walk(f"room:{p.room}") + sim.d.venipuncture + sim.d.per_tube * len(cmd.tubes)
    _identify(sim, p, cmd.identifiers, "Drew blood")
    ok = order_is_correct(cmd.tubes)
    if p.drawn:
        sim.ledger.penalty(sim.now, "experience", 1, "I.P.2.b", p.id,
                           f"A second venipuncture for {p.name}",
                           "Get every tube right on the first stick.")
    drawn_now = set(cmd.tubes)
    sim.world.specimens = [s for s in sim.world.specimens
                           if not (s.patient == p.id and s.tube in drawn_now and not s.shipped)]
    for tube in dict.fromkeys(cmd.tubes):
        sim.world.specimens.append(Specimen(p.id, tube, sim.now + secs, ok))
    p.drawn = True
    missing = [t for t in needed if t not in drawn_now]
    extra = [t for t in drawn_now if t not in needed]
    problems = []
    if not ok:
        problems.append("out of order")
    if missing:
        problems.append(f"missing {', '.join(TUBES[t].name for t in missing)}")
    if extra:
        problems.append(f"unneeded {', '.join(TUBES[t].name for t in sorted(extra))}")
    pts = 0 if not ok else 3 - (2 if missing else 0) - (1 if extra else 0)
    sim.ledger.award(key(p.id, "collect"), sim.now, pts,
                     f"Drew {p.name}'s blood" + (f": {'; '.join(problems)}" if problems else
                                                " in the correct order of draw"),
                     ADDITIVE_CARRYOVER_NOTE if not ok else
                     "Draw exactly the tubes the ordered tests need, no more." if problems else "")
    p.busy_until = sim.now + secs
    for tube in cmd.tubes:
        if TUBES[tube].serum:
            sim.schedule(sim.now + secs + 60 * CLOT_MINUTES, "clotted", p.id, tube)
    return Accepted(secs, f"drawing blood from {p.name}")


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
                     + ("" if good else " without proper identification"))
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
        s.packed = True
    return Accepted(secs, f"packing {p.name}'s specimens")


def rejection(s: Specimen) -> str | None:
    """Why the lab would refuse a tube, if it would."""
    if s.label_of is None:
        return "unlabeled"
    if s.label_of != s.patient:
        return "labeled with another patient's identity"
    if not s.order_ok:
        return "drawn out of order (additive carryover)"
    if TUBES[s.tube].serum and not s.spin_ok:
        return "serum not separated (not clotted and centrifuged)"
    return None


def on_courier(sim: Simulation, event: Event) -> None:
    """The courier takes the box; the lab judges each tube; the last pickup strands the rest."""
    last = int(event.subject) == len(sim.pickups) - 1
    sim.world.couriers_done += 1
    shipped_patients = set()
    for s in sim.world.specimens:
        if s.packed and not s.shipped:
            s.shipped = True
            s.rejected = rejection(s)
            shipped_patients.add(s.patient)
    for pid in sorted(shipped_patients):
        _judge_shipment(sim, sim.world.patients[pid])
    stranded = sorted({s.patient for s in sim.world.specimens if not s.shipped}) if last else []
    for pid in stranded:
        p = sim.world.patients[pid]
        sim.ledger.award(key(pid, "ship"), sim.now, 0,
                         f"{p.name}'s specimens missed the last courier")
        sim.ledger.penalty(sim.now, "flow", 2, "I.P.2.b", pid,
                           f"{p.name}'s specimens missed the courier",
                           "Pack specimens before the last pickup: a missed courier means "
                           "results a day late or a recalled patient.")
    n = len(shipped_patients)
    sim.notify("info" if not stranded else "bad",
               f"The courier left with specimens from {n} patient(s)"
               + (f"; {len(stranded)} patient(s)' tubes were not ready." if stranded else "."))


def _judge_shipment(sim: Simulation, p: PatientState) -> None:
    tubes = specimens_of(sim, p.id)
    rejected = [s for s in tubes if s.shipped and s.rejected]
    for s in rejected:
        sim.ledger.penalty(
            sim.now, "clinical", 2, "I.P.2.b", p.id,
            f"The lab rejected {p.name}'s {TUBES[s.tube].name}: {s.rejected}",
            "The patient must come back for a new draw. Label at the bedside, draw in order, "
            "and let serum clot and spin before packing.")
    good = {s.tube for s in tubes if s.shipped and not s.rejected}
    if rejected:
        sim.ledger.award(key(p.id, "ship"), sim.now, 0, f"{p.name}'s specimens were rejected")
    elif set(needed_tubes(p)) <= good:
        sim.ledger.award(key(p.id, "ship"), sim.now, 2, f"{p.name}'s specimens reached the lab")


def store_for_tomorrow(sim: Simulation) -> None:
    """End of day: tubes drawn after the last pickup and packed are stored correctly."""
    last = sim.pickups[-1]
    for pid in sorted({s.patient for s in sim.world.specimens if not s.shipped}):
        tubes = specimens_of(sim, pid)
        p = sim.world.patients[pid]
        if all(s.packed and s.drawn_t > last and rejection(s) is None for s in tubes):
            sim.ledger.award(key(pid, "ship"), sim.now, 2,
                             f"{p.name}'s specimens are stored for the next pickup")


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


def on_courier_warning(sim: Simulation, event: Event) -> None:
    """Fifteen minutes before a pickup."""
    t = sim.pickups[int(event.subject)]
    unpacked = {s.patient for s in sim.world.specimens if not s.packed}
    sim.notify("warning", f"The courier comes at {clock(t)}"
               + (f": {len(unpacked)} patient(s)' tubes are not packed." if unpacked else "."),
               None, "courier")
