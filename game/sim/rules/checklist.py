"""Opening and closing checklists: schedule review, rooms, fridge log, meter QC, clock-out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.clinical.vaccines import STORAGE_RANGE_C
from game.scenario.models import Task
from game.sim.commands import CompleteTask, LogFridge
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command
from game.sim.scoring import Opportunity, task_key
from game.sim.state import StaffState, TaskState

if TYPE_CHECKING:
    from game.sim.engine import Simulation

# CDC Vaccine Storage and Handling Toolkit: refrigerator 2-8 C, freezer -50 to -15 C.
FRIDGE_RANGE_C = STORAGE_RANGE_C["fridge"]
FREEZER_RANGE_C = STORAGE_RANGE_C["freezer"]
LOG_TOLERANCE_C = 0.5
CLOSING_WINDOW = 30 * 60  # closing tasks start 30 minutes before closing
# What front-desk staff may do from the checklists: the office's tasks, nothing clinical.
FRONT_DESK_TASKS = frozenset({"review_schedule", "confirm_courier"})
TASK_OPPS: dict[str, tuple[str, str | None, str]] = {
    "review_schedule": ("administrative", "VI.P.1", "Review the schedule and prepare charts "
                        "before the first patient: a prepared chart makes check-in quicker."),
    "stock_room": ("flow", "VI.P.4", "Stock every exam room before opening: rooming a patient "
                   "in an unstocked room means leaving them to fetch supplies."),
    "log_fridge": ("safety", "XII.P.4", "Read and log the vaccine fridge (2-8 C) and freezer "
                   "(-50 to -15 C) at the start and end of every day (CDC Storage and Handling "
                   "Toolkit); no vaccine is given from a unit that has not been checked."),
    "glucose_qc": ("clinical", "I.P.10", "Run quality control on the glucose meter before the "
                   "first patient test: without QC a fingerstick result cannot be reported."),
    "confirm_courier": ("flow", None, "Confirm the courier's pickup times so the day's "
                        "specimens are ready when the courier comes."),
    "clean_room": ("safety", "XII.P.1", "Disinfect every room at the end of the day."),
}
STATION = {"review_schedule": "workstation", "log_fridge": "fridge", "glucose_qc": "lab",
           "confirm_courier": "workstation"}


def expect(sim: Simulation) -> None:
    """Every checklist task is worth doing."""
    for tid, ts in sim.world.tasks.items():
        category, comp, note = TASK_OPPS[ts.task.kind]
        sim.ledger.expect(task_key(tid), Opportunity(
            category, 2, comp, None, f"{ts.phase.title()} task not done: {ts.task.label}", note))


def in_range(task: Task) -> bool:
    """The fridge and freezer a log_fridge task shows are both in the CDC's ranges."""
    assert task.fridge_c is not None and task.freezer_c is not None
    return (FRIDGE_RANGE_C[0] <= task.fridge_c <= FRIDGE_RANGE_C[1]
            and FREEZER_RANGE_C[0] <= task.freezer_c <= FREEZER_RANGE_C[1])


def _task_problem(sim: Simulation, actor: StaffState, tid: str) -> str | None:
    ts = sim.world.tasks.get(tid)
    if ts is None:
        return f"There is no task '{tid}'."
    if actor.role != "ma" and ts.task.kind not in FRONT_DESK_TASKS:
        return f"{actor.name} works the front desk: '{ts.task.label}' is an MA's task."
    if ts.done_t is not None:
        return f"'{ts.task.label}' is already done."
    if ts.phase == "closing" and sim.now < closing_starts(sim):
        return (f"'{ts.task.label}' is a closing task: it starts 30 minutes before "
                "closing.")
    return None


def _award(sim: Simulation, ts: TaskState, points: int, reason: str, note: str = "") -> None:
    late = ts.phase == "opening" and sim.now >= sim.first_appt
    if late and points:
        points, note = points - 1, note or "Opening tasks belong before the first patient."
        reason += " (after clinic hours began)"
    sim.ledger.award(task_key(ts.task.id), sim.now, points, reason, note)


def check_task(sim: Simulation, actor: StaffState, cmd: CompleteTask) -> str | None:
    """A task not done yet, in its phase; the fridge log is its own command."""
    if why := _task_problem(sim, actor, cmd.task):
        return why
    task = sim.world.tasks[cmd.task].task
    if task.kind == "log_fridge":
        return "Read the thermometers and log them (log_fridge) for this task."
    if task.kind == "clean_room":
        room = sim.world.rooms[task.room or ""]
        if room.patient is not None:
            return f"{room.name} is occupied."
    return None


def complete_task(sim: Simulation, actor: StaffState, cmd: CompleteTask) -> Accepted:
    """Do a checklist task other than the fridge log."""
    ts = sim.world.tasks[cmd.task]
    task, d = ts.task, sim.d
    if task.kind in ("stock_room", "clean_room"):
        room = sim.world.rooms[task.room or ""]
        secs = sim.walk(actor, "supply") + sim.walk(actor, f"room:{room.id}")
        secs += d.stock_room if task.kind == "stock_room" else d.clean_room
        if task.kind == "stock_room":
            room.stocked = True
        else:
            room.clean = True
    else:
        secs = sim.walk(actor, STATION[task.kind]) + {
            "review_schedule": d.review_schedule, "glucose_qc": d.glucose_qc,
            "confirm_courier": d.confirm_courier}[task.kind]
        if task.kind == "glucose_qc":
            sim.world.glucose_qc_done = True
    ts.done_t = sim.now + secs
    _award(sim, ts, 2, f"Done: {task.label}")
    return Accepted(secs, f"with {task.label}")


def check_fridge(sim: Simulation, actor: StaffState, cmd: LogFridge) -> str | None:
    """A fridge-log task not done yet, in its phase."""
    if why := _task_problem(sim, actor, cmd.task):
        return why
    task = sim.world.tasks[cmd.task].task
    if task.kind != "log_fridge":
        return f"'{task.label}' is not a fridge log."
    return None


def log_fridge(sim: Simulation, actor: StaffState, cmd: LogFridge) -> Accepted:
    """Log what the thermometers show; an out-of-range unit must be reported."""
    ts = sim.world.tasks[cmd.task]
    task = ts.task
    assert task.fridge_c is not None and task.freezer_c is not None
    secs = sim.walk(actor, "fridge") + sim.d.log_fridge
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


def probe(task: Task) -> CompleteTask | LogFridge:
    """The checklist form's starting point for a task: its command, nothing entered yet."""
    if task.kind == "log_fridge":
        return LogFridge(task=task.id, fridge_c=0, freezer_c=0)
    return CompleteTask(task=task.id)


def closing_starts(sim: Simulation) -> int:
    """When the closing tasks can start: 30 minutes before closing."""
    return sim.closes - CLOSING_WINDOW


def checklist_phase(sim: Simulation) -> str:
    """The checklist a student most likely wants: closing from 30 minutes before closing."""
    return "closing" if sim.now >= closing_starts(sim) else "opening"


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """Each task not done yet, through the checklist form."""
    for ts in sim.world.tasks.values():
        if ts.done_t is None:
            yield Offer(GroupKind.DAY, ts.phase, probe(ts.task), ts.task.label,
                        "Opening and closing tasks: schedule, rooms, fridge log, meter QC, "
                        "courier.", form="checklist", key="t")


RULE = Rule(
    "checklists",
    # Both are open to every role; the check keeps front-desk staff to the office's tasks.
    commands=(command(CompleteTask, check_task, complete_task, roles=ANY_ROLE),
              command(LogFridge, check_fridge, log_fridge, roles=ANY_ROLE)),
    expect=expect, offers=offers)
