"""The title screen: choose a day, enter a name and a seed, play or watch the reference bot."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.campaign import locks
from game.library import LIBRARY, library_rank
from game.scenario.types import printable
from game.ui.input import TITLE, Intent, intent_for
from game.ui.kit.badges import Icons
from game.ui.kit.menu_style import ensure_styles, oid
from game.ui.kit.name_entry import NameEntry
from game.ui.kit.text_cache import TextCache
from game.ui.saves import MAX_PLAYER, MAX_STUDENT_ID
from game.ui.scene import Scene
from game.ui.title.catalog import DayChoice, load_choices, user_choices
from game.ui.title.draw import Layout, details_surface, draw_title, notice_height
from game.user_days import days_dir

if TYPE_CHECKING:
    from game.ui.context import AppContext

FOCUS_LIST, FOCUS_NAME, FOCUS_STUDENT, FOCUS_SEED = 0, 1, 2, 3  # then the buttons
MAX_SEED = 999_999_999


class TitleScene(Scene):
    """The first screen: the bundled days and the player's own, with their best scores, and
    how to start one."""

    def __init__(self, ctx: AppContext, choices: list[DayChoice] | None = None) -> None:
        super().__init__(ctx)
        self.notices: list[str] = []
        if choices is None:
            # The player's days folder sits beside their saves (a test's saves, a tmp folder).
            mine, note = user_choices(days_dir(ctx.saves.root))
            choices = load_choices(extra=mine)
            if note:
                self.notices.append(note)
        self.choices = choices
        first_ok = next((i for i, c in enumerate(self.choices) if c.loaded), 0)
        self.index = first_ok
        self.focus = FOCUS_LIST
        self.text = TextCache()
        self.icons = Icons()
        self.best: dict[str, int] = {}
        self.stars: dict[str, int] = {}
        self.locks: dict[str, str] = {}  # a locked day's id: the title of the day to pass
        self.layout = Layout.for_size(ctx.size, 0, len(self.choices))
        self.widgets: list[pygame_gui.core.UIElement] = []
        self.name_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.student_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.seed_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.buttons: dict[str, pygame_gui.elements.UIButton] = {}
        self.details_scroll = 0
        self._details: dict[tuple[str, int, int], pygame.Surface] = {}

    # -- life cycle -----------------------------------------------------------------------
    def enter(self) -> None:
        """Read best scores and messages, build the widgets."""
        ensure_styles(self.ctx.manager)
        self._refresh_saved()
        ctx = self.ctx
        self._build(ctx.player or ctx.settings.player,
                    ctx.student_id or ctx.settings.student_id, "1")

    def exit(self) -> None:
        """Remove the widgets."""
        for widget in self.widgets:
            widget.kill()
        self.widgets = []
        self.buttons = {}
        self.name_entry = self.student_entry = self.seed_entry = None

    def resume(self) -> None:
        """Back from an overlay: settings or messages may have changed."""
        self._refresh_saved()
        if self.layout.notice_h != notice_height(self.notices):
            self.resize(self.ctx.size)
        self._sync_play()
        self._show_focus()

    def resize(self, size: tuple[int, int]) -> None:
        """Lay the screen out again, keeping what was typed."""
        name, student = self.name_text, self.student_text
        seed = self.seed_entry.get_text() if self.seed_entry else "1"
        self.exit()
        self._build(name, student, seed)

    def _refresh_saved(self) -> None:
        saves = self.ctx.saves
        self.best = saves.best_scores()
        self.stars = saves.best_stars()
        # The campaign: the library's days in order, each opened by a star on the one before
        # (a day of the player's own folder is never locked).
        library = [(c.id, c.title) for c in self.choices
                   if c.loaded is not None and not c.user and library_rank(c.path.name)
                   < len(LIBRARY)]
        self.locks = locks(library, self.stars, self.ctx.settings.unlock_all)
        if saves.messages:
            self.notices += saves.messages
            saves.messages.clear()

    def _build(self, name: str, student: str, seed: str) -> None:
        manager = self.ctx.manager
        lay = self.layout = Layout.for_size(self.ctx.size, notice_height(self.notices),
                                            len(self.choices))
        self.name_entry = NameEntry(lay.name_entry, manager,
                                    object_id=oid("@field", "#player_name"))
        self.name_entry.set_text_length_limit(MAX_PLAYER)
        self.name_entry.set_text(name[:MAX_PLAYER])
        # The ID the program knows the student by: it goes into the session log, bound by
        # its digest, and onto the report and the class's gradebook.
        self.student_entry = NameEntry(lay.student_entry, manager,
                                       object_id=oid("@field", "#student_id"))
        self.student_entry.set_text_length_limit(MAX_STUDENT_ID)
        self.student_entry.set_text(student[:MAX_STUDENT_ID])
        self.seed_entry = pygame_gui.elements.UITextEntryLine(
            lay.seed_entry, manager, object_id=oid("@field", "#seed"))
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.set_text_length_limit(9)
        self.seed_entry.set_text(seed)
        specs = [("play", "Play this day", lay.play, "@primary"),
                 ("watch", "Watch the reference bot", lay.watch, "@secondary"),
                 ("settings", "Settings", lay.settings, "@secondary"),
                 ("quit", "Quit", lay.quit, "@secondary")]
        self.buttons = {key: pygame_gui.elements.UIButton(rect, label, manager,
                                                          object_id=oid(style, f"#{key}"))
                        for key, label, rect, style in specs}
        self.widgets = [self.name_entry, self.student_entry, self.seed_entry,
                        *self.buttons.values()]
        self._sync_play()
        self._show_focus()

    # -- what the player chose ------------------------------------------------------------
    @property
    def choice(self) -> DayChoice | None:
        """The highlighted day."""
        return self.choices[self.index] if self.choices else None

    @property
    def name_text(self) -> str:
        """The name as typed, trimmed."""
        return printable(self.name_entry.get_text()).strip()[:MAX_PLAYER] \
            if self.name_entry else ""

    @property
    def student_text(self) -> str:
        """The student ID as typed, trimmed."""
        entry = self.student_entry
        return printable(entry.get_text()).strip()[:MAX_STUDENT_ID] if entry else ""

    @property
    def seed(self) -> int:
        """The seed as typed (1 when empty)."""
        text = self.seed_entry.get_text().strip() if self.seed_entry else ""
        return min(int(text), MAX_SEED) if text.isdigit() else 1

    def choose(self, index: int) -> None:
        """Highlight a day."""
        if self.choices:
            self.index = index % len(self.choices)
            self.details_scroll = 0
            self._sync_play()

    def _sync_play(self) -> None:
        """The Play button says when the chosen day is locked, before it is pressed."""
        choice, button = self.choice, self.buttons.get("play")
        if button is not None and choice is not None:
            button.set_text("Locked: pass the day above" if choice.id in self.locks
                            else "Play this day")

    def details_content(self, size: tuple[int, int]) -> pygame.Surface:
        """The chosen day's details, drawn once per size."""
        choice = self.choices[self.index]
        # By file: a player's day may share its id with a bundled one and differ from it.
        key = (str(choice.path), *size)
        if key not in self._details:
            self._details[key] = details_surface(choice, size[0], size[1], self.text)
        return self._details[key]

    def scroll_details(self, pixels: int) -> None:
        """Scroll the details card (mouse wheel, Page Up/Down)."""
        choice = self.choice
        if choice is None or choice.loaded is None:
            return
        inner = self.layout.details_inner
        total = self.details_content(inner.size).get_height()
        self.details_scroll = max(0, min(total - inner.height, self.details_scroll + pixels))

    def _remember_player(self) -> None:
        ctx = self.ctx
        ctx.player, ctx.student_id = self.name_text, self.student_text
        if (ctx.settings.player, ctx.settings.student_id) != (ctx.player, ctx.student_id):
            ctx.settings.player, ctx.settings.student_id = ctx.player, ctx.student_id
            ctx.saves.save_settings(ctx.settings)

    def play(self, autoplay: str | None = None) -> None:
        """Start the highlighted day (or watch a bot's play of it, as a session is watched)."""
        choice = self.choice
        if choice is None:
            return
        if choice.loaded is None:
            self._refuse(choice)
            return
        self._remember_player()
        if autoplay is None and choice.id in self.locks:
            self._notice(f"{choice.title} is locked: pass {self.locks[choice.id]} first (a "
                         "star opens the next day), or watch the reference bot play it. "
                         "Settings can open every day.")
        elif autoplay is None:
            self.ctx.start_day(choice.loaded, self.seed)
        else:
            self.ctx.watch_bot(choice.loaded, self.seed, autoplay)

    def _refuse(self, choice: DayChoice) -> None:
        """A file that did not load cannot be played: say why in the notice bar."""
        self._notice(f"{choice.path.name} cannot be played: {choice.brief_error}")

    def _notice(self, notice: str) -> None:
        """A line in the notice bar (once), the layout making room for it."""
        if notice not in self.notices:
            self.notices.append(notice)
        if self.layout.notice_h != notice_height(self.notices):
            self.resize(self.ctx.size)

    def ask_quit(self) -> None:
        """Esc or Quit: confirm before leaving."""
        from game.ui.scenes.overlay import ConfirmOverlay

        self._remember_player()
        self.ctx.push(ConfirmOverlay(self.ctx, "Quit Clinic Day?",
                                     "Your name, settings and best scores are saved.",
                                     "Quit", self.ctx.quit, "Stay"))

    def open_settings(self) -> None:
        """The settings overlay."""
        from game.ui.scenes.settings import SettingsOverlay

        self.ctx.push(SettingsOverlay(self.ctx))

    def open_help(self) -> None:
        """The help overlay."""
        from game.ui.scenes.help import HelpOverlay

        self.ctx.push(HelpOverlay(self.ctx))

    # -- input ----------------------------------------------------------------------------
    def _order(self) -> list[str]:
        return ["list", "name", "student", "seed", "play", "watch", "settings", "quit"]

    def _show_focus(self) -> None:
        manager = self.ctx.manager
        order = self._order()
        key = order[self.focus % len(order)]
        for name, button in self.buttons.items():
            (button.select if name == key else button.unselect)()
        if key == "name" and self.name_entry:
            manager.set_focus_set(self.name_entry)
        elif key == "student" and self.student_entry:
            manager.set_focus_set(self.student_entry)
        elif key == "seed" and self.seed_entry:
            manager.set_focus_set(self.seed_entry)
        else:
            manager.set_focus_set(None)

    def _move_focus(self, step: int) -> None:
        self.focus = (self.focus + step) % len(self._order())
        self._show_focus()

    def _press(self, key: str) -> None:
        actions = {"play": self.play, "watch": lambda: self.play("reference"),
                   "settings": self.open_settings, "quit": self.ask_quit}
        actions[key]()

    def handle(self, event: pygame.event.Event) -> None:
        """Mouse on cards and buttons; keys for everything."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    self.focus = self._order().index(key)
                    self._press(key)
                    return
        elif event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
            if event.ui_element is self.name_entry:
                self.focus = FOCUS_NAME
            elif event.ui_element is self.student_entry:
                self.focus = FOCUS_STUDENT
            elif event.ui_element is self.seed_entry:
                self.focus = FOCUS_SEED
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        elif event.type == pygame.MOUSEWHEEL:
            if self.layout.details.collidepoint(pygame.mouse.get_pos()):
                self.scroll_details(-40 * event.y)
        elif event.type == pygame.KEYDOWN:
            self._key(event)

    def _click(self, pos: tuple[int, int]) -> None:
        for i, rect in self.layout.cards(len(self.choices), self.index):
            if rect.collidepoint(pos):
                self.choose(i)
                self.focus = FOCUS_LIST
                self._show_focus()
                return
        for focus, entry in ((FOCUS_NAME, self.name_entry),
                             (FOCUS_STUDENT, self.student_entry),
                             (FOCUS_SEED, self.seed_entry)):
            if entry is not None and entry.get_abs_rect().collidepoint(pos):
                self.focus = focus

    def _key(self, event: pygame.event.Event) -> None:
        focused = self._order()[self.focus]
        intent = intent_for(event, TITLE, typing=focused in ("name", "student", "seed"))
        if intent == Intent.QUIT:
            self.ask_quit()
        elif intent == Intent.HELP:
            self.open_help()
        elif intent in (Intent.NEXT, Intent.PREV):
            self._move_focus(1 if intent == Intent.NEXT else -1)
        elif intent in (Intent.CHOOSE_NEXT, Intent.CHOOSE_PREV):
            self.choose(self.index + (1 if intent == Intent.CHOOSE_NEXT else -1))
        elif intent == Intent.CONFIRM:
            self._press(focused if focused in self.buttons else "play")
        elif intent in (Intent.PAGE_UP, Intent.PAGE_DOWN):
            self.scroll_details(160 if intent == Intent.PAGE_DOWN else -160)
        elif intent == Intent.PRESS and focused in self.buttons:
            self._press(focused)

    # -- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header, day cards, the chosen day's details, notices and key hints."""
        self.text.clear_drawn()
        draw_title(surface, self, self.text, self.icons)
