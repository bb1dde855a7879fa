"""The bots' point-of-care steps: QC when due (careful only), the right collection, reading in
the window (a naive bot reads at once the first time), recording with units and flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.poc import is_abnormal, provider_now, timing
from game.sim.policies.steps import ConcernSteps
from game.sim.rules.poc.commands import CollectPoc, ReadPoc, RecordPoc, RunQc, StartPoc
from game.sim.rules.poc.state import TestRun, kits_for, poc, qc_blocked, runs_of, value_of

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.policies.bot import Menu
    from game.sim.state import PatientState


def opening(m: Menu, careful: bool) -> Command | None:
    """A careful MA runs every due QC at opening (a new lot in stock after a failure)."""
    # Asked at every free moment of the opening: the offers only when a kit's QC is due.
    if not careful or not any(k.qc != "passed" for k in poc(m.sim).kits.values()):
        return None
    return next((o.command for o in m.get(RunQc)), None)


def urgent(m: Menu, careful: bool) -> Command | None:
    """A careful MA reads a test whose window is open before anything else."""
    # Asked before almost every command: look at the offers only when a test is timing.
    if not careful or not any(r.started_t is not None and r.read_t is None and not r.done
                              for r in poc(m.sim).runs.values()):
        return None
    for o in m.get(ReadPoc):
        cmd = o.command
        assert isinstance(cmd, ReadPoc)
        r = next(x for x in runs_of(m.sim, cmd.patient) if x.code == cmd.test)
        if r.started_t is not None and timing(r.test, m.sim.now - r.started_t) == "on_time":
            return cmd
    return None


def _qc_for(m: Menu, code: str) -> Command | None:
    """The QC that would let a test be reported, if one can start now."""
    for k in kits_for(m.sim, code):
        for o in m.get(RunQc):
            if isinstance(o.command, RunQc) and o.command.kit == k.id:
                return o.command
    return None


def _record(r: TestRun, p: PatientState, careful: bool) -> RecordPoc:
    t = r.test
    reading = r.spec.reading or "negative"
    value = round(value_of(r), t.decimals) if t.kind == "quantitative" else None
    flag = is_abnormal(t, reading, value, r.spec.pads, p.age_years, p.spec.sex)
    return RecordPoc(patient=r.patient, test=r.code,
                     reading=reading if t.kind == "qualitative" else None, value=value,
                     pads=dict(r.spec.pads) if t.kind == "dipstick" else {},
                     units=t.units, abnormal=flag and careful,
                     tell_provider=careful and provider_now(t, reading, value) is not None)


def after_exam(m: Menu, p: PatientState, careful: bool) -> Command | None:
    """The patient's next point-of-care step that is right to take now."""
    sim = m.sim
    ids = ["name", "dob"] if careful else ["name"]
    for r in runs_of(sim, p.id):
        if r.done:
            continue
        t = r.test
        if m.get(CollectPoc, p.id) and not r.collected:
            right = next(c.id for c in t.collections if c.right)
            return CollectPoc(patient=p.id, test=r.code, collection=right,
                              identifiers=ids)  # type: ignore[arg-type]
        if r.collected and r.started_t is None:
            if qc_blocked(sim, r.code):
                return RecordPoc(patient=p.id, test=r.code, send_to_lab=True)
            ready = any(k.qc == "passed" for k in kits_for(sim, r.code))
            # A naive MA skips QC until a result comes back unreportable.
            if not ready and (careful or r.reads > 0):
                if cmd := _qc_for(m, r.code):
                    return cmd
                continue
            if m.get(StartPoc, p.id):
                return StartPoc(patient=p.id, test=r.code)
            continue
        if r.started_t is not None and r.read_t is None:
            # A naive MA reads the first run at once; after an invalid read it waits.
            on_time = timing(t, sim.now - r.started_t) == "on_time"
            if (on_time or (not careful and r.reads == 0)) and m.get(ReadPoc, p.id):
                return ReadPoc(patient=p.id, test=r.code)
            continue
        if r.read_t is not None and m.get(RecordPoc, p.id):
            return _record(r, p, careful)
    return None


STEPS = ConcernSteps(urgent=urgent, opening=opening, after_exam=after_exam)
