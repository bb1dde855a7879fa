"""What the point-of-care rule registers in the ledger and how a recorded result is judged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.poc import abnormal_pads, is_abnormal, pads_with_defaults, provider_now
from game.sim.rules.poc.state import TestRun, poc, run_key, value_of
from game.sim.scoring import LedgerKey, Opportunity, Step

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.rules.poc.commands import RecordPoc

COLLECT_POINTS, READ_POINTS, RESULT_POINTS, QC_POINTS = 2, 2, 3, 2


def step_key(run: TestRun, step: Step) -> LedgerKey:
    """The ledger key of one step of one patient's test."""
    return LedgerKey(run_key(run.patient, run.code), step)


def expect(sim: Simulation) -> None:
    """Each kit's QC when due; each ordered test collected, read in its window, recorded."""
    st = poc(sim)
    for k in st.kits.values():
        if k.qc == "due":
            sim.ledger.expect(LedgerKey(k.id, Step.QC), Opportunity(
                "clinical", QC_POINTS, "I.P.10", None, f"QC of the {k.spec.id} kit was not run",
                "Run the kit's external controls when they are due (the schedule, each new "
                "lot) and log them before any patient test: results run without a passing "
                "QC cannot be reported."))
    for r in st.runs.values():
        p = sim.world.patients[r.patient]
        if p.spec.arrival.kind == "no_show":
            continue
        t, comp = r.test, r.test.competency
        for step, cat, pts, code, missed, note in (
                (Step.COLLECT, "clinical", COLLECT_POINTS, comp,
                 f"{p.name}'s {t.short} specimen was not collected",
                 "Collect every ordered point-of-care specimen before the patient leaves, "
                 "after two identifiers."),
                (Step.READ, "clinical", READ_POINTS, comp, f"{p.name}'s {t.short} was not read",
                 f"Read the test in its window: {t.source}."),
                (Step.RESULT, "clinical", RESULT_POINTS, "II.P.2",
                 f"{p.name}'s {t.short} result was not recorded",
                 "Record every result in the chart with its units and the abnormal flag.")):
            sim.ledger.expect(step_key(r, step), Opportunity(cat, pts, code, p.id, missed, note))


def judge(sim: Simulation, run: TestRun, cmd: RecordPoc) -> None:
    """Score the chart entry: the result as read, its units, its flag, and the provider told
    now when the result calls for it."""
    t, p = run.test, sim.world.patients[run.patient]
    value = value_of(run) if t.kind == "quantitative" else None
    reading = run.spec.reading or "negative"
    truth_flag = is_abnormal(t, reading, value, run.spec.pads, p.age_years, p.spec.sex)
    wrong: list[str] = []
    notes: list[str] = []
    if t.kind == "qualitative" and cmd.reading != reading:
        wrong.append(f"recorded {cmd.reading or 'nothing'}, the test showed {reading}")
    if t.kind == "quantitative" and (cmd.value is None or round(cmd.value, t.decimals)
                                     != round(value or 0.0, t.decimals)):
        wrong.append(f"recorded {cmd.value}, the analyzer showed {value:.{t.decimals}f}")
    if t.kind == "dipstick" and pads_with_defaults(cmd.pads) != pads_with_defaults(
            run.spec.pads):
        odd = ", ".join(abnormal_pads(run.spec.pads)) or "none"
        wrong.append(f"the pads recorded differ from the strip (abnormal pads: {odd})")
    if wrong:
        notes.append("Record exactly what the read-out shows; never round or guess.")
    if t.units and cmd.units.strip() != t.units:
        wrong.append(f"units '{cmd.units}' instead of {t.units}")
        notes.append(f"A number without its units ({t.units}) is not a result.")
    if cmd.abnormal != truth_flag:
        wrong.append("flagged abnormal" if cmd.abnormal else "not flagged abnormal")
        notes.append("Flag every result outside the reference range so the provider sees it "
                     "(II.P.2).")
    pts = max(0, RESULT_POINTS - len(wrong))
    sim.ledger.award(step_key(run, Step.RESULT), sim.now, pts,
                     f"Recorded {p.name}'s {t.short}" + (f": {'; '.join(wrong)}" if wrong
                                                         else " with units and flag"),
                     " ".join(notes))
    why = provider_now(t, reading, value)
    if why and not cmd.tell_provider:
        sim.ledger.penalty(
            sim.now, "safety", 3, "I.P.3", p.id,
            f"{p.name}'s {t.short} was charted but the provider was not told now",
            f"Tell the provider at once: {why}. A flag in the chart waits for the provider "
            "to open it.", critical=t.kind == "quantitative")
