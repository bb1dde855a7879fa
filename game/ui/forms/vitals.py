"""Vital signs in the exam room: measure, read the devices, type the values, flag, escalate."""

from __future__ import annotations

from dataclasses import dataclass

import annotated_types
import pygame
from pydantic import ValidationError
from pygame_gui.elements import UILabel, UIPanel, UITextEntryLine

from game.clinical.vitals import Reading
from game.sim.commands import Escalate, MeasureVitals, RecordVitals, ReviewHistory, VitalName
from game.sim.state import PatientState
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, keys_hint
from game.ui.forms.parse import FieldError, number
from game.ui.forms.vitals_help import (
    TIP_ESCALATE,
    TIP_MEASURE,
    TIP_RECORD,
    TIP_REVIEW,
    age_text,
    flag_tip,
)
from game.ui.kit.fmt import at, minutes_left


@dataclass(frozen=True)
class VitalField:
    """One value the MA types: its RecordVitals field, caption and unit."""

    attr: str
    caption: str
    unit: str
    whole: bool


FIELDS: tuple[VitalField, ...] = (
    VitalField("systolic", "Systolic", "mmHg", True),
    VitalField("diastolic", "Diastolic", "mmHg", True),
    VitalField("pulse", "Pulse", "/min", True),
    VitalField("resp", "Resp", "/min", True),
    VitalField("temp_f", "Temp", "\u00b0F", False),
    VitalField("spo2", "SpO2", "%", True),
    VitalField("weight_lb", "Weight", "lb", False),
    VitalField("height_in", "Height", "in", False),
)
FLAGS: tuple[tuple[VitalName, str, str], ...] = (
    ("bp", "BP", "b"), ("pulse", "Pulse", "p"), ("resp", "Resp", "r"), ("temp", "Temp", "t"),
    ("spo2", "SpO2", "o"))
DEVICE = ("BP mmHg", "Pulse /min", "Resp /min", "Temp \u00b0F", "SpO2 %", "Weight lb",
          "Height in")


def bounds(attr: str) -> tuple[float, float]:
    """The command's own limits for a field (pydantic ge/le)."""
    low, high = 0.0, 1000.0
    for meta in RecordVitals.model_fields[attr].metadata:
        if isinstance(meta, annotated_types.Ge):
            low = float(meta.ge)  # type: ignore[arg-type]
        elif isinstance(meta, annotated_types.Le):
            high = float(meta.le)  # type: ignore[arg-type]
    return low, high


def device_values(r: Reading) -> tuple[str, ...]:
    """What the devices display, in DEVICE order."""
    height = "\u2014" if r.height_in is None else f"{r.height_in:g}"
    return (f"{r.systolic}/{r.diastolic}", str(r.pulse), str(r.resp), f"{r.temp_f:.1f}",
            str(r.spo2), f"{r.weight_lb:.1f}", height)


class VitalsForm(FormBase):
    """The room's devices on top, the chart's vital-sign fields and abnormal flags below."""

    title = "Vital signs"
    primary_label = "Record vitals"

    def build(self) -> None:
        """Header, actions, the device display, the entries, the flags, Record."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Vital signs: {p.name}")
        self.measure_done: int | None = p.busy_until if p.measured else None
        self.with_height = p.spec.vitals.height_in is not None
        w, h = self.size
        inner = w - 2 * PAD
        rows = Rows(gap=4)
        self.header = self.label(pygame.Rect(PAD, rows.take(22), inner, 22), "", "heading",
                                 tip=f"Reason for the visit: {p.spec.appointment.reason}")
        self.history = self.label(pygame.Rect(PAD, rows.take(18), inner, 18), "", "small")
        top = rows.take(ROW)
        third = (inner - 2 * 6) // 3
        self.measure_button = self.button(pygame.Rect(PAD, top, third, ROW), "Measure vitals",
                                          self.measure, "m", TIP_MEASURE)
        self.button(pygame.Rect(PAD + third + 6, top, third, ROW), "Allergies & meds",
                    self.review, "h", TIP_REVIEW)
        self.button(pygame.Rect(PAD + 2 * (third + 6), top, inner - 2 * (third + 6), ROW),
                    "Escalate", self.escalate, "e", TIP_ESCALATE)
        self.readings = self._device(rows.take(86), inner)
        self.fields = self._entries(rows, inner)
        self.label(pygame.Rect(PAD, rows.take(18), inner, 18),
                   "Abnormal for this patient's age? Tick each sign:", "small",
                   tip="Judge each reading against the normal range for the patient's age "
                       "(hover over a sign for its range).")
        top = rows.take(22)
        step = inner // len(FLAGS)
        self.flags = {name: self.tick((PAD + i * step, top + 1), text, key,
                                      flag_tip(name, p.age_years))
                      for i, (name, text, key) in enumerate(FLAGS)}
        bottom = h - PAD - 32
        self.status_area(pygame.Rect(PAD, rows.y, inner - 170 - PAD, h - PAD - rows.y),
                         keys_hint("record"))
        self.button(pygame.Rect(w - PAD - 170, bottom, 170, 32), "[Enter] Record vitals",
                    self.primary, tip=TIP_RECORD)
        self.refresh()

    def _device(self, top: int, inner: int) -> list[UILabel]:
        panel = UIPanel(pygame.Rect(PAD, top, inner, 86), starting_height=1,
                        manager=self.ctx.manager, container=self.container,
                        object_id="#form_device")
        panel.set_tooltip("The room's devices: cuff, pulse oximeter, thermometer, scale "
                          "(and stadiometer). Type exactly what they show.")
        cell = (inner - 8) // 4
        values = []
        for i, caption in enumerate(DEVICE):
            x, y = 4 + (i % 4) * cell, 1 + (i // 4) * 42
            self.label(pygame.Rect(x, y, cell - 4, 17), caption, "lcd_caption", container=panel)
            values.append(self.label(pygame.Rect(x, y + 15, cell - 4, 26), "--", "lcd",
                                     container=panel))
        self.device_note = self.label(pygame.Rect(4 + 3 * cell, 45, cell - 4, 17), "",
                                      "lcd_caption", container=panel)
        self.device_time = self.label(pygame.Rect(4 + 3 * cell, 62, cell - 4, 17), "",
                                      "lcd_caption", container=panel)
        return values

    def _entries(self, rows: Rows, inner: int) -> dict[str, UITextEntryLine]:
        cell = (inner - 3 * 8) // 4
        fields: dict[str, UITextEntryLine] = {}
        for i, f in enumerate(FIELDS):
            if i % 4 == 0:
                top = rows.take(44)
            if f.attr == "height_in" and not self.with_height:
                self.label(pygame.Rect(PAD + 3 * (cell + 8), top + 18, cell, 24),
                           "no height today", "small")
                continue
            x = PAD + (i % 4) * (cell + 8)
            self.label(pygame.Rect(x, top, cell, 18), f"{f.caption} {f.unit}", "small")
            fields[f.attr] = self.entry(pygame.Rect(x, top + 18, cell, 26),
                                        f"Type the {f.caption.lower()} the device shows "
                                        f"({f.unit}).")
        return fields

    # --- what the player sees ----------------------------------------------------------
    def refresh(self) -> None:
        """The header, the history line and the device display."""
        if self.closed:
            return
        p = self.p
        room = self.sim.world.rooms[p.room].name if p.room else "no room"
        self.show(self.header, f"{p.name} \u00b7 {age_text(p.age_years)} \u00b7 {room}")
        self.show(self.history, self._history_text(p))
        values, note, when = self._device_state()
        for widget, value in zip(self.readings, values, strict=True):
            self.show(widget, value)
        self.show(self.device_note, note)
        self.show(self.device_time, when)

    def _history_text(self, p: PatientState) -> str:
        if not p.history_reviewed:
            return "Allergies and medications: not reviewed yet"
        allergies = ", ".join(p.spec.allergies) or "no known allergies"
        meds = p.spec.medications
        self.history.set_tooltip("Medications: " + ("; ".join(meds) or "none"))
        return (f"Allergies: {allergies} \u00b7 Medications: {len(meds)} "
                "(hover to read)" if meds else f"Allergies: {allergies} \u00b7 No medications")

    def _device_state(self) -> tuple[tuple[str, ...], str, str]:
        m, now, done = self.p.measured, self.sim.now, self.measure_done
        if m is None or done is None:
            return ("--",) * len(DEVICE), "not measured", "press Measure"
        if now < done:
            return ("...",) * len(DEVICE), "measuring...", f"ready in {minutes_left(now, done)}"
        return device_values(m), "measured", f"at {at(done)}"

    # --- actions ----------------------------------------------------------------------
    def measure(self) -> None:
        """Take the vital signs; the devices show them when the measurement is finished."""
        if self.do(MeasureVitals(patient=self.p.id)) and self.last_result is not None:
            self.measure_done = self.sim.now + getattr(self.last_result, "seconds", 0)

    def review(self) -> None:
        """Review allergies and medications with the patient."""
        self.do(ReviewHistory(patient=self.p.id))

    def escalate(self) -> None:
        """Alert the provider now."""
        self.do(Escalate(patient=self.p.id))

    def typed(self) -> dict[str, float | None] | None:
        """The typed values, or None after showing which field is wrong."""
        values: dict[str, float | None] = {"height_in": None}
        for f in FIELDS:
            entry = self.fields.get(f.attr)
            if entry is None:
                continue
            low, high = bounds(f.attr)
            try:
                values[f.attr] = number(entry.get_text(), f"{f.caption} ({f.unit})", low, high,
                                        whole=f.whole)
            except FieldError as exc:
                self.say(str(exc))
                self.focus(entry)
                return None
        return values

    def primary(self) -> None:
        """Record what was typed, with the ticked flags."""
        values = self.typed()
        if values is None:
            return
        abnormal = [name for name, _, _ in FLAGS if self.flags[name].checked]
        whole = {f.attr for f in FIELDS if f.whole}
        data = {k: (int(v) if k in whole and v is not None else v) for k, v in values.items()}
        try:
            command = RecordVitals(patient=self.p.id, abnormal=abnormal, **data)  # type: ignore[arg-type]
        except ValidationError as exc:
            self.say(f"Check the values: {exc.errors()[0]['msg']}.")
            return
        if self.do(command):
            self.close()
