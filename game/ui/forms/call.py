"""The call panel: the caller's words, Verify and the chart, the choices (book with a day and
a time, cancel, route, 911, answer, take a message, hold) and the message pad."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton

from game.sim.view import (
    CALL_ACTIONS,
    CallState,
    CallStatus,
    Can,
    HandleCall,
    HoldCall,
    VerifyCaller,
    caller_name,
    phone,
)
from game.ui.forms.call_pad import MessagePad
from game.ui.forms.call_text import verify_html, words_html
from game.ui.forms.kit import PAD, ROW, FormBase
from game.ui.forms.parse import FieldError
from game.ui.forms.slots import free_times, open_days
from game.ui.kit.fmt import short_date

# (action, button text, key): the choices, in the order the MA weighs them.
CHOICES: tuple[tuple[str, str, str], ...] = (
    ("book", "Book", "b"), ("cancel", "Cancel visit", "c"), ("route", "To provider", "r"),
    ("call_911", "Call 911", "e"), ("answer", "Answer them", "a"),
    ("take_message", "Take message", "m"))
TIP_VERIFY = ("Ask their name, date of birth and who they are to the patient, and open the "
              "chart to compare.")
HINT = ("Tab: next field \u00b7 [letter] keys choose (Alt+letter in a field) \u00b7 Esc: "
        "close")


class CallForm(FormBase):
    """One call (or portal message), its subject the call's id."""

    title = "Call"
    primary_label = "Choose"

    def build(self) -> None:
        """Left: words, Verify, answers and chart. Right: the pad. Below: day, time, choices."""
        self.call: CallState = phone(self.sim).calls[self.subject]
        c = self.call
        what = "Portal message" if c.portal else "Call"
        self.window.set_display_title(f"{what}: {caller_name(c)}")
        w, h = self.size
        col = (w - 3 * PAD) // 2
        right = 2 * PAD + col
        small = h < 420
        row, gap = (24, 3) if small else (26, 4)
        bottom_h = 2 * (ROW + 4) + 36
        top = PAD
        self.words = self.box(pygame.Rect(PAD, top, col, 108 if small else 116), "", small=True)
        y = self.words.relative_rect.bottom + 4
        self.verify = self.button(pygame.Rect(PAD, y, col, ROW), "Verify the caller",
                                  self.do_verify, "v", TIP_VERIFY)
        y += ROW + 4
        self.chart = self.box(pygame.Rect(PAD, y, col, h - PAD - bottom_h - y), "", small=True)
        self.pad = MessagePad(self, right, top, col, row, gap)
        self.pad.refresh()
        self.bind("l", self.pad.next_relation)
        # The day and time for a booking, under the pad.
        self._picker(right, self.pad.rect.bottom, col, row, gap)
        y = h - PAD - bottom_h
        self.choices: dict[str, UIButton] = {}
        bw, bw2 = (w - 2 * PAD - 3 * 4) // 4, (w - 2 * PAD - 2 * 4) // 3
        for i, (action, text, key) in enumerate(CHOICES):
            # Four in the first row, then three wider ones (with hold) in the second.
            rect = (pygame.Rect(PAD + i * (bw + 4), y, bw, ROW) if i < 4 else
                    pygame.Rect(PAD + (i - 4) * (bw2 + 4), y + ROW + 4, bw2, ROW))
            self.choices[action] = self.button(rect, text, self._choose(action), key,
                                               CALL_ACTIONS[action].capitalize() + ".")
        self.hold_tip = (f"Ask first; they hang up after {self.sim.scenario.phone.hold_minutes} "
                         "min. The panel closes; answer them again from the phone.")
        self.hold = self.button(pygame.Rect(PAD + 2 * (bw2 + 4), y + ROW + 4, bw2, ROW),
                                "Put on hold", self.do_hold, "h", self.hold_tip)
        self.status_area(pygame.Rect(PAD, h - PAD - 36, w - 2 * PAD, 36), HINT)
        self._drawn: tuple[object, ...] = ()
        self.refresh()

    # --- the day and time picker (for book) --------------------------------------------
    def _picker(self, x: int, y: int, w: int, row: int, gap: int) -> None:
        wants = self.call.spec.wants
        self.days = open_days(self.sim) if wants is not None else []
        self.day_i: int | None = None
        self.time: str | None = None
        steps = ((lambda: self.day(-1), lambda: self.day(1)),
                 (lambda: self.slot(-1), lambda: self.slot(1)))
        rows = []
        for (name, tip_prev, tip_next), (back, on) in zip((
                ("Book day", "The open day before (Page Up).", "The next open day (Page Down)."),
                ("Book time", "An earlier free time that day (Up).",
                 "A later free time that day (Down).")), steps, strict=True):
            self.label(pygame.Rect(x, y, 78, row), name, "small")
            prev = self.button(pygame.Rect(x + 78, y, 28, row), "<", back, tip=tip_prev)
            shown = self.label(pygame.Rect(x + 108, y, w - 140, row), "", "heading_center")
            nxt = self.button(pygame.Rect(x + w - 30, y, 28, row), ">", on, tip=tip_next)
            rows.append((prev, shown, nxt))
            y += row + gap
        (self.day_prev, self.day_label, self.day_next), \
            (self.time_prev, self.time_label, self.time_next) = rows
        for name, fn in (("page up", lambda: self.day(-1)), ("page down", lambda: self.day(1)),
                         ("up", lambda: self.slot(-1)), ("down", lambda: self.slot(1))):
            self.bind(name, fn)

    def free(self) -> list[str]:
        """Free start times on the chosen day for the visit the caller wants."""
        wants = self.call.spec.wants
        if wants is None or self.day_i is None:
            return []
        return free_times(self.sim, wants.provider, wants.visit_type, self.days[self.day_i])

    def day(self, step: int) -> None:
        """Another open day; the time is chosen again."""
        if not self.days:
            return
        i = (-1 if step > 0 else len(self.days)) if self.day_i is None else self.day_i
        self.day_i = max(0, min(len(self.days) - 1, i + step))
        self.time = None
        self.refresh()

    def slot(self, step: int) -> None:
        """An earlier or later free time on the chosen day."""
        times = self.free()
        if not times:
            return
        i = (-1 if step > 0 else len(times)) if self.time not in times else \
            times.index(self.time)
        self.time = times[max(0, min(len(times) - 1, i + step))]
        self.refresh()

    def chosen_day(self) -> str:
        """The day picker's text."""
        if not self.days:
            return "no visit asked"
        if self.day_i is None:
            return "choose a day"
        d = self.days[self.day_i]
        return f"{short_date(d)} ({(d - self.sim.scenario.date).days} d)"

    # --- what the player sees ----------------------------------------------------------
    def refresh(self) -> None:
        """Words, chart and picker only when they change; the call ends: the form closes."""
        if self.closed:
            return
        c = self.call
        if c.status == CallStatus.DONE or (not c.portal and c.status != CallStatus.ON_LINE):
            self.close()
            return
        self.pad.refresh()
        state = (c.verified, c.status, self.day_i, self.time, len(self.sim.calendar.taken),
                 self.sim.revision)
        if state == self._drawn:
            return
        if self._drawn and self._drawn[0] != c.verified and self.message.startswith("Queued"):
            self.say("")  # the queued question has been asked: its line is done
        self._drawn = state
        self.show(self.words, words_html(self.sim, c))
        self.show(self.chart, verify_html(self.sim, c))
        self.show(self.day_label, self.chosen_day())
        times = self.free()
        self.show(self.time_label, self.time or ("choose a time" if times else
                                                 "no free time" if self.day_i is not None
                                                 else "\u2014"))
        for b in (self.day_prev, self.day_next):
            self.enable(b, bool(self.days))
        for b in (self.time_prev, self.time_next):
            self.enable(b, bool(times))
        for cmd, widget, tip in ((VerifyCaller(call=c.id), self.verify, TIP_VERIFY),
                                 (HoldCall(call=c.id), self.hold, self.hold_tip)):
            # Greyed with the simulation's reason (a portal message is not on the line).
            can, why = self.sim.can(cmd, c.staff)
            self.enable(widget, can != Can.NO)
            widget.set_tooltip(f"Not now: {why}" if can == Can.NO else tip)
        if c.verified:
            self.show(self.verify, "Verified: compare with the chart")

    # --- actions ----------------------------------------------------------------------
    def do_verify(self) -> None:
        """Ask who is calling."""
        self.do(VerifyCaller(call=self.call.id))
        self.refresh()

    def do_hold(self) -> None:
        """Put the caller on hold: the panel closes, the caller waits."""
        if self.do(HoldCall(call=self.call.id)):
            self.close()

    def _choose(self, action: str) -> Callable[[], None]:
        return lambda: self.handle_call(action)

    def handle_call(self, action: str) -> None:
        """Deal with the call and write the message; a refusal keeps everything typed."""
        try:
            message = self.pad.message()
        except FieldError as exc:
            self.say(str(exc))
            return
        day = self.days[self.day_i] if action == "book" and self.day_i is not None else None
        command = HandleCall(call=self.call.id, action=action,  # type: ignore[arg-type]
                             message=message, date=day,
                             time=self.time if action == "book" else None)
        if self.do(command):
            self.close()

    def primary(self) -> None:
        """Enter chooses nothing by itself: the choice is the player's."""
        self.say("Choose what to do with the buttons below (or their [letter] keys).")
