"""The actions the context panel offers for a selection, each with its shortcut letter."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game.clinical.lab import TUBES
from game.sim import commands as c
from game.sim.rules.door import RoomingStep, rooming_steps_left, rooming_steps_now
from game.sim.rules.lab import needed_tubes
from game.sim.state import PatientState, Status
from game.ui.needs import NO_SHOW_AFTER, specimen_step

if TYPE_CHECKING:
    from game.sim.engine import Simulation

S = Status
Selection = tuple[str, str] | None  # ("patient", id) or ("station", station id)
Offer = tuple[str, "Action"]  # (preferred letter, action)


@dataclass(frozen=True)
class Action:
    """A button: opens a form, submits one command, or moves the selection."""

    label: str
    tip: str
    form: str | None = None  # a key of FORMS
    subject: str = ""
    command: c.Command | None = None
    select: Selection = None
    key: str = ""  # the shortcut letter, given by `allocate`

    @property
    def caption(self) -> str:
        """The button text with its key, e.g. '[V] Measure vitals'."""
        return f"[{self.key.upper()}] {self.label}"


def _mins(secs: int) -> str:
    return f"about {max(1, round(secs / 60))} min"


def allocate(offers: list[Offer]) -> list[Action]:
    """Give each action its preferred letter, or the first free one."""
    taken: set[str] = set()
    out = []
    for want, action in offers:
        key = want if want not in taken else next(
            (ch for ch in "abcdefghijklmnopqrstuvwxyz" if ch not in taken), "")
        if not key:
            break
        taken.add(key)
        out.append(replace(action, key=key))
    return out


def patient_actions(sim: Simulation, p: PatientState) -> list[Action]:
    """What the MA can do for this patient now."""
    d, st, pid = sim.d, p.status, p.id
    out: list[Offer] = []
    in_room = st in (S.ROOMED, S.READY, S.WITH_PROVIDER)
    if st == S.SCHEDULED and not p.marked_no_show and sim.now >= p.appt_t + NO_SHOW_AFTER:
        out.append(("n", Action("Mark no-show", "The patient is 15+ minutes late: mark them "
                                "a no-show.", command=c.MarkNoShow(patient=pid))))
    if st == S.ARRIVED:
        out.append(("c", Action("Check in…", "Greet, verify two identifiers, insurance and "
                                "copay at the front desk.", form="check_in", subject=pid)))
    if st == S.WAITING:
        out += _room_choices(sim, p)
    out += _rooming(sim, p)
    if in_room and p.escalated_t is None:
        out.append(("e", Action("Escalate to provider", "Alert the provider now (a crisis "
                                "reading, red-flag symptoms): the patient is seen next.",
                                command=c.Escalate(patient=pid))))
    if st == S.WITH_PROVIDER and p.assist_requested_t is not None and not p.assist_done:
        out.append(("a", Action(f"Assist: {p.spec.orders.assist}", "The provider called for "
                                f"help ({_mins(d.assist)}).",
                                command=c.AssistProvider(patient=pid))))
    if st == S.EXAM_DONE:
        out += _after_exam(sim, p)
    out += _specimens(sim, p)
    if p.exam_end is not None:
        out += _paperwork(sim, p)
    return allocate(out)


def _rooming(sim: Simulation, p: PatientState) -> list[Offer]:
    """The rooming steps the simulation says can be done now, in its order; and, while some
    are left, putting the door flag up early."""
    d, pid = sim.d, p.id
    offers: dict[RoomingStep, Offer] = {
        RoomingStep.MEASURE: ("v", Action(
            "Measure vitals", "BP, pulse, respirations, temperature, SpO2 and weight "
            f"({_mins(d.measure_vitals)}).", command=c.MeasureVitals(patient=pid))),
        RoomingStep.HISTORY: ("h", Action(
            "Review history", "Allergies and medications with the patient "
            f"({_mins(d.review_history)}).", command=c.ReviewHistory(patient=pid))),
        RoomingStep.RECORD: ("r", Action(
            "Record vitals…", "Type the device's readings into the chart and flag the "
            "abnormal ones.", form="vitals", subject=pid)),
    }
    out = [offers[step] for step in rooming_steps_now(sim, pid)]
    left = rooming_steps_left(sim, pid)
    if left:
        out.append(("y", Action(
            "Signal ready now", f"Put the door flag up without: {', '.join(left)}. The "
            "provider comes in and the skipped steps are scored as missed. The flag goes up "
            "by itself once the history is reviewed and the vitals recorded.",
            command=c.SignalReady(patient=pid))))
    return out


def _room_choices(sim: Simulation, p: PatientState) -> list[Offer]:
    out: list[Offer] = []
    for i, room in enumerate(sim.world.rooms.values()):
        if room.patient is not None:
            continue
        state = "clean" if room.clean else "NOT disinfected"
        stock = "" if room.stocked else ", not stocked"
        # Rooms take the letters from 'a' in floor-plan order (a = the first room).
        out.append((chr(ord("a") + i), Action(
            f"Room in {room.name} ({state}{stock})",
            f"Walk {p.name} from the waiting room to {room.name}. A room not disinfected "
            "since the last patient is an infection-control error.",
            command=c.RoomPatient(patient=p.id, room=room.id))))
    return out


def _after_exam(sim: Simulation, p: PatientState) -> list[Offer]:
    pid, orders = p.id, p.spec.orders
    out: list[Offer] = []
    has_tubes = any(s.patient == pid for s in sim.world.specimens)
    if needed_tubes(p) or "POC_GLUCOSE" in orders.labs or has_tubes:
        out.append(("l", Action("Labs…", "Fingerstick, venipuncture in the order of draw, "
                                "bedside labels.", form="lab", subject=pid)))
    if orders.follow_up and p.follow_up is None:
        out.append(("f", Action("Book follow-up…", "Find a slot in the ordered window that "
                                "the patient can keep.", form="schedule", subject=pid)))
    out.append(("o", Action("Check out…", "Finish every order first; the room is then left "
                            "to be disinfected.", form="checkout", subject=pid)))
    return out


def _paperwork(sim: Simulation, p: PatientState) -> list[Offer]:
    out: list[Offer] = []
    if p.spec.orders.referral and not p.referral_done:
        out.append(("p", Action(f"Send referral: {p.spec.orders.referral}", "At the "
                                f"workstation ({_mins(sim.d.process_referral)}).",
                                command=c.ProcessReferral(patient=p.id))))
    if p.status == S.CHECKED_OUT and not p.chart_done:
        out.append(("d", Action("Complete chart", "Finish the visit's documentation at the "
                                f"workstation ({_mins(sim.d.complete_chart)}).",
                                command=c.CompleteChart(patient=p.id))))
    return out


def _specimens(sim: Simulation, p: PatientState) -> list[Offer]:
    step = specimen_step(sim, p)
    if step is None:
        return []
    if step[0] in ("centrifuge", "tubes clotting"):
        names = ", ".join(sorted({TUBES[s.tube].name for s in sim.world.specimens
                                  if s.patient == p.id and TUBES[s.tube].serum}))
        return [("g", Action(f"Centrifuge {p.spec.name.last}'s tubes", f"Spin the {names}. "
                             "Serum tubes must clot 30 minutes first.",
                             command=c.Centrifuge(patient=p.id)))]
    if step[0] == "pack tubes":
        return [("k", Action(f"Pack {p.spec.name.last}'s tubes", "Put the labeled, spun tubes "
                             "in the courier box.", command=c.PackSpecimens(patient=p.id)))]
    return []


def station_actions(sim: Simulation, station: str) -> list[Action]:
    """What the MA can do at a station (a room, the lab, the workstation...)."""
    out: list[Offer] = []
    w = sim.world
    if station.startswith("room:"):
        room = w.rooms[station[5:]]
        if room.patient is not None:
            p = w.patients[room.patient]
            out.append(("s", Action(f"Show {p.name}", "Select the patient in this room.",
                                    select=("patient", p.id))))
        elif not room.clean:
            out.append(("c", Action(f"Disinfect {room.name}", "Clean the exam table and "
                                    f"surfaces ({_mins(sim.d.clean_room)}).",
                                    command=c.CleanRoom(room=room.id))))
    elif station == "lab":
        for p in w.patients.values():
            out += _specimens(sim, p)
    elif station in ("front_desk", "waiting_room"):
        wanted = (S.ARRIVED,) if station == "front_desk" else (S.WAITING,)
        for p in sorted(w.patients.values(), key=lambda q: q.appt_t):
            if p.status in wanted:
                out.append((p.spec.name.first[0].lower(), Action(
                    f"Select {p.name}", f"Show {p.name}'s chart and actions.",
                    select=("patient", p.id))))
    elif station == "workstation":
        for p in w.patients.values():
            if p.exam_end is not None and p.status != S.EXAM_DONE:
                out += _paperwork(sim, p)
    if station in ("workstation", "fridge", "supply", "lab") and w.tasks:
        out.append(("t", Action("Checklist…", "Opening and closing tasks: schedule, rooms, "
                                "fridge log, meter QC, courier.", form="checklist",
                                subject=checklist_phase(sim))))
    return allocate(out)


def checklist_phase(sim: Simulation) -> str:
    """The checklist a student most likely wants: closing from 30 minutes before closing."""
    return "closing" if sim.now >= sim.closes - 30 * 60 else "opening"


def day_actions(sim: Simulation) -> list[Action]:
    """With nothing selected: the checklist and clocking out."""
    out: list[Offer] = []
    if sim.world.tasks:
        out.append(("t", Action("Checklist…", "Opening and closing tasks: schedule, rooms, "
                                "fridge log, meter QC, courier.", form="checklist",
                                subject=checklist_phase(sim))))
    out.append(("q", Action("Clock out", "End the day once every patient is seen out and the "
                            "closing tasks are done.", command=c.ClockOut())))
    return allocate(out)
