"""Drawing the debrief's timeline with pygame, and describing what is under the mouse."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.debrief.timeline import Lane, TimelineModel, hhmm
from game.ui.kit.badges import Icons
from game.ui.kit.text_cache import TextCache
from game.ui.kit.theme import ACCENT, BAD, GOOD, INK, LINE, MUTED, PANEL, WARN

KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "desk": ACCENT, "rooming": GOOD, "lab": (118, 78, 158), "provider": WARN, "tasks": MUTED,
    "early": LINE, "wait": (232, 178, 92), "exam": ACCENT,
}
GRID = (226, 231, 237)
LABEL_W = 170
OUTCOME_W = 86
AXIS_H = 20
SECTION_H = 18


MIN_ROW = 14  # below this, the patient rows scroll instead of shrinking


@dataclass(frozen=True)
class Row:
    """Where one lane is drawn (patient rows before scrolling)."""

    lane: Lane
    rect: pygame.Rect
    ma: bool


class TimelineView:
    """Lays a TimelineModel out in a rect and draws it; describe() feeds the tooltip.

    The MA's rows stay put; the patient rows shrink to fit, down to MIN_ROW pixels, and
    scroll (mouse wheel) when there are more than fit.
    """

    def __init__(self, model: TimelineModel, text: TextCache, icons: Icons) -> None:
        self.model = model
        self.text = text
        self.icons = icons
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.plot = pygame.Rect(0, 0, 0, 0)
        self.patient_area = pygame.Rect(0, 0, 0, 0)
        self.rows: list[Row] = []
        self.font_size = 12
        self.patients_top = 0
        self.scroll = 0
        self.scroll_max = 0

    def layout(self, rect: pygame.Rect) -> None:
        """Fit the lanes into rect: MA rows are thinner than patient rows."""
        self.rect = rect
        m = self.model
        n_ma, n_pat = len(m.ma_lanes), max(1, len(m.patient_lanes))
        free = rect.height - AXIS_H - 2 * SECTION_H - 6
        ma_row = max(11, min(15, int(free * 0.7) // (n_pat + n_ma)))
        row = max(MIN_ROW, min(22, (free - ma_row * n_ma) // n_pat))
        self.font_size = 12 if row >= 15 else 11
        self.plot = pygame.Rect(rect.left + LABEL_W, rect.top + AXIS_H,
                                rect.width - LABEL_W - OUTCOME_W, rect.height - AXIS_H)
        y = self.plot.top + SECTION_H
        self.rows = []
        for lane in m.ma_lanes:
            self.rows.append(Row(lane, pygame.Rect(self.plot.left, y, self.plot.width, ma_row),
                                 True))
            y += ma_row
        self.patients_top = y + 6
        y = self.patients_top + SECTION_H
        self.patient_area = pygame.Rect(rect.left, y, rect.width, rect.bottom - y)
        for lane in m.patient_lanes:
            self.rows.append(Row(lane, pygame.Rect(self.plot.left, y, self.plot.width, row),
                                 False))
            y += row
        self.scroll_max = max(0, y - self.patient_area.bottom)
        self.scroll = min(self.scroll, self.scroll_max)

    def scroll_by(self, pixels: int) -> None:
        """Scroll the patient rows (when they do not all fit)."""
        self.scroll = max(0, min(self.scroll_max, self.scroll + pixels))

    def shown(self, row: Row) -> pygame.Rect:
        """Where a row is on screen now (patient rows move with the scroll)."""
        return row.rect if row.ma else row.rect.move(0, -self.scroll)

    def x_of(self, t: int) -> int:
        """Screen x of a simulated time."""
        m = self.model
        frac = (t - m.start) / max(1, m.end - m.start)
        return self.plot.left + round(frac * self.plot.width)

    def t_of(self, x: int) -> int:
        """Simulated time at a screen x."""
        m = self.model
        return m.start + round((x - self.plot.left) / max(1, self.plot.width) * (m.end - m.start))

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Axis, grid, sections, lanes."""
        text, plot = self.text, self.plot
        bottom = min(self.patient_area.bottom, self.rows[-1].rect.bottom if self.rows else 0)
        for hour in range(self.model.start, self.model.end + 1, 3600):
            x = self.x_of(hour)
            pygame.draw.line(surface, GRID, (x, plot.top), (x, bottom))
            text.blit(surface, hhmm(hour), (x, self.rect.top + 2), 12, MUTED, anchor="midtop")
        text.blit(surface, "Medical assistant (you)", (self.rect.left, plot.top + 1), 12, INK,
                  bold=True)
        text.blit(surface, "Patients (appointment, name)", (self.rect.left, self.patients_top),
                  12, INK, bold=True)
        text.blit(surface, "waited", (self.rect.right, self.patients_top), 12, INK, bold=True,
                  anchor="topright")
        ma_rows = [r.rect for r in self.rows if r.ma]
        if ma_rows:
            top, bottom = ma_rows[0].top, ma_rows[-1].bottom
            for mark in self.model.criticals:
                x = self.x_of(mark.t)
                pygame.draw.line(surface, BAD, (x, top), (x, bottom), 2)
                self.icons.blit(surface, "critical", (x, top - 1), 14, anchor="midbottom")
        clip = surface.get_clip()
        for i, row in enumerate(self.rows):
            r = self.shown(row)
            if not row.ma:
                surface.set_clip(self.patient_area.clip(clip))
                if not r.colliderect(self.patient_area):
                    continue
                if i % 2:
                    band = pygame.Rect(self.rect.left, r.top, self.rect.width, r.height)
                    pygame.draw.rect(surface, (243, 246, 249), band)
            self._lane(surface, row, r)
        surface.set_clip(clip)
        if self.scroll_max:
            area = self.patient_area
            track = pygame.Rect(area.right + 6, area.top, 5, area.height)
            pygame.draw.rect(surface, LINE, track, border_radius=2)
            total = area.height + self.scroll_max
            knob_h = max(20, track.height * area.height // total)
            knob_y = track.top + (track.height - knob_h) * self.scroll // self.scroll_max
            pygame.draw.rect(surface, MUTED, (track.left, knob_y, 5, knob_h), border_radius=2)

    def _lane(self, surface: pygame.Surface, row: Row, r: pygame.Rect) -> None:
        text, size = self.text, self.font_size
        label = text.fit(row.lane.label, size, LABEL_W - 12)
        text.blit(surface, label, (self.rect.left + (8 if row.ma else 0), r.centery), size,
                  MUTED if row.ma else INK, anchor="midleft")
        if row.ma:
            pygame.draw.line(surface, GRID, (r.left, r.bottom - 1), (r.right, r.bottom - 1))
        pad = 1 if row.ma else max(2, r.height // 5)
        for span in row.lane.spans:
            x0, x1 = self.x_of(span.start), self.x_of(span.end)
            box = pygame.Rect(x0, r.top + pad, max(2, x1 - x0), r.height - 2 * pad)
            pygame.draw.rect(surface, KIND_COLOURS.get(span.kind, MUTED), box,
                             border_radius=2 if box.width > 4 else 0)
        icon = max(10, min(16, r.height))
        for mark in row.lane.marks:
            x = self.x_of(mark.t)
            if mark.kind == "appointment":
                pygame.draw.line(surface, INK, (x, r.top + 1), (x, r.bottom - 2), 2)
            elif mark.kind == "critical":
                self.icons.blit(surface, "critical", (x, r.centery), icon, anchor="center")
            elif mark.kind == "left":
                self.icons.blit(surface, "fail", (x, r.centery), icon, anchor="center")
        if row.lane.outcome:
            colour = BAD if row.lane.alarm else INK
            text.blit(surface, row.lane.outcome, (self.rect.right, r.centery), size, colour,
                      bold=row.lane.alarm, anchor="midright")
            if row.lane.alarm:
                w = text.render(row.lane.outcome, size, colour, True).get_width()
                self.icons.blit(surface, "warning", (self.rect.right - w - 4, r.centery),
                                max(10, size), anchor="midright")

    def legend(self) -> list[tuple[str, tuple[int, int, int]]]:
        """(label, colour) for the key under the timeline."""
        return [("waiting", KIND_COLOURS["wait"]), ("with the provider", KIND_COLOURS["exam"]),
                ("arrived early", KIND_COLOURS["early"])]

    def draw_legend(self, surface: pygame.Surface, pos: tuple[int, int]) -> None:
        """Swatches with words, and the icons used on the lanes."""
        x, y = pos
        text = self.text
        for label, colour in self.legend():
            pygame.draw.rect(surface, colour, (x, y + 3, 18, 10), border_radius=2)
            x = text.blit(surface, label, (x + 24, y), 12, MUTED).right + 14
        pygame.draw.line(surface, INK, (x + 4, y + 1), (x + 4, y + 14), 2)
        x = text.blit(surface, "appointment", (x + 12, y), 12, MUTED).right + 14
        self.icons.blit(surface, "critical", (x, y), 14)
        x = text.blit(surface, "critical error", (x + 20, y), 12, MUTED).right + 14
        self.icons.blit(surface, "fail", (x, y), 14)
        text.blit(surface, "walked out", (x + 20, y), 12, MUTED)

    # -- tooltip --------------------------------------------------------------------------
    def describe(self, pos: tuple[int, int]) -> list[str]:
        """What is under the mouse, as lines of text (empty when nothing)."""
        for row in self.rows:
            r = self.shown(row)
            band = pygame.Rect(self.rect.left, r.top, self.rect.width, r.height)
            if not row.ma and not self.patient_area.collidepoint(pos):
                continue
            if band.collidepoint(pos):
                return self._describe_ma(row.lane, pos[0]) if row.ma else self._describe_patient(
                    row.lane)
        return []

    def _describe_ma(self, lane: Lane, x: int) -> list[str]:
        t = self.t_of(x)
        slack = (self.model.end - self.model.start) * 4 // max(1, self.plot.width)
        lines = [f"{lane.label} at {hhmm(max(t, 0))}"]
        near = [s for s in lane.spans if s.start - slack <= t <= s.end + slack]
        lines += [f"{hhmm(s.start)}-{hhmm(s.end)} {s.label}" for s in near[:4]]
        lines += [f"{hhmm(m.t)} critical: {m.label}" for m in self.model.criticals
                  if abs(m.t - t) <= slack]
        return lines if len(lines) > 1 else [lines[0], "(nothing at this time)"]

    def _describe_patient(self, lane: Lane) -> list[str]:
        lines = [lane.title or lane.label]
        lines += [f"{hhmm(s.start)}-{hhmm(s.end)} {s.label}" for s in lane.spans]
        lines += [f"{hhmm(m.t)} {m.label}" for m in lane.marks if m.kind != "appointment"]
        if lane.outcome:
            lines.append(f"outcome: {'waited ' if lane.outcome.endswith('min') else ''}"
                         f"{lane.outcome}")
        return lines

    def draw_tooltip(self, surface: pygame.Surface, pos: tuple[int, int]) -> None:
        """A small box of text near the mouse, kept inside the window."""
        lines = self.describe(pos)[:6]
        if not lines:
            return
        text = self.text
        w = max(text.render(line, 13, INK).get_width() for line in lines) + 20
        h = 18 * len(lines) + 12
        box = pygame.Rect(pos[0] + 14, pos[1] + 14, w, h)
        if box.right > self.rect.right:
            box.right = pos[0] - 10
        box.clamp_ip(self.rect.inflate(20, 40))
        pygame.draw.rect(surface, PANEL, box, border_radius=6)
        pygame.draw.rect(surface, INK, box, 1, border_radius=6)
        for i, line in enumerate(lines):
            text.blit(surface, line, (box.left + 10, box.top + 6 + 18 * i), 13, INK,
                      bold=i == 0)
