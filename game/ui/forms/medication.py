"""The medication form: the order, then one page per step (allergies, VIS, prepare from the
vial's label, give at a site picked on a body outline, record, or hold), every action greyed
with the simulation's reason when it cannot be done."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UIImage, UITextBox

from game.sim.commands import Command
from game.sim.view import Can
from game.sim.view_meds import (
    HOLD_REASONS,
    CheckAllergies,
    DocumentMedication,
    DoseState,
    DoseStatus,
    GiveVis,
    HoldMedication,
    PrepareDose,
    doses_of,
    label,
    meds,
    unit_problem,
)
from game.ui.forms.kit import PAD, ROW, FormBase, Tick
from game.ui.forms.med_give import GivePage
from game.ui.forms.med_label import check_lines, label_image, storage_line
from game.ui.forms.med_record import RecordPage
from game.ui.forms.med_text import allergy_html, esc, order_html, vis_html
from game.ui.forms.parse import FieldError, number
from game.ui.kit.text_cache import TextCache
from game.ui.kit.theme import BAD, hexcol

PAGES = ("allergies", "vis", "prepare", "give", "record", "hold")
TITLES = {"allergies": "Allergy", "vis": "VIS", "prepare": "Prepare", "give": "Give",
          "record": "Record", "hold": "Hold"}
CHECKS = (("label_storage", "Label at the fridge", "f"),
          ("label_prepare", "Label when drawing up", "u"),
          ("expiry", "Expiry date", "e"), ("lot", "Lot number", "l"),
          ("beyond_use", "Beyond-use date", "b"))
HOLD_WORDS = {"allergy": "an allergy to a component", "storage": "the storage unit's log",
              "expired": "the product is expired", "beyond_use": "past the beyond-use date"}
ROUTE_KEYS = {"IM": "i", "SC": "s", "ID": "x"}
ARROWS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
W = TypeVar("W", bound=UIElement)
Make = Callable[[bool], Command]  # final=False: placeholders where the player chose nothing


class MedicationForm(FormBase):
    """One patient's ordered doses; the subject is the patient's id."""

    title = "Medication"
    primary_label = "Next step"

    def build(self) -> None:
        """The order, the step tabs, each step's page, the reasons and the status line."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Medication: {p.name}")
        self.text = TextCache(limit=300)
        self.dose_ids = [d.product.id for d in doses_of(self.sim, p.id)]
        self.dose_id = next((d.product.id for d in doses_of(self.sim, p.id)
                             if d.open or not d.documented), self.dose_ids[0]
                            if self.dose_ids else "")
        self.reason_i = 0
        self.page = "allergies"
        self.widgets: dict[str, list[UIElement]] = {page: [] for page in PAGES}
        self.acts: dict[str, list[tuple[str, UIButton, Make]]] = {page: [] for page in PAGES}
        self._drawn: tuple[object, ...] = ()
        w, h = self.size
        inner = w - 2 * PAD
        many = len(self.dose_ids) > 1
        self.order = self.box(pygame.Rect(PAD, PAD, inner - (126 if many else 0), 54), "",
                              small=True)
        if many:
            self.button(pygame.Rect(w - PAD - 120, PAD, 120, 54), "Next dose", self.next_dose,
                        "o", "Another of the patient's ordered doses.")
        top = PAD + 58
        tw = (inner - 5 * 4) // 6
        self.tabs = {page: self.button(pygame.Rect(PAD + i * (tw + 4), top, tw, ROW),
                                       TITLES[page], partial(self.switch, page),
                                       tip=f"The {TITLES[page].lower()} step (Page Up / "
                                           "Page Down move between steps).")
                     for i, page in enumerate(PAGES)}
        self.bind("page down", partial(self.turn, 1))
        self.bind("page up", partial(self.turn, -1))
        bottom = h - PAD - 44
        self.area = pygame.Rect(PAD, top + ROW + 6, inner, bottom - 40 - (top + ROW + 6))
        self.reasons = UITextBox("", pygame.Rect(PAD, bottom - 38, inner, 36), self.ctx.manager,
                                 container=self.container, object_id="#form_status")
        self._allergies()
        self._vis()
        self._prepare()
        self.give = GivePage(self, self.area, self.widgets["give"])
        self.act("give", self.give.give, self.give.make, "Give")
        self.record = RecordPage(self, self.area, self.widgets["record"])
        self.act("record", self.record.save, self.record.make, "Record")
        self._hold()
        self.status_area(pygame.Rect(PAD, bottom, inner, 44),
                         "Page Up/Down: step \u00b7 Tab: next field \u00b7 arrows: site \u00b7 "
                         "Enter: this step \u00b7 Esc: close")
        self.switch(self.next_page())

    # --- building ---------------------------------------------------------------------
    def put(self, page: str, widget: W) -> W:
        """A widget shown only on a page."""
        self.widgets[page].append(widget)
        return widget

    def act(self, page: str, button: UIButton, make: Make, name: str = "") -> None:
        """An action of a page: greyed with the simulation's reason when it is refused."""
        self.acts[page].append((name, button, make))

    def _button(self, page: str, rect: pygame.Rect, text: str, make: Make, key: str | None,
                tip: str, name: str = "") -> UIButton:
        b = self.button(rect, text, lambda: self.run(make), key, tip)
        self.put(page, b)
        self.act(page, b, make, name)
        return b

    def _allergies(self) -> None:
        a = self.area
        self.allergy_box = self.put("allergies", self.box(
            pygame.Rect(a.x, a.y, a.w, min(a.h - ROW - 6, 170)), "", small=True))
        half = (a.w - 6) // 2
        y = a.y + min(a.h - ROW - 6, 170) + 6
        self._button("allergies", pygame.Rect(a.x, y, half, ROW), "Read the chart only",
                     lambda _f: CheckAllergies(patient=self.p.id, ask=False), "c",
                     "Check the chart's allergy list against the products.", "Chart only")
        self._button("allergies", pygame.Rect(a.x + half + 6, y, half, ROW),
                     "Chart and ask (Enter)", lambda _f: CheckAllergies(patient=self.p.id),
                     "a", "Read the chart and ask the patient (or the parent) too.", "Ask")

    def _vis(self) -> None:
        a = self.area
        self.vis_box = self.put("vis", self.box(pygame.Rect(a.x, a.y, a.w, 110), "",
                                                small=True))
        half = (a.w - 6) // 2
        y = a.y + 116
        for i, (to, text, key) in enumerate((("patient", "VIS to the patient", "t"),
                                             ("parent", "VIS to the parent", "g"))):
            self._button("vis", pygame.Rect(a.x + i * (half + 6), y, half, ROW), text,
                         partial(self._make_vis, to), key, f"Hand the current VIS to the {to} "
                         "and answer their questions.", text)

    def _make_vis(self, to: str, _final: bool) -> Command:
        return GiveVis(patient=self.p.id, product=self.dose_id, to=to)  # type: ignore[arg-type]

    def _prepare(self) -> None:
        a = self.area
        lw = min(300, a.w * 52 // 100)
        self.label_size = (lw, 112)
        self.vial = self.put("prepare", UIImage(pygame.Rect(a.topleft, self.label_size),
                                                pygame.Surface(self.label_size),
                                                self.ctx.manager, container=self.container))
        top = a.y + self.label_size[1] + 4
        self.found = self.put("prepare", self.box(pygame.Rect(a.x, top, lw, a.bottom - top),
                                                  "", small=True))
        x, rw = a.x + lw + PAD, a.w - lw - PAD
        self.checks: dict[str, Tick] = {}
        for i, (name, text, key) in enumerate(CHECKS):
            self.checks[name] = tick = self.tick((x, a.y + 22 * i), text, key,
                                                 "Check the label against the order.")
            self.put("prepare", tick)
        y = a.y + 22 * len(CHECKS) + 4
        self.put("prepare", self.label(pygame.Rect(x, y, 130, ROW), "Dose drawn (mL):",
                                       "text"))
        self.dose_entry = self.entry(pygame.Rect(x + 132, y, min(rw - 132, 100), ROW),
                                     "The volume you draw into the syringe, in mL.", "mL")
        self.put("prepare", self.dose_entry)
        self._button("prepare", pygame.Rect(x, y + ROW + 6, rw, ROW),
                     "[Enter] Take the vial, draw up", self._make_prepare, None,
                     "Take the vial from its unit and draw up the dose.", "Prepare")

    def _make_prepare(self, final: bool) -> Command:
        ml = self.ordered_ml()
        if final:
            ml = number(self.dose_entry.get_text(), "Dose", 0, 10, example="0.5")
        return PrepareDose(patient=self.p.id, product=self.dose_id, dose_ml=ml,
                           checks=[n for n, t in self.checks.items() if t.checked])  # type: ignore[misc]

    def _hold(self) -> None:
        a = self.area
        self.hold_box = self.put("hold", self.box(pygame.Rect(a.x, a.y, a.w, a.h - 2 * ROW - 10),
                                                  "", small=True))
        self.reason_b = self.put("hold", self.button(
            pygame.Rect(a.x, a.bottom - 2 * ROW - 4, a.w, ROW), "", self.next_reason, "z",
            "Why the dose must not be given (Z: the next reason)."))
        self._button("hold", pygame.Rect(a.x, a.bottom - ROW, a.w, ROW),
                     "[Enter] Hold it and tell the provider",
                     lambda _f: HoldMedication(patient=self.p.id, product=self.dose_id,
                                               reason=HOLD_REASONS[self.reason_i]),
                     None, "Do not give the dose: the provider hears why.", "Hold")

    # --- what the simulation says -----------------------------------------------------
    def dose(self) -> DoseState:
        """The dose the form is on."""
        d = meds(self.sim).dose(self.p.id, self.dose_id)
        assert d is not None
        return d

    def ordered_ml(self) -> float:
        """The ordered volume (what the command starts from before the player types)."""
        return self.dose().ordered_ml

    def next_page(self) -> str:
        """The first step whose main action the simulation would do now."""
        for page in ("allergies", "vis", "prepare", "give", "record"):
            acts = self.acts[page]
            if acts and any(self.sim.can(make(False))[0] != Can.NO for _n, _b, make in acts):
                return page
        return "give"

    def refresh(self) -> None:
        """Redraw what changed: the texts, the drawings, and each action's greying."""
        if self.closed or not self.dose_ids:
            return
        state = (self.sim.revision, self.sim.now // 30, self.page, self.dose_id, self.reason_i,
                 tuple(t.checked for t in self.checks.values()), self.give.state(),
                 self.record.state())
        if state == self._drawn:
            return
        self._drawn = state
        d, sim = self.dose(), self.sim
        self.show(self.order, order_html(sim, self.p, d, self.dose_ids.index(self.dose_id) + 1,
                                         len(self.dose_ids)))
        done = {"allergies": meds(sim).patients[self.p.id].checked is not None,
                "vis": d.vis_t is not None, "prepare": d.status != DoseStatus.ORDERED,
                "give": d.status == DoseStatus.GIVEN, "record": d.documented,
                "hold": d.status == DoseStatus.HELD}
        for page, tab in self.tabs.items():
            # the current step: highlighted and marked, not by colour alone
            mark = "\u2022 " if page == self.page else ""
            self.show(tab, mark + TITLES[page] + (" ok" if done[page] else ""))
            tab.select() if page == self.page else tab.unselect()
        lab = label(sim, d.product)
        if self.page == "allergies":
            self.show(self.allergy_box, allergy_html(sim, self.p))
        elif self.page == "vis":
            self.show(self.vis_box, vis_html(sim, self.p, d, lab.vis_edition))
        elif self.page == "prepare":
            self.vial.set_image(label_image(self.label_size, lab, self.text))
            ticked = {n for n, t in self.checks.items() if t.checked}
            lines = [storage_line(lab, unit_problem(sim, lab.storage)),
                     *check_lines(lab, sim.scenario.date, ticked)]
            self.show(self.found, "<br>".join(lines))
        elif self.page == "give":
            self.give.refresh()
        elif self.page == "record":
            self.record.refresh(lab)
        else:
            reason = HOLD_REASONS[self.reason_i]
            self.show(self.reason_b, f"[Z] Reason: {HOLD_WORDS[reason]}")
            self.show(self.hold_box, "Hold a dose only for a true reason, and tell the provider."
                      "<br>" + storage_line(lab, unit_problem(sim, lab.storage)) + "<br>"
                      f"Label: expires {lab.expires}" + (f", discard after {lab.beyond_use}"
                                                         if lab.beyond_use else "")
                      + f" (today {sim.scenario.date.isoformat()}).")
        self._grey()

    def _grey(self) -> None:
        refused: dict[str, list[str]] = {}  # reason -> the actions it stops
        for name, button, make in self.acts[self.page]:
            try:
                can, why = self.sim.can(make(False))
            except (FieldError, ValueError):
                can, why = Can.NOW, ""
            self.enable(button, can != Can.NO)
            if can == Can.NO:
                refused.setdefault(why, []).append(name)
        # The reason in words beside the greyed button, never the grey alone.
        self.show(self.reasons, "" if not refused else
                  f"<font color='{hexcol(BAD)}' pixel_size=13>Not possible now \u2014 "
                  + " \u00b7 ".join(f"{esc(', '.join(names))}: {esc(why)}"
                                     for why, names in refused.items()) + "</font>")

    # --- the player's choices ---------------------------------------------------------
    def switch(self, page: str, keep: bool = False) -> None:
        """Show one step's page (keep: the step just done says how it went)."""
        self.page = page
        if not keep:
            self.say("")  # the last step's message belongs to that step
        for name, widgets in self.widgets.items():
            for wd in widgets:
                wd.show() if name == page else wd.hide()
        self._drawn = ()
        self.refresh()

    def turn(self, step: int) -> None:
        """Page Up / Page Down: the previous or next step."""
        self.switch(PAGES[(PAGES.index(self.page) + step) % len(PAGES)])

    def next_dose(self) -> None:
        """Another ordered dose of the patient's."""
        i = self.dose_ids.index(self.dose_id)
        self.dose_id = self.dose_ids[(i + 1) % len(self.dose_ids)]
        self.give.reset()
        self.switch(self.next_page())

    def next_reason(self) -> None:
        """Z: the next reason to hold."""
        self.reason_i = (self.reason_i + 1) % len(HOLD_REASONS)
        self.refresh()

    def handle(self, event: pygame.event.Event) -> None:
        """A click on the body picks a site; the rest as every form."""
        if (not self.closed and self.page == "give" and event.type == pygame.MOUSEBUTTONDOWN
                and event.button == 1):
            self.give.click(event.pos)
        super().handle(event)

    # --- submitting -------------------------------------------------------------------
    def run(self, make: Make) -> None:
        """Build the command from the page and submit it; a field's problem is said."""
        try:
            command = make(True)
        except FieldError as e:
            if str(e):
                self.say(str(e))
            self.refresh()
            return
        if self.do(command):
            if isinstance(command, CheckAllergies):
                self.refresh()  # stay: what the patient answered is read here
                return
            if isinstance(command, DocumentMedication) and all(
                    not d.open and (d.documented or d.status == DoseStatus.HELD)
                    for d in doses_of(self.sim, self.p.id)):
                self.close()
                return
            self.switch(self.next_page(), keep=True)

    def primary(self) -> None:
        """Enter: the page's main action (the VIS needs its recipient chosen)."""
        acts = self.acts[self.page]
        if self.page == "vis" or not acts:
            self.say("Choose whom the VIS goes to: its button or its [letter] key.")
            return
        self.run(acts[-1][2])

