"""Rules of the clinic day, one module per concern; this table routes commands and events."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.sim import commands as c
from game.sim.rules import (
    checklist,
    checkout,
    door,
    end_early,
    expectations,
    front_desk,
    lab,
    lab_courier,
    provider,
    rooming,
    setup,
)

if TYPE_CHECKING:
    from game.sim.engine import Simulation

__all__ = ["HANDLERS", "ON_EVENT", "WHILE_BUSY", "after_change", "expectations", "setup"]

HANDLERS: dict[type, Callable[[Any, Any], Any]] = {
    c.CompleteTask: checklist.complete_task,
    c.LogFridge: checklist.log_fridge,
    c.ClockOut: checklist.clock_out,
    c.CheckIn: front_desk.check_in,
    c.MarkNoShow: front_desk.mark_no_show,
    c.RoomPatient: rooming.room_patient,
    c.MeasureVitals: rooming.measure_vitals,
    c.RecordVitals: rooming.record_vitals,
    c.ReviewHistory: rooming.review_history,
    c.SignalReady: door.signal_ready,
    c.Escalate: rooming.escalate,
    c.CleanRoom: rooming.clean_room,
    c.AssistProvider: provider.assist,
    c.DrawBlood: lab.draw_blood,
    c.LabelSpecimens: lab.label,
    c.Fingerstick: lab.fingerstick,
    c.Centrifuge: lab.centrifuge,
    c.PackSpecimens: lab.pack,
    c.BookFollowUp: checkout.book_follow_up,
    c.ProcessReferral: checkout.process_referral,
    c.CheckOut: checkout.check_out,
    c.CompleteChart: checkout.complete_chart,
    c.EndDay: end_early.end_day,
}
# Commands accepted while the MA is busy with something else (they take no MA time).
WHILE_BUSY: frozenset[type] = frozenset({c.EndDay})

ON_EVENT: dict[str, Callable[[Any, Any], None]] = {
    "arrive": front_desk.on_arrive,
    "patience_warning": front_desk.on_patience_warning,
    "patience_out": front_desk.on_patience_out,
    "crisis_deadline": rooming.on_crisis_deadline,
    "assist_call": provider.on_assist_call,
    "assist_give_up": provider.on_assist_give_up,
    "exam_done": provider.on_exam_done,
    "provider_check": provider.on_provider_check,
    "courier": lab_courier.on_courier,
    "courier_warning": lab_courier.on_courier_warning,
    "clotted": lab.on_clotted,
    "spun": lab.on_spun,
    "ma_free": setup.on_ma_free,
    "clinic_opens": setup.on_clinic_opens,
    "clinic_closes": setup.on_clinic_closes,
    "day_over": setup.on_day_over,
}


def after_change(sim: Simulation) -> None:
    """After every command and event: door flags go up, providers pick up ready patients,
    idle time is tracked."""
    if sim.finished:
        return
    door.raise_flags(sim)
    provider.dispatch(sim)
    provider.close_idle(sim)
