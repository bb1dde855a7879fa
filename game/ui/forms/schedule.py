"""The follow-up calendar: the provider's open days by week, free and booked slots, Book."""

from __future__ import annotations

import datetime as dt
import html
from functools import partial

import pygame
from pygame_gui.elements import UIButton, UILabel

from game.sim.commands import BookFollowUp
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, keys_hint
from game.ui.forms.slots import open_weekdays, slot_times
from game.ui.kit.fmt import short_date

CELL_H = 22
MAX_WEEKS_AHEAD = 60
TIP_FREE = "A free slot: click to choose it, then Book (Enter)."
TIP_BOOKED = "Booked: another patient has this time."
TIP_BOOK = ("Book the chosen slot. Check the provider's interval and what the patient said "
            "about when they can come.")


class ScheduleForm(FormBase):
    """A week of the provider's open days; rows of slot times, scrolled by the player."""

    title = "Follow-up"
    primary_label = "Book"

    def build(self) -> None:
        """The order, the patient's words, the week, the slot grid, Book."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Follow-up: {p.name}")
        self.order = p.spec.orders.follow_up
        self.today = self.sim.scenario.date
        self.provider = p.spec.appointment.provider
        self.selected: tuple[dt.date, str] | None = None
        self.offset = 0
        self._drawn: tuple[object, ...] = ()
        self._day_style: dict[int, str] = {}
        w, h = self.size
        inner = w - 2 * PAD
        rows = Rows(gap=4)
        self.label(pygame.Rect(PAD, rows.take(22), inner, 22), self._order_text(), "heading",
                   tip=self._window_text())
        note = p.spec.availability.note
        said = (f"The patient says: \u201c{html.escape(note, quote=False)}\u201d" if note
                else "The patient did not say when they can come back.")
        self.box(pygame.Rect(PAD, rows.take(56), inner, 56), said)
        self._week_row(rows.take(ROW), w, inner)
        self.times = self._slot_times()
        days = self._open_weekdays()
        col_w = inner // max(1, len(days))
        top = rows.take(36)
        self.day_labels = [(self.label(pygame.Rect(PAD + i * col_w, top, col_w - 4, 20), "",
                                       "day"),
                            self.label(pygame.Rect(PAD + i * col_w, top + 20, col_w - 4, 16),
                                       "", "small_center"))
                           for i in range(len(days))]
        bottom = h - PAD - 44 - 4 - 32
        grid_h = bottom - 4 - rows.y
        self.visible = max(1, min(len(self.times), grid_h // CELL_H))
        grid_top = rows.take(self.visible * CELL_H)
        self.grid_rect = pygame.Rect(PAD, grid_top, inner, self.visible * CELL_H)
        self.cells = [[self._cell(r, c, grid_top, col_w) for c in range(len(days))]
                      for r in range(self.visible)]
        self.earlier = self.button(pygame.Rect(PAD, bottom, 92, 32), "Earlier",
                                   lambda: self.scroll(-self.visible), "e",
                                   "Show earlier times of the day (or use the mouse wheel).")
        self.later = self.button(pygame.Rect(PAD + 96, bottom, 92, 32), "Later",
                                 lambda: self.scroll(self.visible), "l",
                                 "Show later times of the day (or use the mouse wheel).")
        self.chosen_label = self.label(pygame.Rect(PAD + 196, bottom, inner - 196 - 128, 32), "")
        self.book = self.button(pygame.Rect(w - PAD - 124, bottom, 124, 32), "[Enter] Book",
                                self.primary, tip=TIP_BOOK)
        self.status_area(pygame.Rect(PAD, h - PAD - 44, inner, 44),
                         "Arrows: move \u00b7 PgUp/PgDn: week \u00b7 "
                         + keys_hint("book", tab=False))
        for name, step in (("up", (-1, 0)), ("down", (1, 0)), ("left", (0, -1)),
                           ("right", (0, 1))):
            self.bind(name, partial(self.move, *step))
        self.week = self._monday(self.today + dt.timedelta(days=self.order.min_days
                                                           if self.order else 1))
        self.refresh()

    # --- layout pieces ----------------------------------------------------------------
    def _week_row(self, top: int, w: int, inner: int) -> None:
        self.button(pygame.Rect(PAD, top, 150, ROW), "[PgUp] Prev week",
                    lambda: self.page(-1), tip="The week before.")
        self.bind("page up", lambda: self.page(-1))
        self.week_label = self.label(pygame.Rect(PAD + 156, top, inner - 312, ROW), "",
                                     "heading_center")
        self.button(pygame.Rect(w - PAD - 150, top, 150, ROW), "[PgDn] Next week",
                    lambda: self.page(1), tip="The week after.")
        self.bind("page down", lambda: self.page(1))

    def _cell(self, row: int, col: int, top: int, col_w: int) -> UIButton:
        return self.button(pygame.Rect(PAD + col * col_w, top + row * CELL_H, col_w - 4,
                                       CELL_H - 2), "", lambda: self.choose(row, col),
                           tip=TIP_FREE, object_id="#form_slot")

    def _order_text(self) -> str:
        if self.order is None:
            return "The provider did not order a follow-up."
        visit = next(v for v in self.sim.scenario.visit_types if v.id == self.order.visit_type)
        prov = next(pr.name for pr in self.sim.scenario.providers if pr.id == self.provider)
        return (f"{visit.name} ({visit.minutes} min) with {prov}, in "
                f"{self.order.min_days}-{self.order.max_days} days")

    def _window_text(self) -> str:
        if self.order is None:
            return ""
        first = self.today + dt.timedelta(days=self.order.min_days)
        last = self.today + dt.timedelta(days=self.order.max_days)
        return (f"Today is {short_date(self.today)}: the provider's interval runs from "
                f"{short_date(first)} to {short_date(last)} {last.year}. Days inside it are "
                "highlighted; each day shows how many days from today it is.")

    def _slot_times(self) -> list[str]:
        return slot_times(self.sim, self.order.visit_type if self.order else None)

    def _open_weekdays(self) -> list[int]:
        return open_weekdays(self.sim)

    @staticmethod
    def _monday(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=day.weekday())

    def days(self) -> list[dt.date]:
        """The open days of the week shown."""
        return [self.week + dt.timedelta(days=i) for i in self._open_weekdays()]

    def in_window(self, day: dt.date) -> bool:
        """Inside the provider's interval."""
        if self.order is None:
            return False
        days = (day - self.today).days
        return self.order.min_days <= days <= self.order.max_days

    def free(self, day: dt.date) -> set[str]:
        """Start times where the visit fits on that day."""
        if self.order is None or day <= self.today:
            return set()
        return set(self.sim.calendar.free_slots(self.provider, self.order.visit_type, day))

    # --- what the player sees ----------------------------------------------------------
    def refresh(self) -> None:
        """Redraw the grid only when the week, the scroll, the bookings or the choice change."""
        if self.closed:
            return
        state = (self.week, self.offset, len(self.sim.calendar.taken), self.selected,
                 self.p.follow_up)
        if state == self._drawn:
            return
        self._drawn = state
        days = self.days()
        self.show(self.week_label, f"Week of {self.week.day} {self.week:%b %Y}")
        for (date_label, sub), day in zip(self.day_labels, days, strict=True):
            free = self.free(day)
            self._day_header(date_label, day)
            ahead = (day - self.today).days
            self.show(sub, "past" if ahead <= 0 else f"{ahead} days \u00b7 {len(free)} free")
            col = days.index(day)
            for r in range(self.visible):
                self._paint(self.cells[r][col], day, r + self.offset, free)
        self._chosen_text()

    def _day_header(self, widget: UILabel, day: dt.date) -> None:
        want = "#form_day_in" if self.in_window(day) else "#form_day"
        if self._day_style.get(id(widget)) != want:
            self._day_style[id(widget)] = want
            widget.change_object_id(want)
        self.show(widget, short_date(day))

    def _paint(self, cell: UIButton, day: dt.date, row: int, free: set[str]) -> None:
        if row >= len(self.times):
            self.show(cell, "")
            self.enable(cell, False)
            return
        time = self.times[row]
        if day <= self.today:
            text, ok = "\u2014", False
        elif time in free:
            text, ok = time, True
        else:
            text, ok = f"{time} booked", False
        chosen = self.selected == (day, time)
        self.show(cell, f"[{time}]" if chosen else text)
        self.enable(cell, ok and self.p.follow_up is None)
        if chosen and not cell.is_selected:
            cell.select()
        elif not chosen and cell.is_selected:
            cell.unselect()
        cell.set_tooltip(TIP_FREE if ok else TIP_BOOKED if day > self.today else "In the past.")

    def _chosen_text(self) -> None:
        if self.p.follow_up is not None:
            day, time = self.p.follow_up
            self.show(self.chosen_label, f"Booked: {short_date(day)} {time}")
        elif self.selected is None:
            self.show(self.chosen_label, "Choose a free slot")
        else:
            day, time = self.selected
            self.show(self.chosen_label, f"Chosen: {short_date(day)} {time}")
        self.enable(self.book, self.selected is not None and self.p.follow_up is None)

    # --- actions ----------------------------------------------------------------------
    def page(self, weeks: int) -> None:
        """Another week (not before this week, not beyond the horizon)."""
        first = self._monday(self.today)
        new = self.week + dt.timedelta(weeks=weeks)
        if first <= new <= first + dt.timedelta(weeks=MAX_WEEKS_AHEAD):
            self.week = new
        self.refresh()

    def scroll(self, rows: int) -> None:
        """Earlier or later times of the day."""
        self.offset = max(0, min(len(self.times) - self.visible, self.offset + rows))
        self.refresh()

    def choose(self, row: int, col: int) -> None:
        """Pick a free slot (a click on a cell)."""
        day, index = self.days()[col], row + self.offset
        if index < len(self.times) and self.times[index] in self.free(day):
            self.selected = (day, self.times[index])
        self.refresh()

    def move(self, drow: int, dcol: int) -> None:
        """Arrow keys: the next free slot in that direction (scrolling to it)."""
        days = self.days()
        if self.selected is None or self.selected[0] not in days:
            for day in days:
                ordered = sorted(self.free(day))
                if ordered:
                    self.selected = (day, ordered[0])
                    break
        else:
            day, time = self.selected
            col, row = days.index(day), self.times.index(time)
            if dcol:
                col = max(0, min(len(days) - 1, col + dcol))
                free = self.free(days[col])
                options = sorted(free, key=lambda t: abs(self.times.index(t) - row))
                if options:
                    self.selected = (days[col], options[0])
            else:
                free = self.free(day)
                step = range(row + drow, -1 if drow < 0 else len(self.times), drow)
                nxt = next((self.times[r] for r in step if self.times[r] in free), None)
                if nxt is not None:
                    self.selected = (day, nxt)
        if self.selected is not None:
            row = self.times.index(self.selected[1])
            if not self.offset <= row < self.offset + self.visible:
                self.offset = max(0, min(len(self.times) - self.visible,
                                         row - self.visible // 2))
        self.refresh()

    def handle(self, event: pygame.event.Event) -> None:
        """The mouse wheel over the grid scrolls the times; the rest as every form."""
        if (event.type == pygame.MOUSEWHEEL and not self.closed
                and self.grid_rect.move(self.container.get_abs_rect().topleft)
                .collidepoint(pygame.mouse.get_pos())):
            self.scroll(-event.y)
        super().handle(event)

    def primary(self) -> None:
        """Book the chosen slot."""
        if self.selected is None:
            self.say("Choose a free slot first.")
            return
        day, time = self.selected
        if self.do(BookFollowUp(patient=self.p.id, date=day, time=time)):
            self.close()

    def cell_for(self, day: dt.date, time: str) -> UIButton | None:
        """The button showing a slot, if it is on screen (for tests and hints)."""
        days = self.days()
        if day not in days or time not in self.times:
            return None
        row = self.times.index(time) - self.offset
        return self.cells[row][days.index(day)] if 0 <= row < self.visible else None
