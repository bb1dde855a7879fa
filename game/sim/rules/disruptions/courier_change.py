"""The courier's time changes (a scripted event): the lab calls and one pickup comes earlier
or later. The courier rule carries the box at the new time and scores what missed it; this
rule asks that every specimen that could be ready by the new time went with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.clinical.lab import CENTRIFUGE_MINUTES, CLOT_MINUTES, TUBES
from game.scenario.events import CourierChange
from game.scenario.types import clock, seconds
from game.sim.notices import Tone, Topic
from game.sim.rules.base import Rule, on
from game.sim.rules.disruptions.common import event_key, events_of
from game.sim.rules.lab_courier import schedule_pickup
from game.sim.scheduler import Event
from game.sim.scoring import Opportunity, Step
from game.sim.state import Specimen

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NAME = "courier change"
POINTS = 2
# How long after its draw a tube can be in the box: a serum tube clots, then spins; any
# other tube is labeled and packed in a few minutes.
SERUM_READY = 60 * (CLOT_MINUTES + CENTRIFUGE_MINUTES)
OTHER_READY = 10 * 60
NOTE = (f"When the lab moves a pickup, plan the specimens around the new time: serum tubes "
        f"need {CLOT_MINUTES} minutes to clot and {CENTRIFUGE_MINUTES} in the centrifuge, so "
        "draw, spin and pack to have every tube that can be ready in the box when the courier "
        "comes. What misses it reaches the lab a pickup (or a day) late.")


@dataclass
class Move:
    """One pickup moved, and whether the lab has called and the pickup been judged."""

    old: int
    new: int
    at: int
    reason: str | None
    called: bool = False
    judged: bool = False


@dataclass
class MovesState:
    """The day's moved pickups, in the file's order."""

    moves: list[Move] = field(default_factory=list)


@dataclass(frozen=True)
class LabCalls(Event):
    """The lab calls to move a pickup: `index` is the move's place in the day's list."""

    index: int


@dataclass(frozen=True)
class MovedPickupDue(Event):
    """The moved pickup's time (after the courier has come and gone)."""

    index: int


def build(sim: Simulation) -> MovesState:
    """A move for every courier_change event of the day."""
    return MovesState([Move(seconds(ev.pickup), seconds(ev.to), seconds(ev.at), ev.reason)
                       for ev in events_of(sim, CourierChange)])


def moves(sim: Simulation) -> MovesState:
    """The moved pickups' part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, MovesState)
    return part


def _subject(m: Move) -> str:
    return f"courier:{clock(m.old)}"


def start(sim: Simulation) -> None:
    """Each call from the lab comes at its time."""
    for i, m in enumerate(moves(sim).moves):
        sim.schedule(m.at, LabCalls(i))


def expect(sim: Simulation) -> None:
    """Every moved pickup is to take what can be ready for it."""
    for m in moves(sim).moves:
        sim.ledger.expect(event_key(_subject(m), Step.COURIER_MOVED), Opportunity(
            "flow", POINTS, "I.P.2.b", None,
            f"The {clock(m.old)} pickup moved to {clock(m.new)}, and the day ended before "
            "the lab called", NOTE))


def on_lab_calls(sim: Simulation, event: LabCalls) -> None:
    """The pickup takes its new time: the courier rule's old visit goes stale."""
    m = moves(sim).moves[event.index]
    if m.old not in sim.pickups:
        return  # validation guarantees the pickup; a test day may not
    m.called = True
    j = sim.pickups.index(m.old)
    sim.pickups[j] = m.new
    schedule_pickup(sim, j)
    sim.schedule(m.new, MovedPickupDue(event.index))
    why = f" ({m.reason})" if m.reason else ""
    sooner = "earlier" if m.new < m.old else "later"
    sim.notify(Tone.WARNING, f"The lab calls{why}: the {clock(m.old)} courier comes {sooner}, "
               f"at {clock(m.new)}. Have the specimens packed by then.", None,
               Topic.DISRUPTION)


def left_behind(sim: Simulation, t: int) -> list[Specimen]:
    """Tubes not sent by time `t` that were drawn early enough to be in the box by then."""
    return [s for s in sim.world.specimens if not s.shipped and s.drawn_t
            + (SERUM_READY if TUBES[s.tube].serum else OTHER_READY) <= t]


def judge(sim: Simulation, m: Move) -> None:
    """Full points when every tube that could be ready went; none when some stayed."""
    if m.judged:
        return
    m.judged = True
    missed = left_behind(sim, min(sim.now, m.new))
    k = event_key(_subject(m), Step.COURIER_MOVED)
    if not missed:
        sim.ledger.award(k, sim.now, POINTS, f"Every specimen ready by {clock(m.new)} went "
                                             "with the moved courier")
        return
    names = sorted({sim.world.patients[s.patient].name for s in missed})
    sim.ledger.award(k, sim.now, 0, f"The tubes of {', '.join(names)} could have been "
                                    f"ready for the moved {clock(m.new)} courier and were not "
                                    "sent", NOTE)


def on_due(sim: Simulation, event: MovedPickupDue) -> None:
    """The moved courier has been: judge what it took."""
    judge(sim, moves(sim).moves[event.index])


def end_of_day(sim: Simulation) -> None:
    """A moved pickup the day ended before: judged on what waited when it ended."""
    for m in moves(sim).moves:
        if m.called:
            judge(sim, m)


RULE = Rule(NAME, state=build, events=(on(LabCalls, on_lab_calls), on(MovedPickupDue, on_due)),
            start=start, expect=expect, end_of_day=end_of_day)
