"""The medication form's record page: the dose, route, site, lot, manufacturer, VIS edition
and dates, typed or chosen by the player and checked by the simulation, not the form."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pygame
from pydantic import ValidationError
from pygame_gui.core import UIElement
from pygame_gui.elements import UITextEntryLine

from game.clinical.vaccines import ROUTE_NAMES, ROUTES, SITE_NAMES, SITES
from game.sim.commands import Command
from game.sim.view_meds import DocumentMedication, Label, MedRecord
from game.ui.forms.kit import PAD, ROW
from game.ui.forms.med_text import esc
from game.ui.forms.parse import FieldError, number

if TYPE_CHECKING:
    from game.ui.forms.medication import MedicationForm

# (field, label, tip); the dates as YYYY-MM-DD
FIELDS = (("dose", "Dose (mL)", "The volume given, in mL."),
          ("lot", "Lot", "The lot number on the vial."),
          ("manufacturer", "Manufacturer", "The manufacturer on the vial."),
          ("vis_edition", "VIS edition", "The edition date printed on the VIS, YYYY-MM-DD."),
          ("vis_given", "VIS given", "The date the VIS was given, YYYY-MM-DD."),
          ("date_given", "Date given", "The date the dose was given, YYYY-MM-DD."))
DATES = {"vis_edition": "VIS edition", "vis_given": "VIS given", "date_given": "Date given"}
LIMIT = 100  # the record's text fields hold at most this many characters


class RecordPage:
    """The record's fields on the form's record page."""

    def __init__(self, form: MedicationForm, area: pygame.Rect,
                 widgets: list[UIElement]) -> None:
        self.form = form
        self.route: str | None = None
        self.site: str | None = None
        a = area
        self.copy = form.box(pygame.Rect(a.x, a.y, a.w, 54), "", small=True)
        widgets.append(self.copy)
        col = (a.w - PAD) // 2
        self.fields: dict[str, UITextEntryLine] = {}
        for i, (name, text, tip) in enumerate(FIELDS):
            x, y = a.x + (i % 2) * (col + PAD), a.y + 58 + (i // 2) * (ROW + 4)
            widgets.append(form.label(pygame.Rect(x, y, 104, ROW), text, "text", tip))
            entry = form.entry(pygame.Rect(x + 106, y, col - 106, ROW), tip,
                               "YYYY-MM-DD" if name in DATES else "")
            entry.set_text_length_limit(LIMIT)
            self.fields[name] = entry
            widgets.append(entry)
        y = a.y + 58 + 3 * (ROW + 4)
        third = (a.w - 8) // 3
        self.route_b = form.button(pygame.Rect(a.x, y, third, ROW), "", self.next_route, "j",
                                   "The route given (J: the next one).")
        self.site_b = form.button(pygame.Rect(a.x + third + 4, y, third, ROW), "",
                                  self.next_site, "y", "The site given (Y: the next one).")
        self.today_b = form.button(pygame.Rect(a.x + 2 * (third + 4), y, third, ROW),
                                   "Today's date", self.today, "q",
                                   "Today's date in both date fields.")
        self.save = form.button(pygame.Rect(a.x, a.bottom - ROW, a.w, ROW),
                                "[Enter] Save the record", lambda: form.run(self.make),
                                tip="Write the dose in the chart.")
        widgets.extend((self.route_b, self.site_b, self.today_b, self.save))

    def state(self) -> tuple[object, ...]:
        """What the player has entered (the form redraws when it changes)."""
        return (self.route, self.site, *(e.get_text() for e in self.fields.values()))

    def refresh(self, lab: Label) -> None:
        """The vial and the VIS on hand to copy from, and the chosen route and site."""
        f = self.form
        if self.route is None and f.give.route is not None:
            self.route = f.give.route  # what the player gave, remembered by the form
        if self.site is None and f.give.region is not None:
            self.site = f.give.region.split(":", 1)[1]
        vis = f" \u00b7 VIS edition {lab.vis_edition}" if lab.vis_edition else ""
        f.show(self.copy, f"<b>On the vial:</b> lot {esc(lab.lot)} \u00b7 "
                          f"{esc(lab.manufacturer)}{vis}<br>Today is "
                          f"{f.sim.scenario.date.isoformat()}.")
        f.show(self.route_b, "[J] Route: " + (self.route or "choose"))
        f.show(self.site_b, "[Y] Site: " + (SITE_NAMES[self.site] if self.site else "choose"))
        self.route_b.set_tooltip(ROUTE_NAMES.get(self.route or "", "The route given") + ".")

    def next_route(self) -> None:
        """J: the next route."""
        i = ROUTES.index(self.route) + 1 if self.route in ROUTES else 0
        self.route = ROUTES[i % len(ROUTES)]
        self.form.refresh()

    def next_site(self) -> None:
        """Y: the next site."""
        i = SITES.index(self.site) + 1 if self.site in SITES else 0
        self.site = SITES[i % len(SITES)]
        self.form.refresh()

    def today(self) -> None:
        """Q: today's date in the VIS-given and date-given fields."""
        day = self.form.sim.scenario.date.isoformat()
        for name in ("vis_given", "date_given"):
            self.fields[name].set_text(day)
        self.form.refresh()

    def make(self, final: bool) -> Command:
        """The DocumentMedication command (placeholders while only asking the simulation)."""
        f = self.form
        d = f.dose()
        if not final:
            return DocumentMedication(patient=f.p.id, product=d.product.id)
        text = {name: e.get_text().strip() for name, e in self.fields.items()}
        dose = number(text["dose"], "Dose", 0, 10, example="0.5") if text["dose"] else None
        dates = {name: _date(text[name], words) for name, words in DATES.items()}
        try:
            record = MedRecord(product=d.product.code, dose_ml=dose, route=self.route,  # type: ignore[arg-type]
                               site=self.site, lot=text["lot"],  # type: ignore[arg-type]
                               manufacturer=text["manufacturer"], **dates)
        except ValidationError:
            raise FieldError(f"Lot and manufacturer: at most {LIMIT} characters.") from None
        return DocumentMedication(patient=f.p.id, product=d.product.id, record=record)


def _date(text: str, field: str) -> dt.date | None:
    """A typed date (empty: not recorded), or FieldError naming the field."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise FieldError(f"{field}: \u201c{text}\u201d is not a date (type YYYY-MM-DD, "
                         "e.g. 2026-12-02).") from None
