"""A room goes out of service (a scripted event): from its time nobody is roomed there, no
work is started for a patient in it and the provider does not examine there, until it is
back in service. The patient in it is moved to another room (an exam under way is finished
first), promptly: the visit goes on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from game.scenario.events import RoomOutOfService
from game.scenario.types import Ident, clock, seconds
from game.sim.commands import BaseCommand
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer, Rule, command, on
from game.sim.rules.common import about_minutes, no_patient, no_room
from game.sim.rules.disruptions.common import event_key, events_of, late_words, prompt_points
from game.sim.rules.rooming import dirty_room
from game.sim.scheduler import Event
from game.sim.scoring import Opportunity, Step
from game.sim.state import IN_ROOM, StaffState, Status

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation

NAME = "room closed"
MOVE_POINTS = 3
MOVABLE = frozenset({Status.ROOMED, Status.READY, Status.EXAM_DONE})
# What may still be done for a patient in a room out of service: getting them out of it,
# and what cannot wait (an emergency, a faint, the provider's call for help).
STILL_ALLOWED = frozenset({"move_patient", "check_out", "escalate", "assist_provider",
                           "first_aid", "end_observation"})
NOTE = ("When a room goes out of service, room nobody there and move the patient in it to "
        "another clean room at once, with their chart and belongings: the provider cannot "
        "see them in a room that is not safe to use, and their visit stops until they are "
        "moved (XII.P.4: evaluate the environment for unsafe conditions).")


class MovePatient(BaseCommand):
    """Move a patient out of an exam room that has gone out of service, to another room."""

    type: Literal["move_patient"] = "move_patient"
    patient: Ident
    room: Ident = Field(description="The room to move them to: empty and in service.")


@dataclass
class Closure:
    """One room's time out of service, and the patient who was in it."""

    room: str
    start: int
    until: int | None
    reason: str
    began: bool = False
    ended: bool = False
    occupant: str | None = None  # the patient in it when it closed, until they are out
    movable_t: int | None = None  # since when they could be moved (after an exam under way)

    @property
    def closed(self) -> bool:
        """Out of service now."""
        return self.began and not self.ended


@dataclass
class ClosedState:
    """The day's closures, by room (one each: validation sees to it)."""

    rooms: dict[str, Closure] = field(default_factory=dict)


@dataclass(frozen=True)
class RoomCloses(Event):
    """The room goes out of service."""

    room: str


@dataclass(frozen=True)
class RoomReopens(Event):
    """The room is back in service."""

    room: str


def build(sim: Simulation) -> ClosedState:
    """A closure for every room_out_of_service event of the day."""
    st = ClosedState()
    for ev in events_of(sim, RoomOutOfService):
        if ev.room in sim.world.rooms:  # validation guarantees it; a test day may not
            st.rooms.setdefault(ev.room, Closure(
                ev.room, seconds(ev.at), None if ev.until is None else seconds(ev.until),
                ev.reason))
    return st


def closures(sim: Simulation) -> ClosedState:
    """The closures' part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, ClosedState)
    return part


def out_of_service(sim: Simulation, room: str | None) -> str | None:
    """Why a room cannot be used now ("Exam 2 is out of service (...) until 11:30"), or
    None when it can."""
    c = closures(sim).rooms.get(room) if room is not None else None
    if c is None or not c.closed:
        return None
    until = f" until {clock(c.until)}" if c.until is not None else " for the rest of the day"
    return f"{sim.world.rooms[c.room].name} is out of service ({c.reason}){until}"


def start(sim: Simulation) -> None:
    """Each room closes at its time, and reopens at its `until`."""
    for c in closures(sim).rooms.values():
        sim.schedule(c.start, RoomCloses(c.room))
        if c.until is not None:
            sim.schedule(c.until, RoomReopens(c.room))


def expect(sim: Simulation) -> None:
    """Whoever is in a closing room is to be moved out of it (an empty room earns as much)."""
    for c in closures(sim).rooms.values():
        sim.ledger.expect(event_key(f"room:{c.room}", Step.ROOM_MOVE), Opportunity(
            "flow", MOVE_POINTS, "XII.P.4", None,
            f"The day ended before {sim.world.rooms[c.room].name} went out of service", NOTE))


def on_closes(sim: Simulation, event: RoomCloses) -> None:
    """The room closes; the patient in it, if any, is to be moved."""
    c = closures(sim).rooms[event.room]
    c.began = True
    room = sim.world.rooms[c.room]
    why = out_of_service(sim, c.room)
    p = sim.world.patients.get(room.patient or "")
    if p is None or p.status not in IN_ROOM:
        sim.ledger.award(event_key(f"room:{c.room}", Step.ROOM_MOVE), sim.now, MOVE_POINTS,
                         f"{room.name} was empty when it went out of service")
        sim.notify(Tone.WARNING, f"{why}: room nobody there.", None, Topic.DISRUPTION)
        return
    c.occupant = p.id
    if p.status == Status.WITH_PROVIDER:
        sim.notify(Tone.WARNING, f"{why}. {p.name}'s exam goes on; move them to another room "
                   "after it.", p.id, Topic.DISRUPTION)
        return
    c.movable_t = sim.now
    sim.notify(Tone.WARNING, f"{why}: move {p.name} to another room.", p.id, Topic.DISRUPTION)


def on_reopens(sim: Simulation, event: RoomReopens) -> None:
    """Back in service; a patient still in it was never moved."""
    c = closures(sim).rooms[event.room]
    c.ended = True
    room = sim.world.rooms[c.room]
    sim.notify(Tone.INFO, f"{room.name} is back in service.", None, Topic.DISRUPTION)
    if c.occupant is not None:
        name = sim.world.patients[c.occupant].name
        sim.ledger.award(event_key(f"room:{c.room}", Step.ROOM_MOVE), sim.now, 0,
                         f"{name} waited in {room.name} until it was back in service at "
                         f"{clock(sim.now)}", NOTE)
        c.occupant = None


def after_change(sim: Simulation) -> None:
    """A patient out of the closed room another way (checked out) is out of it; a patient
    whose exam has ended can be moved from now."""
    for c in closures(sim).rooms.values():
        if c.occupant is None or not c.closed:
            continue
        p = sim.world.patients[c.occupant]
        if sim.world.rooms[c.room].patient != p.id:
            _moved(sim, c, f"{p.name} left {sim.world.rooms[c.room].name} (out of service)")
        elif c.movable_t is None and p.status in MOVABLE:
            c.movable_t = sim.now


def _moved(sim: Simulation, c: Closure, words: str) -> None:
    since = c.movable_t if c.movable_t is not None else sim.now
    sim.ledger.award(event_key(f"room:{c.room}", Step.ROOM_MOVE), sim.now,
                     prompt_points(MOVE_POINTS, since, sim.now), words + late_words(since,
                                                                                    sim.now))
    c.occupant = None


def end_of_day(sim: Simulation) -> None:
    """A patient still in a room out of service was never moved."""
    for c in closures(sim).rooms.values():
        if c.occupant is not None:
            p = sim.world.patients[c.occupant]
            sim.ledger.award(event_key(f"room:{c.room}", Step.ROOM_MOVE), sim.now, 0,
                             f"{p.name} was never moved out of "
                             f"{sim.world.rooms[c.room].name} (out of service)", NOTE)


def check_move(sim: Simulation, _actor: StaffState, cmd: MovePatient) -> str | None:
    """A patient in a room out of service, not with the provider, to an empty room."""
    if missing := no_patient(sim, cmd.patient) or no_room(sim, cmd.room):
        return missing
    p, target = sim.world.patients[cmd.patient], sim.world.rooms[cmd.room]
    if p.status == Status.WITH_PROVIDER:
        return f"{p.name} is with the provider: move them after the exam."
    if p.status not in MOVABLE or p.room is None:
        return f"{p.name} is not in an exam room ({p.status.value})."
    if out_of_service(sim, p.room) is None:
        return f"{sim.world.rooms[p.room].name} is in service: {p.name} stays where they are."
    if cmd.room == p.room:
        return f"{p.name} is already in {target.name}."
    if target.patient is not None:
        return f"{target.name} is occupied."
    if why := out_of_service(sim, cmd.room):
        return f"{why}."
    return None


def move(sim: Simulation, actor: StaffState, cmd: MovePatient) -> Accepted:
    """Walk the patient to the other room; an undisinfected one is an infection-control
    error, as at rooming."""
    p, target = sim.world.patients[cmd.patient], sim.world.rooms[cmd.room]
    old = sim.world.rooms[p.room or ""]
    secs = (sim.walk(actor, f"room:{old.id}") + sim.walk(actor, f"room:{target.id}")
            + sim.d.move_patient)
    if not target.clean:
        dirty_room(sim, p, target, f"Moved {p.name} into {target.name}")
    old.patient = None
    target.patient, target.clean = p.id, False
    p.room = target.id
    p.busy_until = sim.now + secs
    c = closures(sim).rooms[old.id]
    if c.occupant == p.id:
        _moved(sim, c, f"Moved {p.name} from {old.name} (out of service) to {target.name}")
    return Accepted(secs, f"moving {p.name} to {target.name}")


def guard(sim: Simulation, _actor: StaffState, cmd: Command) -> str | None:
    """Nobody is roomed in a room out of service, and nothing but getting out is started
    for a patient in one."""
    st = closures(sim)
    if not any(c.closed for c in st.rooms.values()):
        return None  # asked on every `can`: most of the day nothing is closed
    room = getattr(cmd, "room", None)
    if cmd.type in ("room_patient", "move_patient") and isinstance(room, str) \
            and (why := out_of_service(sim, room)):
        return f"{why}: choose another room."
    pid = getattr(cmd, "patient", None)
    if cmd.type in STILL_ALLOWED or not isinstance(pid, str) \
            or not sim.commands[type(cmd)].occupies_patient:
        return None
    p = sim.world.patients.get(pid)
    if p is None or p.status not in IN_ROOM or (why := out_of_service(sim, p.room)) is None:
        return None
    return f"{why}: move {p.name} to another room first."


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """For the patient in a room out of service: a move to each other room."""
    for c in closures(sim).rooms.values():
        if c.occupant is None or not c.closed:
            continue
        p = sim.world.patients[c.occupant]
        here = sim.world.rooms[c.room].name
        for room in sim.world.rooms.values():
            if room.id != c.room:
                yield Offer(GroupKind.PATIENT, p.id, MovePatient(patient=p.id, room=room.id),
                            f"Move to {room.name}", f"{here} is out of service ({c.reason}): "
                            f"move {p.name} to {room.name} "
                            f"({about_minutes(sim.d.move_patient)}).", key="m")


RULE = Rule(
    NAME, state=build,
    commands=(command(MovePatient, check_move, move, occupies_patient=True),),
    events=(on(RoomCloses, on_closes), on(RoomReopens, on_reopens)),
    start=start, expect=expect, after_change=after_change, end_of_day=end_of_day,
    offers=offers, guard=guard)
