"""The day scene driven by a session log: the student's day as they played it, for watching."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pygame

from game.scenario.types import clock
from game.sim.results import Rejected, Result
from game.ui.day.feedback import Feedback
from game.ui.day.ring_watch import RingWatch
from game.ui.forms.registry import FORMS
from game.ui.kit import theme
from game.ui.saves import SessionWriter
from game.ui.scenes.day import DayScene
from game.ui.watch.pause import WatchPause
from game.ui.watch.playback import Playback

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.log import TimedCommand
    from game.ui.context import AppContext
    from game.ui.day.actions import Action
    from game.ui.saves import Saves
    from game.ui.watch.source import Watched

REFUSED = ("Watching a recorded day: only the session log's commands are given, so nothing "
           "you click changes it (forms open to look).")
JUMP_BACK = 60  # a jump lands a minute before the entry, to see what led to it


class Unrecorded(SessionWriter):
    """Stands in for the session log while watching: the watched log is only read, and no
    file is written (the day is the student's, not the watcher's)."""

    def __init__(self, watched: Watched, saves: Saves) -> None:
        # SessionWriter.__init__ writes its file at once: it is deliberately not called.
        self.path, self.log, self.saves, self.ok = watched.path, watched.log, saves, True

    def append(self, command: TimedCommand) -> None:
        """Nothing is recorded."""

    def finish(self, digest: str) -> None:
        """Nothing is sealed."""

    def flush(self, durable: bool = True) -> bool:
        """Nothing is written."""
        return True


class WatchRing(RingWatch):
    """No incoming-call card while watching (the log says whether the student answered),
    and each frame's advance stops at the next logged command's time."""

    def __init__(self, playback: Playback) -> None:
        super().__init__()
        self.playback = playback

    def active(self, scene: DayScene) -> bool:
        """Never: the card would stop the clock for a call the log answers or not."""
        return False

    def until(self, scene: DayScene, to: int) -> int:
        """At the next command's time, so that it is given exactly then."""
        return self.playback.until(scene.sim.now, to)


class WatchScene(DayScene):
    """A session log's day in the window: its commands play at their times; the watcher can
    select, open forms to look, pause and change speed, but gives no command."""

    def __init__(self, ctx: AppContext, watched: Watched, start_at: int | None = None,
                 why: str = "") -> None:
        self.watched = watched
        self.playback = Playback(watched.log.commands)
        super().__init__(ctx, watched.loaded, watched.log.seed,
                         log=Unrecorded(watched, ctx.saves))
        self.ring = WatchRing(self.playback)
        self.banner_rect = pygame.Rect(0, 0, 0, 0)
        # The MA on screen is the student (or the bot), not the one watching.
        self.floor.you, self.topbar.you = "MA", "The MA is"
        if start_at is not None:
            self.playback.fast_forward(self.sim, start_at)
            # What happened before the jump is not news: only what follows is toasted.
            self.feedback = Feedback(self.sim, self.toasts, ctx.sounds)
            self.clock.paused = True
            before = f", a minute before {why}" if why else ""
            self.toasts.add(f"Jumped to {clock(self.sim.now)}{before}. Press Space to watch "
                            "on.", "info")
        else:
            self.toasts.add(f"{watched.banner}. Space pauses, 1/2/3 set the speed, Esc opens "
                            "the menu (restart, skip to the end).", "info")

    # --- the log's commands, and the watcher's -------------------------------------------
    def submit(self, command: Command) -> Result:
        """A logged command, given to the staff member it names (the lead when it names
        none), whoever the watcher is looking at."""
        looking_at, self.actor = self.actor, None
        try:
            return super().submit(command)
        finally:
            self.actor = looking_at

    def refuse(self, command: Command | None = None) -> Result:
        """What the watcher's own commands get: a refusal, and a toast saying why."""
        if REFUSED not in self.toasts.texts():
            self.toasts.add(REFUSED, "info")
        return Rejected(REFUSED)

    def run_action(self, action: Action) -> None:
        """Selecting and opening a form to look are allowed; a command is refused."""
        if action.select is not None or (action.form is not None and action.enabled):
            super().run_action(action)
        else:
            self.refuse(action.command)

    def open_form(self, name: str, subject: str) -> None:
        """A form to look at: whatever it would submit is refused."""
        self.close_form()
        self.form = FORMS[name](self.ctx, self.sim, subject, self.refuse, self.form_rect())

    def command(self, action: str) -> None:
        """Esc opens the watching menu (restart, skip to the end) instead of the day's."""
        if action != "menu":
            super().command(action)
            return
        self.ctx.push(WatchPause(self.ctx, self.restart, self.skip_to_end))

    # --- time ----------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        """The day's frame (its advance stops at the next command), then the commands due."""
        super().update(dt)
        if not self.ended:
            self.playback.step(self.sim, self.submit)
            if self.sim.finished:
                self.end_day()

    def skip_to_end(self) -> None:
        """The rest of the log at once (headless), then the debrief."""
        if not self.ended:
            self.close_form()
            self.playback.fast_forward(self.sim, self.sim.end_time)
            self.end_day()

    def end_early(self) -> None:
        """Watching, ending the day early means seeing the rest at once."""
        self.skip_to_end()

    def restart(self) -> None:
        """Watch the log again from the start of the day."""
        show_watch(self.ctx, self.watched)

    def end_day(self) -> None:
        """The debrief of the replay (as `clinic-day replay` builds it); no log is sealed and
        no best score is kept: the day is the student's."""
        if self.ended:
            return
        self.ended = True
        self.close_form()
        notices = []
        if self.sim.digest() != self.watched.replayed().sim.digest():
            notices.append("The day shown here ended in another state than the headless "
                           "replay of the log: please report this as a bug.")
        from game.ui.watch.debrief import WatchDebrief

        self.ctx.stack.replace(WatchDebrief(self.ctx, self.watched, notices))

    # --- the banner ----------------------------------------------------------------------
    def resize(self, size: tuple[int, int]) -> None:
        """The day's layout, with a band above the floor plan for the banner."""
        super().resize(size)
        lay = self.layout
        band_h = lay.font + 14
        self.banner_rect = pygame.Rect(lay.floor.left, lay.floor.top, lay.floor.width, band_h)
        floor = lay.floor.copy()
        floor.top += band_h + 4
        floor.height -= band_h + 4
        self.layout = dataclasses.replace(lay, floor=floor)
        self.floor.resize(floor, lay.font)

    def draw(self, surface: pygame.Surface) -> None:
        """The day, and the banner saying whose day it is and that it is a replay."""
        super().draw(surface)
        r, text, size = self.banner_rect, self.text, self.layout.small
        pygame.draw.rect(surface, theme.INK, r, border_radius=6)
        chip = text.render("WATCHING", size, theme.INK, bold=True)
        box = pygame.Rect(r.x + 8, r.centery - chip.get_height() // 2 - 1,
                          chip.get_width() + 12, chip.get_height() + 2)
        pygame.draw.rect(surface, (255, 214, 120), box, border_radius=4)
        text.blit(surface, "WATCHING", box.center, size, theme.INK, bold=True, anchor="center")
        hint = "a replay: your clicks change nothing"
        hint_w = text.font(size).size(hint)[0] + 16
        room = r.right - 12 - box.right - 10
        whose = self.watched.banner.removeprefix("Watching ")
        # Whose day it is matters more than the hint (a refused click says it again).
        show_hint = text.font(size + 1, True).size(whose)[0] + hint_w <= room
        line = text.fit(whose, size + 1, room - (hint_w if show_hint else 0), bold=True)
        text.blit(surface, line, (box.right + 10, r.centery), size + 1, (255, 255, 255),
                  bold=True, anchor="midleft")
        if show_hint:
            text.blit(surface, hint, (r.right - 12, r.centery), size, (190, 204, 218),
                      anchor="midright")


def show_watch(ctx: AppContext, watched: Watched, start_at: int | None = None,
               why: str = "") -> None:
    """Watch the log (again): from the start, or fast-forwarded to a time and paused."""
    ctx.form_memory.clear()
    ctx.stack.replace(WatchScene(ctx, watched, start_at, why))
