"""A rule-based MA bot: it picks among the simulation's affordances by a fixed list of
priorities; its Style decides how careful it is (reference vs naive)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.clinical.lab import CLOT_MINUTES, LAB_TESTS, TUBES
from game.clinical.vitals import abnormal_signs
from game.sim import commands as c
from game.sim.policies import (
    disruption_steps,
    ecg_steps,
    med_steps,
    phone_steps,
    poc_steps,
    supply_steps,
)
from game.sim.policies.base import by_status
from game.sim.rules.base import Can, Offer
from game.sim.rules.checklist import closing_starts, in_range
from game.sim.rules.checkout import first_slot, unfinished_orders
from game.sim.rules.lab import unspun_serum
from game.sim.rules.lab_courier import next_pickup
from game.sim.state import PatientState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

S = Status
# The concerns whose bot steps live with their own module, in the order they are asked.
# The scripted events come last among the urgent steps: a faint or a chest pain first.
CONCERNS = (med_steps.STEPS, poc_steps.STEPS, ecg_steps.STEPS, supply_steps.STEPS,
            disruption_steps.STEPS)


@dataclass(frozen=True)
class Style:
    """What the bot bothers to do."""

    careful: bool  # two identifiers, insurance, flags, history, order of draw, centrifuge
    checklists: bool  # opening and closing tasks, cleaning rooms
    paperwork: bool  # referrals and charts


class Menu:
    """The affordances open now, looked up by command type and patient. A rule's offers are
    made the first time the bot asks for one of its commands, and each offer is asked of the
    simulation (`Simulation.can`, as `affordances` does) only when the bot looks at it: the
    bot takes the first thing on its list, so most are never made or asked."""

    def __init__(self, sim: Simulation, actor: str | None) -> None:
        self.sim = sim
        self.actor = actor
        self._offers: dict[str, dict[type, list[Offer]]] = {}  # by rule name
        self._mine: dict[tuple[type, str], list[Offer]] = {}  # by type and patient
        self._rank: dict[int, int] = {}  # an offer's place in its rule's list
        self._now: dict[int, bool] = {}

    def _of_type(self, kind: type) -> list[Offer]:
        rule = self.sim.rule_of(kind)
        if rule.name not in self._offers:
            grouped: dict[type, list[Offer]] = {}
            for i, o in enumerate(self.sim.offers(self.actor, (rule,))):
                grouped.setdefault(type(o.command), []).append(o)
                pid = getattr(o.command, "patient", None)
                if isinstance(pid, str):
                    self._mine.setdefault((type(o.command), pid), []).append(o)
                self._rank[id(o)] = i
            self._offers[rule.name] = grouped
        return self._offers[rule.name].get(kind, [])

    def can_now(self, offer: Offer) -> bool:
        """Submit would start it now."""
        key = id(offer)
        if key not in self._now:
            self._now[key] = self.sim.can(offer.command, self.actor)[0] == Can.NOW
        return self._now[key]

    def get(self, kind: type[c.Command] | tuple[type[c.Command], ...],
            patient: str | None = None) -> list[Offer]:
        """Offers of a command type (or types, in the rules' order) for one patient, if
        given, that can start now."""
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if patient is not None and len(kinds) == 1:
            self._of_type(kinds[0])  # made once, indexed by patient
            return [o for o in self._mine.get((kinds[0], patient), ()) if self.can_now(o)]
        found = [o for k in kinds for o in self._of_type(k)]
        if len(kinds) > 1:  # one rule's offers of several types: back in the rule's order
            found.sort(key=lambda o: self._rank[id(o)])
        return [o for o in found if (patient is None
                                     or getattr(o.command, "patient", None) == patient)
                and self.can_now(o)]

    def first(self, kind: type[c.Command], patient: str | None = None) -> c.Command | None:
        """The first such command, or None."""
        found = self.get(kind, patient)
        return found[0].command if found else None


class Bot:
    """Chooses the next command by a fixed list of priorities, among what can start now."""

    def __init__(self, name: str, style: Style) -> None:
        self.name = name
        self.style = style

    def choose(self, sim: Simulation, actor: str | None = None) -> c.Command | None:
        """The first thing on the priority list that can be done now."""
        menu = Menu(sim, actor)
        # A naive MA answers the phone whatever else waits; a careful one deals with
        # emergencies and walk-ins at the desk first.
        answer: tuple[Callable[[Menu], c.Command | None], ...] = (phone_steps.ringing,)
        careful = self.style.careful
        steps: tuple[Callable[[Menu], c.Command | None], ...] = (
            self._on_call, *(() if careful else answer), self._urgent,
            *(self._concern(s.urgent) for s in CONCERNS), self._walk_ins,
            *(answer if careful else ()), self._red_flag_voicemail, self._opening,
            self._feed_provider, self._after_exam, self._vitals, self._rooming,
            self._check_in, self._specimens, *(self._concern(s.anytime) for s in CONCERNS),
            self._callbacks, self._no_shows, self._paperwork, self._closing)
        for step in steps:
            cmd = step(menu)
            if cmd is None:
                continue
            # A command filled in by the bot (its identifiers, readings, tubes) is asked
            # about again: the simulation, not the bot, decides what can start.
            cmd = cmd.model_copy(update={"actor": actor})
            if sim.can(cmd)[0] == Can.NOW:
                return cmd
        return None

    def ids(self) -> list[c.IdentifierKind]:
        """Identifiers the bot checks."""
        return ["name", "dob"] if self.style.careful else ["name"]

    def _concern(self, step: Callable[[Menu, bool], c.Command | None]
                 ) -> Callable[[Menu], c.Command | None]:
        careful = self.style.careful
        return lambda m: step(m, careful)

    # --- priorities, highest first ------------------------------------------------------
    def _on_call(self, m: Menu) -> c.Command | None:
        return phone_steps.on_call(m, self.style.careful)

    def _walk_ins(self, m: Menu) -> c.Command | None:
        return phone_steps.walk_ins(m, self.style.careful)

    def _red_flag_voicemail(self, m: Menu) -> c.Command | None:
        return phone_steps.callbacks(m, self.style.careful, urgent_only=True) \
            if self.style.careful else None

    def _callbacks(self, m: Menu) -> c.Command | None:
        return phone_steps.callbacks(m, self.style.careful)

    def _urgent(self, m: Menu) -> c.Command | None:
        # The rooming offers are looked at only while a crisis waits to be escalated: this
        # step is tried before almost every command.
        if self.style.careful and any(p.crisis and p.escalated_t is None
                                      for p in m.sim.world.patients.values()):
            for a in m.get(c.Escalate):
                if m.sim.world.patients[a.command.patient].crisis:  # type: ignore[attr-defined]
                    return a.command
        return m.first(c.AssistProvider)

    def _feed_provider(self, m: Menu) -> c.Command | None:
        """A careful MA keeps one patient ready for the provider before finishing others."""
        if not self.style.careful or by_status(m.sim, S.READY):
            return None
        return self._vitals(m) or self._rooming(m)

    def _opening(self, m: Menu) -> c.Command | None:
        if not self.style.checklists or by_status(m.sim, S.ARRIVED):
            return None
        return self._task(m, "opening") or next(
            (cmd for s in CONCERNS if (cmd := s.opening(m, self.style.careful))), None)

    def _task(self, m: Menu, phase: str) -> c.Command | None:
        for a in m.get((c.CompleteTask, c.LogFridge)):
            ts = m.sim.world.tasks[a.command.task]  # type: ignore[attr-defined]
            if ts.phase != phase:
                continue
            task = ts.task
            if task.kind == "log_fridge":
                assert task.fridge_c is not None and task.freezer_c is not None
                return c.LogFridge(task=task.id, fridge_c=task.fridge_c,
                                   freezer_c=task.freezer_c,
                                   out_of_range_reported=not in_range(task))
            return a.command
        return None

    def _after_exam(self, m: Menu) -> c.Command | None:
        done = sorted(by_status(m.sim, S.EXAM_DONE), key=lambda p: p.exam_end or 0)
        for p in done:
            cmd = self._finish_visit(m, p)
            if cmd is not None:
                return cmd
        return None

    def _finish_visit(self, m: Menu, p: PatientState) -> c.Command | None:
        sim, pid = m.sim, p.id
        for concern in CONCERNS:
            if cmd := concern.after_exam(m, p, self.style.careful):
                return cmd
        if m.get(c.Fingerstick, pid) and sim.world.glucose_qc_done:
            return c.Fingerstick(patient=pid, identifiers=self.ids())
        draw = m.first(c.DrawBlood, pid)
        if isinstance(draw, c.DrawBlood) and not p.drawn:
            tubes = draw.tubes if self.style.careful else list(dict.fromkeys(
                # in the order the tests are listed: often the wrong order of draw
                LAB_TESTS[t].tube for t in p.spec.orders.labs if LAB_TESTS[t].tube in TUBES))
            return c.DrawBlood(patient=pid, identifiers=self.ids(), tubes=tubes)
        if m.get(c.LabelSpecimens, pid):
            return c.LabelSpecimens(patient=pid, identifiers=self.ids())
        slot = first_slot(sim, p, respect_patient=self.style.careful)
        if m.get(c.BookFollowUp, pid) and slot is not None:
            return c.BookFollowUp(patient=pid, date=slot[0], time=slot[1])
        # Check out only once nothing is left that someone on the team can still do.
        left = [o for o in unfinished_orders(sim, p)
                if not (o == "follow-up booking" and slot is None)
                and not (o == "fingerstick glucose" and not sim.world.glucose_qc_done)]
        unlabeled = any(s.patient == pid and s.label_of is None for s in sim.world.specimens)
        if left or unlabeled:
            return None
        return m.first(c.CheckOut, pid)

    def _vitals(self, m: Menu) -> c.Command | None:
        for p in by_status(m.sim, S.ROOMED, S.READY, S.WITH_PROVIDER):
            if cmd := m.first(c.MeasureVitals, p.id):
                return cmd
            if self.style.careful and (cmd := m.first(c.ReviewHistory, p.id)):
                return cmd
            meas = p.measured
            if m.get(c.RecordVitals, p.id) and meas is not None and p.recorded is None:
                flags = ([s for s in c.VITAL_NAMES
                          if s in abnormal_signs(meas, p.age_years, p.spec.sex)]
                         if self.style.careful else [])
                return c.RecordVitals(
                    patient=p.id, systolic=meas.systolic, diastolic=meas.diastolic,
                    pulse=meas.pulse, resp=meas.resp, temp_f=meas.temp_f, spo2=meas.spo2,
                    weight_lb=meas.weight_lb, height_in=meas.height_in, abnormal=flags)
            # rooming left unfinished (a naive MA skips the history): call the provider in
            if cmd := m.first(c.SignalReady, p.id):
                return cmd
        return None

    def _rooming(self, m: Menu) -> c.Command | None:
        waiting = by_status(m.sim, S.WAITING)
        if not waiting:
            return None
        rooms = m.sim.world.rooms
        for p in waiting:
            for a in m.get(c.RoomPatient, p.id):
                if rooms[a.command.room].clean or not self.style.checklists:  # type: ignore[attr-defined]
                    return a.command
            if m.get(c.RoomPatient, p.id):
                break  # only dirty rooms are free: disinfect one first
        return m.first(c.CleanRoom) if self.style.checklists else None

    def _check_in(self, m: Menu) -> c.Command | None:
        for p in by_status(m.sim, S.ARRIVED):
            if not m.get(c.CheckIn, p.id):
                continue
            ins = p.spec.insurance
            careful = self.style.careful
            return c.CheckIn(
                patient=p.id, identifiers=self.ids(), verify_insurance=careful,
                scan_new_card=careful and ins.status == "new_card",
                inform_self_pay=careful and ins.status == "inactive",
                copay=0.0 if careful and ins.status == "inactive" else ins.copay,
                update_demographics=careful and p.spec.demographics_changed)
        return None

    def _specimens(self, m: Menu) -> c.Command | None:
        sim = m.sim
        for a in m.get(c.Centrifuge):
            pid = a.command.patient  # type: ignore[attr-defined]
            if self.style.careful and all(sim.now - s.drawn_t >= 60 * CLOT_MINUTES
                                          for s in unspun_serum(sim, pid)):
                return a.command
        if not self.style.careful:  # packs without spinning: the lab rejects the serum
            pids = dict.fromkeys(s.patient for s in sim.world.specimens if not s.packed)
            for pid in pids:
                if not any(s.patient == pid and s.label_of is None for s in sim.world.specimens):
                    return c.PackSpecimens(patient=pid)
        # A careful MA packs serum only once it is spun.
        return next((a.command for a in m.get(c.PackSpecimens)
                     if not unspun_serum(sim, a.command.patient)), None)  # type: ignore[attr-defined]

    def _no_shows(self, m: Menu) -> c.Command | None:
        late = m.sim.scenario.arrival_jitter.late[1] + 5
        for a in m.get(c.MarkNoShow):
            p = m.sim.world.patients[a.command.patient]  # type: ignore[attr-defined]
            if m.sim.now >= p.appt_t + 60 * late:
                return a.command
        return None

    def _paperwork(self, m: Menu) -> c.Command | None:
        if not self.style.paperwork:
            return None
        return m.first(c.ProcessReferral) or m.first(c.CompleteChart)

    def _closing(self, m: Menu) -> c.Command | None:
        sim = m.sim
        if by_status(sim, S.SCHEDULED, S.ARRIVED, S.WAITING, S.ROOMED, S.READY,
                     S.WITH_PROVIDER, S.EXAM_DONE):
            return None
        if any(not s.shipped and not s.packed for s in sim.world.specimens):
            return None  # wait for tubes to clot and spin
        if self.style.careful and self._box_awaits_courier(sim):
            return None  # someone has to hand the packed box to the courier
        if self.style.checklists:
            if sim.now < closing_starts(sim):
                return None
            task = self._task(m, "closing")
            if task is not None:
                return task
            if cmd := m.first(c.CleanRoom):
                return cmd
        for concern in CONCERNS:
            if cmd := concern.closing(m, self.style.careful):
                return cmd
        return m.first(c.ClockOut)

    @staticmethod
    def _box_awaits_courier(sim: Simulation) -> bool:
        """Packed tubes are waiting and a courier still comes before the day must end."""
        nxt = next_pickup(sim)
        return (nxt is not None and nxt <= sim.end_time
                and any(s.packed and not s.shipped for s in sim.world.specimens))
