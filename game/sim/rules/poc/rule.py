"""Point-of-care tests: QC when due, the specimen collected right with two identifiers, the
test started and read in its window, and the result recorded with units and its flag."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.clinical.poc import POC_TESTS, result_text, timing, window_text
from game.scenario.types import clock
from game.sim.commands import valid_identifiers
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer, Rule, command, on
from game.sim.rules.common import not_in_room
from game.sim.rules.poc.commands import CollectPoc, ReadPoc, RecordPoc, RunQc, StartPoc
from game.sim.rules.poc.score import (
    COLLECT_POINTS,
    QC_POINTS,
    READ_POINTS,
    expect,
    judge,
    step_key,
)
from game.sim.rules.poc.state import (
    NAME,
    TestRun,
    build,
    kits_for,
    poc,
    qc_blocked,
    qc_resolvable,
    run_key,
    runs_of,
    value_of,
)
from game.sim.scheduler import Event
from game.sim.scoring import LedgerKey, Step
from game.sim.state import PatientState, StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

AFTER_EXAM = frozenset({Status.EXAM_DONE})
READ_SECONDS = 15  # comparing a cassette's lines or copying an analyzer's screen


@dataclass(frozen=True)
class ReadNow(Event):
    """A started test reaches the start of its read window."""

    patient: str
    test: str
    started_t: int


def _run(sim: Simulation, pid: str, code: str) -> TestRun | str:
    r = poc(sim).runs.get(run_key(pid, code))
    if r is None:
        p = sim.world.patients.get(pid)
        who = p.name if p else f"patient '{pid}'"
        return f"No {POC_TESTS[code].short.lower()} is ordered for {who}."
    if r.done:
        return f"{sim.world.patients[pid].name}'s {r.test.short.lower()} is already done."
    return r


# --- quality control --------------------------------------------------------------------
def check_qc(sim: Simulation, _actor: StaffState, cmd: RunQc) -> str | None:
    """A kit whose QC is due or failed; a new lot only when one is in stock."""
    k = poc(sim).kits.get(cmd.kit)
    if k is None:
        return f"There is no kit '{cmd.kit}' on the counter."
    if k.qc == "passed":
        return f"The {k.spec.id} kit's QC is not due: it passed (lot {k.lot})."
    if cmd.open_new_lot:
        if k.spec.spare_lot is None or k.spare_opened:
            return f"There is no new lot of the {k.spec.id} kit in stock."
        return None
    if not qc_resolvable(k) or (k.spec.qc_today == "fail" and k.runs >= 2):
        return (f"Lot {k.lot}'s controls failed twice: open a new lot, or send the "
                "specimens to the lab.")
    return None


def run_qc(sim: Simulation, actor: StaffState, cmd: RunQc) -> Accepted:
    """Run the positive and negative controls; log the result."""
    k = poc(sim).kits[cmd.kit]
    secs = sim.walk(actor, "lab") + sim.d.poc_qc
    if cmd.open_new_lot:
        assert k.spec.spare_lot is not None
        k.lot, k.spare_opened, k.runs = k.spec.spare_lot, True, 0
    k.runs += 1
    passes = cmd.open_new_lot or k.spec.qc_today == "pass" or (
        k.spec.qc_today == "fail_then_pass" and k.runs >= 2)
    qkey = LedgerKey(k.id, Step.QC)
    if passes:
        k.qc = "passed"
        sim.ledger.award(qkey, sim.now, QC_POINTS, f"Ran and logged QC on the {k.id} kit "
                         f"(lot {k.lot}): in range")
        sim.notify(Tone.GOOD, f"QC of the {k.id} kit passed (lot {k.lot}): patient results "
                   "can be reported.", None, Topic.POC)
        return Accepted(secs, f"running QC on the {k.id} kit")
    k.qc = "failed"
    sim.notify(Tone.WARNING, f"QC of the {k.id} kit FAILED (lot {k.lot}): no patient result "
               "can be reported until QC passes.", None, Topic.POC)
    if not qc_resolvable(k):
        sim.ledger.award(qkey, sim.now, QC_POINTS, f"Ran QC on the {k.id} kit: it failed, "
                         "and no patient result was reported on it")
    return Accepted(secs, f"running QC on the {k.id} kit (failed)")


# --- the specimen -----------------------------------------------------------------------
def check_collect(sim: Simulation, _actor: StaffState, cmd: CollectPoc) -> str | None:
    """After the exam, in the room, for an ordered test, with a known way of collecting."""
    if why := not_in_room(sim, cmd.patient, AFTER_EXAM):
        return why
    r = _run(sim, cmd.patient, cmd.test)
    if isinstance(r, str):
        return r
    if r.collected:
        return f"{sim.world.patients[cmd.patient].name}'s specimen is already collected."
    ways = [c.id for c in r.test.collections]
    if cmd.collection not in ways:
        return f"Unknown way to collect a {r.test.short.lower()}: {', '.join(ways)}."
    return None


def collect(sim: Simulation, actor: StaffState, cmd: CollectPoc) -> Accepted:
    """Collect the specimen; a wrong technique makes it unusable (collect again)."""
    r = poc(sim).runs[run_key(cmd.patient, cmd.test)]
    p, t = sim.world.patients[cmd.patient], r.test
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.collect_poc
    way = next(c for c in t.collections if c.id == cmd.collection)
    ids = valid_identifiers(cmd.identifiers) >= 2
    if not ids:
        sim.ledger.penalty(sim.now, "safety", 2, "XII.P.1", p.id,
                           f"Collected {p.name}'s {t.short} without two identifiers",
                           "Ask the patient to state full name and date of birth before "
                           "any specimen collection (The Joint Commission NPSG.01.01.01).")
    r.collected = way.right
    pts = (COLLECT_POINTS if ids else COLLECT_POINTS - 1) if way.right else 0
    sim.ledger.award(step_key(r, Step.COLLECT), sim.now, pts,
                     f"Collected {p.name}'s {t.short}: {way.label.lower()}",
                     way.why if not way.right else "")
    if not way.right:
        sim.notify(Tone.WARNING, f"{p.name}'s {t.short} specimen is unusable: {way.why}",
                   p.id, Topic.POC)
    return Accepted(secs, f"collecting {p.name}'s {t.short.lower()} specimen")


# --- the test ---------------------------------------------------------------------------
def check_start(sim: Simulation, _actor: StaffState, cmd: StartPoc) -> str | None:
    """A usable specimen, a kit that runs the test, and no run already timing."""
    r = _run(sim, cmd.patient, cmd.test)
    if isinstance(r, str):
        return r
    name = sim.world.patients[cmd.patient].name
    if not r.collected:
        return f"Collect {name}'s {r.test.short.lower()} specimen first."
    if r.started_t is not None:
        return f"{name}'s {r.test.short.lower()} is already running."
    if not kits_for(sim, cmd.test):
        return f"No kit on the counter runs a {r.test.short.lower()}."
    return None


def start(sim: Simulation, actor: StaffState, cmd: StartPoc) -> Accepted:
    """Apply the specimen; the timer starts when the MA has prepared the test."""
    r = poc(sim).runs[run_key(cmd.patient, cmd.test)]
    p, t = sim.world.patients[cmd.patient], r.test
    k = kits_for(sim, cmd.test)[0]
    secs = sim.walk(actor, "lab") + sim.d.run_poc
    r.started_t, r.kit, r.reportable = sim.now + secs, k.id, k.qc == "passed"
    # A dipped strip is never left: the MA holds it against the chart until its first pads
    # are due, so its short window cannot pass while they do something else.
    held = t.read_from_s if t.kind == "dipstick" else 0
    if not r.reportable:
        sim.ledger.penalty(
            sim.now, "clinical", 1, "I.P.10", p.id,
            f"Ran {p.name}'s {t.short} on the {k.id} kit without a passing QC",
            "After a missing or failed QC no patient result may be reported: run the "
            "controls first, then test the patient.")
    sim.schedule(r.started_t + t.read_from_s, ReadNow(p.id, t.code, r.started_t))
    return Accepted(secs + held, f"starting {p.name}'s {t.short.lower()} ({window_text(t)})")


def on_read_now(sim: Simulation, event: ReadNow) -> None:
    """The test can be read now."""
    r = poc(sim).runs.get(run_key(event.patient, event.test))
    if r is None or r.started_t != event.started_t or r.read_t is not None:
        return
    t = r.test
    until = "" if t.read_until_s is None else f" until {clock(r.started_t + t.read_until_s)}"
    sim.notify(Tone.INFO, f"{sim.world.patients[r.patient].name}'s {t.short} can be read "
               f"now{until}.", r.patient, Topic.POC)


def check_read(sim: Simulation, _actor: StaffState, cmd: ReadPoc) -> str | None:
    """A running test; an analyzer only once it shows its result."""
    r = _run(sim, cmd.patient, cmd.test)
    if isinstance(r, str):
        return r
    if r.started_t is None:
        return f"Start {sim.world.patients[cmd.patient].name}'s {r.test.short.lower()} first."
    if r.read_t is not None:
        return "It is read: record the result."
    if r.test.analyzer and sim.now < r.started_t + r.test.read_from_s:
        return (f"The analyzer is still running: its result shows at "
                f"{clock(r.started_t + r.test.read_from_s)}.")
    return None


def read(sim: Simulation, actor: StaffState, cmd: ReadPoc) -> Accepted:
    """Read at this moment: early or late, the reading is invalid and the test repeated."""
    r = poc(sim).runs[run_key(cmd.patient, cmd.test)]
    p, t = sim.world.patients[cmd.patient], r.test
    assert r.started_t is not None
    elapsed = sim.now - r.started_t
    # A strip is read pad by pad as each comes due, through the last pad's time.
    secs = sim.walk(actor, "lab") + max(READ_SECONDS, (t.read_until_s or 0) - elapsed
                                        if t.kind == "dipstick" else READ_SECONDS)
    when = timing(t, elapsed)
    r.reads += 1
    at = f"{elapsed // 60}:{elapsed % 60:02d}"
    if when != "on_time":
        sim.ledger.penalty(
            sim.now, "clinical", 1, t.competency, p.id,
            f"Read {p.name}'s {t.short} {when} (at {at}; {window_text(t)})",
            f"A reading outside the insert's window is invalid ({t.source}); the test is "
            "repeated" + ("." if t.specimen == "urine" else " on a new specimen."))
        r.started_t = None
        r.collected = t.specimen == "urine"  # the cup is still there; a swab or drop is not
        return Accepted(secs, f"reading {p.name}'s {t.short.lower()} {when}: invalid")
    if not r.reportable:
        r.started_t = None
        r.collected = t.specimen == "urine"
        sim.notify(Tone.WARNING, f"{p.name}'s {t.short} cannot be reported: the kit's QC had "
                   "not passed. Repeat it after QC passes.", p.id, Topic.POC)
        return Accepted(secs, f"reading {p.name}'s {t.short.lower()} (not reportable)")
    r.read_t = sim.now
    sim.ledger.award(step_key(r, Step.READ), sim.now, READ_POINTS,
                     f"Read {p.name}'s {t.short} at {at}, in its window")
    return Accepted(secs, f"reading {p.name}'s {t.short.lower()}")


def shown(r: TestRun) -> str:
    """What the read-out shows once read, in words."""
    t = r.test
    return result_text(t, r.spec.reading or "negative",
                       value_of(r) if t.kind == "quantitative" else None, r.spec.pads)


def check_record(sim: Simulation, _actor: StaffState, cmd: RecordPoc) -> str | None:
    """A valid reading to record; sending to the lab only when no QC can pass today."""
    r = _run(sim, cmd.patient, cmd.test)
    if isinstance(r, str):
        return r
    name = sim.world.patients[cmd.patient].name
    if cmd.send_to_lab:
        if not qc_blocked(sim, cmd.test):
            return "A kit can still pass QC today: run the QC and test here."
        if not r.collected:
            return f"Collect {name}'s specimen first."
        return None
    if r.read_t is None:
        return f"Read {name}'s {r.test.short.lower()} in its window first."
    return None


def record(sim: Simulation, actor: StaffState, cmd: RecordPoc) -> Accepted:
    """Chart the result (judged), tell the provider if asked; or send the specimen out."""
    r = poc(sim).runs[run_key(cmd.patient, cmd.test)]
    p, t = sim.world.patients[cmd.patient], r.test
    secs = sim.walk(actor, "lab") + sim.d.record_poc
    r.done = True
    if cmd.send_to_lab:
        r.sent_to_lab = True
        for step in (Step.READ, Step.RESULT):
            sim.ledger.award(step_key(r, step), sim.now, 99,
                             f"Sent {p.name}'s {t.short} specimen to the lab: no kit passed "
                             "QC today")
        sim.notify(Tone.INFO, f"{p.name}'s {t.short} goes to the reference lab; the provider "
                   "is told why.", p.id, Topic.POC)
        return Accepted(secs, f"sending {p.name}'s {t.short.lower()} to the lab")
    judge(sim, r, cmd)
    if cmd.tell_provider:
        sim.notify(Tone.INFO, f"The provider is told {p.name}'s {t.short}: {shown(r)}.",
                   p.id, Topic.POC)
    return Accepted(secs, f"recording {p.name}'s {t.short.lower()}")


# --- what is offered and owed -------------------------------------------------------------
def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """QC of the kits due or failed; each patient's next point-of-care step."""
    for k in poc(sim).kits.values():
        if k.qc == "passed":
            continue
        product = POC_TESTS[k.spec.tests[0]].product
        if k.qc == "failed" and k.spec.spare_lot is not None and not k.spare_opened:
            yield Offer(GroupKind.STATION, "lab", RunQc(kit=k.id, open_new_lot=True),
                        f"Open lot {k.spec.spare_lot} of {k.id}", f"The {product}'s "
                        "controls failed: open the new lot in stock and run its QC.",
                        key="q", station="lab")
        yield Offer(GroupKind.STATION, "lab", RunQc(kit=k.id), f"QC: {k.id}",
                    f"Run and log the {product}'s external controls (I.P.10).", key="q",
                    station="lab")
    for r in poc(sim).runs.values():
        if r.done:
            continue
        p = sim.world.patients[r.patient]
        t, pid, code = r.test, r.patient, r.code
        if not r.collected and p.status == Status.EXAM_DONE:
            yield Offer(GroupKind.PATIENT, pid, CollectPoc(
                patient=pid, test=code, collection=t.collections[0].id),
                f"{t.short}…", f"Collect the specimen: {t.product}.", form="poc", key="t")
        elif r.collected and r.started_t is None:
            yield Offer(GroupKind.PATIENT, pid, StartPoc(patient=pid, test=code),
                        f"Start {t.short}…", f"{t.product}: {window_text(t)}.", form="poc",
                        key="t", station="lab")
            if qc_blocked(sim, code):
                yield Offer(GroupKind.PATIENT, pid, RecordPoc(patient=pid, test=code,
                                                              send_to_lab=True),
                            f"Send {t.short} to the lab", "No kit passed QC today.",
                            form="poc", station="lab")
        elif r.started_t is not None and r.read_t is None:
            yield Offer(GroupKind.PATIENT, pid, ReadPoc(patient=pid, test=code),
                        f"Read {t.short}…", f"{window_text(t)}.", form="poc", key="t",
                        station="lab")
        elif r.read_t is not None:
            yield Offer(GroupKind.PATIENT, pid, RecordPoc(patient=pid, test=code),
                        f"Record {t.short}…", "Units, flag, and the provider now if needed.",
                        form="poc", key="t", station="lab")


def unfinished(_sim: Simulation, p: PatientState) -> list[str]:
    """The point-of-care tests not yet recorded or sent out."""
    return [r.test.short.lower() for r in runs_of(_sim, p.id) if not r.done]


RULE = Rule(
    NAME, state=build,
    commands=(command(RunQc, check_qc, run_qc),
              command(CollectPoc, check_collect, collect, occupies_patient=True),
              command(StartPoc, check_start, start),
              command(ReadPoc, check_read, read),
              command(RecordPoc, check_record, record)),
    events=(on(ReadNow, on_read_now),), expect=expect, offers=offers, unfinished=unfinished)
