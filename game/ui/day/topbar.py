"""The top bar: clock, phase, what the MA is doing, score, courier countdown, speed buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.report.text import percent
from game.scenario.types import clock
from game.sim.view import courier_soon, next_pickup
from game.ui.day.sim_clock import SimClock
from game.ui.kit import status_icons, theme
from game.ui.kit.fmt import pts, time_left
from game.ui.kit.text_cache import TextCache

if TYPE_CHECKING:
    from game.sim.engine import Simulation

PHASES = {"opening": "Opening", "clinic": "Clinic hours", "closing": "Closing"}
# (id, caption, tooltip)
SPEED_BUTTONS = (
    ("pause", "II", "Pause / resume the day (Space)"),
    ("1", "1x", "Normal speed: one real second is 30 simulated seconds (key 1)"),
    ("2", "2x", "Double speed (key 2)"),
    ("4", "4x", "Four times as fast (key 3)"),
)


def countdown(secs: int) -> str:
    """'in 1 h 05 min' or 'in 12 min'."""
    mins = max(0, secs) // 60
    return f"in {mins // 60} h {mins % 60:02d} min" if mins >= 60 else f"in {mins} min"


class TopBar:
    """Draws the bar's text itself (cached) and owns the pygame_gui speed and help buttons."""

    def __init__(self, sim: Simulation, text: TextCache, manager: pygame_gui.UIManager) -> None:
        self.sim = sim
        self.text = text
        self.manager = manager
        self.actor: str | None = None  # the staff member the player directs (None: the lead)
        self.you = "You are"  # "The MA is" when watching someone else's session
        self.buttons: dict[str, pygame_gui.elements.UIButton] = {}
        self.rect = pygame.Rect(0, 0, 0, 0)
        self._score_key = -1
        self._score = (0, 0)
        self._selected = ""
        self.status_rect = pygame.Rect(0, 0, 0, 0)
        self.tips: list[tuple[pygame.Rect, str]] = []

    def layout(self, rect: pygame.Rect, font: int) -> None:
        """(Re)create the buttons for the bar's rect."""
        self.kill()
        self.rect = rect
        self.font = font
        bh = rect.h - 14
        bw = max(44, bh + 8)
        x = rect.right - 8 - (len(SPEED_BUTTONS) + 1) * (bw + 4)
        for key, caption, tip in SPEED_BUTTONS:
            self.buttons[key] = pygame_gui.elements.UIButton(
                pygame.Rect(x, rect.y + 7, bw, bh), caption, self.manager, tool_tip_text=tip,
                object_id=f"#speed_{key}")
            x += bw + 4
        self.buttons["help"] = pygame_gui.elements.UIButton(
            pygame.Rect(x + 4, rect.y + 7, bw, bh), "?", self.manager,
            tool_tip_text="Keyboard shortcuts and how to play (F1)", object_id="#help")
        self.buttons_left = self.buttons["pause"].rect.left
        self._selected = ""

    def kill(self) -> None:
        """Remove the buttons."""
        for b in self.buttons.values():
            b.kill()
        self.buttons.clear()

    def button_id(self, element: object) -> str | None:
        """Which of our buttons a UI event came from."""
        return next((k for k, b in self.buttons.items() if b is element), None)

    def sync(self, sim_clock: SimClock) -> None:
        """Show the chosen speed as the selected button (only when it changes)."""
        want = "pause" if sim_clock.paused else f"{int(sim_clock.speed)}"
        if want != self._selected and self.buttons:
            for k, b in self.buttons.items():
                if k == want:
                    b.select()
                elif k != "help":
                    b.unselect()
            self._selected = want

    def score(self) -> tuple[int, int]:
        """Points so far and the live percentage, recomputed only when the ledger grows."""
        n = len(self.sim.ledger.entries)
        if n != self._score_key:
            self._score_key = n
            # Early in the day the final score (over everything the day offers) is near zero;
            # the share of the points at stake so far says more about how the day goes.
            entries = self.sim.ledger.entries
            at_stake = sum(e.max for e in entries)
            earned = self.sim.ledger.running_total()
            pct = percent(earned, at_stake) if at_stake else 100
            self._score = (earned, min(100, pct))
        return self._score

    def draw(self, s: pygame.Surface, sim_clock: SimClock, held_reason: str) -> None:
        """Clock, phase, MA status, score, courier."""
        sim, t, r, f = self.sim, self.text, self.rect, self.font
        pygame.draw.rect(s, theme.INK, r)
        white, soft = (255, 255, 255), (190, 204, 218)
        x = r.x + 12
        cr = t.blit(s, clock(sim.now), (x, r.centery), f + 9, white, bold=True, anchor="midleft")
        x = cr.right + 10
        phase = PHASES[sim.phase]
        state = "PAUSED" if sim_clock.paused else (held_reason.upper() if held_reason else
                                                   f"{int(sim_clock.speed)}x")
        t.blit(s, phase, (x, r.y + 6), f, white, bold=True)
        t.blit(s, state, (x, r.bottom - 6), f - 2, (255, 214, 120) if not sim_clock.running
               else soft, bold=not sim_clock.running, anchor="bottomleft")
        x += max(t.font(f, True).size(phase)[0], 90) + 14
        points, pct = self.score()
        right = self.buttons_left - 12 if self.buttons else r.right - 12
        nxt = next_pickup(sim)
        courier = (f"Courier {clock(nxt)}", countdown(nxt - sim.now)) if nxt is not None else (
            "Courier", "no pickup left")
        cw = max(t.font(f - 1).size(courier[0])[0], t.font(f - 2).size(courier[1])[0])
        status_icons.courier(s, (right - cw - 14, r.centery), max(7, f // 2), soft)
        t.blit(s, courier[0], (right, r.y + 6), f - 1, white, anchor="topright")
        soon = courier_soon(sim)
        t.blit(s, courier[1], (right, r.bottom - 6), f - 2, (255, 214, 120) if soon else soft,
               bold=soon, anchor="bottomright")
        right -= cw + 34
        score_txt = pts(points, sign=True)
        sw = max(t.font(f, True).size(score_txt)[0], t.font(f - 2).size("100% so far")[0])
        t.blit(s, score_txt, (right, r.y + 6), f, white, bold=True, anchor="topright")
        t.blit(s, f"{pct}% so far", (right, r.bottom - 6), f - 2, soft, anchor="bottomright")
        self.tips = [(pygame.Rect(right - sw, r.y, sw, r.h), "Points won and lost so far, and "
                      "the share of the points at stake so far that you earned. The final score "
                      "weights safety, clinical, administrative, flow and experience."),
                     (pygame.Rect(right + 20, r.y, cw + 34, r.h), "The lab courier's next "
                      "pickup: pack labeled, spun specimens before it comes."),
                     (pygame.Rect(r.x, r.y, x - r.x, r.h), "The clinic's clock, the part of "
                      "the day and the game speed.")]
        right -= sw + 20
        status = t.fit(self.status_text(), f, max(20, right - x))
        self.status_rect = t.blit(s, status, (x, r.centery), f, white, anchor="midleft")
        self.tips.append((self.status_rect, "What you (the MA) are doing now. While you are "
                          "busy, up to five actions wait in a queue; cancel one from the day's "
                          "overview (Backspace)."))

    def status_text(self) -> str:
        """What the directed staff member is doing and how long it still takes (or that
        they are free), and how many actions wait in their queue."""
        sim = self.sim
        ma = sim.staff(self.actor) or sim.lead
        who = f"{ma.name}: " if len(sim.world.staff) > 1 else ""
        queued = f" [+{len(ma.queue)} queued]" if ma.queue else ""
        if ma.busy_until > sim.now:
            # The clock shows minutes: "until 08:51" at 08:51 reads as free, yet actions
            # wait. What is left, in seconds, never reads as now.
            # The time first, so a narrow bar shortens the activity, not what is left.
            return f"{who}Busy {time_left(ma.busy_until - sim.now)} more{queued}: {ma.activity}"
        if who:
            return f"{who}free: choose what to do next"
        return f"{self.you} free: choose what to do next"

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        """The hover text of the bar's item under pos."""
        return next((tip for rect, tip in self.tips if rect.collidepoint(pos)), None)
