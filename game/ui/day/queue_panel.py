"""The queue panel: who waits for what and for how long, most urgent first; click to select."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenario.types import clock
from game.sim.state import Status
from game.sim.view import closing_starts
from game.ui.day.needs import Need, queue
from game.ui.kit import status_icons, theme
from game.ui.kit.text_cache import TextCache

if TYPE_CHECKING:
    from game.sim.engine import Simulation


class QueuePanel:
    """Draws the queue and maps clicks on its rows to patients."""

    def __init__(self, sim: Simulation, text: TextCache) -> None:
        self.sim = sim
        self.text = text
        self.needs: list[Need] = []
        self.rows: list[tuple[pygame.Rect, tuple[str, str], str]] = []  # rect, selection, tip
        self._stamp: tuple[int, int, int] = (-1, -1, -1)

    def refresh(self, force: bool = False) -> list[Need]:
        """Recompute the queue when the world changed, or ten simulated seconds passed (the
        waits it shows count in minutes)."""
        stamp = (self.sim.revision, self.sim.now // 10, len(self.sim.notices))
        if stamp != self._stamp or force:
            self._stamp = stamp
            self.needs = queue(self.sim)
        return self.needs

    def draw(self, s: pygame.Surface, rect: pygame.Rect, font: int, small: int,
             selected: tuple[str, str] | None) -> None:
        """The header, then one row per need until the panel is full."""
        t, sim = self.text, self.sim
        pygame.draw.rect(s, theme.PANEL, rect, border_radius=6)
        pygame.draw.rect(s, theme.LINE, rect, 1, border_radius=6)
        t.blit(s, "Queue", (rect.x + 10, rect.y + 8), font + 1, theme.INK, bold=True)
        t.blit(s, "Tab: next", (rect.right - 10, rect.y + 11), small, theme.MUTED,
               anchor="topright")
        y = rect.y + font + 20
        self.rows = []
        row_h = font + small + 14
        needs = self.refresh()
        todo = self._checklist_left()
        if todo:
            t.blit(s, todo, (rect.x + 10, y), small, theme.WARN, bold=True)
            y += small + 10
        if not needs:
            t.blit(s, "Nobody is waiting for you.", (rect.x + 10, y), small, theme.MUTED)
        for i, need in enumerate(needs):
            if y + row_h > rect.bottom - small - 26:  # keep room for "+N more" and the footer
                t.blit(s, f"+ {len(needs) - i} more", (rect.x + 10, y), small, theme.MUTED)
                break
            r = pygame.Rect(rect.x + 4, y, rect.w - 8, row_h - 2)
            self._row(s, r, need, font, small, need.selection == selected)
            tip = f"{self.name(need)}: waiting for {need.label}" + (
                f" ({need.note})" if need.note else "") + ". Click to select."
            self.rows.append((r, need.selection, tip))
            y += row_h
        seen = sum(p.status == Status.CHECKED_OUT for p in sim.world.patients.values())
        # A walk-in counts once they walk in: before that nobody knows they will come.
        expected = sum(not (p.walk_in and p.status == Status.SCHEDULED)
                       for p in sim.world.patients.values())
        t.blit(s, f"Seen {seen} of {expected}", (rect.x + 10, rect.bottom - 6),
               small, theme.MUTED, anchor="bottomleft")

    def _checklist_left(self) -> str:
        """The open checklist of this phase, as a reminder line (T opens it)."""
        sim = self.sim
        phase = ("opening" if sim.phase == "opening"
                 else "closing" if sim.now >= closing_starts(sim) else None)
        left = sum(1 for ts in sim.world.tasks.values()
                   if ts.phase == phase and ts.done_t is None)
        return f"{phase.title()} checklist: {left} to do [T]" if phase and left else ""

    def _row(self, s: pygame.Surface, r: pygame.Rect, need: Need, font: int, small: int,
             selected: bool) -> None:
        t, sim = self.text, self.sim
        bg = (255, 240, 214) if need.urgent else (255, 255, 255)
        pygame.draw.rect(s, bg, r, border_radius=5)
        pygame.draw.rect(s, theme.ACCENT if selected else theme.LINE, r, 3 if selected else 1,
                         border_radius=5)
        ir = max(6, small // 2 + 1)
        col = theme.BAD if need.urgency == 0 else theme.WARN if need.urgent else theme.ACCENT
        status_icons.draw(need.icon, s, (r.x + ir + 6, r.y + font // 2 + 5), ir, col)
        x = r.x + 2 * ir + 12
        mins = max(0, sim.now - need.since) // 60
        wait = f"{mins} min" if sim.now >= need.since else f"at {clock(need.since)}"
        if need.kind == "station":
            wait = ""  # rooms do not wait; they are in the queue so Tab reaches them
        wr = t.blit(s, wait, (r.right - 6, r.y + 4), small, theme.MUTED, anchor="topright")
        t.blit(s, t.fit(self.name(need), font, wr.left - x - 6, True), (x, r.y + 3), font,
               theme.INK,
               bold=True)
        what = f"next: {need.label}" + (f" · {need.note}" if need.note else "")
        t.blit(s, t.fit(what, small, r.right - x - 6, need.urgent), (x, r.y + font + 6), small,
               col if need.urgent else theme.INK, bold=need.urgent)

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        """The hover text of the row under pos."""
        return next((tip for r, _pid, tip in self.rows if r.collidepoint(pos)), None)

    def name(self, need: Need) -> str:
        """The patient's or the room's name."""
        if need.kind == "station":
            return ("Phone" if need.patient == "phone"
                    else self.sim.world.rooms[need.patient[5:]].name)
        return self.sim.world.patients[need.patient].name

    def pick(self, pos: tuple[int, int]) -> tuple[str, str] | None:
        """The selection of the row under pos."""
        return next((sel for r, sel, _ in self.rows if r.collidepoint(pos)), None)
