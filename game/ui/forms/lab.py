"""The lab: draw tubes in the order the player chooses, label, fingerstick, spin and pack."""

from __future__ import annotations

from functools import partial

import pygame
from pygame_gui.elements import UIButton, UIImage

from game.clinical.lab import TUBES
from game.sim.commands import (
    Centrifuge,
    Command,
    DrawBlood,
    Fingerstick,
    LabelSpecimens,
    PackSpecimens,
    valid_identifiers,
)
from game.sim.view import specimens_of
from game.ui.forms.identify import chosen, identifier_ticks
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, keys_hint
from game.ui.forms.lab_view import (
    courier_text,
    orders_text,
    orders_width,
    rack_order,
    short_name,
    specimen_lines,
    swatch,
    tube_tip,
)

TIP_DRAW = "Venipuncture: fill the tubes in the sequence above, after identifying the patient."
TIP_LABEL = "Label every tube in the patient's presence, after confirming two identifiers."
TIP_POC = "Point-of-care glucose on the meter (CLIA-waived); the meter's QC must be done today."
TIP_SPIN = "Spin this patient's clotted serum tubes (about 10 minutes)."
TIP_PACK = "Put this patient's labeled, processed tubes in the courier box."


class LabForm(FormBase):
    """Orders by test name, a rack of tubes, the draw sequence, identifiers, specimen status."""

    title = "Lab"
    primary_label = "Draw blood"

    def build(self) -> None:
        """Orders, rack, sequence, identifiers, draw/label/fingerstick, specimens."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Lab: {p.name}")
        self.sequence: list[str] = []
        w, h = self.size
        inner = w - 2 * PAD
        rows = Rows(gap=4)
        text = orders_text(p)
        tall = orders_width(text) > inner - 14
        self.orders = self.box(pygame.Rect(PAD, rows.take(52 if tall else 34), inner,
                                           52 if tall else 34), text, small=True)
        self._rack(rows, inner)
        top = rows.take(26)
        self.seq_label = self.label(pygame.Rect(PAD, top, inner - 2 * 96, 26), "", "text",
                                    tip="Click the tubes in the order you will fill them. "
                                        "Keys: Z or Backspace undo, X clear, Enter draws, "
                                        "Esc closes.")
        self.button(pygame.Rect(w - PAD - 2 * 96 + 4, top, 92, 26), "Undo", self.undo, "z",
                    "Take the last tube off the sequence (also Backspace).")
        self.button(pygame.Rect(w - PAD - 92, top, 92, 26), "Clear", self.clear, "x",
                    "Empty the sequence.")
        self.bind("backspace", self.undo)
        third = inner // 3
        self.ids = identifier_ticks(self, PAD, rows.take(44) + 1, (third, third, third), 22)
        self._restore_ids()
        self._warned = ""  # the action the player was just warned about (pressed once)
        self._actions_row(rows.take(ROW), inner)
        top = rows.take(ROW)
        self.courier = self.label(pygame.Rect(PAD, top, inner - 2 * 126, ROW), "")
        self.button(pygame.Rect(w - PAD - 2 * 126 + 4, top, 122, ROW), "Centrifuge",
                    self.centrifuge, "c", TIP_SPIN)
        self.button(pygame.Rect(w - PAD - 122, top, 122, ROW), "Pack", self.pack, "k",
                    TIP_PACK)
        list_h = h - PAD - 44 - 4 - rows.y
        self.specimens = self.box(pygame.Rect(PAD, rows.take(list_h), inner, list_h), "",
                                  small=True)
        self.status_area(pygame.Rect(PAD, rows.y, inner, 44),
                         "Click tubes in order \u00b7 Z: undo \u00b7 X: clear \u00b7 "
                         + keys_hint("draw", tab=False))
        self.refresh()

    def _rack(self, rows: Rows, inner: int) -> None:
        codes = rack_order()
        cols = 4
        col_w = (inner - (cols - 1) * 6) // cols
        self.tubes: dict[str, UIButton] = {}
        for i, code in enumerate(codes):
            if i % cols == 0:
                top = rows.take(ROW)
            x = PAD + (i % cols) * (col_w + 6)
            UIImage(pygame.Rect(x, top + 1, 16, 26), swatch(code), self.ctx.manager,
                    container=self.container)
            self.tubes[code] = self.button(
                pygame.Rect(x + 18, top, col_w - 18, ROW), short_name(TUBES[code]),
                partial(self.add, code), None, tube_tip(code), "#form_tube")

    def _actions_row(self, top: int, inner: int) -> None:
        poc = "POC_GLUCOSE" in self.p.spec.orders.labs
        n = 3 if poc else 2
        width = (inner - (n - 1) * 6) // n
        self.button(pygame.Rect(PAD, top, width, ROW), "[Enter] Draw blood", self.primary,
                    tip=TIP_DRAW)
        self.button(pygame.Rect(PAD + width + 6, top, width, ROW), "Label at bedside",
                    self.label_tubes, "l", TIP_LABEL)
        if poc:
            self.button(pygame.Rect(PAD + 2 * (width + 6), top, width, ROW), "Fingerstick",
                        self.fingerstick, "f", TIP_POC)

    # --- what the player sees ----------------------------------------------------------
    def refresh(self) -> None:
        """The sequence, the courier and the specimen status."""
        if self.closed:
            return
        if self.sequence:
            seq = " \u00b7 ".join(f"{i + 1} {short_name(TUBES[c])}"
                                  for i, c in enumerate(self.sequence))
            self.show(self.seq_label, f"Draw order: {seq}")
        else:
            self.show(self.seq_label, "Draw order: click tubes, first to last")
        self.show(self.courier, courier_text(self.sim))
        self.show(self.specimens, specimen_lines(self.sim, self.p))

    # --- actions ----------------------------------------------------------------------
    def add(self, code: str) -> None:
        """Put a tube next in the sequence."""
        if len(self.sequence) < 10:
            self.sequence.append(code)
        self.refresh()

    def undo(self) -> None:
        """Take the last tube off the sequence."""
        if self.sequence:
            self.sequence.pop()
        self.refresh()

    def clear(self) -> None:
        """Empty the sequence."""
        self.sequence.clear()
        self.refresh()

    def primary(self) -> None:
        """Draw blood in the sequence's order."""
        if not self.sequence:
            self.say("Click the tubes in the order you will draw them first.")
            return
        if self._identified("draw") and self.do(DrawBlood(
                patient=self.p.id, identifiers=chosen(self.ids), tubes=list(self.sequence))):
            self.sequence.clear()
            self.refresh()

    def label_tubes(self) -> None:
        """Label the tubes at the bedside."""
        self._checked_do("label", LabelSpecimens(patient=self.p.id,
                                                 identifiers=chosen(self.ids)))

    def fingerstick(self) -> None:
        """Point-of-care glucose."""
        self._checked_do("fingerstick", Fingerstick(patient=self.p.id,
                                                    identifiers=chosen(self.ids)))

    # --- identifiers: remembered per patient, warned about before they cost points ------
    def _memory(self) -> dict[str, list[str]]:
        # UI state, not a rule: what the MA already confirmed for each patient today,
        # so reopening the form does not silently clear the ticks.
        return self.ctx.form_memory.setdefault("lab_identifiers", {})

    def _restore_ids(self) -> None:
        for kind in self._memory().get(self.p.id, []):
            if kind in self.ids:
                self.ids[kind].set_state(True)
        for tick in self.ids.values():
            self._tick_changed[tick] = self._remember

    def _remember(self) -> None:
        self._memory()[self.p.id] = list(chosen(self.ids))
        self._warned = ""

    def _identified(self, action: str) -> bool:
        """True to go ahead: two identifiers ticked, or the player was warned and pressed
        again (the score still counts the missing identifier: the warning only says so)."""
        if valid_identifiers(list(chosen(self.ids))) >= 2 or self._warned == action:
            self._warned = ""
            return True
        self._warned = action
        self.say("Tick two identifiers first (name, date of birth). Press again to go on "
                 "without them: it costs points.")
        return False

    def _checked_do(self, action: str, command: Command) -> None:
        if self._identified(action):
            self.do(command)

    def centrifuge(self) -> None:
        """Spin the serum tubes."""
        self.do(Centrifuge(patient=self.p.id))

    def pack(self) -> None:
        """Pack the tubes for the courier; the form closes when nothing is left to do."""
        if self.do(PackSpecimens(patient=self.p.id)):
            tubes = specimens_of(self.sim, self.p.id)
            poc_left = "POC_GLUCOSE" in self.p.spec.orders.labs and not self.p.poc_done
            if tubes and all(s.packed for s in tubes) and not poc_left:
                self.close()
