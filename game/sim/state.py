"""The world's plain data: the clock, patients, rooms, providers, specimens, tasks and staff."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from game.clinical.vitals import Reading
from game.scenario.models import Patient, Provider, StaffMember, Task
from game.scenario.types import seconds
from game.sim.commands import Command
from game.sim.notices import Notice


class Status(StrEnum):
    """Where a patient is in the visit."""

    SCHEDULED = "scheduled"  # not here yet
    ARRIVED = "arrived"  # at the front desk, not checked in
    WAITING = "waiting"  # checked in, in the waiting room
    ROOMED = "roomed"  # in an exam room, vitals not done
    READY = "ready"  # roomed and ready for the provider
    WITH_PROVIDER = "with_provider"
    EXAM_DONE = "exam_done"  # orders written; still in the room
    CHECKED_OUT = "checked_out"
    LEFT = "left"  # walked out before being seen
    SENT_ELSEWHERE = "sent_elsewhere"  # a walk-in sent to urgent care or the emergency room
    NO_SHOW = "no_show"


IN_CLINIC = frozenset({Status.ARRIVED, Status.WAITING, Status.ROOMED, Status.READY,
                       Status.WITH_PROVIDER, Status.EXAM_DONE})
IN_ROOM = frozenset({Status.ROOMED, Status.READY, Status.WITH_PROVIDER, Status.EXAM_DONE})


@dataclass
class Specimen:
    """One tube drawn from a patient."""

    patient: str
    tube: str
    drawn_t: int
    # tubes drawn before this one in the same draw that belong later in the order of draw:
    # their additive carried over into this tube (empty when it was drawn in order)
    carried_from: tuple[str, ...] = ()
    label_of: str | None = None  # whose identity is on the label; None if unlabeled
    spun_at: int | None = None
    spin_ok: bool = False
    packed: bool = False
    packed_t: int | None = None
    shipped: bool = False
    shipped_t: int | None = None
    rejected: str | None = None

    @property
    def key(self) -> str:
        """Stable id for display and digests."""
        return f"{self.patient}:{self.tube}:{self.drawn_t}"

    @property
    def order_ok(self) -> bool:
        """No additive carried over into this tube."""
        return not self.carried_from


@dataclass
class PatientState:
    """One patient's visit as it unfolds."""

    spec: Patient
    age_years: float
    appt_t: int
    arrival_t: int | None  # None for a no-show
    status: Status = Status.SCHEDULED
    chart_id: str | None = None  # whose chart the MA opened at check-in
    checked_in_t: int | None = None
    room: str | None = None
    measured: Reading | None = None
    recorded: Reading | None = None
    flagged: tuple[str, ...] = ()
    crisis: bool = False
    escalated_t: int | None = None
    history_reviewed: bool = False
    ready_t: int | None = None  # when the door flag went up: rooming done, signalled or escalated
    skipped: tuple[str, ...] = ()  # rooming steps given up by signalling ready early
    exam_start: int | None = None
    exam_end: int | None = None
    exam_remaining: int = 0
    assist_requested_t: int | None = None
    assist_done: bool = False
    busy_until: int = 0
    busy_with: str | None = None  # the staff member occupying the patient until busy_until
    poc_done: bool = False
    drawn: bool = False
    follow_up: tuple[dt.date, str] | None = None
    referral_done: bool = False
    chart_done: bool = False
    left_t: int | None = None
    give_up_t: int | None = None  # when a patient still unroomed walks out (set on arrival)
    marked_no_show: bool = False
    screened: str | None = None  # for a walk-in: what the desk decided

    # One counter shared by the day's patients, raised by every change of status, so an
    # index of patients by status knows when it is stale (not part of the world's state).
    status_changes: list[int] = field(default_factory=lambda: [0], repr=False, compare=False)

    def __post_init__(self) -> None:
        # The id is read constantly (every offer, every look-up): kept, not looked up.
        self.id: str = self.spec.id

    def __setattr__(self, name: str, value: object) -> None:
        if name == "status" and "status_changes" in self.__dict__:
            self.status_changes[0] += 1
        super().__setattr__(name, value)

    @property
    def name(self) -> str:
        """Full name."""
        return self.spec.name.full

    @property
    def walk_in(self) -> bool:
        """An unscheduled patient, on the day's list only once they walk in."""
        return self.spec.walk_in is not None

    @property
    def wait_from(self) -> int:
        """Waiting counts from arrival, or from the appointment time for an early patient."""
        return max(self.arrival_t or self.appt_t, self.appt_t)

    def waited(self, now: int) -> int:
        """Seconds waited by now: the one definition the rules, the messages and the UI use."""
        return max(0, now - self.wait_from)

    @property
    def door_flag(self) -> bool:
        """The flag on the exam-room door is up: the provider may come in."""
        return self.status == Status.READY

    @property
    def priority(self) -> tuple[int, int]:
        """The provider's order: escalated, then flagged, then by appointment time."""
        return (0 if self.escalated_t is not None else 1 if self.flagged else 2, self.appt_t)


@dataclass
class RoomState:
    """An exam room: who is in it, and whether it is clean and stocked."""

    id: str
    name: str
    clean: bool = True
    stocked: bool = True
    patient: str | None = None


@dataclass
class ProviderState:
    """A provider: idle, examining, waiting for the MA's help, or on a break."""

    spec: Provider
    patient: str | None = None
    waiting_assist: bool = False
    idle_since: int | None = None
    # hours in seconds, worked out once: checked after every event
    start_t: int = 0
    end_t: int = 0
    breaks_t: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        self.start_t = seconds(self.spec.start)
        self.end_t = seconds(self.spec.end)
        self.breaks_t = tuple((seconds(b.start), seconds(b.end)) for b in self.spec.breaks)

    @property
    def id(self) -> str:
        """The provider's id."""
        return self.spec.id


@dataclass
class TaskState:
    """A checklist task and when it was done."""

    task: Task
    phase: str  # "opening" or "closing"
    done_t: int | None = None


QUEUE_LIMIT = 5  # commands a busy staff member keeps waiting to start


@dataclass(frozen=True)
class Activity:
    """A stretch of a staff member's day: what they did, from when to when."""

    start: int
    end: int
    what: str


@dataclass
class StaffState:
    """One staff member: in one place, doing one thing at a time, with a short queue."""

    spec: StaffMember
    location: str = "front_desk"
    busy_until: int = 0
    activity: str = ""
    clocked_out: bool = False
    queue: list[Command] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    next_look: int | None = None  # a coworker's next wake-up, when one is queued

    @property
    def id(self) -> str:
        """The staff member's id, the `actor` of their commands."""
        return self.spec.id

    @property
    def name(self) -> str:
        """The name on the staff token."""
        return self.spec.name

    @property
    def role(self) -> str:
        """ma or front_desk."""
        return self.spec.role

    @property
    def player(self) -> bool:
        """Directed by the player (otherwise a coworker played by a built-in policy)."""
        return self.spec.controlled_by == "player"


@dataclass
class Booking:
    """A follow-up booked today."""

    patient: str
    provider: str
    date: dt.date
    start: int
    minutes: int


@dataclass
class World:
    """Everything that changes during the day."""

    patients: dict[str, PatientState]
    rooms: dict[str, RoomState]
    providers: dict[str, ProviderState]
    tasks: dict[str, TaskState]
    staff: dict[str, StaffState]
    now: int = 0  # seconds since midnight
    finished: bool = False
    specimens: list[Specimen] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)  # follow-ups booked today
    cancelled: list[str] = field(default_factory=list)  # charts whose next visit was freed
    glucose_qc_done: bool = False
    vaccines_usable: bool = False
    # Each rule's own state, by rule name (Rule.state makes it when the day starts): a new
    # concern keeps its data here, in its own data class, and the digest covers it.
    parts: dict[str, object] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)  # one-time consequences already applied
    notices: list[Notice] = field(default_factory=list)

    @property
    def all_clocked_out(self) -> bool:
        """Every staff member has clocked out."""
        return all(m.clocked_out for m in self.staff.values())
