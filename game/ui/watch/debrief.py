"""The debrief of a watched session: the replay's report, whether the log verified, and a
list of the ledger's entries to jump back into the day at."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.scenario.types import clock, seconds
from game.ui.input import DEBRIEF, Binding, Chord, KeyMap, intent_for
from game.ui.kit import theme
from game.ui.kit.menu_style import oid
from game.ui.kit.theme import hexcol
from game.ui.scenes.debrief import TABS, DebriefScene
from game.ui.watch.scene import JUMP_BACK, show_watch

if TYPE_CHECKING:
    from game.ui.context import AppContext
    from game.ui.watch.source import Watched

RESTART, JUMP, SHOW_JUMP = "restart", "jump", "show_jump"
WATCH_KEYS = KeyMap("Debrief of a watched session", (
    Binding.of("Watch the session again from the start", {Chord(pygame.K_r): RESTART}),
    Binding.of("Jump to the chosen ledger entry's time", {Chord(pygame.K_j): JUMP}),
    Binding.of("The ledger to jump from", {Chord(pygame.K_3): SHOW_JUMP}),
), extends=DEBRIEF)


def _item_style(text: str, hover: str, selected: str) -> dict[str, Any]:
    return {"colours": {"normal_bg": hexcol(theme.PANEL), "normal_text": text,
                        "hovered_bg": hover, "hovered_text": text,
                        "selected_bg": selected, "selected_text": "#FFFFFF",
                        "active_bg": selected, "active_text": "#FFFFFF"},
            "font": {"name": "noto", "size": "14", "bold": "0"},
            "misc": {"text_horiz_alignment": "left", "text_horiz_alignment_padding": "10",
                     "border_width": "0", "shadow_width": "0"}}


def ensure_jump_styles(manager: pygame_gui.UIManager) -> None:
    """The jump list's look: rows of dark text on the panel's colour, lost points in red,
    the chosen row in the accent colour (the default theme is for buttons)."""
    ui_theme = manager.get_theme()
    if getattr(ui_theme, "_clinic_day_jump_list", False):
        return
    ink, bad, accent = hexcol(theme.INK), hexcol(theme.BAD), hexcol(theme.ACCENT)
    ui_theme.load_theme({
        "#jump_list": {"colours": {"dark_bg": hexcol(theme.PANEL),
                                   "normal_border": hexcol(theme.LINE)}},
        "#jump_list.#gain": _item_style(ink, "#E4EEF6", accent),
        "#jump_list.#lost": _item_style(bad, "#F8E4E5", accent),
    })
    ui_theme._clinic_day_jump_list = True  # type: ignore[attr-defined]


def lost_points(e: dict[str, Any]) -> bool:
    """The entry cost points (or was a critical error)."""
    return bool(e.get("critical")) or int(e.get("points", 0)) < int(e.get("max", 0))


def entry_label(e: dict[str, Any]) -> str:
    """One ledger entry as the jump list shows it: time, points, what happened."""
    points, most = int(e.get("points", 0)), int(e.get("max", 0))
    won = f"{points:+d}" if most == 0 or points >= most else f"{points} of {most}"
    flag = "CRITICAL  " if e.get("critical") else ""
    return f"{clock(int(e.get('t', 0)))}   {won:>7}   {flag}{e.get('reason', '')}"


class WatchDebrief(DebriefScene):
    """The report `clinic-day replay` would build for the log; from it the watcher can
    watch again or jump to a minute before any ledger entry (a fresh replay, paused)."""

    button_specs = (("restart", "Watch again (R)", 180, "@primary"),
                    ("title", "Choose another day", 210, "@secondary"),
                    ("quit", "Quit", 100, "@secondary"))
    tab_specs = (*TABS, ("jump", "Jump to an entry", 170))

    def __init__(self, ctx: AppContext, watched: Watched, notices: list[str]) -> None:
        done = watched.replayed()
        # The header names the player from the report; a log with no name must not borrow
        # the watcher's own.
        report = {**done.report, "player": watched.log.player or "a player with no name"}
        super().__init__(ctx, report, watched.loaded, watched.log.seed, False, watched.path)
        self.watched = watched
        self.verdict = done.verdict
        self.notices += notices
        if not done.verdict.verified:
            self.notices.append(f"This log did not verify: {done.verdict.reason}")
        self.entries: list[dict[str, Any]] = list(report.get("ledger", []))
        # Each row's text finds its entry; two rows alike (same minute, same words) are
        # one moment, and the first is taken.
        self.labels = [entry_label(e) for e in self.entries]
        self.by_label: dict[str, int] = {}
        for i, label in enumerate(self.labels):
            self.by_label.setdefault(label, i)
        # What a watcher most likely wants to see: the first critical error, else the first
        # entry that cost points.
        self.chosen: int | None = next(
            (i for i, e in enumerate(self.entries) if e.get("critical")),
            next((i for i, e in enumerate(self.entries) if lost_points(e)),
                 0 if self.entries else None))
        self.jump_list: pygame_gui.elements.UISelectionList | None = None
        self.jump_button: pygame_gui.elements.UIButton | None = None

    # -- the jump tab ---------------------------------------------------------------------
    def exit(self) -> None:
        """Remove the widgets, the jump list's too."""
        self._kill_jump()
        super().exit()

    def _kill_jump(self) -> None:
        for widget in (self.jump_list, self.jump_button):
            if widget is not None:
                widget.kill()
        self.jump_list = self.jump_button = None

    def _build_tab(self) -> None:
        self._kill_jump()
        super()._build_tab()
        if self.tab == "jump":
            self._build_jump()

    def _build_jump(self) -> None:
        c, manager = self.layout.content, self.ctx.manager
        ensure_jump_styles(manager)
        items: list[str | tuple[str, str]] = [
            (label, "#lost" if lost_points(e) else "#gain")
            for label, e in zip(self.labels, self.entries, strict=True)]
        chosen = items[self.chosen] if self.chosen is not None else None
        self.jump_list = pygame_gui.elements.UISelectionList(
            pygame.Rect(c.left, c.top + 30, c.width, c.height - 86), items, manager,
            default_selection=chosen, object_id="#jump_list")
        self.jump_button = pygame_gui.elements.UIButton(
            pygame.Rect(c.right - 330, c.bottom - 48, 330, 42), self._jump_caption(), manager,
            object_id=oid("@primary", "#jump_to"))
        if self.chosen is None:
            self.jump_button.disable()
        elif self.jump_list.scroll_bar is not None and self.entries:
            # The chosen row in view, a few rows below the top: it may be late in the day.
            share = max(0, self.chosen - 3) / len(self.entries)
            self.jump_list.scroll_bar.set_scroll_from_start_percentage(share)

    def _jump_caption(self) -> str:
        if self.chosen is None:
            return "No ledger entries"
        return f"Jump to {clock(self.jump_time(self.chosen))}, a minute before (J)"

    def jump_time(self, index: int) -> int:
        """Where a jump to an entry lands: a minute before it, never before the day starts."""
        opens = seconds(self.loaded.scenario.clinic.opens)
        return max(opens, int(self.entries[index].get("t", 0)) - JUMP_BACK)

    def choose(self, index: int) -> None:
        """Pick the ledger entry a jump goes to."""
        self.chosen = index
        if self.jump_button is not None:
            self.jump_button.set_text(self._jump_caption())
            self.jump_button.enable()

    def jump(self, index: int | None = None) -> None:
        """A fresh replay of the log, fast-forwarded headless to a minute before the entry,
        shown paused."""
        index = self.chosen if index is None else index
        if index is None:
            self.show_tab("jump")
            return
        e = self.entries[index]
        show_watch(self.ctx, self.watched, self.jump_time(index),
                   f"{clock(int(e.get('t', 0)))}: {e.get('reason', '')}")

    def restart(self) -> None:
        """Watch the log again from the start."""
        show_watch(self.ctx, self.watched)

    # -- input ----------------------------------------------------------------------------
    def _press(self, key: str) -> None:
        if key == "restart":
            self.restart()
        else:
            super()._press(key)

    def handle(self, event: pygame.event.Event) -> None:
        """The jump list and button, R, J and 3; then the debrief's own."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.jump_button:
            self.jump()
            return
        if event.type in (pygame_gui.UI_SELECTION_LIST_NEW_SELECTION,
                          pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION) \
                and event.ui_element is self.jump_list and self.jump_list is not None:
            picked = self._picked()
            if picked is not None:
                self.choose(picked)
                if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
                    self.jump(picked)
            return
        intent = intent_for(event, WATCH_KEYS)
        if intent == RESTART:
            self.restart()
        elif intent == JUMP:
            self.jump()
        elif intent == SHOW_JUMP:
            self.show_tab("jump")
        else:
            super().handle(event)

    def _picked(self) -> int | None:
        """The entry selected in the list."""
        if self.jump_list is None:
            return None
        got = self.jump_list.get_single_selection()
        return self.by_label.get(got) if isinstance(got, str) else None

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The debrief; the footer says which log was watched and whether it verified; the
        jump tab its hint."""
        super().draw(surface)
        lay, text = self.layout, self.text
        if self.tab == "jump":
            text.blit(surface, text.fit("Choose a ledger entry, then jump to a minute before "
                                        "it (J); a double-click jumps at once", 13,
                                        lay.content.width),
                      (lay.content.left, lay.content.top + 6), 13, theme.MUTED)
        f, m = lay.footer, lay.margin
        room = self.buttons_left() - m - 20
        pygame.draw.rect(surface, theme.PANEL, (0, f.top + 1, room + m + 10, f.height - 1))
        ok = self.verdict.verified
        head = "Watched, and verified:" if ok else "Watched, NOT verified:"
        text.blit(surface, text.fit(f"{head} {self.verdict.reason}", 13, room),
                  (m, f.top + 12), 13, theme.GOOD if ok else theme.BAD, bold=True)
        where = str(self.watched.path) if self.watched.from_file else \
            "Played by the bot just now, for you to watch: no session log was saved."
        shown = where if text.font(13).size(where)[0] <= room else "…" + where[-(room // 7):]
        text.blit(surface, shown, (m, f.top + 32), 13, theme.INK)
