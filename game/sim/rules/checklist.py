"""Opening and closing checklists: schedule review, rooms, fridge log, meter QC, clock-out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.commands import ClockOut, CompleteTask, LogFridge
from game.sim.results import Accepted, Rejected, Result
from game.sim.rules.setup import patients_still_expected
from game.sim.state import TaskState

if TYPE_CHECKING:
    from game.sim.engine import Simulation

# CDC Vaccine Storage and Handling Toolkit: refrigerator 2-8 C, freezer -50 to -15 C.
FRIDGE_RANGE_C = (2.0, 8.0)
FREEZER_RANGE_C = (-50.0, -15.0)
LOG_TOLERANCE_C = 0.5
STATION = {"review_schedule": "workstation", "log_fridge": "fridge", "glucose_qc": "lab",
           "confirm_courier": "workstation"}


def _task(sim: Simulation, tid: str) -> TaskState | Rejected:
    ts = sim.world.tasks.get(tid)
    if ts is None:
        return Rejected(f"There is no task '{tid}'.")
    if ts.done_t is not None:
        return Rejected(f"'{ts.task.label}' is already done.")
    if ts.phase == "closing" and sim.now < sim.closes - 30 * 60:
        return Rejected(f"'{ts.task.label}' is a closing task: it starts 30 minutes before "
                        "closing.")
    return ts


def _award(sim: Simulation, ts: TaskState, points: int, reason: str, note: str = "") -> None:
    late = ts.phase == "opening" and sim.now >= sim.first_appt
    if late and points:
        points, note = points - 1, note or "Opening tasks belong before the first patient."
        reason += " (after clinic hours began)"
    sim.ledger.award(f"task:{ts.task.id}", sim.now, points, reason, note)


def complete_task(sim: Simulation, cmd: CompleteTask) -> Result:
    """Do a checklist task other than the fridge log."""
    ts = _task(sim, cmd.task)
    if isinstance(ts, Rejected):
        return ts
    task, d = ts.task, sim.d
    if task.kind == "log_fridge":
        return Rejected("Read the thermometers and log them (log_fridge) for this task.")
    if task.kind in ("stock_room", "clean_room"):
        room = sim.world.rooms[task.room or ""]
        if task.kind == "clean_room" and room.patient is not None:
            return Rejected(f"{room.name} is occupied.")
        secs = sim.walk("supply") + sim.walk(f"room:{room.id}")
        secs += d.stock_room if task.kind == "stock_room" else d.clean_room
        if task.kind == "stock_room":
            room.stocked = True
        else:
            room.clean = True
    else:
        secs = sim.walk(STATION[task.kind]) + {
            "review_schedule": d.review_schedule, "glucose_qc": d.glucose_qc,
            "confirm_courier": d.confirm_courier}[task.kind]
        if task.kind == "glucose_qc":
            sim.world.glucose_qc_done = True
    ts.done_t = sim.now + secs
    _award(sim, ts, 2, f"Done: {task.label}")
    return Accepted(secs, task.label.lower())


def log_fridge(sim: Simulation, cmd: LogFridge) -> Result:
    """Log what the thermometers show; an out-of-range unit must be reported."""
    ts = _task(sim, cmd.task)
    if isinstance(ts, Rejected):
        return ts
    task = ts.task
    if task.kind != "log_fridge":
        return Rejected(f"'{task.label}' is not a fridge log.")
    assert task.fridge_c is not None and task.freezer_c is not None
    secs = sim.walk("fridge") + sim.d.log_fridge
    ts.done_t = sim.now + secs
    out = []
    if not FRIDGE_RANGE_C[0] <= task.fridge_c <= FRIDGE_RANGE_C[1]:
        out.append(f"fridge {task.fridge_c} C (must be 2-8 C)")
    if not FREEZER_RANGE_C[0] <= task.freezer_c <= FREEZER_RANGE_C[1]:
        out.append(f"freezer {task.freezer_c} C (must be -50 to -15 C)")
    wrong = (abs(cmd.fridge_c - task.fridge_c) > LOG_TOLERANCE_C
             or abs(cmd.freezer_c - task.freezer_c) > LOG_TOLERANCE_C)
    if out and not cmd.out_of_range_reported:
        sim.ledger.penalty(
            sim.now, "safety", 4, "XII.P.4", None, f"Out-of-range temperature not reported: "
            f"{'; '.join(out)}", "An out-of-range unit means: do not use, label the vaccines "
            "'do not use', move them to a working unit, record, and notify (CDC).")
        _award(sim, ts, 0, f"Logged the fridge but missed: {'; '.join(out)}")
    elif wrong:
        _award(sim, ts, 1, f"Logged {cmd.fridge_c} C / {cmd.freezer_c} C; the thermometers "
               f"showed {task.fridge_c} C / {task.freezer_c} C",
               "Log exactly what the thermometer shows.")
    else:
        _award(sim, ts, 2, f"Logged the fridge {task.fridge_c} C and freezer {task.freezer_c} C"
               + (": reported out of range" if out else ""))
    if ts.phase == "opening":
        sim.world.vaccines_usable = not out
    return Accepted(secs, "logging the vaccine fridge")


def clock_out(sim: Simulation, cmd: ClockOut) -> Result:
    """End the day once nobody is left in or expected at the clinic."""
    if sim.world.ma.clocked_out:
        return Rejected("You have already clocked out.")
    waiting = patients_still_expected(sim)
    if waiting:
        names = ", ".join(p.name for p in waiting[:3])
        return Rejected(f"{len(waiting)} patient(s) are still here or expected ({names}): see "
                        "them out or mark no-shows first.")
    sim.world.ma.clocked_out = True
    # The day ends when the clock-out is done; events due meanwhile still happen.
    sim.schedule(sim.now + sim.d.clock_out, "day_over")
    return Accepted(sim.d.clock_out, "clocking out")
