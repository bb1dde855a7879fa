"""The ECG screen: prepare the patient, place the ten electrodes on a torso drawn in code (by
mouse: click or drag; by keyboard: Tab, arrows, Space), record, fix artifact, hand over."""

from __future__ import annotations

from functools import partial

import pygame
from pygame_gui.elements import UIButton, UIImage, UITextBox

from game.clinical.ecg import ARTIFACTS, ELECTRODES, FIXES, SITES, Fix
from game.scenario.types import clock
from game.sim.view_ecg import (
    EcgPatient,
    HandEcg,
    PlaceElectrodes,
    PrepareEcg,
    RecordEcg,
    ReportChestPain,
    Tracing,
    ecg_of,
)
from game.ui.forms.ecg_draw import neighbour, site_at, strip, torso
from game.ui.forms.identify import chosen, identifier_ticks
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, Tick
from game.ui.kit.text_cache import TextCache

PREP = (("supine", "Supine", "s", "Lie the patient flat on their back (the standard position)."),
        ("skin", "Skin clean, dry", "c", "Clean and dry the skin at every site so each "
                                          "electrode sticks."),
        ("explained", "Still, no talking", "q", "Explain the test; ask the patient to lie "
                                                "still, breathe normally and not talk."),
        ("warm", "Warm", "w", "A blanket and a warm room: shivering shows as noise."),
        ("devices_away", "Devices off", "u", "Unplug nearby devices; keep cables off power "
                                             "cords."))
FIX_SHORT = {None: "none", "ask_still": "ask to lie still", "warm": "warm the patient",
             "reattach": "reattach lead", "unplug": "unplug devices"}
LEADS = ("I", "II", "V1")
RIGHT_MIN = 310  # the right column: two columns of ticks, five electrode chips a row
# The buttons' shares of a row, after their captions' lengths, so none is cut short.
ROW1 = (93, 148, 113, 122)
ROW2 = (190, 87, 153)
ARROWS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}


class EcgForm(FormBase):
    """The order, the preparation, the torso with its sites, the electrodes, the tracing."""

    title = "ECG"
    primary_label = "Next step"

    def build(self) -> None:
        """Order line, identifiers, preparation, torso, electrodes, tracing, actions."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"12-lead ECG: {p.name}")
        self.text = TextCache(limit=200)
        e = self.ecg()
        self.pending: dict[str, str] = dict(e.sites) if e else {}
        self.selected: str | None = ELECTRODES[0]
        self.cursor = "r4"
        self.drag: str | None = None
        self.fix: Fix | None = None
        self._drawn: tuple[object, ...] = ()
        self._strip_of = -1
        w, h = self.size
        inner = w - 2 * PAD
        rows = Rows(gap=4)
        # The order box grows to its text (a chest-pain order runs to three lines in the
        # small window), so it never needs a scroll bar.
        self.order = UITextBox(self._order_text(), pygame.Rect(PAD, PAD, inner, -1),
                               self.ctx.manager, container=self.container,
                               object_id="#form_box_small")
        rows.take(self.order.rect.height)
        # Two columns: the torso on the left, full height; on the right the electrodes,
        # then the identifiers and the preparation (before the patient is prepared) or the
        # tracing (after): the ticks do nothing once the patient is prepared.
        main_h = max(150, h - rows.y - 2 * (ROW + 4) - 40 - 4)
        top = rows.take(main_h)
        rw = max(RIGHT_MIN, inner - PAD - round(main_h * 1.25))
        tw = inner - PAD - rw
        self.torso_size = (tw, main_h)
        self.torso = UIImage(pygame.Rect(PAD, top, tw, main_h), pygame.Surface((tw, main_h)),
                             self.ctx.manager, container=self.container)
        right = PAD + tw + PAD
        chip_w = (rw - 4 * 4) // 5
        self.chips: dict[str, UIButton] = {}
        for i, el in enumerate(ELECTRODES):
            rect = pygame.Rect(right + (i % 5) * (chip_w + 4), top + (i // 5) * 30, chip_w, 26)
            self.chips[el] = self.button(rect, el, partial(self.select, el),
                                         tip=f"{el}: click it, then click its site (or drag "
                                             "it there).")
        self.where = self.label(pygame.Rect(right, top + 60, rw, 20), "", "small",
                                tip="The chosen electrode and its site (Tab: next "
                                    "electrode).")
        below = top + 84
        col = rw // 2
        self.ids = identifier_ticks(self, right, below, (col,), 22)
        self.prep: dict[str, Tick] = {}
        for i, (name, text, key, tip) in enumerate(PREP):
            self.prep[name] = self.tick((right + col, below + 22 * i), text, key, tip)
        sh = max(40, top + main_h - below)
        self.strip_size = (rw, sh)
        self.strip = UIImage(pygame.Rect(right, below, rw, sh), pygame.Surface(self.strip_size),
                             self.ctx.manager, container=self.container)
        self._prepared: bool | None = None
        self._buttons(rows, inner)
        for key in ARROWS:
            self.bind(key, partial(self.move, key))
        self.bind("space", self.put)
        self.bind("backspace", self.remove)
        self.status_area(pygame.Rect(PAD, h - 40, inner, 40),
                         "Tab: electrode \u00b7 arrows: site \u00b7 Space: put it there \u00b7 "
                         "Enter: next step \u00b7 Esc: close")
        self.refresh()

    def _buttons(self, rows: Rows, inner: int) -> None:
        top = rows.take(ROW)
        r1 = _shares(PAD, inner, ROW1)
        self.prepare_b = self.button(pygame.Rect(r1[0][0], top, r1[0][1], ROW), "Prepare",
                                     self.prepare, "g", "Identify and prepare the patient "
                                     "with the steps ticked.")
        self.place_b = self.button(pygame.Rect(r1[1][0], top, r1[1][1], ROW),
                                   "Place electrodes", self.place, "l", "Put the electrodes "
                                   "where the torso shows them.")
        self.clear_b = self.button(pygame.Rect(r1[2][0], top, r1[2][1], ROW), "Take all off",
                                   self.clear, "x", "Take every electrode off the drawing.")
        self.chest_b = self.button(pygame.Rect(r1[3][0], top, r1[3][1], ROW), "Get provider",
                                   self.chest_pain, "e", "Chest pain now: get the provider "
                                   "at once.")
        top = rows.take(ROW)
        r2 = _shares(PAD, inner, ROW2)
        self.fix_b = self.button(pygame.Rect(r2[0][0], top, r2[0][1], ROW), "", self.next_fix,
                                 "f", "What you do about artifact before recording again.")
        self.record_b = self.button(pygame.Rect(r2[1][0], top, r2[1][1], ROW), "Record",
                                    self.record, "k", "Record the 12-lead tracing.")
        self.hand_b = self.button(pygame.Rect(r2[2][0], top, r2[2][1], ROW),
                                  "Hand to provider", self.hand, "h", "Hand the tracing to "
                                  "the provider at once; the MA never interprets it.")

    # --- what the simulation says -------------------------------------------------------
    def ecg(self) -> EcgPatient | None:
        """The patient's ECG as the simulation has it."""
        return ecg_of(self.sim, self.p.id)

    def _order_text(self) -> str:
        order = self.p.spec.orders.ecg
        if order is None:
            return "No ECG is ordered."
        out = f"<b>12-lead ECG</b> ordered: {order.reason}."
        if order.artifact is not None:
            out += f" {ARTIFACTS[order.artifact].cue}"
        if order.chest_pain:
            out += " <b>The patient has chest pain now.</b>"
        return out

    def refresh(self) -> None:
        """Redraw the torso and the tracing when they change; the buttons' states."""
        if self.closed:
            return
        e = self.ecg()
        drawn = (tuple(sorted(self.pending.items())), self.cursor, self.selected)
        if drawn != self._drawn:
            self._drawn = drawn
            self.torso.set_image(torso(self.torso_size, self.pending, self.cursor, self.text))
            for el, chip in self.chips.items():
                shown = f"[{el}]" if el == self.selected else el
                self.show(chip, shown + ("" if el in self.pending else " ?"))
            self.show(self.where, self._where_text())
        n = len(e.tracings) if e else 0
        if n != self._strip_of:
            self._strip_of = n
            self._draw_strip(e.last if e else None)
        prepared = e is not None and e.prepared_t is not None
        if prepared != self._prepared:
            # the ticks make way for the tracing once the patient is prepared
            self._prepared = prepared
            for t in (*self.prep.values(), *self.ids.values()):
                t.hide() if prepared else t.show()
            self.strip.show() if prepared else self.strip.hide()
        self.enable(self.prepare_b, e is not None and not prepared)
        for t in (*self.prep.values(), *self.ids.values()):
            self.enable(t, e is not None and not prepared)
        self.enable(self.record_b, e is not None and bool(e.sites))
        self.enable(self.hand_b, e is not None and e.usable is not None)
        order = self.p.spec.orders.ecg
        self.enable(self.chest_b, bool(order and order.chest_pain and e
                                       and e.alerted_t is None))
        self.show(self.fix_b, f"[F] Fix first: {FIX_SHORT[self.fix]}")

    def _where_text(self) -> str:
        el = self.selected
        if el is None:
            return f"Cursor: {SITES[self.cursor].name}"
        site = self.pending.get(el)
        return f"{el}: " + (SITES[site].name if site else "not placed")

    def _draw_strip(self, t: Tracing | None) -> None:
        if t is None:
            surf = pygame.Surface(self.strip_size)
            surf.fill((255, 246, 246))
            surf.blit(self.text.render("No tracing yet", 12, (120, 110, 110)), (8, 8))
        else:
            sites = dict(t.sites)
            swapped = sites.get("RA") == "left_arm" and sites.get("LA") == "right_arm"
            surf = strip(self.strip_size, LEADS, t.artifact,
                         frozenset({"I"}) if swapped else frozenset(), self.text)
            surf.blit(self.text.render(f"Tracing {self._strip_of} \u00b7 {clock(t.t)}", 11,
                                       (90, 60, 60)), (self.strip_size[0] - 120, 2))
        self.strip.set_image(surf)

    # --- placing on the drawing ----------------------------------------------------------
    def select(self, el: str) -> None:
        """Choose the electrode to put next."""
        self.selected = el
        if el in self.pending:
            self.cursor = self.pending[el]
        self.refresh()

    def put_at(self, el: str, site: str) -> None:
        """An electrode on a site (whichever was there comes off); the next unplaced is
        chosen."""
        for other, s in list(self.pending.items()):
            if s == site and other != el:
                del self.pending[other]
        self.pending[el] = site
        self.cursor = site
        self.selected = next((x for x in ELECTRODES if x not in self.pending), el)
        self.refresh()

    def put(self) -> None:
        """Space: the chosen electrode on the cursor's site."""
        if self.selected is not None:
            self.put_at(self.selected, self.cursor)

    def remove(self) -> None:
        """Backspace: take the chosen electrode off."""
        if self.selected is not None:
            self.pending.pop(self.selected, None)
        self.refresh()

    def clear(self) -> None:
        """Take every electrode off the drawing."""
        self.pending.clear()
        self.selected = ELECTRODES[0]
        self.refresh()

    def move(self, key: str) -> None:
        """An arrow: the cursor to the nearest site that way."""
        dx, dy = ARROWS[key]
        self.cursor = neighbour(self.cursor, dx, dy)
        self.refresh()

    def focus_next(self, backwards: bool = False) -> None:
        """Tab / Shift+Tab: the next (previous) electrode."""
        i = ELECTRODES.index(self.selected) if self.selected in ELECTRODES else -1
        self.select(ELECTRODES[(i + (-1 if backwards else 1)) % len(ELECTRODES)])

    def _site_under(self, pos: tuple[int, int]) -> str | None:
        rect = self.torso.get_abs_rect()
        if not rect.collidepoint(pos):
            return None
        return site_at((int(pos[0] - rect.x), int(pos[1] - rect.y)), self.torso_size)

    def handle(self, event: pygame.event.Event) -> None:
        """Clicks and drags on the drawing; the rest as every form."""
        if not self.closed and event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._press(event.pos)
        elif not self.closed and event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            site, self.drag = self._site_under(event.pos), self.drag
            if self.drag is not None and site is not None and self.pending.get(
                    self.drag) != site:
                self.put_at(self.drag, site)
            self.drag = None
        super().handle(event)

    def _press(self, pos: tuple[int, int]) -> None:
        chip = next((el for el, b in self.chips.items() if b.get_abs_rect().collidepoint(pos)),
                    None)
        if chip is not None:
            self.drag = chip
            return
        site = self._site_under(pos)
        if site is None:
            return
        # An empty site takes the chosen electrode; an electrode on a site is picked up
        # (to drag it elsewhere, or to see where it is).
        occupant = next((el for el, s in self.pending.items() if s == site), None)
        if occupant is not None:
            self.drag = occupant
            self.select(occupant)
        elif self.selected is not None:
            self.put_at(self.selected, site)

    # --- the commands ----------------------------------------------------------------------
    def primary(self) -> None:
        """Enter: the next step, whichever it is."""
        e = self.ecg()
        if e is None:
            return
        if e.prepared_t is None:
            self.prepare()
        elif not e.sites or (e.sites != self.pending):
            self.place()
        elif e.usable is None:
            self.record()
        else:
            self.hand()

    def prepare(self) -> None:
        """Identify and prepare with what is ticked."""
        on = {name: tick.checked for name, tick in self.prep.items()}
        self.do(PrepareEcg(patient=self.p.id, identifiers=chosen(self.ids),
                           supine=on["supine"], skin=on["skin"], explained=on["explained"],
                           warm=on["warm"], devices_away=on["devices_away"]))

    def place(self) -> None:
        """Place the electrodes as drawn."""
        self.do(PlaceElectrodes.model_validate({"patient": self.p.id, "sites": self.pending}))

    def next_fix(self) -> None:
        """Cycle through what is done about artifact before the next recording."""
        options: list[Fix | None] = [None, *FIXES]
        self.fix = options[(options.index(self.fix) + 1) % len(options)]
        self.refresh()

    def record(self) -> None:
        """Record a tracing (after the fix chosen, if any)."""
        if self.do(RecordEcg(patient=self.p.id, fix=self.fix)):
            self.fix = None

    def hand(self) -> None:
        """Hand the tracing to the provider; the form's work is done."""
        if self.do(HandEcg(patient=self.p.id)):
            self.close()

    def chest_pain(self) -> None:
        """Get the provider now."""
        self.do(ReportChestPain(patient=self.p.id))


def _shares(left: int, width: int, weights: tuple[int, ...], gap: int = 6
            ) -> list[tuple[int, int]]:
    """(x, width) of buttons side by side, their widths in proportion to the weights."""
    room = width - gap * (len(weights) - 1)
    out, x = [], left
    for i, wgt in enumerate(weights):
        bw = (left + width - x if i == len(weights) - 1
              else room * wgt // sum(weights))
        out.append((x, bw))
        x += bw + gap
    return out
