"""The floor plan: a cached background of stations, then rooms' state and people on top."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.sim.state import IN_ROOM, PatientState, Status
from game.sim.view import unscreened
from game.ui.day.bubbles import draw_bubbles
from game.ui.day.disruption_badges import draw_fridge_badge, room_badge
from game.ui.day.floor_geometry import TITLES, FloorGeometry, along
from game.ui.day.lab_state import draw_lab_state
from game.ui.day.needs import need_of, patience_left
from game.ui.day.phone_light import draw_phone
from game.ui.day.staff_tokens import draw_team
from game.ui.forms.med_obs import draw_observation
from game.ui.forms.supplies import draw_store_badge, stock_badge
from game.ui.kit import status_icons, theme
from game.ui.kit.text_cache import TextCache

if TYPE_CHECKING:
    from game.sim.engine import Simulation

STATION_ICONS = {"front_desk": "desk", "waiting_room": "chair", "workstation": "screen",
                 "lab": "drop", "supply": "box", "fridge": "snowflake",
                 "provider_office": "stethoscope"}
STATION_TIPS = {
    "front_desk": "Front desk: patients who arrive wait here to be checked in; checkout too.",
    "waiting_room": "Waiting room: checked-in patients wait here to be roomed.",
    "workstation": "Workstation: charts, referrals and the schedule.",
    "lab": "Lab / draw station: the centrifuge and the courier box for specimens.",
    "supply": "Supply room: supplies to stock the exam rooms.",
    "fridge": "Vaccine fridge: log its temperatures at opening and closing.",
    "provider_office": "Provider's office: providers wait here between patients.",
}
SLOTS = {"front_desk": 4, "waiting_room": 15}  # tokens drawn before "+N more"
Colour = tuple[int, int, int]
Hit = tuple[pygame.Rect, str, tuple[str, str] | None]  # rect, tooltip, what a click selects


@dataclass
class Walk:
    """The MA's current walk: from a station to another over a stretch of simulated time."""

    start: str
    end: str
    t0: float
    t1: float


def initials(p: PatientState) -> str:
    """Two letters for a token."""
    return (p.spec.name.first[:1] + p.spec.name.last[:1]).upper()


class FloorPlan:
    """Draws the clinic and answers 'what is under the mouse'."""

    def __init__(self, sim: Simulation, text: TextCache, rect: pygame.Rect, font: int) -> None:
        self.sim = sim
        self.text = text
        self.walks: dict[str, Walk] = {}  # each staff member's current walk
        self.actor: str | None = None  # the staff member the player directs now (None: lead)
        self.you = "YOU"  # the lone MA's token ("MA" when watching someone else's session)
        self.hits: list[Hit] = []
        self.phone_rect: pygame.Rect | None = None  # where the phone is drawn (bubbles avoid it)
        self.resize(rect, font)

    def resize(self, rect: pygame.Rect, font: int) -> None:
        """Lay out again and redraw the static background."""
        self.rect = rect.copy()
        self.font = font
        self.geo = FloorGeometry(self.sim.layout, self.rect)
        self.background = self._draw_background()

    # --- static layer ------------------------------------------------------------------
    def _draw_background(self) -> pygame.Surface:
        g, t = self.geo, self.text
        g.view_x = 0.0  # the whole plan, however wide; draw() shows the scrolled part
        surf = pygame.Surface((max(self.rect.w, g.content_w), self.rect.h))
        surf.fill(theme.PANEL)
        off = (-self.rect.x, -self.rect.y)
        corridor = g.box(g.x0 + 0.3, 9.7, g.x1 - 0.3, 11.5).move(off)
        pygame.draw.rect(surf, theme.FLOOR, corridor, border_radius=4)
        small = max(11, self.font - 2)
        for st in g.stations():
            r = g.station_rect(st).move(off)
            pygame.draw.rect(surf, theme.ROOM, r, border_radius=6)
            pygame.draw.rect(surf, theme.LINE, r, 2, border_radius=6)
            if st.startswith("room:"):
                room = self.sim.world.rooms[st[5:]]
                t.blit(surf, t.fit(room.name, self.font, r.w - 8, True), (r.x + 6, r.y + 4),
                       self.font, theme.INK, bold=True)
                status_icons.bed(surf, _px_off(g, g.patient_spot(st, 0), off, 0.0, 1.3), g.token_r)
            else:
                for i, line in enumerate(t.wrap(TITLES[st], small, r.w - 10, True)[:2]):
                    t.blit(surf, line, (r.x + 6, r.y + 3 + i * (small + 2)), small, theme.MUTED,
                           bold=True)
                ir = max(7, g.token_r * 2 // 3)
                c = (r.right - ir - 6, r.bottom - ir - 6)
                status_icons.draw(STATION_ICONS[st], surf, c, ir, theme.LINE)
        # The lab bench: centrifuge and courier box, named on the plan.
        lab = g.station_rect("lab").move(off)
        # Two rows at the left of the bench (centrifuge, courier box); the MA stands at its
        # right end. Kept in background pixels; draw() shifts them by the scroll.
        lab_font = max(11, self.font - 3)
        row = max(2 * max(7, g.token_r * 2 // 3), lab_font) + 3
        x0 = lab.x + 6 + max(7, g.token_r * 2 // 3)
        y1 = lab.bottom - 4 - row // 2
        self.spin_c = (x0, y1 - row)
        self.box_c = (x0, y1)
        return surf

    # --- dynamic layer -----------------------------------------------------------------
    def draw(self, surface: pygame.Surface, now: float, selected: tuple[str, str] | None
             ) -> None:
        """Rooms' state, lab state, the people (the scene draws tooltips last, on top)."""
        g = self.geo
        surface.blit(self.background, self.rect,
                     pygame.Rect(round(g.view_x), 0, self.rect.w, self.rect.h))
        clip = surface.get_clip()
        surface.set_clip(self.rect)
        self.hits = []
        for st in g.stations():
            r = g.station_rect(st)
            self.hits.append((r, self._station_tip(st), ("station", st)))
            if selected == ("station", st):
                pygame.draw.rect(surface, theme.ACCENT, r.inflate(4, 4), 3, border_radius=7)
            if st.startswith("room:"):
                self._room_state(surface, st, r)
        draw_lab_state(self, surface)
        draw_store_badge(self, surface)
        draw_fridge_badge(self, surface)
        self.bubbles: list[tuple[tuple[int, int], PatientState]] = []
        self._people(surface, now, selected)
        draw_phone(self, surface)
        draw_bubbles(self, surface, self.bubbles)
        if g.max_scroll:
            self._scrollbar(surface)
        surface.set_clip(clip)

    def _scrollbar(self, s: pygame.Surface) -> None:
        """Where the view is along a plan too long to show whole (scroll with the wheel)."""
        g, r = self.geo, self.rect
        track = pygame.Rect(r.x + 4, r.bottom - 10, r.w - 8, 6)
        w = max(30, round(track.w * r.w / g.content_w))
        x = track.x + round((track.w - w) * g.view_x / g.max_scroll)
        pygame.draw.rect(s, theme.LINE, track, border_radius=3)
        pygame.draw.rect(s, theme.MUTED, (x, track.y, w, track.h), border_radius=3)
        self.hits.insert(0, (track.inflate(0, 10), "The clinic is longer than the window: "
                             "scroll with the mouse wheel, or select a patient to bring "
                             "them into view.", None))

    def scroll(self, dx: float) -> None:
        """Scroll a long plan sideways."""
        self.geo.scroll(dx)

    def reveal(self, selection: tuple[str, str] | None) -> None:
        """Scroll a long plan so the selected patient or station is in view."""
        if not self.geo.max_scroll or selection is None:
            return
        g, sim = self.geo, self.sim
        station = selection[1]
        if selection[0] == "patient":
            p = sim.world.patients.get(selection[1])
            if p is None:
                return
            station = f"room:{p.room}" if p.room and p.status in IN_ROOM else (
                "front_desk" if p.status == Status.ARRIVED else "waiting_room")
        if station in g.layout.positions:
            g.reveal(g.station_rect(station).centerx)

    def _station_tip(self, st: str) -> str:
        if st.startswith("room:"):
            room = self.sim.world.rooms[st[5:]]
            who = self.sim.world.patients[room.patient].name if room.patient else "empty"
            return (f"{room.name}: {'clean' if room.clean else 'needs disinfecting'}, "
                    f"{'stocked' if room.stocked else 'not stocked'}; {who}. Click to select.")
        return f"{STATION_TIPS[st]} Click to see what you can do here."

    def _room_state(self, s: pygame.Surface, st: str, r: pygame.Rect) -> None:
        room = self.sim.world.rooms[st[5:]]
        t, size = self.text, max(11, self.font - 2)
        ir = max(5, size // 2)
        y = r.bottom - 2 * (size + 4) - 2
        x = r.x + 6
        if room.patient is not None and self.sim.world.patients[room.patient].door_flag:
            state = ("stethoscope", "Flag up", theme.GOOD, "Door flag up: the patient is "
                     "ready for the provider")
        elif room.patient is not None:  # a room in use is neither ready nor to be cleaned yet
            state = ("person", "In use", theme.ACCENT, "A patient is in this room")
        elif room.clean:
            state = ("sparkle", "Clean", theme.GOOD, "Disinfected: ready for a patient")
        else:
            state = ("smudge", "Dirty", theme.BAD, "Used: disinfect before the next patient")
        items = [state,
                 ("box" if room.stocked else "cross", "Stocked" if room.stocked else "No stock",
                  theme.GOOD if room.stocked else theme.WARN,
                  "Stocked with supplies" if room.stocked else "Not stocked: do the opening "
                  "stocking task")]
        if room.stocked and (badge := stock_badge(self.sim, room.id)) is not None:
            items[1] = badge  # a stocked room's shelf running low or out
        if (closed := room_badge(self.sim, room.id)) is not None:
            items[0] = closed  # a scripted event: nobody may be roomed here
        for icon, word, col, tip in items:
            status_icons.draw(icon, s, (x + ir, y + size // 2 + 2), ir, col)
            tr = t.blit(s, word, (x + 2 * ir + 4, y), size, col, bold=True)
            self.hits.insert(0, (pygame.Rect(x, y, tr.right - x, size + 4), f"{room.name}: {tip}",
                                 ("station", st)))
            y += size + 4

    def ma_position(self, now: float, staff: str | None = None) -> tuple[float, float]:
        """Where a staff member (the lead by default) is drawn, in steps: walking along a
        path, or at the station (side by side when several share it)."""
        member = self.sim.staff(staff)
        assert member is not None
        w = self.walks.get(member.id)
        if w is not None and now < w.t1 and w.t1 > w.t0:
            return along(self.geo.path(w.start, w.end), (now - w.t0) / (w.t1 - w.t0))
        x, y = self.geo.ma_spot(member.location)
        here = [m.id for m in self.sim.world.staff.values() if m.location == member.location]
        return x + 2.2 * here.index(member.id), y

    @property
    def walk(self) -> Walk | None:
        """The lead's current walk, if any."""
        return self.walks.get(self.sim.lead.id)

    def _people(self, s: pygame.Surface, now: float, selected: tuple[str, str] | None) -> None:
        sim, g = self.sim, self.geo
        counts: dict[str, int] = {}
        walk = self.walk if self.walk is not None and now < self.walk.t1 else None
        for p in sorted(sim.world.patients.values(), key=lambda q: (q.appt_t, q.id)):
            busy = p.busy_until > sim.now
            if p.status == Status.ARRIVED or (p.status == Status.WAITING and busy):
                st = "front_desk"  # still at the desk while the MA checks them in
            elif p.status == Status.WAITING:
                st = "waiting_room"
            elif p.status in IN_ROOM and p.room is not None:
                st = f"room:{p.room}"
                rooming = sim.lead.activity.startswith("rooming")
                if walk is not None and walk.end == st and p.status == Status.ROOMED and rooming:
                    # Walking to the room beside the MA.
                    # A pixel offset: the MA's box (r + 3 wide each side) and the patient's
                    # circle side by side with a gap, at any scale, so neither covers the other.
                    mx, my = g.px(*self.ma_position(now))
                    self._patient(s, p, (mx - 2 * g.token_r - 8, my),
                                  selected == ("patient", p.id))
                    continue
            else:
                continue
            i = counts.get(st, 0)
            counts[st] = i + 1
            if i < SLOTS.get(st, 1):
                self._patient(s, p, g.px(*g.patient_spot(st, i)), selected == ("patient", p.id))
        for st, cap in SLOTS.items():
            if counts.get(st, 0) > cap:  # the queue panel lists everyone; the plan says how many
                r = g.station_rect(st)
                size = max(11, self.font - 2)
                label = self.text.render(f"+{counts[st] - cap} more", size, theme.BAD, True)
                pill = label.get_rect(topright=(r.right - 8, r.y - size // 2 - 2)).inflate(10, 4)
                pygame.draw.rect(s, (255, 255, 255), pill, border_radius=8)
                pygame.draw.rect(s, theme.BAD, pill, 2, border_radius=8)
                s.blit(label, label.get_rect(center=pill.center))
                self.hits.insert(0, (pill, f"{counts[st]} patients here; the queue lists them "
                                     "all.", ("station", st)))
        busy_rooms: dict[str, int] = {}
        for prov in sim.world.providers.values():
            pat = sim.world.patients.get(prov.patient or "")
            st = f"room:{pat.room}" if pat and pat.room else "provider_office"
            i = busy_rooms.get(st, 0)
            busy_rooms[st] = i + 1
            self._token(s, g.px(*g.provider_spot(st, i)), provider_initials(prov.spec.name),
                        theme.GOOD, (255, 255, 255),
                        f"{prov.spec.name}: " + (f"with {pat.name}" if pat else
                                                 "in the office" + (", waiting for your help"
                                                                    if prov.waiting_assist
                                                                    else "")), None)
        draw_team(self, s, now)

    def _token(self, s: pygame.Surface, c: tuple[int, int], label: str, fill: Colour,
               ink: Colour, tip: str, select: tuple[str, str] | None,
               ring: bool = False) -> pygame.Rect:
        r = self.geo.token_r
        pygame.draw.circle(s, fill, c, r)
        pygame.draw.circle(s, theme.INK if not ring else theme.ACCENT, c, r,
                           2 if not ring else 4)
        self.text.blit(s, label, c, max(10, r), ink, bold=True, anchor="center")
        rect = pygame.Rect(c[0] - r, c[1] - r, 2 * r, 2 * r)
        self.hits.insert(0, (rect, tip, select))
        return rect

    def _patient(self, s: pygame.Surface, p: PatientState, c: tuple[int, int],
                 selected: bool) -> None:
        sim, r = self.sim, self.geo.token_r
        need = need_of(sim, p)
        fill = (255, 255, 255) if need is None or not need.urgent else (255, 236, 200)
        if selected:
            pygame.draw.circle(s, theme.ACCENT, c, r + 5, 3)
        tip = f"{p.name} ({p.status.value.replace('_', ' ')})" + (
            f": next {need.label}" + (f" — {need.note}" if need.note else "") if need else "")
        self._token(s, c, initials(p), fill, theme.INK, tip, ("patient", p.id), selected)
        draw_observation(self, s, p, c)
        if unscreened(p):
            self.bubbles.append((c, p))
        if need is not None:
            ir = max(5, r // 2)
            ic = (c[0] + r - 1, c[1] - r + 1)
            pygame.draw.circle(s, (255, 255, 255), ic, ir + 2)
            status_icons.draw(need.icon, s, ic, ir)
        left = patience_left(p, sim.now)
        if left is not None:
            frac = max(0.0, min(1.0, left / (60 * p.spec.patience_minutes)))
            bar = pygame.Rect(c[0] - r, c[1] + r + 2, 2 * r, max(4, r // 3))
            col = theme.GOOD if frac > 0.5 else theme.WARN if left > 600 else theme.BAD
            pygame.draw.rect(s, theme.LINE, bar)
            pygame.draw.rect(s, col, (bar.x, bar.y, round(bar.w * frac), bar.h))
            pygame.draw.rect(s, theme.INK, bar, 1)
            self.hits.insert(0, (bar.inflate(2, 4), f"{p.name}: patience about "
                                 f"{max(0, left) // 60} min before walking out",
                                 ("patient", p.id)))
        if p.room is not None and p.status in IN_ROOM:
            g = self.geo
            rr = g.station_rect(f"room:{p.room}")
            name = self.text.fit(p.name, max(11, self.font - 2), rr.w - 10)
            self.text.blit(s, name, (rr.x + 6, rr.y + 6 + self.font + 2), max(11, self.font - 2),
                           theme.INK)

    # --- input -------------------------------------------------------------------------
    def pick(self, pos: tuple[int, int]) -> tuple[str, str] | None:
        """What a click at pos selects: a patient token before the station under it."""
        for rect, _tip, sel in self.hits:
            if sel is not None and rect.collidepoint(pos):
                return sel
        return None

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        """The hover text of what is under pos (icons and tokens before stations)."""
        if not self.rect.collidepoint(pos):
            return None
        return next((t for rect, t, _ in self.hits if rect.collidepoint(pos)), None)


def draw_tooltip(s: pygame.Surface, text: TextCache, tip: str, pos: tuple[int, int],
                 size: int, bounds: pygame.Rect) -> None:
    """A small box of wrapped text near the mouse, kept inside the window."""
    # A long teaching note gets a wider box so it stays a readable paragraph on screen.
    lines = text.wrap(tip, size, 300 if len(tip) < 160 else min(520, bounds.w - 40))
    w = max(text.render(x, size).get_width() for x in lines) + 16
    h = len(lines) * (size + 5) + 10
    box = pygame.Rect(pos[0] + 14, pos[1] + 18, w, h)
    if box.bottom > bounds.bottom:  # near the bottom (the message strip): above the pointer
        box.bottom = pos[1] - 8
    if box.right > bounds.right:
        box.right = pos[0] - 8
    box = box.clamp(bounds)
    pygame.draw.rect(s, theme.INK, box, border_radius=5)
    for i, line in enumerate(lines):
        text.blit(s, line, (box.x + 8, box.y + 5 + i * (size + 5)), size, (255, 255, 255))


def _px_off(g: FloorGeometry, p: tuple[float, float], off: tuple[int, int], dx: float,
            dy: float) -> tuple[int, int]:
    x, y = g.px(p[0] + dx, p[1] + dy)
    return x + off[0], y + off[1]


def provider_initials(name: str) -> str:
    """'Dr. Naomi Hollis' -> 'NH', 'Camille Odum, CPNP' -> 'CO': the name, not a title, since
    not every provider is a doctor."""
    words = [w for w in name.split(",")[0].split() if not w.endswith(".")]
    if not words:
        return "?"
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()
