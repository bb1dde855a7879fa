"""The team: each staff member's queue, coworkers played by a policy, clocking out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.sim.commands import CancelQueued, ClockOut
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command, on
from game.sim.scheduler import Event
from game.sim.state import IN_CLINIC, PatientState, StaffState, Status
from game.words import count

if TYPE_CHECKING:
    from game.sim.engine import Simulation

COWORKER_LOOK = 60  # a coworker with nothing to do looks again a simulated minute later


@dataclass(frozen=True)
class StaffFree(Event):
    """A staff member finishes what they were doing (or a coworker looks around again)."""

    staff: str


@dataclass(frozen=True)
class DayOver(Event):
    """The last of the team has clocked out."""


def on_staff_free(sim: Simulation, event: StaffFree) -> None:
    """Start the next queued command that is still possible; drop the ones that are not."""
    member = sim.world.staff[event.staff]
    if member.next_look is not None and member.next_look <= sim.now:
        member.next_look = None
    sim.start_queued(member)


def patients_still_expected(sim: Simulation) -> list[PatientState]:
    """Patients who are in the clinic, or scheduled and not yet marked as a no-show."""
    return sim.patients_in(*IN_CLINIC, Status.SCHEDULED)


def check_clock_out(sim: Simulation, actor: StaffState, _cmd: ClockOut) -> str | None:
    """Once nobody is left in or expected at the clinic."""
    if actor.clocked_out:
        return f"{actor.name} has already clocked out."
    waiting = patients_still_expected(sim)
    if waiting:
        names = ", ".join(p.name for p in waiting[:3])
        are = "is" if len(waiting) == 1 else "are"
        return (f"{count(len(waiting), 'patient')} {are} still here or expected ({names}): "
                "see them out or mark no-shows first.")
    return None


def clock_out(sim: Simulation, actor: StaffState, _cmd: ClockOut) -> Accepted:
    """Clock out; the day ends once the whole team has (events due meanwhile still happen)."""
    actor.clocked_out = True
    if sim.world.all_clocked_out:
        sim.schedule(sim.now + sim.d.clock_out, DayOver())
    return Accepted(sim.d.clock_out, "clocking out")


def check_cancel(sim: Simulation, actor: StaffState, cmd: CancelQueued) -> str | None:
    """Only a command that is waiting can be taken out."""
    if cmd.position > len(actor.queue):
        waiting = len(actor.queue)
        what = ("nothing waits" if not waiting else "1 action waits" if waiting == 1
                else f"{waiting} actions wait")
        return f"In {sim.owner(actor)} queue {what}: there is no number {cmd.position}."
    return None


def cancel(sim: Simulation, actor: StaffState, cmd: CancelQueued) -> Accepted:
    """Take the command out of the queue; it never starts."""
    gone = actor.queue.pop(cmd.position - 1)
    sim.notify(Tone.INFO, f"Cancelled from {sim.owner(actor)} queue: {sim.describe(gone)}.", None,
               Topic.QUEUE, actor.id)
    return Accepted(0, "cancelling a queued action")


def on_day_over(sim: Simulation, _event: DayOver) -> None:
    """The whole team has clocked out: the day ends."""
    sim.finish()


def end_of_day(sim: Simulation) -> None:
    """Everyone clocks out at the end of a day."""
    for member in sim.world.staff.values():
        if not member.clocked_out:
            who = "The MA" if len(sim.world.staff) == 1 else member.name
            sim.ledger.penalty(
                sim.now, "administrative", 1, None, None, f"{who} never clocked out",
                "Finish the closing checklist and clock out: the day is not over until then.")


def coworkers(sim: Simulation) -> None:
    """After every change: a free coworker picks their next command, as their policy would;
    with nothing to do they look again a minute later."""
    for member in sim.world.staff.values():
        if member.player or member.clocked_out or member.busy_until > sim.now or member.queue:
            continue
        chosen = sim.coworker_choice(member)
        if chosen is not None and sim.submit(chosen).ok:
            continue
        if member.next_look is None or member.next_look <= sim.now:
            member.next_look = sim.now + COWORKER_LOOK
            sim.schedule(member.next_look, StaffFree(member.id))


def offers(sim: Simulation, actor: StaffState) -> Iterator[Offer]:
    """Clocking out, and taking back what waits in the queue."""
    yield Offer(GroupKind.DAY, "", ClockOut(), "Clock out",
                "End the day once every patient is seen out and the closing tasks are done.",
                key="q")
    for i, queued in enumerate(actor.queue, start=1):
        yield Offer(GroupKind.DAY, "queue", CancelQueued(position=i),
                    f"Cancel: {sim.describe(queued)}", "Take it out of the queue before it "
                    "starts.")


RULE = Rule(
    "staff",
    commands=(command(ClockOut, check_clock_out, clock_out, roles=ANY_ROLE),
              command(CancelQueued, check_cancel, cancel, roles=ANY_ROLE, instant=True)),
    events=(on(StaffFree, on_staff_free), on(DayOver, on_day_over)),
    after_change=coworkers, end_of_day=end_of_day, offers=offers)
