"""The context panel's buttons for a selection, made from the simulation's affordances."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game.sim import commands as c
from game.sim.state import Status
from game.sim.view import Affordance, AnswerCall, CallStatus, Can, GroupKind, checklist_phase, phone

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.view import Offer as OfferOf

Selection = tuple[str, str] | None  # ("patient", id) or ("station", station id)
Offer = tuple[str, "Action"]  # (preferred letter, action)
# One button per form: the lab form does the fingerstick, the draw and the labels.
# One steady button per form whose offers change with each step (the lab's tubes, the
# medication's allergy check, VIS, dose...), so the panel does not reshuffle as the work goes.
FORM_LABEL = {"lab": "Labs…", "medication": "Medication…", "poc": "Point-of-care test…",
              "ecg": "ECG…"}
CHECKLIST_AT = ("workstation", "fridge", "supply", "lab")
PHONE = "phone"  # the phone's selection: ("station", "phone"), drawn at its station
PHONE_SUBJECTS = ("phone", "inbox")


def phone_counts(sim: Simulation) -> tuple[int, int, int]:
    """Calls ringing, callers on hold, and voicemails plus portal messages waiting."""
    counts = {s: 0 for s in CallStatus}
    state = phone(sim)
    for cid in state.waiting:  # asked every frame: the waiting calls, not the whole day's
        counts[state.calls[cid].status] += 1
    return (counts[CallStatus.RINGING], counts[CallStatus.ON_HOLD],
            counts[CallStatus.VOICEMAIL] + counts[CallStatus.INBOX])


def phone_label(sim: Simulation) -> str:
    """The day panel's phone button: whether it rings and how much waits."""
    ringing, on_hold, waiting = phone_counts(sim)
    state = ("ringing" if ringing else f"{on_hold} on hold" if on_hold
             else f"{waiting} waiting" if waiting else "quiet")
    return f"Phone and inbox ({state})"


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
    can: Can = Can.NOW  # whether the simulation would start, queue or refuse it
    reason: str = ""  # why not, or what the staff member is busy with
    then: tuple[str, str] | None = None  # the form to open once the command is accepted

    @property
    def caption(self) -> str:
        """The button text with its key, e.g. '[V] Measure vitals'."""
        return f"[{self.key.upper()}] {self.label}"

    @property
    def enabled(self) -> bool:
        """The button can be pressed: the action starts now or waits in the queue."""
        return self.can != Can.NO or self.select is not None


def allocate(offers: list[Offer]) -> list[Action]:
    """Give each action its preferred letter, or the first free one."""
    taken: set[str] = set()
    out = []
    for want, action in offers:
        key = want if want and want not in taken else next(
            (ch for ch in "abcdefghijklmnopqrstuvwxyz" if ch not in taken), "")
        if not key:
            break
        taken.add(key)
        out.append(replace(action, key=key))
    return out


def _action(a: Affordance) -> Offer:
    o = a.offer
    tip = o.tip
    if a.can == Can.NO:
        tip = f"Not now: {a.reason} {o.tip}"
    elif a.can == Can.WHEN_FREE:
        # No time left in it: the top bar counts down, and a tip that changed every second
        # would rebuild the buttons every second.
        tip = f"Goes into the queue: it starts when free. {o.tip}"
    return o.key, Action(FORM_LABEL.get(o.form or "", o.label), tip, form=o.form,
                         subject=_form_subject(o), command=None if o.form else o.command,
                         can=a.can, reason=a.reason,
                         then=("call", o.command.call) if isinstance(o.command, AnswerCall)
                         else None)


def _form_subject(o: OfferOf) -> str:
    """What the form opens on: the call form on the call its command names (the offer's
    subject is the phone or the inbox, which may hold several), any other on the subject."""
    call = getattr(o.command, "call", None)
    return call if o.form == "call" and isinstance(call, str) else o.subject


def _merge(affs: list[Affordance]) -> list[Offer]:
    """One button per form and subject (the best answer among its commands), one per other
    command: the lab form's several commands make one button, two portal messages two."""
    out: list[Offer] = []
    forms: dict[tuple[str, str], int] = {}
    rank = {Can.NOW: 0, Can.WHEN_FREE: 1, Can.NO: 2}
    for a in affs:
        form = a.offer.form
        if form is None:
            out.append(_action(a))
            continue
        slot = (form, _form_subject(a.offer))
        if slot not in forms:
            forms[slot] = len(out)
            out.append(_action(a))
        elif rank[a.can] < rank[out[forms[slot]][1].can]:
            out[forms[slot]] = _action(a)
    return out


def patient_actions(sim: Simulation, pid: str, actor: str | None = None) -> list[Action]:
    """What the staff member can do for this patient, as the simulation answers it."""
    affs = sim.affordances(actor, lambda o: o.group == GroupKind.PATIENT and o.subject == pid)
    return allocate(_merge(affs))


def station_actions(sim: Simulation, station: str, actor: str | None = None) -> list[Action]:
    """What the staff member can do at a station (a room, the lab, the workstation...)."""
    out: list[Offer] = []
    w = sim.world
    # The phone, selected on its own, also lists the inbox: its badge counts both.
    subjects = PHONE_SUBJECTS if station == PHONE else (station,)
    affs = sim.affordances(actor, lambda o: (o.group == GroupKind.STATION
                                             and o.subject in subjects)
                           or o.station == station or o.form == "checklist")
    if station.startswith("room:"):
        room = w.rooms[station[5:]]
        if room.patient is not None:
            p = w.patients[room.patient]
            out.append(("s", Action(f"Show {p.name}", "Select the patient in this room.",
                                    select=("patient", p.id))))
    elif station in ("front_desk", "waiting_room"):
        wanted = Status.ARRIVED if station == "front_desk" else Status.WAITING
        for p in sorted(w.patients.values(), key=lambda q: q.appt_t):
            if p.status == wanted:
                out.append((p.spec.name.first[0].lower(), Action(
                    f"Select {p.name}", f"Show {p.name}'s chart and actions.",
                    select=("patient", p.id))))
    # What the rules offer at this station (a room to disinfect), and what they say is done
    # here, away from the patient (the lab's spinning, the workstation's paperwork).
    out += _merge([a for a in affs if (a.offer.group == GroupKind.STATION
                                       and a.offer.subject in subjects)
                   or a.offer.station == station])
    if station in CHECKLIST_AT:
        out += _checklist(sim, affs)
    return allocate(out)


def _checklist(sim: Simulation, affs: list[Affordance]) -> list[Offer]:
    tasks = [a for a in affs if a.offer.form == "checklist"]
    if not sim.world.tasks:
        return []
    order = [Can.NOW, Can.WHEN_FREE, Can.NO]
    best = min(tasks, key=lambda a: order.index(a.can), default=None)
    # Refused, the button says why as the simulation does (the first task's reason), so
    # its key never gives a "Not possible" without one.
    can = best.can if best is not None else Can.NOW
    why = best.reason if best is not None and can == Can.NO else ""
    return [("t", Action("Checklist…", "Opening and closing tasks: schedule, rooms, fridge "
                         "log, meter QC, courier." + (f" Not now: {why}" if why else ""),
                         form="checklist", subject=checklist_phase(sim), can=can,
                         reason=why))]


def day_actions(sim: Simulation, actor: str | None = None) -> list[Action]:
    """With nothing selected: the checklist, clocking out, and the queue to cancel from."""
    affs = sim.affordances(actor, lambda o: o.group == GroupKind.DAY)
    out = _checklist(sim, affs)
    if phone(sim).calls:
        # P selects the phone from anywhere (when the panel has no P of its own); P again
        # answers it.
        out.append(("p", Action(phone_label(sim), "Select the phone: answer it, return "
                                "voicemails and answer portal messages.",
                                select=("station", PHONE))))
    out += _merge([a for a in affs if a.offer.group == GroupKind.DAY
                   and a.offer.form is None])
    return allocate(out)
