"""The end-of-day debrief: score, pass or fail, critical errors, teaching notes, timeline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.scenario.types import clock, seconds
from game.sim.policies import POLICIES
from game.ui.debrief.draw import DebriefLayout, draw_debrief
from game.ui.debrief.notes import lost_entries, notes_html
from game.ui.debrief.timeline import build_timeline
from game.ui.debrief.timeline_view import TimelineView
from game.ui.input import DEBRIEF, Intent, intent_for
from game.ui.kit.badges import Icons
from game.ui.kit.menu_style import ensure_styles, oid
from game.ui.kit.text_cache import TextCache
from game.ui.scene import Scene
from game.ui.scenes.title import MAX_SEED

if TYPE_CHECKING:
    from game.scenario.load import LoadedScenario
    from game.ui.context import AppContext

BUTTONS = (("again", "Play again", 150, "@primary"),
           ("seed", "Try seed {next}", 124, "@secondary"),
           ("title", "Choose another day", 196, "@secondary"),
           ("quit", "Quit", 84, "@secondary"))
TABS = (("notes", "Teaching notes", 190), ("timeline", "Timeline", 120))


def next_seed(seed: int) -> int:
    """The seed after this one, within what the title's seed field takes (1 after the last)."""
    return seed + 1 if seed < MAX_SEED else 1


class DebriefScene(Scene):
    """Shows the report of a finished day and offers to play again or choose another day."""

    # The footer's buttons and the tabs: a watched session log's debrief (game.ui.watch)
    # offers its own, to watch again and to jump to a ledger entry's time.
    button_specs: tuple[tuple[str, str, int, str], ...] = BUTTONS
    tab_specs: tuple[tuple[str, str, int], ...] = TABS

    def __init__(self, ctx: AppContext, report: dict[str, Any], loaded: LoadedScenario,
                 seed: int, new_best: bool, log_path: Path | None) -> None:
        super().__init__(ctx)
        self.report = report
        self.loaded = loaded
        self.seed = seed
        self.new_best = new_best
        self.log_path = log_path
        self.text = TextCache()
        self.icons = Icons()
        self.tab = "notes"
        self.group = "category"
        self.notices: list[str] = []
        clinic = loaded.scenario.clinic
        model = build_timeline(report, seconds(clinic.opens), seconds(clinic.closes), log_path)
        self.timeline_view = TimelineView(model, self.text, self.icons)
        self.layout = self._layout()
        self.buttons: dict[str, pygame_gui.elements.UIButton] = {}
        self.tabs: dict[str, pygame_gui.elements.UIButton] = {}
        self.groups: dict[str, pygame_gui.elements.UIButton] = {}
        self.notes: pygame_gui.elements.UITextBox | None = None  # the one shown
        # one text box per grouping, built on first use and then only hidden and shown:
        # a long day's notes take a few hundred milliseconds to lay out
        self._note_boxes: dict[str, pygame_gui.elements.UITextBox] = {}
        self.selected = 0

    def _layout(self) -> DebriefLayout:
        return DebriefLayout.for_size(self.ctx.size, len(self.report.get("critical_errors", [])),
                                      len(self.notices))

    # -- life cycle -----------------------------------------------------------------------
    def enter(self) -> None:
        """Build the widgets; a chime for a pass or a new best."""
        ensure_styles(self.ctx.manager)
        self._take_messages()
        self._build()
        if self.new_best or self.report["score"]["passed"]:
            self.ctx.sounds.play("chime")

    def exit(self) -> None:
        """Remove the widgets."""
        for widget in [*self.buttons.values(), *self.tabs.values(), *self.groups.values()]:
            widget.kill()
        for box in self._note_boxes.values():
            box.kill()
        self._note_boxes = {}
        self.buttons, self.tabs, self.groups, self.notes = {}, {}, {}, None

    def resume(self) -> None:
        """Back from help: messages may have arrived."""
        if self._take_messages():
            self.resize(self.ctx.size)

    def resize(self, size: tuple[int, int]) -> None:
        """Lay out again."""
        self.exit()
        self._build()

    def ended_early(self, t: int) -> None:
        """Say that the player ended the day before its end, and when."""
        self.notices.append(f"You ended the day early at {clock(t)}: everything not done by "
                            "then is scored as undone.")
        if self.ctx.stack.top is self:
            self.resize(self.ctx.size)

    def _take_messages(self) -> bool:
        saves = self.ctx.saves
        if not saves.messages:
            return False
        self.notices += saves.messages
        saves.messages.clear()
        return True

    def _build(self) -> None:
        manager = self.ctx.manager
        lay = self.layout = self._layout()
        x = lay.footer.right - lay.margin
        watched = self.report.get("policy") in POLICIES
        for key, label, width, style in reversed(self.button_specs):
            if key == "again" and watched:
                label = "Play it yourself"  # same day and seed, this time with the player
            label = label.format(next=next_seed(self.seed))
            x -= width
            self.buttons[key] = pygame_gui.elements.UIButton(
                pygame.Rect(x, lay.footer.top + 12, width, 42), label, manager,
                object_id=oid(style, f"#{key}"))
            x -= 12
        self.buttons = dict(reversed(self.buttons.items()))
        n_notes = len(lost_entries(self.report))
        x = lay.right.left
        for key, label, width in self.tab_specs:
            text = f"{label} ({n_notes})" if key == "notes" else label
            self.tabs[key] = pygame_gui.elements.UIButton(
                pygame.Rect(x, lay.right.top, width, 36), text, manager,
                object_id=oid("@secondary", f"#tab_{key}"))
            x += width + 8
        self._build_tab()
        self._show_selection()
        c = lay.content
        self.timeline_view.layout(pygame.Rect(c.left + 14, c.top + 10, c.width - 38,
                                              c.height - 46))

    def _build_tab(self) -> None:
        manager, lay = self.ctx.manager, self.layout
        for widget in self.groups.values():
            widget.kill()
        self.groups = {}
        for box in self._note_boxes.values():
            box.hide()
        self.notes = None
        for key, button in self.tabs.items():
            button.change_object_id(oid("@chosen" if key == self.tab else "@secondary",
                                        f"#tab_{key}"))
        if self.tab != "notes":
            return
        x = lay.right.right
        for key, label in (("patient", "By patient"), ("category", "By category")):
            x -= 130
            self.groups[key] = pygame_gui.elements.UIButton(
                pygame.Rect(x, lay.right.top + 2, 124, 32), label, manager,
                object_id=oid("@chosen" if key == self.group else "@secondary",
                              f"#group_{key}"))
        shown = self._note_boxes.get(self.group)
        if shown is None:
            shown = self._note_boxes[self.group] = pygame_gui.elements.UITextBox(
                notes_html(self.report, self.group), lay.content, manager,
                object_id=oid("@notes", "#teaching_notes"))
        shown.show()
        self.notes = shown

    # -- actions --------------------------------------------------------------------------
    def play_again(self) -> None:
        """The same scenario and seed, from the start."""
        self.ctx.start_day(self.loaded, self.seed)

    def another_seed(self) -> None:
        """The same day with the next seed: other arrival minutes and readings, to practise."""
        self.ctx.start_day(self.loaded, next_seed(self.seed))

    def choose_another(self) -> None:
        """Back to the title screen."""
        self.ctx.show_title()

    def show_tab(self, tab: str) -> None:
        """Teaching notes or timeline."""
        if tab != self.tab:
            self.tab = tab
            self._build_tab()

    def group_by(self, group: str) -> None:
        """Group the notes by category or by patient."""
        if group != self.group:
            self.group = group
            self._build_tab()

    def buttons_left(self) -> int:
        """x of the leftmost footer button (the log path stops before it)."""
        return int(min((b.get_abs_rect().left for b in self.buttons.values()),
                       default=self.layout.footer.right))

    @property
    def notes_text(self) -> str:
        """The teaching notes as shown (HTML)."""
        return self.notes.html_text if self.notes is not None else notes_html(
            self.report, self.group)

    # -- input ----------------------------------------------------------------------------
    def _show_selection(self) -> None:
        for i, button in enumerate(self.buttons.values()):
            (button.select if i == self.selected else button.unselect)()

    def _press(self, key: str) -> None:
        {"again": self.play_again, "seed": self.another_seed, "title": self.choose_another,
         "quit": self.ctx.quit}[key]()

    def handle(self, event: pygame.event.Event) -> None:
        """Buttons, tabs, the wheel, and keys (the DEBRIEF key map)."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    self._press(key)
                    return
            for key, button in self.tabs.items():
                if event.ui_element is button:
                    self.show_tab(key)
            for key, button in self.groups.items():
                if event.ui_element is button:
                    self.group_by(key)
            return
        if event.type == pygame.MOUSEWHEEL and self.tab == "timeline":
            self.timeline_view.scroll_by(-30 * event.y)
        intent = intent_for(event, DEBRIEF)
        if intent is not None:
            self._intent(intent)

    def _intent(self, intent: str) -> None:
        if intent == Intent.PRESS:
            self._press(list(self.buttons)[self.selected])
        elif intent in (Intent.NEXT, Intent.PREV):
            move = 1 if intent == Intent.NEXT else -1
            self.selected = (self.selected + move) % len(self.button_specs)
            self._show_selection()
        elif intent == Intent.TO_TITLE:
            self.choose_another()
        elif intent == Intent.HELP:
            from game.ui.scenes.help import HelpOverlay

            self.ctx.push(HelpOverlay(self.ctx))
        elif intent in (Intent.SHOW_NOTES, Intent.SHOW_TIMELINE):
            self.show_tab("notes" if intent == Intent.SHOW_NOTES else "timeline")
        elif intent in (Intent.SCROLL_UP, Intent.SCROLL_DOWN) and self.tab == "timeline":
            self.timeline_view.scroll_by(40 if intent == Intent.SCROLL_DOWN else -40)
        elif intent in (Intent.PAGE_UP, Intent.PAGE_DOWN) and self.notes is not None:
            bar = self.notes.scroll_bar
            if bar is not None:
                step = 0.2 if intent == Intent.PAGE_DOWN else -0.2
                bar.set_scroll_from_start_percentage(
                    max(0.0, min(1.0, bar.start_percentage + step)))

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The report below the widgets; a tooltip over the timeline."""
        self.text.clear_drawn()
        draw_debrief(surface, self)
        if self.tab == "timeline" and self.ctx.stack.top is self:
            self.timeline_view.draw_tooltip(surface, pygame.mouse.get_pos())
