"""The opening or closing checklist: Done buttons, and the vaccine fridge log with thermometers."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.core import UIContainer
from pygame_gui.elements import UIButton, UILabel, UIPanel, UITextEntryLine

from game.scenario.types import clock
from game.sim.commands import CompleteTask, LogFridge
from game.sim.state import TaskState
from game.sim.view import FREEZER_RANGE_C, FRIDGE_RANGE_C, CallStatus, closing_starts, phone
from game.sim.view_supplies import inventory_left, supplies
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, Tick, keys_hint
from game.ui.forms.parse import FieldError, number
from game.ui.kit.fmt import at, plural

TASK_H = 30
FRIDGE_H = 120
TIP_FRIDGE = (f"CDC: refrigerator {FRIDGE_RANGE_C[0]:g} to {FRIDGE_RANGE_C[1]:g} \u00b0C "
              f"(36 to 46 \u00b0F, aim for 5 \u00b0C); freezer {FREEZER_RANGE_C[0]:g} to "
              f"{FREEZER_RANGE_C[1]:g} \u00b0C. Type exactly what the thermometer shows.")
TIP_STOCK = ("Count every room's, the lab's and the supply room's stock, restock each to par "
             "and order for the supply room (VI.P.4): click to go to the supply room.")
TIP_PHONE = ("Voicemails, callers on hold and portal messages are answered the same day, "
             "before you clock out: this selects the phone.")
TIP_OUT = ("Out of range: do not use the vaccines, label them 'do not use', move them to a "
           "working unit, record the reading and notify (CDC).")


class FridgeBlock:
    """The widgets of one fridge-log task."""

    def __init__(self, task: TaskState, fridge: UITextEntryLine, freezer: UITextEntryLine,
                 out: Tick, log: UIButton, state: UILabel) -> None:
        self.task = task
        self.fridge = fridge
        self.freezer = freezer
        self.out = out
        self.log = log
        self.state = state


class ChecklistForm(FormBase):
    """The tasks of one phase ('opening' or 'closing'), paged when they do not fit."""

    title = "Checklist"
    primary_label = "Log temperatures"

    def build(self) -> None:
        """Heading, the page of tasks, status and hint."""
        self.phase = self.subject
        self.window.set_display_title(f"{self.phase.capitalize()} checklist")
        self.tasks = [ts for ts in self.sim.world.tasks.values() if ts.phase == self.phase]
        w, h = self.size
        self.inner = w - 2 * PAD
        rows = Rows()
        self.heading = self.label(pygame.Rect(PAD, rows.take(22), self.inner, 22), "",
                                  "heading")
        # At closing, on a day with calls, a line for the calls still to return (hidden
        # while none waits): it closes the list and selects the phone.
        self.phone_line: UIButton | None = None
        if self.phase == "closing" and phone(self.sim).calls:
            self.phone_line = self.button(pygame.Rect(PAD, rows.take(ROW), self.inner, ROW),
                                          "", self.to_phone, "p", TIP_PHONE)
        # At closing, on a day that tracks supplies, what the inventory still needs (VI.P.4):
        # it closes the list and selects the supply room, whose form counts and restocks.
        self.stock_line: UIButton | None = None
        if self.phase == "closing" and supplies(self.sim).places:
            self.stock_line = self.button(pygame.Rect(PAD, rows.take(ROW), self.inner, ROW),
                                          "", self.to_supplies, "i", TIP_STOCK)
        self.page_top = rows.y
        self.page_h = h - PAD - 44 - 6 - rows.y
        self.pages = self._paginate()
        self.page = 0
        self.page_box: UIContainer | None = None
        self.rows: list[tuple[TaskState, UIButton, str]] = []
        self.fridges: list[FridgeBlock] = []
        self.thermometers: list[UILabel] = []
        self.status_area(pygame.Rect(PAD, h - PAD - 44, self.inner, 44),
                         "Click Done for each task \u00b7 " + keys_hint("log temperatures"))
        self.bind("page down", lambda: self.turn(1))
        self.bind("page up", lambda: self.turn(-1))
        self._build_page()

    def _heading(self) -> str:
        if self.phase == "closing":
            return f"Closing tasks, from {clock(closing_starts(self.sim))}"
        return f"Opening tasks, before the first patient at {clock(self.sim.first_appt)}"

    def _paginate(self) -> list[list[TaskState]]:
        pages: list[list[TaskState]] = [[]]
        used = 0
        for ts in self.tasks:
            need = FRIDGE_H if ts.task.kind == "log_fridge" else TASK_H
            if used + need > self.page_h and pages[-1]:
                pages.append([])
                used = 0
            pages[-1].append(ts)
            used += need
        return pages

    def _build_page(self) -> None:
        if self.page_box is not None:
            self.page_box.kill()
        self.entries, self.rows, self.fridges, self.thermometers = [], [], [], []
        box = self.page_box = UIContainer(pygame.Rect(PAD, self.page_top, self.inner,
                                                      self.page_h), self.ctx.manager,
                                          container=self.container)
        top = 0
        for ts in self.pages[self.page]:
            if ts.task.kind == "log_fridge":
                self.fridges.append(self._fridge(box, ts, top))
                top += FRIDGE_H
            else:
                # No number keys: digits are the day's speed keys, in a form too.
                button = self.button(pygame.Rect(0, top, 110, TASK_H - 4), "Done",
                                     self._done(ts), None, "Do this task now.", container=box)
                self.label(pygame.Rect(116, top, self.inner - 116, TASK_H - 4),
                           ts.task.label, "task", tip=ts.task.label, container=box)
                self.rows.append((ts, button, button.text))
                top += TASK_H
        more = len(self.pages) > 1
        self.show(self.heading, self._heading() + (
            f" \u00b7 page {self.page + 1}/{len(self.pages)} (PgUp/PgDn)" if more else ""))
        self.refresh()

    def _fridge(self, box: UIContainer, ts: TaskState, top: int) -> FridgeBlock:
        inner = self.inner
        self.label(pygame.Rect(0, top, inner, 22), ts.task.label, "heading", tip=ts.task.label,
                   container=box)
        y = top + 26
        for i, (caption, value) in enumerate((("Refrigerator", ts.task.fridge_c),
                                              ("Freezer", ts.task.freezer_c))):
            panel = UIPanel(pygame.Rect(i * 122, y, 116, 52), manager=self.ctx.manager,
                            container=box, object_id="#form_device")
            panel.set_tooltip(TIP_FRIDGE)
            self.label(pygame.Rect(2, 1, 108, 17), caption, "lcd_caption",
                       container=panel)
            self.thermometers.append(self.label(pygame.Rect(2, 18, 108, 28),
                                                f"{value:.1f} \u00b0C", "lcd", container=panel))
        x = 2 * 122 + 6
        half = (inner - x - 8) // 2
        entries = []
        for i, caption in enumerate(("Fridge \u00b0C", "Freezer \u00b0C")):
            self.label(pygame.Rect(x + i * (half + 8), y, half, 18), f"Log: {caption}", "small",
                       container=box)
            entries.append(self.entry(pygame.Rect(x + i * (half + 8), y + 20, half, 28),
                                      TIP_FRIDGE, container=box))
        y += 60
        out = self.tick((0, y + 4), "Out of range: report and quarantine", "q", TIP_OUT,
                        container=box)
        log = self.button(pygame.Rect(inner - 150, y, 150, 28), "[Enter] Log",
                          lambda: self.log(ts), tip="Write the readings in the fridge log.",
                          container=box)
        state = self.label(pygame.Rect(inner - 330, y, 174, 28), "", "small", container=box)
        return FridgeBlock(ts, entries[0], entries[1], out, log, state)

    # --- what the player sees ----------------------------------------------------------
    def _state(self, ts: TaskState) -> str:
        if ts.done_t is None:
            return ""
        return f"Until {at(ts.done_t)}" if ts.done_t > self.sim.now else f"Done {at(ts.done_t)}"

    def calls_waiting(self) -> int:
        """Voicemails, callers on hold and portal messages: the calls waiting, less those
        still ringing (those are answered, not returned)."""
        state = phone(self.sim)
        return sum(state.calls[k].status != CallStatus.RINGING for k in state.waiting)

    def refresh(self) -> None:
        """Done buttons become the time each task was done; the phone line counts."""
        if self.closed:
            return
        if self.phone_line is not None:
            n = self.calls_waiting()
            if n and not self.phone_line.visible:
                self.phone_line.show()
            elif not n and self.phone_line.visible:
                self.phone_line.hide()
            self.show(self.phone_line,
                      f"[P] Return {plural(n, 'call or message', 'calls and messages')}")
        if self.stock_line is not None:
            left = inventory_left(self.sim)
            if left and not self.stock_line.visible:
                self.stock_line.show()
            elif not left and self.stock_line.visible:
                self.stock_line.hide()
            self.show(self.stock_line, f"[I] Inventory: {', '.join(left)}"
                      if len(left) <= 3 else f"[I] Inventory: {', '.join(left[:3])} and "
                      f"{len(left) - 3} more")
        for ts, button, text in self.rows:
            state = self._state(ts)
            self.show(button, state or text)
            self.enable(button, not state)
        for block in self.fridges:
            state = self._state(block.task)
            self.show(block.state, state)
            for widget in (block.fridge, block.freezer):
                if state and widget.is_enabled:
                    widget.disable()
            self.enable(block.out, not state)
            self.enable(block.log, not state)

    # --- actions ----------------------------------------------------------------------
    def to_supplies(self) -> None:
        """Close the list and select the supply room, where the inventory is done."""
        self.then_select = ("station", "supply")
        self.close()

    def to_phone(self) -> None:
        """Close the list and select the phone, where the calls are returned."""
        self.then_select = ("station", "phone")
        self.close()

    def turn(self, pages: int) -> None:
        """Another page of tasks."""
        new = max(0, min(len(self.pages) - 1, self.page + pages))
        if new != self.page:
            self.page = new
            self._build_page()

    def _done(self, ts: TaskState) -> Callable[[], None]:
        return lambda: self._finish(CompleteTask(task=ts.task.id))

    def log(self, ts: TaskState) -> None:
        """Log what was typed for this fridge task."""
        block = next(b for b in self.fridges if b.task is ts)
        try:
            fridge = number(block.fridge.get_text(), "Fridge (\u00b0C)", -50, 50)
            freezer = number(block.freezer.get_text(), "Freezer (\u00b0C)", -90, 30)
        except FieldError as exc:
            self.say(str(exc))
            return
        self._finish(LogFridge(task=ts.task.id, fridge_c=fridge, freezer_c=freezer,
                               out_of_range_reported=block.out.checked))

    def _finish(self, command: CompleteTask | LogFridge) -> None:
        if self.do(command) and all(ts.done_t is not None for ts in self.tasks):
            self.close()

    def primary(self) -> None:
        """Enter logs the first fridge task of the page that is not done."""
        block = next((b for b in self.fridges if b.task.done_t is None), None)
        if block is None:
            self.say("Nothing to log on this page: use the Done buttons.")
            return
        self.log(block.task)
