"""Layout and drawing of the title screen (the widgets live in scenes/title.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui.input import GLOBAL, TITLE, Intent
from game.ui.kit.badges import Icons
from game.ui.kit.menu_style import card
from game.ui.kit.text_cache import TextCache
from game.ui.kit.theme import ACCENT, BAD, INK, LINE, MUTED, PANEL, PAPER, WARN
from game.ui.title.standing import draw_standing, standing_width

if TYPE_CHECKING:
    from game.ui.scenes.title import TitleScene
    from game.ui.title.catalog import DayChoice

WHITE = (255, 255, 255)
HEADER_TEXT = (214, 230, 242)
NOTICE_FILL = (255, 245, 226)
CARD_H, CARD_MIN_H, CARD_GAP = 112, 84, 12
SEED_LABEL_W = 48  # "Seed" to the left of its field
# The footer's reminders; their keys come from the key maps (what help lists too).
KEY_HINTS = ((TITLE, Intent.CHOOSE_NEXT, "choose a day"), (TITLE, Intent.CONFIRM, "play"),
             (TITLE, Intent.NEXT, "next / previous control"), (TITLE, Intent.HELP, "help"),
             (GLOBAL, Intent.FULLSCREEN, "full screen"), (TITLE, Intent.QUIT, "quit"))


def notice_height(notices: list[str]) -> int:
    """Height of the notice bar for some messages (0 for none)."""
    return 0 if not notices else 18 + 22 * min(len(notices), 3)


@dataclass(frozen=True)
class Layout:
    """Where everything on the title screen goes, for one window size."""

    size: tuple[int, int]
    margin: int
    header_h: int
    notice_h: int
    notice: pygame.Rect
    left: pygame.Rect
    list_area: pygame.Rect
    card_h: int
    details: pygame.Rect
    name_entry: pygame.Rect
    student_entry: pygame.Rect
    seed_entry: pygame.Rect
    play: pygame.Rect
    watch: pygame.Rect
    settings: pygame.Rect
    quit: pygame.Rect

    @classmethod
    def for_size(cls, size: tuple[int, int], notice_h: int, n_cards: int) -> Layout:
        """Compute the layout; everything scales between 1024x640 and larger windows.

        Left: the day cards, name and seed, settings and quit. Right: the chosen day's
        details above the Play and Watch buttons.
        """
        w, h = size
        m = 32 if w >= 1200 else 24
        header_h = 96 if h >= 700 else 84
        notice = pygame.Rect(m, header_h + 12, w - 2 * m, notice_h)
        top = header_h + 18 + (notice_h + 10 if notice_h else 0)
        bottom = h - 46
        left_w = max(320, min(430, int(w * 0.33)))
        left = pygame.Rect(m, top, left_w, bottom - top)
        half = (left_w - 12) // 2
        settings = pygame.Rect(m, bottom - 42, half, 42)
        quit_ = pygame.Rect(m + half + 12, bottom - 42, left_w - half - 12, 42)
        # the cards take what is left above the fields (name and student ID, then the
        # seed), shrinking to a floor
        entries_h = 22 + 38 + 10 + 38
        list_top = top + 40
        list_bottom_max = settings.top - 20 - entries_h - 20
        n = max(1, n_cards)
        card_h = max(CARD_MIN_H, min(CARD_H, (list_bottom_max - list_top) // n - CARD_GAP))
        shown = max(1, min(n, (list_bottom_max - list_top + CARD_GAP) // (card_h + CARD_GAP)))
        list_area = pygame.Rect(m, list_top, left_w, shown * (card_h + CARD_GAP) - CARD_GAP)
        entry_y = list_area.bottom + 20 + 22
        # The student ID sits beside the name, as on a sign-in sheet; the seed below.
        student_w = max(120, (left_w - 12) * 2 // 5)
        name_entry = pygame.Rect(m, entry_y, left_w - student_w - 12, 38)
        student_entry = pygame.Rect(name_entry.right + 12, entry_y, student_w, 38)
        seed_entry = pygame.Rect(m + SEED_LABEL_W, name_entry.bottom + 10, 110, 38)
        rx = m + left_w + 24
        rw = w - rx - m
        play = pygame.Rect(rx, bottom - 50, 240, 50)
        watch = pygame.Rect(play.right + 14, bottom - 50, 250, 50)
        details = pygame.Rect(rx, top, rw, play.top - 14 - top)
        return cls(size, m, header_h, notice_h, notice, left, list_area, card_h, details,
                   name_entry, student_entry, seed_entry, play, watch, settings, quit_)

    @property
    def details_inner(self) -> pygame.Rect:
        """The details card less its padding (room for a scroll bar on the right)."""
        return pygame.Rect(self.details.left + 24, self.details.top + 20,
                           self.details.width - 56, self.details.height - 36)

    def cards(self, n: int, selected: int = 0) -> list[tuple[int, pygame.Rect]]:
        """(index, rect) of each day card shown; the list scrolls to keep the selection."""
        step = self.card_h + CARD_GAP
        shown = max(1, (self.list_area.height + CARD_GAP) // step)
        first = max(0, min(selected - shown + 1, n - shown)) if n > shown else 0
        return [(i, pygame.Rect(self.list_area.left, self.list_area.top + (i - first) * step,
                                self.list_area.width, self.card_h))
                for i in range(first, min(n, first + shown))]


def draw_title(surface: pygame.Surface, scene: TitleScene, text: TextCache,
               icons: Icons) -> None:
    """The whole title screen below the widgets."""
    lay = scene.layout
    surface.fill(PAPER)
    _header(surface, lay, scene.ctx.player, text, icons)
    if scene.notices:
        _notices(surface, lay.notice, scene.notices, text, icons)
    head = text.blit(surface, "Choose a day", (lay.left.left, lay.left.top), 20, INK, bold=True)
    cards = lay.cards(len(scene.choices), scene.index)
    for i, rect in cards:
        choice = scene.choices[i]
        _day_card(surface, rect, choice, scene.best.get(choice.id),
                  (scene.stars.get(choice.id, 0), scene.locks.get(choice.id)), i == scene.index,
                  scene.focus == 0 and i == scene.index, text, icons)
    if len(cards) < len(scene.choices):
        # Beside the heading, shortened before the two can touch in a narrow window.
        more = (f"{cards[0][0] + 1}-{cards[-1][0] + 1} of {len(scene.choices)} days "
                "(Up/Down for more)")
        text.blit(surface, text.fit(more, 13, lay.left.right - head.right - 12),
                  (lay.left.right, lay.left.top + 6), 13, MUTED,
                  anchor="topright")
    y = lay.name_entry.top - 23
    text.blit(surface, "Your name", (lay.name_entry.left, y), 14, MUTED)
    text.blit(surface, "Student ID (optional)", (lay.student_entry.left, y), 14, MUTED)
    seed = lay.seed_entry
    text.blit(surface, "Seed", (lay.left.left, seed.centery), 14, MUTED, anchor="midleft")
    hint = pygame.Rect(seed.right + 12, seed.top, lay.left.right - seed.right - 12, seed.height)
    text.paragraph(surface, "Same seed, same day: arrivals and readings repeat.", hint, 13,
                   MUTED)
    tips_top = seed.bottom + 18
    _tips(surface, pygame.Rect(lay.left.left, tips_top, lay.left.width,
                               lay.settings.top - 16 - tips_top), text, icons)
    chosen = scene.choice
    card(surface, lay.details, radius=10)
    inner = lay.details_inner
    if chosen is None:
        text.paragraph(surface, "No scenarios were found in the scenarios folder.", inner, 16)
    elif chosen.loaded is None:
        _error_details(surface, inner, chosen, text, icons)
    else:
        blit_scrolled(surface, scene.details_content(inner.size), inner, scene.details_scroll)
    _footer(surface, lay, text)


def _header(surface: pygame.Surface, lay: Layout, player: str, text: TextCache,
            icons: Icons) -> None:
    w = lay.size[0]
    pygame.draw.rect(surface, ACCENT, (0, 0, w, lay.header_h))
    mid = lay.header_h // 2
    logo = icons.blit(surface, "logo", (lay.margin, mid), 56, WHITE, anchor="midleft")
    x = logo.right + 18
    text.blit(surface, "Clinic Day", (x, mid + 4), 34, WHITE, bold=True, anchor="bottomleft")
    text.blit(surface, "A medical assistant's day in a family practice: patients, vital "
              "signs, labs and safety, one shift at a time.", (x, mid + 6), 15, HEADER_TEXT)
    if player:
        text.blit(surface, text.fit(f"Welcome, {player}", 15, 300),
                  (w - lay.margin, mid - 10), 15, WHITE, bold=True, anchor="topright")


def _notices(surface: pygame.Surface, rect: pygame.Rect, notices: list[str],
             text: TextCache, icons: Icons) -> None:
    card(surface, rect, NOTICE_FILL, WARN, 1, 6)
    icons.blit(surface, "warning", (rect.left + 14, rect.top + 10), 20)
    shown = notices[-3:]
    for i, msg in enumerate(shown):
        more = len(notices) - len(shown)
        line = f"{msg} (and {more} more)" if i == 0 and more else msg
        text.blit(surface, text.fit(line, 14, rect.width - 64),
                  (rect.left + 46, rect.top + 10 + 22 * i), 14, INK)


def _day_card(surface: pygame.Surface, rect: pygame.Rect, choice: DayChoice, best: int | None,
              scene_stars: tuple[int, str | None], selected: bool, focused: bool,
              text: TextCache, icons: Icons) -> None:
    if focused:
        pygame.draw.rect(surface, INK, rect.inflate(8, 8), 2, border_radius=12)
    card(surface, rect, PANEL if not selected else (240, 246, 251),
         ACCENT if selected else LINE, 2 if selected else 1, 8)
    if selected:
        pygame.draw.rect(surface, ACCENT, (rect.left, rect.top, 6, rect.height),
                         border_top_left_radius=8, border_bottom_left_radius=8)
        icons.blit(surface, "chevron", (rect.right - 14, rect.centery), 16, anchor="midright")
    x, width = rect.left + 20, rect.width - 50
    y = rect.top + 12
    lines = text.wrap(choice.title, 16, width, bold=True)[:2]
    for line in lines:
        text.blit(surface, text.fit(line, 16, width, bold=True), (x, y), 16, INK, bold=True)
        y += 22
    short = rect.height < CARD_H
    # A short card (many days listed) under a two-line title has room for one more line:
    # the subtitle and the score share it rather than overlap.
    shared = short and len(lines) > 1
    y = max(y, rect.top + 40) + (-2 if short else 2)
    bottom_y = rect.bottom - (22 if short else 26)
    if choice.loaded is None:
        icons.blit(surface, "critical", (x, y + 1), 16)
        text.blit(surface, choice.subtitle, (x + 22, y), 14, BAD)
        if not shared:
            text.blit(surface, text.fit(choice.brief_error, 13, width), (x, bottom_y), 13,
                      MUTED)
        return
    stars, locked_by = scene_stars
    label_w = standing_width(best, stars, locked_by, text)
    best_x = x + width - label_w if shared else x
    sub_w = width - label_w - 16 if shared else width
    text.blit(surface, text.fit(choice.subtitle, 14, sub_w), (x, bottom_y if shared else y),
              14, MUTED)
    draw_standing(surface, (best_x, bottom_y), width if not shared else label_w, best, stars,
                  locked_by, text, icons)

TIPS = ("New here? Start with the introductory day.",
        "Press F1 at any time for the keys, the steps of the day and a reference card.",
        "Watch the reference bot to see one good way through the day.")


def _tips(surface: pygame.Surface, rect: pygame.Rect, text: TextCache, icons: Icons) -> None:
    if rect.height < 80:
        return
    icons.blit(surface, "info", (rect.left, rect.top + 2), 18)
    text.blit(surface, "Tips", (rect.left + 26, rect.top), 15, INK, bold=True)
    y = rect.top + 28
    for tip in TIPS:
        area = pygame.Rect(rect.left + 26, y, rect.width - 26, rect.bottom - y)
        if text.height(tip, 14, area.width) > area.height:
            break
        y += text.paragraph(surface, tip, area, 14, MUTED) + 6


def _chips(surface: pygame.Surface, x: int, y: int, labels: list[str],
           text: TextCache) -> int:
    """The fact chips, wrapping onto another row rather than running off the card."""
    left, right = x, surface.get_width()
    for label in labels:
        surf = text.render(label, 13, INK)
        box = pygame.Rect(x, y, surf.get_width() + 20, 24)
        if box.right > right and x > left:
            x, y = left, y + 30
            box.topleft = (x, y)
        card(surface, box, (232, 239, 246), (196, 212, 228), 1, 12)
        text.blit(surface, text.fit(label, 13, right - left - 20), box.center, 13, INK,
                  anchor="center")
        x = box.right + 8
    return y + 24


def details_surface(choice: DayChoice, width: int, height: int,
                    text: TextCache) -> pygame.Surface:
    """The chosen day's title, chips, description and objectives, drawn once.

    The body size is the largest (16 down to 14 px) at which everything fits the height;
    longer texts keep 14 px and the surface is taller than the card, which then scrolls.
    """
    assert choice.loaded is not None
    s = choice.loaded.scenario
    labels = [*(["Your day"] if choice.user else []), s.setting, s.difficulty.capitalize(),
              *choice.facts]
    objectives = s.learning_objectives

    def need(body: int) -> int:
        return (text.height(s.title, body + 6, width, True) + 46
                + text.height(s.description, body, width) + 12 + 26
                + sum(text.height(o, body - 1, width - 24) + 4 for o in objectives))

    body = next((b for b in (16, 15) if need(b) + 8 <= height), 14)
    visits = sorted((p.appointment.time, p.appointment.reason) for p in s.patients)

    def draw(surf: pygame.Surface, schedule: bool) -> int:
        """Everything, top-down; the bottom it reached (the real height, chips wrapped)."""
        y = text.paragraph(surf, s.title, pygame.Rect(0, 0, width, 80), body + 6, INK,
                           bold=True) + 4
        y = _chips(surf, 0, y, labels, text) + 14
        y += text.paragraph(surf, s.description, pygame.Rect(0, y, width, 4000), body) + 12
        text.blit(surf, "What you will practise", (0, y), body, ACCENT, bold=True)
        y += 26
        for line in objectives:
            text.blit(surf, "•", (6, y), body - 1, ACCENT, bold=True)
            y += text.paragraph(surf, line, pygame.Rect(22, y, width - 24, 4000), body - 1) + 4
        if schedule:
            y = _schedule(surf, y + 22, visits, width, body, text)
        return y

    # A dry run measures the real height (wrapped chips and lines included), so the
    # schedule is shown only when all of it fits, and a long text scrolls instead.
    probe = pygame.Surface((width, 6000), pygame.SRCALPHA)
    recorded = len(text.drawn)
    with_schedule = draw(probe, True)
    del text.drawn[recorded:]
    schedule = with_schedule + 8 <= height
    bottom = with_schedule if schedule else draw(probe, False)
    del text.drawn[recorded:]
    surf = pygame.Surface((width, max(height, bottom + 8)), pygame.SRCALPHA)
    draw(surf, schedule)
    return surf


def _schedule(surf: pygame.Surface, y: int, visits: list[tuple[str, str]], width: int,
              body: int, text: TextCache) -> int:
    """Today's visits in two columns, each reason cut to its column."""
    text.blit(surf, "Today's schedule", (0, y), body, ACCENT, bold=True)
    y += 30
    col_w = (width - 24) // 2
    rows = (len(visits) + 1) // 2
    for i, (time, reason) in enumerate(visits):
        x, row_y = (i // rows) * (col_w + 24), y + (i % rows) * 21
        text.blit(surf, time, (x, row_y), body - 2, INK, bold=True)
        text.blit(surf, text.fit(reason, body - 2, col_w - 54), (x + 50, row_y), body - 2,
                  MUTED)
    return y + rows * 21


def blit_scrolled(surface: pygame.Surface, content: pygame.Surface, inner: pygame.Rect,
                  scroll: int) -> None:
    """Show a window of a tall surface, with a scroll bar when it does not fit."""
    surface.blit(content, inner.topleft, pygame.Rect(0, scroll, inner.width, inner.height))
    total = content.get_height()
    if total <= inner.height:
        return
    if scroll < total - inner.height:  # a fade says "there is more below"
        fade = pygame.Surface((inner.width, 28), pygame.SRCALPHA)
        for i in range(28):
            pygame.draw.line(fade, (*PANEL, min(255, i * 10)), (0, i), (inner.width, i))
        surface.blit(fade, (inner.left, inner.bottom - 28))
    track = pygame.Rect(inner.right + 12, inner.top, 6, inner.height)
    pygame.draw.rect(surface, LINE, track, border_radius=3)
    knob_h = max(30, track.height * inner.height // total)
    knob_y = track.top + (track.height - knob_h) * scroll // max(1, total - inner.height)
    pygame.draw.rect(surface, MUTED, (track.left, knob_y, 6, knob_h), border_radius=3)


def _error_details(surface: pygame.Surface, inner: pygame.Rect, choice: DayChoice,
                   text: TextCache, icons: Icons) -> None:
    icons.blit(surface, "critical", (inner.left, inner.top + 2), 26)
    text.blit(surface, "This scenario could not be loaded", (inner.left + 38, inner.top),
              22, BAD, bold=True)
    y = inner.top + 44
    # A player's file is named in full: they need to find it in their days folder.
    where = str(choice.path) if choice.user else choice.path.name
    y += text.paragraph(surface, f"File: {where}",
                        pygame.Rect(inner.left, y, inner.width, 44), 15, MUTED) + 8
    y += text.paragraph(surface, choice.error or "", pygame.Rect(
        inner.left, y, inner.width, inner.bottom - y - 50), 14, INK) + 12
    check = f'"{choice.path}"' if choice.user else "scenarios"
    text.paragraph(surface, "Other days can still be played. To see every problem, run: "
                   f"clinic-day validate {check}", pygame.Rect(inner.left, y, inner.width, 48),
                   14, MUTED)


def _footer(surface: pygame.Surface, lay: Layout, text: TextCache) -> None:
    w, h = lay.size
    x, y = lay.margin, h - 30
    for keys, intent, what in KEY_HINTS:
        key = keys.caption_of(intent)
        surf = text.render(key, 13, INK, bold=True)
        cap = pygame.Rect(x, y - 2, surf.get_width() + 14, 22)
        card(surface, cap, PANEL, LINE, 1, 4)
        text.blit(surface, key, cap.center, 13, INK, bold=True, anchor="center")
        label = text.blit(surface, what, (cap.right + 6, cap.centery), 13, MUTED,
                          anchor="midleft")
        x = label.right + 18
        if x > w - lay.margin:
            break
