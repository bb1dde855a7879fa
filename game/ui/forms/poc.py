"""The point-of-care form: the order, the collection, a running timer with the read window,
the read-out (the strip's pads, the cassette's lines, the analyzer's screen) and the result
with units and the flag; tabs when the patient has more than one test."""

from __future__ import annotations

from functools import partial

import pygame
from pygame_gui.elements import UIButton

from game.sim.view import Can
from game.sim.view_poc import (
    CollectPoc,
    ReadPoc,
    RecordPoc,
    StartPoc,
    TestRun,
    runs_of,
)
from game.ui.forms.identify import chosen, identifier_ticks
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, keys_hint
from game.ui.forms.poc_readout import readout_text, stage, timer_text

TIP_WAY = "How the specimen is collected: only the insert's way gives a usable specimen."
TIP_TAB = "This patient's other point-of-care test ([T] goes to the next one)."
STATUS_H = 48  # two lines of a result message, with no scroll bar
SEND_TIP = ("When no kit can pass QC today, the specimen goes to the reference lab and the "
            "provider is told why.")


class PocForm(FormBase):
    """One patient's point-of-care tests, one at a time (a tab each), step by step."""

    title = "Point-of-care test"
    primary_label = "Next step"

    def build(self) -> None:
        """Tabs, order line, collection choices, identifiers, timer, read-out, result."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Point of care: {p.name}")
        self.runs = runs_of(self.sim, p.id)
        self.run: TestRun = next((r for r in self.runs if not r.done), self.runs[0])
        w, h = self.size
        inner = w - 2 * PAD
        rows = Rows(gap=4)
        self.tabs: dict[str, UIButton] = {}
        if len(self.runs) > 1:
            top = rows.take(26)
            tw = (inner - 4 * (len(self.runs) - 1)) // len(self.runs)
            for i, r in enumerate(self.runs):
                self.tabs[r.code] = self.button(pygame.Rect(PAD + i * (tw + 4), top, tw, 26),
                                                r.test.short, partial(self.switch, r.code),
                                                tip=TIP_TAB)
            self.bind("t", self.next_test)
        # The test's name, then its product in small print on the same line: with tabs the
        # tab says the name, and the product line stands alone.
        top = rows.take(22)
        head_w = 0 if self.tabs else 170
        self.heading = (None if self.tabs else
                        self.label(pygame.Rect(PAD, top, head_w, 22), "", "heading"))
        self.product = self.label(pygame.Rect(PAD + head_w, top, inner - head_w, 22), "",
                                  "small")
        self.way_buttons = [
            self.button(pygame.Rect(PAD, rows.take(26), inner, 26), "", partial(self.choose, i),
                        str(i + 1), TIP_WAY)
            for i in range(max(len(r.test.collections) for r in self.runs))]
        third = inner // 3
        self.ids = identifier_ticks(self, PAD, rows.take(44) + 1, (third, third, third), 22)
        self.timer = self.label(pygame.Rect(PAD, rows.take(26), inner, 26), "", "lcd")
        bottom = h - STATUS_H - ROW - 4 - ROW - 4
        self.readout = self.box(pygame.Rect(PAD, rows.y, inner, bottom - rows.y - 4), "",
                                small=True)
        self._result_row(bottom, inner)
        self._action_row(bottom + ROW + 4, inner)
        self.status_area(pygame.Rect(PAD, h - STATUS_H, inner, STATUS_H - 2),
                         keys_hint("next step"))
        self.switch(self.run.code)

    def _result_row(self, top: int, inner: int) -> None:
        """What the test reports (a value and units, or a reading), then the flags."""
        self.value = self.entry(pygame.Rect(PAD, top, 92, ROW), "The value the analyzer "
                                "shows, exactly.", "value")
        self.units = self.entry(pygame.Rect(PAD + 96, top, 84, ROW),
                                "The units, as the test reports them.", "units")
        self.positive = self.tick((PAD, top + 4), "Positive", "o", "Tick when the test "
                                  "reads positive (the test line shows); leave it for "
                                  "negative.")
        self.pads_note = self.label(pygame.Rect(PAD, top, 180, ROW), "Pads: as read above",
                                    "small", tip="The strip's pads go into the chart as "
                                    "they were read.")
        x = PAD + max(188, round(inner * 0.40))
        self.flag = self.tick((x, top + 4), "Abnormal", "a", "Flag a result outside the "
                              "reference range (a positive test, an abnormal pad).")
        self.tell = self.tick((x + max(136, round(inner * 0.26)), top + 4),
                              "Tell provider now", "v", "A result the provider must hear "
                              "before the patient leaves goes to the provider now.")

    def _action_row(self, top: int, inner: int) -> None:
        send_w = 120
        bw = (inner - send_w - 4 * 6) // 4
        for i, (text, action, key, tip) in enumerate((
                ("Collect", self.collect, "c", "Collect the specimen the chosen way, after "
                 "two identifiers."),
                ("Start", self.start, "s", "Apply the specimen to the kit and start its "
                 "timer."),
                ("Read", self.read, "e", "Read the test now: early or late, the reading "
                 "is invalid."),
                ("Record", self.record, "k", "Record the result with units and the flag."))):
            self.button(pygame.Rect(PAD + i * (bw + 6), top, bw, ROW), text, action, key, tip)
        self.send = self.button(pygame.Rect(PAD + inner - send_w, top, send_w, ROW),
                                "Send to lab", self.send_to_lab, "l", SEND_TIP)

    # --- the chosen test ------------------------------------------------------------------
    def switch(self, code: str) -> None:
        """Show one of the patient's tests: its name, product, collections and result kind."""
        self.run = next(r for r in self.runs if r.code == code)
        t = self.run.test
        if self.heading is not None:
            self.show(self.heading, t.short)
            self.heading.set_tooltip(t.source)
        self.show(self.product, t.product)
        self.product.set_tooltip(t.source)
        self.way = t.collections[0].id
        self.ways = {}
        for i, b in enumerate(self.way_buttons):
            if i < len(t.collections):
                self.ways[t.collections[i].id] = b
                b.show()
            else:
                b.hide()
        for widget, kind in ((self.value, "quantitative"), (self.units, "quantitative"),
                             (self.positive, "qualitative"), (self.pads_note, "dipstick")):
            widget.show() if t.kind == kind else widget.hide()
        self.enable(self.positive, t.kind == "qualitative")
        for tick in (self.positive, self.flag, self.tell):
            tick.set_state(False)
        self.value.set_text("")
        self.units.set_text("")
        # Tab moves between text fields: only a value and its units have any
        self.hint_text = keys_hint("next step", tab=t.kind == "quantitative")
        if not self.message:
            self.say("")
        self._mark_way()
        self.refresh()

    def next_test(self) -> None:
        """[T]: the patient's next test."""
        i = next(i for i, r in enumerate(self.runs) if r is self.run)
        self.switch(self.runs[(i + 1) % len(self.runs)].code)
        self.say(f"{self.run.test.short}: {stage(self.run)}", error=False)

    def choose(self, i: int) -> None:
        """Pick the collection technique."""
        ways = self.run.test.collections
        if i >= len(ways):
            return
        self.way = ways[i].id
        self._mark_way()
        self.say(f"Collection: {ways[i].label}", error=False)

    def _mark_way(self) -> None:
        # the chosen technique stays highlighted and marked (not by colour alone), so the
        # player sees what Collect will do
        for i, (way, b) in enumerate(self.ways.items()):
            label = self.run.test.collections[i].label
            self.show(b, f"[{i + 1}] " + (f"\u2022 {label} \u2022" if way == self.way
                                          else label))
            b.select() if way == self.way else b.unselect()

    def refresh(self) -> None:
        """The tabs' stages, the timer, the read-out, and whether a specimen can go out."""
        if self.closed:
            return
        r = self.run
        for code, tab in self.tabs.items():
            run = next(x for x in self.runs if x.code == code)
            self.show(tab, f"{run.test.short}: {stage(run)}")
            tab.select() if run is r else tab.unselect()
        self.show(self.timer, timer_text(r, self.sim.now))
        self.show(self.readout, readout_text(r))
        can, _why = self.sim.can(RecordPoc(patient=self.p.id, test=r.code, send_to_lab=True))
        self.enable(self.send, can != Can.NO)

    def lets_time_run(self) -> bool:
        """The day runs while the MA is busy, and while the chosen test times towards its
        read window (there is nothing to do here until then); once the window opens the
        clock may be held again, so the player reads it in time."""
        r = self.run
        timing_now = (not self.closed and r.started_t is not None and r.read_t is None
                      and self.sim.now < r.started_t + r.test.read_from_s)
        return super().lets_time_run() or timing_now

    # --- the commands ------------------------------------------------------------------------
    def primary(self) -> None:
        """Enter: the next step the test is at."""
        r = self.run
        step = (self.collect if not r.collected else self.start if r.started_t is None
                else self.read if r.read_t is None else self.record)
        step()

    def collect(self) -> None:
        """Collect the specimen the chosen way, with the ticked identifiers."""
        self.do(CollectPoc(patient=self.p.id, test=self.run.code, collection=self.way,
                           identifiers=chosen(self.ids)))

    def start(self) -> None:
        """Start the test's timer."""
        self.do(StartPoc(patient=self.p.id, test=self.run.code))

    def read(self) -> None:
        """Read the test now."""
        if self.do(ReadPoc(patient=self.p.id, test=self.run.code)) and self.run.read_t:
            # what it means is the player's to say: the read-out shows, the message does not
            self.say("Read in its window: record what the read-out shows.", error=False)

    def record(self) -> None:
        """Record what was entered."""
        t = self.run.test
        value = None
        if t.kind == "quantitative":
            try:
                value = float(self.value.get_text().strip())
            except ValueError:
                self.say("Type the value the analyzer shows.")
                return
            if not 0 <= value <= 100:
                self.say("Type the value the analyzer shows (a number from 0 to 100).")
                return
        self.do(RecordPoc(
            patient=self.p.id, test=self.run.code,
            reading=("positive" if self.positive.checked else "negative")
            if t.kind == "qualitative" else None, value=value,
            pads=dict(self.run.spec.pads) if t.kind == "dipstick" else {},
            units=self.units.get_text().strip()[:20] if t.kind == "quantitative" else "",
            abnormal=self.flag.checked, tell_provider=self.tell.checked))

    def send_to_lab(self) -> None:
        """No kit can pass QC today: the specimen goes to the reference lab."""
        self.do(RecordPoc(patient=self.p.id, test=self.run.code, send_to_lab=True))
