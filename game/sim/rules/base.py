"""The shape of a rule: its commands, events, start, expectations, scoring and affordances."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from game.sim.commands import BaseCommand, Command
from game.sim.scheduler import Event

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.results import Accepted
    from game.sim.state import PatientState, StaffState

C = TypeVar("C", bound=BaseCommand)
E = TypeVar("E", bound=Event)

MA_ONLY: frozenset[str] = frozenset({"ma"})
ANY_ROLE: frozenset[str] = frozenset({"ma", "front_desk"})


@dataclass(frozen=True)
class CommandRule(Generic[C]):
    """One command: `check` gives the reason it cannot start now (None when it can), and
    `apply`, called only after a passing check, does it. `submit` and the affordances both
    ask `check`, so what the window offers is exactly what the simulation accepts."""

    type: type[C]
    check: Callable[[Simulation, StaffState, C], str | None]
    apply: Callable[[Simulation, StaffState, C], Accepted]
    roles: frozenset[str] = MA_ONLY
    occupies_patient: bool = False  # the patient is with this staff member meanwhile
    instant: bool = False  # takes no staff time: starts even while busy, never queued


@dataclass(frozen=True)
class EventRule(Generic[E]):
    """What the world does when one kind of event comes due."""

    type: type[E]
    handle: Callable[[Simulation, E], None]


def command(type_: type[C], check: Callable[[Simulation, StaffState, C], str | None],
            apply: Callable[[Simulation, StaffState, C], Accepted], *,
            roles: frozenset[str] = MA_ONLY, occupies_patient: bool = False,
            instant: bool = False) -> CommandRule[C]:
    """Declare a command; the type checker matches the handlers to the command's type."""
    return CommandRule(type_, check, apply, roles, occupies_patient, instant)


def on(type_: type[E], handle: Callable[[Simulation, E], None]) -> EventRule[E]:
    """Declare an event handler; the type checker matches it to the event's type."""
    return EventRule(type_, handle)


class GroupKind(StrEnum):
    """What an affordance is about: a patient, a station, or the day as a whole."""

    PATIENT = "patient"
    STATION = "station"
    DAY = "day"


@dataclass(frozen=True)
class Offer:
    """An action a rule puts on the table: a concrete command (for a form, the command the
    form starts from), with the words the player reads."""

    group: GroupKind
    subject: str  # a patient id, a station id ("room:exam1", "lab"), or "" for the day
    command: Command
    label: str
    tip: str
    form: str | None = None  # the form that fills in the command's details, if any
    key: str = ""  # the shortcut letter it prefers
    station: str | None = None  # where it is done, when away from the patient ("lab")


class Can(StrEnum):
    """Whether an action can be done."""

    NOW = "now"  # submit starts it now
    WHEN_FREE = "when_free"  # the staff member is busy: submit queues it
    NO = "no"  # submit rejects it, with the reason


@dataclass(frozen=True)
class Affordance:
    """An offer with the simulation's answer for one staff member."""

    offer: Offer
    can: Can
    reason: str = ""  # for NO, the exact reason submit gives; for WHEN_FREE, the busy text
    actor: str | None = None  # whom it is for (None: the lead)

    @cached_property
    def command(self) -> Command:
        """The command the action submits, addressed to its staff member (made when asked:
        most affordances are only looked at)."""
        if self.actor is None:
            return self.offer.command
        return self.offer.command.model_copy(update={"actor": self.actor})


Hook = Callable[["Simulation"], None]


@dataclass(frozen=True)
class Rule:
    """One concern of the day, declared in one place; rules/__init__.py lists them."""

    name: str
    state: Callable[[Simulation], object] | None = None  # its part of the world, if any
    commands: tuple[CommandRule[Any], ...] = ()
    events: tuple[EventRule[Any], ...] = ()
    start: Hook | None = None  # what it schedules once the world is built
    expect: Hook | None = None  # the ledger opportunities it registers
    after_change: Hook | None = None  # after every command and event
    end_of_day: Hook | None = None  # what it scores when the day ends
    offers: Callable[[Simulation, StaffState], Iterable[Offer]] | None = None
    # Why this concern keeps a staff member from starting a command of any rule now (a
    # caller on the line, a walk-in not yet screened), or None: asked by `Simulation.can`.
    guard: Callable[[Simulation, StaffState, Command], str | None] | None = None
    # What this concern still owes a patient before checkout that someone can still do
    # today, in the checkout's words ("blood draw", "influenza vaccine"): asked by checkout,
    # the bots and the window's hints.
    unfinished: Callable[[Simulation, PatientState], list[str]] | None = None
    # Called after any rule's command has been applied: what this concern adds to it (the
    # supplies it uses, a walk to fetch them). It returns the command's result, changed or
    # as it was.
    after_command: Callable[[Simulation, StaffState, Command, Accepted], Accepted] | None = None
