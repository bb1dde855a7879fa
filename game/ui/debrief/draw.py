"""Layout and drawing of the debrief: result, critical errors, category bars, day in numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game.campaign import MAX_STARS, star_words, stars
from game.report.text import percent
from game.sim.policies import POLICIES
from game.ui.debrief.notes import CATEGORY_ORDER, category_title, lost_entries
from game.ui.kit.fmt import plural
from game.ui.kit.menu_style import card
from game.ui.kit.theme import ACCENT, BAD, GOOD, INK, LINE, MUTED, PANEL, PAPER, WARN

if TYPE_CHECKING:
    from game.ui.scenes.debrief import DebriefScene

BANNER_FILL = (252, 237, 237)
BAR_BACK = (226, 231, 237)
MAX_BANNER_LINES = 3


def banner_height(n_critical: int) -> int:
    """Height of the critical-error banner (0 when there are none)."""
    if not n_critical:
        return 0
    return 44 + 22 * min(n_critical, MAX_BANNER_LINES) + (20 if n_critical > 3 else 0)


@dataclass(frozen=True)
class DebriefLayout:
    """Where everything on the debrief goes, for one window size."""

    size: tuple[int, int]
    margin: int
    header: pygame.Rect
    banner: pygame.Rect
    notice: pygame.Rect
    left: pygame.Rect
    right: pygame.Rect
    content: pygame.Rect
    footer: pygame.Rect

    @classmethod
    def for_size(cls, size: tuple[int, int], n_critical: int, n_notices: int) -> DebriefLayout:
        """Header, banner, notices, two columns and the footer."""
        w, h = size
        m = 28 if w >= 1200 else 20
        header = pygame.Rect(0, 0, w, 100 if h >= 700 else 88)
        y = header.bottom + 12
        banner = pygame.Rect(m, y, w - 2 * m, banner_height(n_critical))
        y = banner.bottom + 12 if banner.height else y
        notice = pygame.Rect(m, y, w - 2 * m, 26 * min(n_notices, 2))
        y = notice.bottom + 8 if notice.height else y
        footer = pygame.Rect(0, h - 66, w, 66)
        left_w = max(300, min(380, int(w * 0.29)))
        left = pygame.Rect(m, y, left_w, footer.top - 12 - y)
        right = pygame.Rect(left.right + 20, y, w - m - left.right - 20, left.height)
        content = pygame.Rect(right.left, right.top + 46, right.width, right.height - 46)
        return cls(size, m, header, banner, notice, left, right, content, footer)


def draw_debrief(surface: pygame.Surface, scene: DebriefScene) -> None:
    """Everything drawn under the widgets."""
    lay, text, icons, report = scene.layout, scene.text, scene.icons, scene.report
    surface.fill(PAPER)
    _header(surface, scene)
    if lay.banner.height:
        _banner(surface, lay.banner, report.get("critical_errors", []), scene)
    for i, msg in enumerate(scene.notices[-2:]):
        icons.blit(surface, "warning", (lay.notice.left, lay.notice.top + 26 * i + 2), 18)
        text.blit(surface, text.fit(msg, 14, lay.notice.width - 30),
                  (lay.notice.left + 26, lay.notice.top + 26 * i + 1), 14, INK)
    card(surface, lay.left, radius=10)
    y = _categories(surface, lay.left, report, scene)
    _numbers(surface, pygame.Rect(lay.left.left, y, lay.left.width, lay.left.bottom - y),
             report, scene)
    if scene.tab == "timeline":
        card(surface, lay.content, radius=10)
        view = scene.timeline_view
        text.blit(surface, "Point at a row for details", (lay.right.right, lay.right.top + 10),
                  13, MUTED, anchor="topright")
        view.draw(surface)
        view.draw_legend(surface, (lay.content.left + 16, lay.content.bottom - 28))
    _footer(surface, lay.footer, scene)


def _header(surface: pygame.Surface, scene: DebriefScene) -> None:
    lay, text, icons, report = scene.layout, scene.text, scene.icons, scene.report
    head = lay.header
    pygame.draw.rect(surface, PANEL, head)
    pygame.draw.line(surface, LINE, (0, head.bottom - 1), (head.right, head.bottom - 1))
    m = lay.margin
    score = report["score"]
    # the result block on the right: number, pass or fail (icon and word), grade, best
    passed = bool(score["passed"])
    col_w = 300
    col_x = head.right - m - col_w
    icon = "pass" if passed else "fail"
    icons.blit(surface, icon, (col_x, head.top + 14), 24)
    word = text.blit(surface, "Passed" if passed else "Not passed", (col_x + 32, head.top + 12),
                     20, GOOD if passed else BAD, bold=True)
    # The campaign's stars, by the day's own marks: icons, and in the tip what the next asks.
    earned = stars(report, scene.loaded.scenario.scoring)
    for k in range(MAX_STARS):
        icons.blit(surface, "star", (word.right + 12 + k * 22, head.top + 14), 20,
                   WARN if k < earned else LINE)
    text.drawn.append(f"{earned} of {MAX_STARS} stars")
    text.blit(surface, f"Grade {score['grade']} · pass mark {score.get('pass_mark', '?')}",
              (col_x, head.top + 44), 15, INK)
    said = star_words(earned, scene.loaded.scenario.scoring)
    text.blit(surface, text.fit(f"New best score! {said}" if scene.new_best else said, 14,
                                col_w), (col_x, head.top + 68), 14,
              INK if scene.new_best else MUTED, bold=scene.new_best)
    total = text.blit(surface, str(score["total"]), (col_x - 84, head.centery + 2), 54, INK,
                      bold=True, anchor="midright")
    text.blit(surface, "/ 100", (col_x - 78, total.bottom - 14), 18, MUTED, anchor="bottomleft")
    # the day on the left
    who = report.get("player") or scene.ctx.player
    policy = report.get("policy")
    by = f"watched the {policy} bot" if policy in POLICIES else (
        f"played by {who}" if who else "your day")
    sub = f"End of day · seed {scene.seed} · {by} · ended {report.get('ended_at', '?')}"
    text.blit(surface, text.fit(sub, 14, total.left - m - 20), (m, head.top + 18), 14, MUTED)
    title = report.get("scenario", {}).get("title") or scene.loaded.scenario.title
    text.blit(surface, text.fit(title, 24, total.left - m - 20), (m, head.top + 40), 24, INK,
              bold=True)


def _banner(surface: pygame.Surface, rect: pygame.Rect, crits: list[dict[str, Any]],
            scene: DebriefScene) -> None:
    text, icons = scene.text, scene.icons
    card(surface, rect, BANNER_FILL, BAD, 2, 8)
    icons.blit(surface, "critical", (rect.left + 14, rect.top + 12), 22)
    n = len(crits)
    text.blit(surface, f"{n} critical error{'s' if n != 1 else ''}: a critical error caps "
              "the grade and fails the day, as a failed critical step fails a check-off.",
              (rect.left + 46, rect.top + 12), 15, BAD, bold=True)
    for i, c in enumerate(crits[:MAX_BANNER_LINES]):
        line = f"{c.get('time', '')}   {c.get('reason', '')}"
        text.blit(surface, text.fit(line, 14, rect.width - 70),
                  (rect.left + 46, rect.top + 40 + 22 * i), 14, INK)
    if n > MAX_BANNER_LINES:
        text.blit(surface, f"and {n - MAX_BANNER_LINES} more: see the teaching notes",
                  (rect.left + 46, rect.top + 40 + 22 * MAX_BANNER_LINES), 14, MUTED)


def _categories(surface: pygame.Surface, rect: pygame.Rect, report: dict[str, Any],
                scene: DebriefScene) -> int:
    text = scene.text
    x, w = rect.left + 18, rect.width - 36
    text.blit(surface, "Score by category", (x, rect.top + 14), 16, INK, bold=True)
    cats = report["score"]["categories"]
    names = [c for c in CATEGORY_ORDER if c in cats] + [c for c in cats if c not in
                                                        CATEGORY_ORDER]
    row = 42 if rect.height >= 380 else 36
    y = rect.top + 44
    for name in names:
        earned, possible = cats[name]["earned"], cats[name]["possible"]
        frac = earned / possible if possible else 1.0
        text.blit(surface, category_title(name), (x, y), 14, INK)
        nums = (f"{earned} / {possible}  ({percent(earned, possible)}%)" if possible
                else "not scored")
        text.blit(surface, nums, (x + w, y), 14, INK, bold=True, anchor="topright")
        bar = pygame.Rect(x, y + 21, w, 9)
        pygame.draw.rect(surface, BAR_BACK, bar, border_radius=4)
        if frac > 0:
            pygame.draw.rect(surface, ACCENT, (x, bar.top, max(4, round(w * frac)), bar.height),
                             border_radius=4)
        y += row
    return y + 4


def day_numbers(report: dict[str, Any]) -> list[str]:
    """Short facts about the day: patients seen, waits, walk-outs, points lost."""
    patients = report.get("patients", [])
    seen = [p for p in patients if p.get("outcome") == "seen"]
    waits = [p["wait_minutes"] for p in patients if isinstance(p.get("wait_minutes"), int)]
    left = sum(p.get("outcome") == "left_without_being_seen" for p in patients)
    no_show = sum(p.get("outcome") == "no_show" for p in patients)
    entries = lost_entries(report)
    lines = [f"Patients seen: {len(seen)} of {len(patients)}"]
    if waits:
        lines.append(f"Average wait: {round(sum(waits) / len(waits))} min "
                     f"(longest {max(waits)} min)")
    lines.append(f"Walked out: {left} · no-shows: {no_show}")
    lines.append(f"Points lost: {sum(e['max'] - e['points'] for e in entries)} "
                 f"in {plural(len(entries), 'step')}")
    return lines


def _numbers(surface: pygame.Surface, rect: pygame.Rect, report: dict[str, Any],
             scene: DebriefScene) -> None:
    text = scene.text
    if rect.height < 60:
        return
    x = rect.left + 18
    pygame.draw.line(surface, LINE, (x, rect.top), (rect.right - 18, rect.top))
    text.blit(surface, "Your day in numbers", (x, rect.top + 10), 16, INK, bold=True)
    y = rect.top + 38
    for line in day_numbers(report):
        if y + 20 > rect.bottom - 6:
            break
        text.blit(surface, text.fit(line, 14, rect.width - 36), (x, y), 14, INK)
        y += 22


def _footer(surface: pygame.Surface, rect: pygame.Rect, scene: DebriefScene) -> None:
    text = scene.text
    pygame.draw.rect(surface, PANEL, rect)
    pygame.draw.line(surface, LINE, rect.topleft, rect.topright)
    m = scene.layout.margin
    room = scene.buttons_left() - m - 20
    if scene.log_path is not None and scene.log_path.is_file():
        label = "Session log saved (replay it with clinic-day replay):"
        where = str(scene.log_path)
    elif scene.log_path is not None:
        label, where = "The session log could not be saved at:", str(scene.log_path)
    else:
        label, where = "No session log was saved for this day.", ""
    text.blit(surface, text.fit(label, 13, room), (m, rect.top + 12), 13, MUTED)
    if where:
        shown = where if text.font(13).size(where)[0] <= room else "…" + where[-(room // 7):]
        text.blit(surface, shown, (m, rect.top + 32), 13, INK)
