"""Simulation(scenario, seed): submit commands, advance time; the same day for the same inputs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from game.scenario.models import Scenario
from game.scenario.types import seconds
from game.sim import digest as digest_mod
from game.sim.calendar import Calendar
from game.sim.commands import Command
from game.sim.layout import Layout
from game.sim.notices import Notice, Tone, Topic
from game.sim.policies import POLICIES, Policy
from game.sim.results import Accepted, Queued, Rejected, Result
from game.sim.rng import Streams
from game.sim.rules import RULES, Rule
from game.sim.rules.base import Affordance, Can, CommandRule, EventRule, Offer
from game.sim.rules.setup import build_world
from game.sim.rules.staff import StaffFree
from game.sim.scheduler import Event, Scheduler
from game.sim.scoring import Ledger, Score
from game.sim.state import QUEUE_LIMIT, Activity, PatientState, StaffState, Status, World

__all__ = ["Notice", "Simulation", "duration"]


def duration(secs: int) -> str:
    """A short span for the player: "40 s", "2 min", "3 min 5 s"."""
    mins, rest = divmod(max(0, secs), 60)
    if not mins:
        return f"{rest} s"
    return f"{mins} min" + (f" {rest} s" if rest else "")


class Simulation:
    """One clinic day. Time is integer seconds since midnight; nothing here reads a clock.

    The engine knows no concern: it routes commands and events to the rules of
    `game.sim.rules.RULES` and asks them what the day expects, offers and scores."""

    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.seed = seed
        self.streams = Streams(seed)
        self.d = scenario.durations
        self.layout = Layout([r.id for r in scenario.clinic.rooms])
        self.events = Scheduler()
        self.ledger = Ledger()
        self.opens = seconds(scenario.clinic.opens)
        self.closes = seconds(scenario.clinic.closes)
        self.end_time = self.closes + 60 * scenario.clinic.overtime_minutes
        appts = [seconds(p.appointment.time) for p in scenario.patients]
        self.first_appt = min(appts, default=self.closes)
        self.pickups = sorted(seconds(t) for t in scenario.courier.pickups)
        self.commands: dict[type, CommandRule[Any]] = {
            c.type: c for rule in RULES for c in rule.commands}
        self._rule_of: dict[type, Rule] = {c.type: rule for rule in RULES for c in rule.commands}
        self._guards = tuple(rule.guard for rule in RULES if rule.guard is not None)
        self.unfinished_hooks = tuple(rule.unfinished for rule in RULES
                                      if rule.unfinished is not None)
        self._after_command = tuple(rule.after_command for rule in RULES
                                    if rule.after_command is not None)
        self.handlers: dict[type, EventRule[Any]] = {
            e.type: e for rule in RULES for e in rule.events}
        self.world: World = build_world(self)
        # Patients by status, in appointment order, rebuilt when a status has changed, so
        # the rules look only at who is where instead of at the whole day's list.
        # Counts the changes of the world (commands, queued commands, events): a view that
        # depends only on the world can be kept until it moves on.
        self.revision = 0
        self._index: tuple[int, dict[Status, list[tuple[int, PatientState]]]] = (-1, {})
        self._found: dict[tuple[Status, ...], list[PatientState]] = {}
        self._by_appt = sorted(self.world.patients.values(), key=lambda q: (q.appt_t, q.id))
        self.calendar = Calendar(scenario, self.world.bookings, self.world.cancelled)
        for rule in RULES:
            if rule.state:
                self.world.parts[rule.name] = rule.state(self)
        self._lead = self._find_lead()  # the team is fixed for the day
        self.coworkers: dict[str, Policy] = {
            m.id: POLICIES[m.spec.controlled_by]() for m in self.world.staff.values()
            if not m.player}
        for rule in RULES:
            if rule.expect:
                rule.expect(self)
        for rule in RULES:
            if rule.start:
                rule.start(self)
        self.after_change()

    # --- the world's state, kept in the world --------------------------------------------
    @property
    def now(self) -> int:
        """Simulated seconds since midnight."""
        return self.world.now

    @property
    def finished(self) -> bool:
        """The day is over."""
        return self.world.finished

    @property
    def notices(self) -> list[Notice]:
        """Every message for the player so far, oldest first."""
        return self.world.notices

    # --- time -------------------------------------------------------------------------
    def advance(self, to_time: int) -> None:
        """Run the world forward to a time, handling every event on the way."""
        to_time = min(to_time, self.end_time)
        while not self.finished:
            popped = self.events.pop_until(to_time)
            if popped is None:
                break
            t, event = popped
            self.world.now = max(self.now, t)
            self.handlers[type(event)].handle(self, event)
            self.after_change()
        if not self.finished:
            self.world.now = max(self.now, to_time)
            if self.now >= self.end_time:
                self.finish()

    def next_event_time(self) -> int | None:
        """When something will next happen by itself."""
        return self.events.peek_time()

    def schedule(self, t: int, event: Event) -> None:
        """Queue a world event."""
        self.events.schedule(t, event)

    def after_change(self) -> None:
        """After every command and event, each rule reacts in the list's order."""
        self.revision += 1
        for rule in RULES:
            if self.finished:
                return
            if rule.after_change:
                rule.after_change(self)

    def patients_in(self, *statuses: Status) -> list[PatientState]:
        """The patients in any of these states, in appointment order."""
        changes, index = self._index
        now = self._by_appt[0].status_changes[0] if self._by_appt else 0
        if changes != now:
            index = {}
            for rank, p in enumerate(self._by_appt):
                index.setdefault(p.status, []).append((rank, p))
            self._index = (now, index)
            self._found.clear()
        found = self._found.get(statuses)
        if found is None:  # each question is answered once per change of status
            if len(statuses) == 1:
                found = [p for _, p in index.get(statuses[0], ())]
            else:
                found = [p for _, p in sorted(
                    (ranked for s in set(statuses) for ranked in index.get(s, ())),
                    key=itemgetter(0))]
            self._found[statuses] = found
        return list(found)

    @property
    def phase(self) -> str:
        """opening, clinic or closing, by the clock."""
        if self.now < self.first_appt:
            return "opening"
        return "clinic" if self.now < self.closes else "closing"

    # --- staff ------------------------------------------------------------------------
    @property
    def lead(self) -> StaffState:
        """The first MA the player directs: who a command without an actor goes to."""
        return self._lead

    def _find_lead(self) -> StaffState:
        staff = list(self.world.staff.values())
        return next((m for m in staff if m.player and m.role == "ma"),
                    next((m for m in staff if m.player), staff[0]))

    def staff(self, actor: str | None = None) -> StaffState | None:
        """A staff member by id (the lead for None), or None if there is no such one."""
        return self.lead if actor is None else self.world.staff.get(actor)

    def is_free(self, actor: str | None = None) -> bool:
        """The staff member (the lead by default) can start something now."""
        member = self.staff(actor)
        return (member is not None and not self.finished and not member.clocked_out
                and member.busy_until <= self.now)

    def busy_reason(self, actor: str | None = None) -> str | None:
        """What a staff member is doing and how long is left (never a clock time, which
        reads as "now" in its last minute); None when free."""
        member = self.staff(actor)
        if member is None or member.busy_until <= self.now:
            return None
        who = self.subject(member)
        left = duration(member.busy_until - self.now)
        return f"{who[0].upper()}{who[1:]} busy {member.activity} for another {left}."

    def walk(self, actor: StaffState, station: str) -> int:
        """Move a staff member to a station; the seconds it takes."""
        steps = self.layout.steps(actor.location, station)
        actor.location = station
        return steps * self.d.walk_per_step

    # --- commands ---------------------------------------------------------------------
    def can(self, command: Command, actor: str | None = None) -> tuple[Can, str]:
        """What `submit` would do with a command now (given by `actor` instead of its own,
        if one is named): start it, queue it, or refuse it (with the reason). The one answer
        the affordances and `submit` share."""
        if self.finished:
            return Can.NO, "The day is over."
        who = command.actor if actor is None else actor
        member = self.staff(who)
        if member is None:
            return Can.NO, f"There is no staff member '{who}' today."
        rule = self.commands[type(command)]
        if member.clocked_out and not rule.instant:
            return Can.NO, f"{member.name} has clocked out."
        if member.role not in rule.roles:
            return Can.NO, (f"{member.name} works the front desk: that is a medical "
                            "assistant's job.")
        # The command's own reason first; then what a concern holds the member from (a
        # caller on the line, a walk-in not yet screened).
        why = (self._patient_elsewhere(member, command) if rule.occupies_patient else None) \
            or rule.check(self, member, command) \
            or next((w for g in self._guards if (w := g(self, member, command))), None)
        if why is not None:
            return Can.NO, why
        if rule.instant or member.busy_until <= self.now:
            return Can.NOW, ""
        busy = self.busy_reason(member.id) or ""
        if len(member.queue) >= QUEUE_LIMIT:
            return Can.NO, (f"{busy} Their queue is full ({QUEUE_LIMIT} actions waiting): "
                            "cancel one or wait.")
        return Can.WHEN_FREE, busy

    def _patient_elsewhere(self, member: StaffState, command: Command) -> str | None:
        """A patient busy with another staff member cannot be taken over mid-step."""
        pid = getattr(command, "patient", None)
        p = self.world.patients.get(pid) if isinstance(pid, str) else None
        if p is None or p.busy_until <= self.now or p.busy_with in (None, member.id):
            return None
        other = self.world.staff[p.busy_with or ""].name
        return f"{p.name} is with {other} for another {duration(p.busy_until - self.now)}."

    def submit(self, command: Command) -> Result:
        """Have a staff member do something: started now, queued while they are busy, or
        rejected with the reason (a rejected command leaves the world unchanged)."""
        can, why = self.can(command)
        if can == Can.NO:
            return Rejected(why)
        member = self.staff(command.actor)
        assert member is not None
        if can == Can.WHEN_FREE:
            member.queue.append(command)
            self.revision += 1
            left = duration(member.busy_until - self.now)
            return Queued(len(member.queue), f"{self.describe(command)}, when "
                                             f"{self.subject(member)} free (busy {left} more)")
        return self._start(member, command)

    def _start(self, member: StaffState, command: Command) -> Accepted:
        rule = self.commands[type(command)]
        since = len(self.ledger.entries)
        result = rule.apply(self, member, command)
        for then in self._after_command:
            result = then(self, member, command, result)
        self.ledger.stamp(since, member.id)
        if not rule.instant and not self.finished:
            member.busy_until = self.now + result.seconds
            member.activity = result.message
            member.activities.append(Activity(self.now, member.busy_until, result.message))
            pid = getattr(command, "patient", None)
            if rule.occupies_patient and isinstance(pid, str):
                self.world.patients[pid].busy_with = member.id
            self.schedule(member.busy_until, StaffFree(member.id))
        self.after_change()
        return result

    def start_queued(self, member: StaffState) -> None:
        """A staff member is free: their next queued command that is still possible starts;
        one that no longer is is dropped, with a notice saying why."""
        while member.queue and self.is_free(member.id):
            command = member.queue.pop(0)
            can, why = self.can(command)
            if can == Can.NOW:
                self._start(member, command)
                return
            self.notify(Tone.WARNING, f"Dropped from {self.owner(member)} queue: "
                        f"{self.describe(command)}. {why}", getattr(command, "patient", None),
                        Topic.QUEUE, member.id)

    def subject(self, member: StaffState) -> str:
        """"you are" for the player alone, else the member's name and "is"."""
        return "you are" if len(self.world.staff) == 1 else f"{member.name} is"

    def owner(self, member: StaffState) -> str:
        """"your" for the player alone, else the member's name with "'s"."""
        return "your" if len(self.world.staff) == 1 else f"{member.name}'s"

    def describe(self, command: Command) -> str:
        """A command in words, for queues and notices: "measure vitals: Ana Ruiz"."""
        words = command.type.replace("_", " ")
        pid = getattr(command, "patient", None)
        if isinstance(pid, str) and pid in self.world.patients:
            return f"{words}: {self.world.patients[pid].name}"
        room = getattr(command, "room", None)
        if isinstance(room, str) and room in self.world.rooms:
            return f"{words}: {self.world.rooms[room].name}"
        task = getattr(command, "task", None)
        if isinstance(task, str) and task in self.world.tasks:
            return f"{words}: {self.world.tasks[task].task.label}"
        return words

    def coworker_choice(self, member: StaffState) -> Command | None:
        """What a coworker's policy does next, addressed to them."""
        chosen = self.coworkers[member.id].choose(self, member.id)
        return None if chosen is None else chosen.model_copy(update={"actor": member.id})

    # --- affordances ------------------------------------------------------------------
    def offers(self, actor: str | None = None, rules: tuple[Rule, ...] = RULES) -> list[Offer]:
        """What the rules (all, or those given) put on the table for a staff member (the
        lead by default), before asking whether each can be done: the affordances without
        their answers."""
        member = self.staff(actor)
        if member is None or self.finished:
            return []
        return [offer for rule in rules if rule.offers is not None
                for offer in rule.offers(self, member)]

    def rule_of(self, kind: type) -> Rule:
        """The rule that declares a command type (and offers it)."""
        return self._rule_of[kind]

    def affordances(self, actor: str | None = None,
                    where: Callable[[Offer], bool] | None = None) -> list[Affordance]:
        """Every action open to a staff member (the lead by default), or those `where`
        picks (a patient's, a station's), each with what `submit` would do with it: start
        it, queue it, or refuse it and why."""
        out = []
        for offer in self.offers(actor):
            if where is not None and not where(offer):
                continue
            can, why = self.can(offer.command, actor)  # offers are made for the lead
            out.append(Affordance(offer, can, why, actor))
        return out

    def notify(self, kind: Tone, text: str, patient: str | None = None,
               topic: Topic = Topic.NONE, actor: str | None = None) -> None:
        """Tell the player something."""
        self.world.notices.append(Notice(self.now, kind, text, patient, topic, actor))

    # --- the end ----------------------------------------------------------------------
    def finish(self) -> None:
        """End the day: each rule scores what was left undone, then every open step is
        recorded as missed."""
        if self.finished:
            return
        for rule in RULES:
            if rule.end_of_day:
                rule.end_of_day(self)
        self.ledger.close_out(self.now)
        self.world.finished = True

    def score(self) -> Score:
        """The day's score so far (final once finished)."""
        return self.ledger.score(self.scenario.scoring)

    def digest(self) -> str:
        """A hash of the whole world and the ledger; equal digests mean the same day."""
        data: dict[str, Any] = digest_mod.snapshot(self)
        blob = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(blob.encode()).hexdigest()
