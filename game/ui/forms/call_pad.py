"""The message pad of the call panel: caller, relation, patient (searched), date of birth,
callback number, medication and message; it starts empty and becomes a PhoneMessage."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, get_args

import pygame
from pydantic import ValidationError
from pygame_gui.elements import UIButton, UIDropDownMenu, UITextEntryLine

from game.scenario.people import Relation
from game.sim.view import PAD_LONG, PAD_SHORT, PhoneMessage
from game.ui.forms.parse import FieldError
from game.ui.kit.fmt import chart_date

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.ui.forms.kit import FormBase

NONE = "\u2014"  # the dropdown's "not chosen"
RELATIONS: tuple[str, ...] = get_args(Relation)
TIPS = {
    "caller": "Who called, as they gave their name.",
    "relation": "Who the caller is to the patient. [L] picks the next one.",
    "patient": "Search the charts: type a last name, a name, an MRN or a date of birth.",
    "dob": "The patient's date of birth, as MM/DD/YYYY.",
    "callback": "The number to call back.",
    "medication": "For a refill: the medication, strength and dose.",
    "text": "The message: what they want and what you did or told them.",
}


def charts(sim: Simulation) -> list[tuple[str, str, str, dt.date]]:
    """Every chart the pad can name: (id, "LAST, First", MRN, DOB), today's patients first."""
    out = [(p.id, f"{p.spec.name.last.upper()}, {p.spec.name.first}", p.spec.mrn, p.spec.dob)
           for p in sim.world.patients.values()]
    out += [(c.id, f"{c.name.last.upper()}, {c.name.first}", c.mrn, c.dob)
            for c in sim.scenario.charts]
    return out


def search(sim: Simulation, text: str) -> list[tuple[str, str]]:
    """Charts matching what was typed: every word in the name, the MRN or the DOB."""
    words = text.casefold().replace(",", " ").split()
    if not words:
        return []
    found = []
    for pid, name, mrn, dob in charts(sim):
        hay = f"{name} {mrn} {chart_date(dob)} {dob.isoformat()}".casefold().replace(",", " ")
        if all(w in hay for w in words):
            found.append((pid, f"{name} ({mrn})"))
    return found


def parse_dob(text: str) -> dt.date | None:
    """MM/DD/YYYY (or YYYY-MM-DD); empty is None."""
    raw = text.strip()
    if not raw:
        return None
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%m-%d-%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise FieldError(f"Date of birth: \u201c{raw}\u201d is not a date (type MM/DD/YYYY).")


class MessagePad:
    """The pad's widgets, laid out in a column, and the message they make."""

    def __init__(self, form: FormBase, x: int, y: int, w: int, row: int, gap: int) -> None:
        self.form, self.sim = form, form.sim
        self.rect = pygame.Rect(x, y, w, 0)
        self.row, label_w = row, 78
        fields: dict[str, UITextEntryLine] = {}
        top = y
        for key, name in (("caller", "Caller"), ("relation", "Relation"),
                          ("patient", "Patient"), ("found", ""), ("dob", "DOB"),
                          ("callback", "Callback"), ("medication", "Medication"),
                          ("text", "Message")):
            if name:
                form.label(pygame.Rect(x, top, label_w, row), name, "small", tip=TIPS[key])
            box = pygame.Rect(x + label_w, top, w - label_w, row)
            if key == "relation":
                self.relation_rect = box
                self.relation = self._dropdown(NONE)
            elif key == "found":
                self.found = form.label(box, "", "small")
                top += row // 2 + gap  # the search's answer: a short line
                continue
            else:
                fields[key] = form.entry(box, TIPS[key])
                fields[key].set_text_length_limit(PAD_LONG if key == "text" else PAD_SHORT)
            top += row + gap
        self.fields = fields
        self.rect.h = top - y
        self._searched: str | None = None
        self.patient: str | None = None

    def _dropdown(self, start: str) -> UIDropDownMenu:
        return UIDropDownMenu([NONE, *RELATIONS], start, self.relation_rect, self.form.ctx.manager,
                              container=self.form.container, expansion_height_limit=220)

    @property
    def relation_value(self) -> str:
        """The relation chosen ('' for none)."""
        picked = self.relation.selected_option
        text = picked[0] if isinstance(picked, tuple) else picked
        return "" if text == NONE else str(text)

    def next_relation(self) -> None:
        """[L]: the next relation in the list (the dropdown is rebuilt on it)."""
        options = [NONE, *RELATIONS]
        now = self.relation_value or NONE
        self.relation.kill()
        self.relation = self._dropdown(options[(options.index(now) + 1) % len(options)])

    def refresh(self) -> None:
        """The chart search answers as the player types (only when the text changed)."""
        for part in self.relation.elements:
            # The dropdown rebuilds its buttons as it opens and closes: they keep the help.
            if isinstance(part, UIButton) and not part.tool_tip_text:
                part.set_tooltip(TIPS["relation"])
        typed = self.fields["patient"].get_text()
        if typed == self._searched:
            return
        self._searched = typed
        found = search(self.sim, typed)
        self.patient = found[0][0] if len(found) == 1 else None
        self.form.show(self.found, "" if not typed.strip() else
                       f"Chart: {found[0][1]}" if len(found) == 1 else
                       "No chart matches" if not found else
                       f"{len(found)} charts match: type more")

    def message(self) -> PhoneMessage:
        """What the pad says, or FieldError naming the field to fix."""
        f = self.fields
        self.refresh()
        if f["patient"].get_text().strip() and self.patient is None:
            raise FieldError("Patient: choose one chart (type more of the name, or the MRN).")
        try:
            return PhoneMessage(caller=f["caller"].get_text().strip(),
                                relation=self.relation_value or None,  # type: ignore[arg-type]
                                patient=self.patient, dob=parse_dob(f["dob"].get_text()),
                                callback=f["callback"].get_text().strip(),
                                text=f["text"].get_text().strip(),
                                medication=f["medication"].get_text().strip())
        except ValidationError as exc:
            raise FieldError(f"The message pad: {exc.errors()[0]['msg']}.") from None
