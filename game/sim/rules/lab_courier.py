"""Specimens after the draw: the courier, the lab's verdict on each tube, what never left."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from game.clinical.lab import (
    ADDITIVE_CARRYOVER_NOTE,
    CENTRIFUGE_MINUTES,
    CLOT_MINUTES,
    LAB_TESTS,
    ORDER_OF_DRAW_TEXT,
    TUBES,
    carryover_effect,
    tests_in,
    tubes_for,
)
from game.scenario.types import clock
from game.sim.notices import Tone, Topic
from game.sim.rules.base import Rule, on
from game.sim.scheduler import Event
from game.sim.scoring import Step, key
from game.sim.state import PatientState, Specimen
from game.words import count

if TYPE_CHECKING:
    from game.sim.engine import Simulation

SHIP_POINTS = 2
RULE_NAME = "courier"
COURIER_WARNING = 15 * 60


@dataclass
class CourierState:
    """The courier's part of the world: how many of the day's pickups have been made."""

    done: int = 0


def courier_state(sim: Simulation) -> CourierState:
    """The courier's state in the world."""
    state = sim.world.parts[RULE_NAME]
    assert isinstance(state, CourierState)
    return state


@dataclass(frozen=True)
class Courier(Event):
    """The courier comes for the box: `index` is the pickup's place in the day's list, `due`
    the time it was scheduled for (a pickup moved since then leaves this one stale)."""

    index: int
    due: int


@dataclass(frozen=True)
class CourierWarning(Event):
    """Fifteen minutes before a pickup."""

    index: int
    due: int


def schedule_pickup(sim: Simulation, i: int) -> None:
    """The i-th pickup, at its time in `sim.pickups`, and its warning fifteen minutes
    before (at once, if that is past)."""
    t = sim.pickups[i]
    sim.schedule(max(sim.opens, sim.now, t - COURIER_WARNING), CourierWarning(i, t))
    sim.schedule(t, Courier(i, t))


def start(sim: Simulation) -> None:
    """Each pickup, and its warning."""
    for i in range(len(sim.pickups)):
        schedule_pickup(sim, i)


def expect(sim: Simulation) -> None:
    """Every ordered venous tube drawn, labeled and sent; every ordered fingerstick done."""
    for p in sim.world.patients.values():
        if p.spec.arrival.kind == "no_show":
            continue
        pid, name, orders = p.id, p.name, p.spec.orders

        exp = partial(sim.ledger.expect_step, pid)

        needed = needed_tubes(p)
        if needed:
            tubes = ", ".join(TUBES[c].name for c in needed)
            exp(Step.COLLECT, "clinical", 3, "I.P.2.b", f"{name}'s blood was not drawn ({tubes})",
                f"Draw every ordered test before the patient leaves. {ADDITIVE_CARRYOVER_NOTE}")
            exp(Step.LABEL, "safety", 2, "I.P.2.b", f"{name}'s tubes were not labeled",
                "Label every tube at the bedside, in the patient's presence, with two "
                "identifiers: an unlabeled specimen is rejected by the lab.")
            exp(Step.SHIP, "flow", 2, "I.P.2.b", f"{name}'s specimens did not reach the lab",
                "Pack specimens for the courier before the pickup; serum tubes need 30 minutes "
                "to clot and 10 minutes in the centrifuge first.")
        if "POC_GLUCOSE" in orders.labs:
            exp(Step.POC, "clinical", 2, "I.P.11.b", f"{name}'s fingerstick glucose was not done",
                "A CLIA-waived test is reported only when the meter's QC has passed today.")
MISSED_COURIER_NOTE = (
    f"Pack specimens before the last pickup: serum tubes need {CLOT_MINUTES} minutes to clot "
    f"and {CENTRIFUGE_MINUTES} minutes in the centrifuge first. A missed courier means results "
    "a day late or a recalled patient.")
NOT_HANDED_OVER_NOTE = (
    "A packed box leaves only when someone hands it to the courier: do not clock out while a "
    "pickup is still to come (or hand the box to a colleague). Otherwise the results come a day "
    "late and the tubes may have to be recollected.")
NOT_STORED_NOTE = (
    "After the last pickup, label, process and pack the tubes and store them (specimen "
    "refrigerator) for the next pickup, so they are not left on the counter overnight.")
NOT_DRAWN_NOTE = "Draw every ordered tube before the patient leaves: nothing else can be sent."


def needed_tubes(p: PatientState) -> list[str]:
    """The venous tubes this patient's orders need, in order of draw."""
    return tubes_for([t for t in p.spec.orders.labs if LAB_TESTS[t].tube in TUBES])


def specimens_of(sim: Simulation, pid: str) -> list[Specimen]:
    """The patient's current tubes (replaced ones excluded), in the order they were drawn."""
    return [s for s in sim.world.specimens if s.patient == pid]


def rejection(s: Specimen) -> str | None:
    """Why the lab would refuse a tube, if it would."""
    if s.label_of is None:
        return "unlabeled"
    if s.label_of != s.patient:
        return "labeled with another patient's identity"
    if s.carried_from:
        return "drawn out of order: " + "; ".join(carryover_effect(c, s.tube)
                                                 for c in s.carried_from)
    if TUBES[s.tube].serum and not s.spin_ok:
        return "serum not separated (not clotted and centrifuged)"
    return None


def rejection_note(p: PatientState, s: Specimen) -> str:
    """What to do differently, for the tube the lab refused, and what must be recollected."""
    tests = ", ".join(LAB_TESTS[t].name for t in tests_in(s.tube, p.spec.orders.labs))
    redo = (f"{p.name} must come back so the {TUBES[s.tube].name}"
            + (f" ({tests})" if tests else "") + " can be recollected; the other tubes stand. ")
    if s.label_of is None or s.label_of != s.patient:
        return redo + ("Label every tube at the bedside, in the patient's presence, with the "
                       "identity confirmed by two identifiers (The Joint Commission "
                       "NPSG.01.01.01).")
    if s.carried_from:
        return redo + (f"Draw in the CLSI GP41 order ({ORDER_OF_DRAW_TEXT}): a tube's additive "
                       "carries over only into the tubes drawn after it.")
    return redo + (f"Let serum tubes clot {CLOT_MINUTES} minutes upright, then centrifuge "
                   f"them about {CENTRIFUGE_MINUTES} minutes, before packing.")


def next_pickup(sim: Simulation) -> int | None:
    """When the courier comes next, or None after the last pickup of the day."""
    done = courier_state(sim).done
    return sim.pickups[done] if done < len(sim.pickups) else None


def courier_soon(sim: Simulation) -> bool:
    """The next pickup is at most 15 minutes away (when the courier warning comes)."""
    nxt = next_pickup(sim)
    return nxt is not None and nxt - sim.now <= COURIER_WARNING


def stored_well(sim: Simulation, s: Specimen) -> bool:
    """Drawn after the last pickup, then packed and stored correctly for the next one."""
    return (s.packed and not s.shipped and next_pickup(sim) is None
            and s.drawn_t > sim.pickups[-1] and rejection(s) is None)


def not_sent(sim: Simulation, s: Specimen, day_over: bool | None = None) -> tuple[str, str]:
    """Why a tube has not gone to the lab, and the note that teaches what to do."""
    nxt, last = next_pickup(sim), sim.pickups[-1]
    over = sim.finished if day_over is None else day_over
    if s.packed:
        if nxt is None:
            if stored_well(sim, s):
                return "stored in the specimen refrigerator for the next pickup", ""
            if s.drawn_t <= last:
                return f"packed after the last courier ({clock(last)})", MISSED_COURIER_NOTE
            return (f"stored for the next pickup, but the lab will reject it: {rejection(s)}",
                    rejection_note(sim.world.patients[s.patient], s))
        if not over:
            return f"packed, waiting for the {clock(nxt)} courier", ""
        if sim.world.all_clocked_out:
            return (f"packed, but the MA clocked out before the {clock(nxt)} courier: the box "
                    "was never handed over", NOT_HANDED_OVER_NOTE)
        return (f"packed, but the day ended before the {clock(nxt)} courier came",
                NOT_HANDED_OVER_NOTE)
    if nxt is None:
        if s.drawn_t <= last:
            return f"not packed when the last courier came at {clock(last)}", MISSED_COURIER_NOTE
        return "drawn after the last pickup and never packed for storage", NOT_STORED_NOTE
    if not over:
        return f"not packed yet (next courier {clock(nxt)})", ""
    return (f"never packed: the day ended before the {clock(nxt)} courier",
            NOT_HANDED_OVER_NOTE if sim.world.all_clocked_out else MISSED_COURIER_NOTE)


def _tube_for_lab(sim: Simulation, pid: str, code: str) -> Specimen | None:
    """The tube of a kind that counts: one the lab accepted, else the latest one drawn."""
    tubes = [s for s in specimens_of(sim, pid) if s.tube == code]
    good = [s for s in tubes if s.shipped and not s.rejected]
    chosen = good or tubes
    return chosen[-1] if chosen else None


def resolve_ship(sim: Simulation, p: PatientState, final: bool) -> None:
    """Score getting the needed tubes to the lab: points in proportion to the good ones."""
    needed = needed_tubes(p)
    if not needed or not sim.ledger.is_open(key(p.id, Step.SHIP)):
        return
    chosen = {code: _tube_for_lab(sim, p.id, code) for code in needed}
    if not final and any(s is None or not s.shipped for s in chosen.values()):
        return  # some tube is still to come: a later courier or the day's end decides
    good, stored, problems, notes = 0, 0, [], []
    for code, s in chosen.items():
        name = TUBES[code].name
        if s is None:
            problems.append(f"{name} not drawn")
            notes.append(NOT_DRAWN_NOTE)
        elif s.shipped and s.rejected:
            problems.append(f"{name} rejected by the lab")
            notes.append("See the lab's rejection above: only that tube's tests are redrawn.")
        elif s.shipped:
            good += 1
        elif stored_well(sim, s):
            good, stored = good + 1, stored + 1
        else:
            why, note = not_sent(sim, s, day_over=final)
            problems.append(f"{name} not sent: {why}")
            notes.append(note)
    points = SHIP_POINTS * good // len(needed)
    if not problems:
        reason = (f"{p.name}'s specimens are stored for the next pickup" if stored == good
                  else f"{p.name}'s specimens reached the lab"
                  + (" or are stored for the next pickup" if stored else ""))
    else:
        reason = f"{p.name}'s specimens: {'; '.join(problems)}"
    sim.ledger.award(key(p.id, Step.SHIP), sim.now, points, reason,
                     " ".join(dict.fromkeys(notes)))


def on_courier(sim: Simulation, event: Courier) -> None:
    """The courier takes the box; the lab judges each tube; the last pickup strands the rest."""
    if sim.pickups[event.index] != event.due:
        return  # the pickup was moved: the courier comes at its new time
    last = event.index == len(sim.pickups) - 1
    courier_state(sim).done += 1
    shipped: list[Specimen] = []
    for s in sim.world.specimens:
        if s.packed and not s.shipped:
            s.shipped, s.shipped_t, s.rejected = True, sim.now, rejection(s)
            shipped.append(s)
    patients = sorted({s.patient for s in shipped})
    for s in shipped:
        if s.rejected:
            p = sim.world.patients[s.patient]
            sim.ledger.penalty(
                sim.now, "clinical", 2, "I.P.2.b", p.id,
                f"The lab rejected {p.name}'s {TUBES[s.tube].name}: {s.rejected}",
                rejection_note(p, s))
    stranded = sorted({s.patient for s in sim.world.specimens if not s.shipped}) if last else []
    for pid in stranded:
        p = sim.world.patients[pid]
        sim.ledger.penalty(sim.now, "flow", 2, "I.P.2.b", pid,
                           f"{p.name}'s specimens missed the courier", MISSED_COURIER_NOTE)
    for pid in sorted({*patients, *stranded}):
        resolve_ship(sim, sim.world.patients[pid], final=last)
    sim.notify(Tone.INFO if not stranded else Tone.BAD,
               f"The courier left with specimens from {count(len(patients), 'patient')}"
               + (f"; the tubes of {count(len(stranded), 'patient')} were not ready."
                  if stranded else "."))


def on_courier_warning(sim: Simulation, event: CourierWarning) -> None:
    """Fifteen minutes before a pickup."""
    t = sim.pickups[event.index]
    if t != event.due:
        return  # the pickup was moved: its own warning comes
    unpacked = {s.patient for s in sim.world.specimens if not s.packed}
    sim.notify(Tone.WARNING, f"The courier comes at {clock(t)}"
               + (f": the tubes of {count(len(unpacked), 'patient')} are not packed."
                  if unpacked else "."),
               None, Topic.COURIER)


def end_of_day(sim: Simulation) -> None:
    """The day is over: score every patient's tubes that are still to be judged."""
    for p in sim.world.patients.values():
        if specimens_of(sim, p.id):
            resolve_ship(sim, p, final=True)
        elif sim.ledger.is_open(key(p.id, Step.SHIP)):
            sim.ledger.award(key(p.id, Step.SHIP), sim.now, 0,
                             f"{p.name}'s blood was never drawn, so nothing was sent",
                             NOT_DRAWN_NOTE)


RULE = Rule(RULE_NAME, state=lambda _sim: CourierState(),
            events=(on(Courier, on_courier), on(CourierWarning, on_courier_warning)),
            start=start, expect=expect, end_of_day=end_of_day)
