"""A rule-based MA bot; its Style decides how careful it is (reference vs naive)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.clinical.lab import LAB_TESTS, TUBES
from game.clinical.vitals import abnormal_signs
from game.scenario.models import Task
from game.sim import commands as c
from game.sim.policies.base import by_status, first_good_slot, free_rooms, ready_to_pack
from game.sim.rules.lab import needed_tubes
from game.sim.rules.lab_courier import next_pickup
from game.sim.state import PatientState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

S = Status


@dataclass(frozen=True)
class Style:
    """What the bot bothers to do."""

    careful: bool  # two identifiers, insurance, flags, history, order of draw, centrifuge
    checklists: bool  # opening and closing tasks, cleaning rooms
    paperwork: bool  # referrals and charts


class Bot:
    """Chooses the next command by a fixed list of priorities."""

    def __init__(self, name: str, style: Style) -> None:
        self.name = name
        self.style = style

    def choose(self, sim: Simulation) -> c.Command | None:
        """The first thing on the priority list that needs doing."""
        for step in (self._urgent, self._opening, self._feed_provider, self._after_exam,
                     self._vitals, self._rooming, self._check_in, self._specimens,
                     self._no_shows, self._paperwork, self._closing):
            cmd = step(sim)
            if cmd is not None:
                return cmd
        return None

    def ids(self) -> list[c.IdentifierKind]:
        """Identifiers the bot checks."""
        return ["name", "dob"] if self.style.careful else ["name"]

    # --- priorities, highest first ------------------------------------------------------
    def _urgent(self, sim: Simulation) -> c.Command | None:
        for p in by_status(sim, S.ROOMED, S.READY, S.WITH_PROVIDER):
            if self.style.careful and p.crisis and p.escalated_t is None:
                return c.Escalate(patient=p.id)
            if p.assist_requested_t is not None and not p.assist_done:
                return c.AssistProvider(patient=p.id)
        return None

    def _feed_provider(self, sim: Simulation) -> c.Command | None:
        """A careful MA keeps one patient ready for the provider before finishing others."""
        if not self.style.careful or by_status(sim, S.READY):
            return None
        return self._vitals(sim) or self._rooming(sim)

    def _opening(self, sim: Simulation) -> c.Command | None:
        if not self.style.checklists or by_status(sim, S.ARRIVED):
            return None
        for ts in sim.world.tasks.values():
            if ts.phase == "opening" and ts.done_t is None:
                return self._task(ts.task)
        return None

    def _task(self, task: Task) -> c.Command:
        if task.kind == "log_fridge" and task.fridge_c is not None and task.freezer_c is not None:
            out = not (2 <= task.fridge_c <= 8 and -50 <= task.freezer_c <= -15)
            return c.LogFridge(task=task.id, fridge_c=task.fridge_c, freezer_c=task.freezer_c,
                               out_of_range_reported=out)
        return c.CompleteTask(task=task.id)

    def _after_exam(self, sim: Simulation) -> c.Command | None:
        done = sorted(by_status(sim, S.EXAM_DONE), key=lambda p: p.exam_end or 0)
        for p in done:
            cmd = self._finish_visit(sim, p)
            if cmd is not None:
                return cmd
        return None

    def _finish_visit(self, sim: Simulation, p: PatientState) -> c.Command:
        orders = p.spec.orders
        if "POC_GLUCOSE" in orders.labs and not p.poc_done and sim.world.glucose_qc_done:
            return c.Fingerstick(patient=p.id, identifiers=self.ids())
        if needed_tubes(p) and not p.drawn:
            if self.style.careful:
                tubes = needed_tubes(p)
            else:  # in the order the tests are listed: often the wrong order of draw
                tubes = list(dict.fromkeys(LAB_TESTS[t].tube for t in orders.labs
                                           if LAB_TESTS[t].tube in TUBES))
            return c.DrawBlood(patient=p.id, identifiers=self.ids(), tubes=tubes)
        if any(s.patient == p.id and s.label_of is None for s in sim.world.specimens):
            return c.LabelSpecimens(patient=p.id, identifiers=self.ids())
        if orders.follow_up and p.follow_up is None:
            slot = first_good_slot(sim, p, respect_patient=self.style.careful)
            if slot is not None:
                return c.BookFollowUp(patient=p.id, date=slot[0], time=slot[1])
        return c.CheckOut(patient=p.id)

    def _vitals(self, sim: Simulation) -> c.Command | None:
        for p in by_status(sim, S.ROOMED, S.READY, S.WITH_PROVIDER):
            if p.measured is None and p.status != S.WITH_PROVIDER:
                return c.MeasureVitals(patient=p.id)
            if self.style.careful and not p.history_reviewed and (
                    p.status != S.WITH_PROVIDER or p.escalated_t is not None):
                return c.ReviewHistory(patient=p.id)
            m = p.measured
            # An escalation can bring the provider in before any vitals were taken: then
            # there is nothing to record, and the device cannot be used mid-exam.
            if p.recorded is None and m is not None:
                flags = (sorted(abnormal_signs(m, p.age_years, p.spec.sex))
                         if self.style.careful else [])
                return c.RecordVitals(
                    patient=p.id, systolic=m.systolic, diastolic=m.diastolic, pulse=m.pulse,
                    resp=m.resp, temp_f=m.temp_f, spo2=m.spo2, weight_lb=m.weight_lb,
                    height_in=m.height_in, abnormal=flags)
            if p.status == S.ROOMED:  # rooming left unfinished: call the provider in anyway
                return c.SignalReady(patient=p.id)
        return None

    def _rooming(self, sim: Simulation) -> c.Command | None:
        waiting = by_status(sim, S.WAITING)
        if not waiting:
            return None
        rooms = free_rooms(sim, clean_only=self.style.checklists)
        if rooms:
            return c.RoomPatient(patient=waiting[0].id, room=rooms[0].id)
        dirty = free_rooms(sim, clean_only=False)
        if self.style.checklists and dirty:
            return c.CleanRoom(room=dirty[0].id)
        return None

    def _check_in(self, sim: Simulation) -> c.Command | None:
        arrived = by_status(sim, S.ARRIVED)
        if not arrived:
            return None
        p = arrived[0]
        ins = p.spec.insurance
        careful = self.style.careful
        return c.CheckIn(
            patient=p.id, identifiers=self.ids(), verify_insurance=careful,
            scan_new_card=careful and ins.status == "new_card",
            inform_self_pay=careful and ins.status == "inactive",
            copay=0.0 if careful and ins.status == "inactive" else ins.copay,
            update_demographics=careful and p.spec.demographics_changed)

    def _specimens(self, sim: Simulation) -> c.Command | None:
        for pid in dict.fromkeys(s.patient for s in sim.world.specimens if not s.packed):
            tubes = [s for s in sim.world.specimens if s.patient == pid and not s.packed]
            unspun = [s for s in tubes if TUBES[s.tube].serum and s.spun_at is None]
            if unspun and self.style.careful:
                if all(sim.now - s.drawn_t >= 30 * 60 for s in unspun):
                    return c.Centrifuge(patient=pid)
                continue
            if ready_to_pack(sim, pid) or (not self.style.careful
                                           and all(s.label_of for s in tubes)):
                return c.PackSpecimens(patient=pid)
        return None

    def _no_shows(self, sim: Simulation) -> c.Command | None:
        late = sim.scenario.arrival_jitter.late[1] + 5
        for p in by_status(sim, S.SCHEDULED):
            if not p.marked_no_show and sim.now >= p.appt_t + 60 * max(late, 15):
                return c.MarkNoShow(patient=p.id)
        return None

    def _paperwork(self, sim: Simulation) -> c.Command | None:
        if not self.style.paperwork:
            return None
        for p in by_status(sim, S.EXAM_DONE, S.CHECKED_OUT):
            if p.spec.orders.referral and not p.referral_done:
                return c.ProcessReferral(patient=p.id)
        for p in by_status(sim, S.CHECKED_OUT):
            if not p.chart_done:
                return c.CompleteChart(patient=p.id)
        return None

    def _closing(self, sim: Simulation) -> c.Command | None:
        if by_status(sim, S.SCHEDULED, S.ARRIVED, S.WAITING, S.ROOMED, S.READY,
                     S.WITH_PROVIDER, S.EXAM_DONE):
            return None
        if any(not s.shipped and not s.packed for s in sim.world.specimens):
            return None  # wait for tubes to clot and spin
        if self.style.careful and self._box_awaits_courier(sim):
            return None  # someone has to hand the packed box to the courier
        if self.style.checklists:
            if sim.now < sim.closes - 30 * 60:
                return None
            for ts in sim.world.tasks.values():
                if ts.phase == "closing" and ts.done_t is None:
                    return self._task(ts.task)
            for room in free_rooms(sim, clean_only=False):
                if not room.clean:
                    return c.CleanRoom(room=room.id)
        return c.ClockOut()

    @staticmethod
    def _box_awaits_courier(sim: Simulation) -> bool:
        """Packed tubes are waiting and a courier still comes before the day must end."""
        nxt = next_pickup(sim)
        return (nxt is not None and nxt <= sim.end_time
                and any(s.packed and not s.shipped for s in sim.world.specimens))
