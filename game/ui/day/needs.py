"""What each patient waits for, and how urgently: the queue panel's and Tab's order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.sim.commands import MarkNoShow
from game.sim.state import PatientState, Status
from game.sim.view import (
    WALKOUT_WARNING,
    CallStatus,
    Can,
    RoomingStep,
    courier_soon,
    on_duty,
    patience_left,
    phone,
    rooming_steps_left,
    specimen_stage,
    unfinished_orders,
    unscreened,
)

if TYPE_CHECKING:
    from game.sim.engine import Simulation

S = Status
PATIENCE_WARNING = WALKOUT_WARNING  # the simulation warns ten minutes before a walk-out
# The queue's word and icon for each stage the simulation gives a patient's tubes.
TUBE_NEEDS: dict[str, tuple[str, str]] = {
    "clotting": ("tubes clotting", "clock"), "centrifuge": ("centrifuge", "drop"),
    "spinning": ("spinning", "clock"), "pack": ("pack tubes", "drop")}
# The queue's word and icon for each rooming step the simulation says is left.
STEP_NEEDS: dict[RoomingStep, tuple[str, str]] = {
    RoomingStep.MEASURE: ("vitals", "person"), RoomingStep.HISTORY: ("history", "chart"),
    RoomingStep.RECORD: ("record vitals", "person")}
# Urgency bands, most urgent first.
CRISIS, ASSIST, IMPATIENT, COURIER, FLOW, INFO = range(6)


@dataclass(frozen=True)
class Need:
    """One patient's next step, for the queue."""

    patient: str
    label: str  # what the patient waits for: "check in", "room", "vitals"...
    icon: str  # a name in game.ui.kit.status_icons
    urgency: int
    since: int  # simulated time the wait started
    note: str = ""  # why it is urgent, shown in words beside the icon
    kind: str = "patient"  # or "station": then `patient` holds a station id ("room:exam1")

    @property
    def selection(self) -> tuple[str, str]:
        """What selecting this queue item selects."""
        return (self.kind, self.patient)

    @property
    def urgent(self) -> bool:
        """Marked with a warning icon in the queue."""
        return self.urgency <= COURIER


def crisis_pending(p: PatientState) -> bool:
    """A crisis reading the provider does not know about yet."""
    return p.crisis and p.escalated_t is None and p.status in (S.ROOMED, S.READY,
                                                               S.WITH_PROVIDER)


def specimen_step(sim: Simulation, p: PatientState) -> tuple[str, str, int] | None:
    """The specimen step for a patient's tubes: (label, icon, since), or None."""
    stage = specimen_stage(sim, p.id)
    if stage is None:
        return None
    label, icon = TUBE_NEEDS[stage[0]]
    return label, icon, stage[1]


def _after_exam(sim: Simulation, p: PatientState) -> tuple[str, str]:
    """What the simulation says is left of the visit, first things first."""
    left = unfinished_orders(sim, p)
    unlabeled = any(s.patient == p.id and s.label_of is None for s in sim.world.specimens)
    if unlabeled or "blood draw" in left or "fingerstick glucose" in left:
        return "labs", "drop"
    if "follow-up booking" in left:
        return "follow-up", "clock"
    if left:  # another concern's order (a vaccine, a test, an ECG): its own words
        return left[0], "drop"
    return "checkout", "arrow"


def need_of(sim: Simulation, p: PatientState,
            with_tubes: frozenset[str] | None = None) -> Need | None:
    """The patient's most pressing step, or None if they need nothing from the MA now.
    `with_tubes` (who has unpacked tubes), when the caller has it, saves a look per patient."""
    now, st = sim.now, p.status
    if st == S.SCHEDULED and (now < p.appt_t or p.walk_in):
        return None  # not due yet (a walk-in is not on the schedule): nothing to ask
    if unscreened(p):
        # Screened at once, whatever they say: the desk cannot know a red flag before asking.
        return Need(p.id, "screen walk-in", "warning", IMPATIENT, min(p.wait_from, now))
    if crisis_pending(p):
        return Need(p.id, "escalate", "warning", CRISIS, p.busy_until, "crisis reading")
    if st == S.WITH_PROVIDER and p.assist_requested_t is not None and not p.assist_done:
        return Need(p.id, "assist provider", "hand", ASSIST, p.assist_requested_t,
                    "provider waiting")
    left = patience_left(p, now)
    if left is not None:
        # Both count from when the wait starts to count (PatientState.waited), as the
        # simulation's messages do: an early patient has waited 0 minutes.
        label, since = ("check in" if st == S.ARRIVED else "room"), min(p.wait_from, now)
        if left <= PATIENCE_WARNING:
            return Need(p.id, label, "warning", IMPATIENT, since, "losing patience")
        return Need(p.id, label, "clock", FLOW, since)
    if st == S.ROOMED and (steps := rooming_steps_left(sim, p.id)):
        # What the simulation still wants before the door flag goes up, first step first.
        label, icon = STEP_NEEDS[steps[0]]
        return Need(p.id, label, icon, FLOW, p.busy_until)
    if st == S.READY:
        prov = sim.world.providers.get(p.spec.appointment.provider)
        away = prov is not None and not on_duty(sim, prov)
        return Need(p.id, "provider", "stethoscope", INFO, min(p.ready_t or now, now),
                    "provider on break" if away else "flagged early" if p.skipped else "")
    if st == S.EXAM_DONE:
        label, icon = _after_exam(sim, p)
        return Need(p.id, label, icon, FLOW, p.exam_end or now)
    tubes = None if with_tubes is not None and p.id not in with_tubes else \
        specimen_step(sim, p)
    if tubes is not None:
        label, icon, since = tubes
        soon = courier_soon(sim)
        if soon and label in ("centrifuge", "pack tubes"):
            return Need(p.id, label, "warning", COURIER, since, "courier soon")
        return Need(p.id, label, icon, FLOW if icon == "drop" else INFO, since)
    if st == S.CHECKED_OUT or (st == S.LEFT and p.exam_end is not None):
        if p.spec.orders.referral and not p.referral_done:
            return Need(p.id, "referral", "chart", INFO, p.exam_end or now)
        if not p.chart_done:
            return Need(p.id, "chart", "chart", INFO, p.exam_end or now)
    if st == S.SCHEDULED and sim.can(MarkNoShow(patient=p.id))[0] != Can.NO:
        return Need(p.id, "no-show?", "clock", INFO, p.appt_t)
    return None


def phone_needs(sim: Simulation) -> list[Need]:
    """The phone in the queue while it rings or someone waits on it (Tab reaches it)."""
    state = phone(sim)
    calls = [state.calls[k] for k in state.waiting]  # ringing, on hold, voicemail, inbox
    ringing = [c for c in calls if c.status == CallStatus.RINGING]
    held = [c for c in calls if c.status == CallStatus.ON_HOLD]
    waiting = [c for c in calls if c.status in (CallStatus.VOICEMAIL, CallStatus.INBOX)]
    if ringing:
        return [Need("phone", "answer the phone", "phone", IMPATIENT, ringing[0].t, "ringing",
                     kind="station")]
    if held:
        return [Need("phone", "back to the caller", "phone", IMPATIENT, held[0].t, "on hold",
                     kind="station")]
    if waiting:
        return [Need("phone", f"{len(waiting)} to return", "inbox", INFO,
                     min(c.voicemail_t or c.t for c in waiting), kind="station")]
    return []


def queue(sim: Simulation) -> list[Need]:
    """Every patient's need, and every used room to disinfect: most urgent first, longest
    waiting first within a band."""
    with_tubes = frozenset(s.patient for s in sim.world.specimens if not s.packed)
    needs = [n for p in sim.world.patients.values()
             if (n := need_of(sim, p, with_tubes)) is not None]
    needs += phone_needs(sim)
    someone_waits = any(p.status == S.WAITING for p in sim.world.patients.values())
    for room in sim.world.rooms.values():
        if room.patient is None and not room.clean:
            # Urgent-ish only when a checked-in patient needs a room.
            needs.append(Need(f"room:{room.id}", "disinfect", "smudge",
                              FLOW if someone_waits else INFO, sim.now, kind="station"))
    return sorted(needs, key=lambda n: (n.urgency, n.since, n.patient))
