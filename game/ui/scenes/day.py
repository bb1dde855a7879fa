"""The day scene: floor plan, queue and context panel; drives the simulation in real time."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.campaign import stars
from game.report.model import build_report
from game.session import new_log
from game.sim.commands import Command, EndDay
from game.sim.engine import Simulation
from game.sim.log import TimedCommand
from game.sim.policies import POLICIES
from game.sim.results import Accepted, Queued, Rejected, Result
from game.sim.runner import player_staff
from game.ui.day.actions import Action, Selection, day_actions, patient_actions, station_actions
from game.ui.day.autoplay import Autoplay
from game.ui.day.chart_lines import day_lines, patient_lines, station_lines
from game.ui.day.context_panel import ContextPanel
from game.ui.day.feedback import Feedback
from game.ui.day.floorplan import FloorPlan, Walk, draw_tooltip
from game.ui.day.layout import DayLayout, form_size
from game.ui.day.queue_panel import QueuePanel
from game.ui.day.ring_watch import RingWatch
from game.ui.day.sim_clock import SimClock
from game.ui.day.toasts import Toasts
from game.ui.day.topbar import TopBar
from game.ui.forms.registry import FORMS
from game.ui.input import Pointer, key_action
from game.ui.kit.text_cache import TextCache
from game.ui.scene import Scene

if TYPE_CHECKING:
    from game.scenario.load import LoadedScenario
    from game.ui.context import AppContext
    from game.ui.forms.base import Form
    from game.ui.saves import SessionWriter


class DayScene(Scene):
    """One clinic day played in the window; every command goes through `submit` and the log."""

    def __init__(self, ctx: AppContext, loaded: LoadedScenario, seed: int,
                 autoplay: str | None = None, log: SessionWriter | None = None) -> None:
        super().__init__(ctx)
        self.loaded, self.seed, self.autoplay = loaded, seed, autoplay
        self.sim = Simulation(loaded.scenario, seed)
        self.log = log or ctx.saves.open_session(new_log(  # given: a watched day's, unwritten
            loaded, seed, autoplay, ctx.player or None, source="window",
            student_id=ctx.student_id or None))
        self.autoplay_bot = Autoplay(POLICIES[autoplay]()) if autoplay else None
        self.clock = SimClock(ctx.settings.speed)
        self.text = TextCache()
        self.toasts = Toasts(self.text)
        self.feedback = Feedback(self.sim, self.toasts, ctx.sounds)
        self.ring = RingWatch()  # the incoming-call card
        self.selection: Selection = None
        # Whom the player's commands go to: None is the lead MA (a one-MA day has only them).
        self.actor: str | None = None
        self._actions_key: tuple[object, ...] = ()
        self._actions: list[Action] = []
        self.form: Form | None = None
        self.hover: tuple[int, int] | None = None
        self.pointer = Pointer()  # where hover tips show (None when the mouse is not there)
        self.ended = False
        self.layout = DayLayout.for_size(ctx.size)
        self.floor = FloorPlan(self.sim, self.text, self.layout.floor, self.layout.font)
        self.queue = QueuePanel(self.sim, self.text)
        self.topbar = TopBar(self.sim, self.text, ctx.manager)
        self.context = ContextPanel(self.text, ctx.manager)
        for msg in ctx.saves.messages:
            self.toasts.add(msg, "warning")

    # --- scene life ----------------------------------------------------------------------
    def enter(self) -> None:
        """Build the widgets."""
        self.resize(self.ctx.size)

    def exit(self) -> None:
        """Remove every widget (and an open form)."""
        self.close_form()
        self.topbar.kill()
        self.context.kill()

    def resize(self, size: tuple[int, int]) -> None:
        """Lay every panel out again for the window size."""
        self.layout = lay = DayLayout.for_size(size)
        self.floor.resize(lay.floor, lay.font)
        self.topbar.layout(lay.top, lay.font)
        self.context.layout(lay.context, lay.font)
        self._refresh_panel()
        if self.form is not None:
            self.form.window.set_position(self.form_rect().topleft)

    # --- commands ------------------------------------------------------------------------
    def submit(self, command: Command) -> Result:
        """Log the command with its time, then hand it to the simulation."""
        sim = self.sim
        # The replay advances to each command's time before submitting it; doing the same
        # here handles events queued for this very second first, so both see one world.
        sim.advance(sim.now)
        if command.actor is None and self.actor is not None:
            command = command.model_copy(update={"actor": self.actor})
        member = sim.staff(command.actor)
        start, t = (member.location if member else ""), sim.now
        self.log.append(TimedCommand(t=t, command=command))
        result = sim.submit(command)
        if isinstance(result, Accepted) and member is not None:
            end = member.location
            if end != start:
                walk = sim.layout.steps(start, end) * sim.d.walk_per_step
                self.floor.walks[member.id] = Walk(start, end, t,
                                                   t + min(result.seconds, max(1, walk)))
        elif isinstance(result, Queued):
            self.toasts.add(f"Queued ({result.position} of 5): {result.message}", "info")
        elif isinstance(result, Rejected):
            self.feedback.rejected(result.reason)
        self.feedback.poll()
        self._refresh_panel()
        return result

    def run_action(self, action: Action) -> None:
        """A context-panel button or its key: select, open a form, or submit a command."""
        if action.select is not None:
            self.select(action.select)
            return
        if not action.enabled and action.command is not None:
            # Its key still asks the simulation, which refuses it with the reason the
            # button's tip gives; the refusal is logged like any command given.
            self.submit(action.command)
            return
        if not action.enabled:
            self.feedback.rejected(action.reason)
            return
        if action.form is not None:
            self.open_form(action.form, action.subject)
        elif (action.command is not None and isinstance(self.submit(action.command), Accepted)
              and action.then):
            self.open_form(*action.then)  # a call answered opens on the caller's words

    # --- forms ---------------------------------------------------------------------------
    def form_rect(self) -> pygame.Rect:
        """Forms open over the floor plan, leaving the chart in the context panel readable."""
        lay = self.layout
        rect = pygame.Rect((0, 0), form_size(lay.size))
        rect.center = lay.floor.union(lay.toasts).center
        rect.top = max(rect.top, lay.top.bottom + 4)
        return rect.clamp(pygame.Rect((0, 0), lay.size))

    def open_form(self, name: str, subject: str) -> None:
        """Open a form over the floor plan (one at a time)."""
        self.close_form()
        self.form = FORMS[name](self.ctx, self.sim, subject, self.submit, self.form_rect())

    def close_form(self) -> None:
        """Close the open form, if any."""
        if self.form is not None:
            if not self.form.closed:
                self.form.close()
            self.form = None

    # --- selection -----------------------------------------------------------------------
    def select(self, selection: Selection) -> None:
        """Select a patient or a station (or nothing)."""
        self.selection = selection
        self.floor.reveal(selection)
        self._refresh_panel()

    def cycle(self, step: int) -> None:
        """Tab: the next item in the queue's order (Shift+Tab: the previous)."""
        items = [n.selection for n in self.queue.refresh(force=True)]
        if not items:
            return
        cur = self.selection
        i = items.index(cur) + step if cur in items else (0 if step > 0 else -1)
        self.select(items[i % len(items)])

    def current_actions(self) -> list[Action]:
        """The context panel's actions for the selection, asked of the simulation again when
        the world has changed, the selection or the staff member has, or half a minute of
        the clock has passed (a no-show or the closing tasks become possible with time)."""
        sel, sim = self.selection, self.sim
        key = (sim.revision, sim.now // 30, sel, self.actor)
        if key == self._actions_key:
            return self._actions
        if sel is None:
            actions = day_actions(sim, self.actor)
        elif sel[0] == "patient":
            actions = patient_actions(sim, sel[1], self.actor)
        else:
            actions = station_actions(sim, sel[1], self.actor)
        self._actions_key, self._actions = key, actions
        return actions

    def _lines(self) -> list[Any]:
        sel, sim = self.selection, self.sim
        if sel is None:
            return day_lines(sim, self.actor)
        if sel[0] == "patient":
            return patient_lines(sim, sim.world.patients[sel[1]])
        return station_lines(sim, sel[1])

    def _refresh_panel(self) -> None:
        free = self.sim.is_free(self.actor)
        self.context.note = "" if free or self.sim.finished else \
            "Busy: actions are queued (up to 5)."
        self.context.set_actions(self.current_actions(), not self.sim.finished)

    def cycle_staff(self) -> None:
        """The next staff member the player directs gets the commands."""
        actors = player_staff(self.sim)
        i = actors.index(self.actor) if self.actor in actors else 0
        self.set_actor(actors[(i + 1) % len(actors)])

    def set_actor(self, actor: str | None) -> None:
        """Direct commands to a staff member (None: the lead)."""
        self.actor = None if actor == self.sim.lead.id else actor
        self.floor.actor = self.topbar.actor = self.actor
        member = self.sim.staff(self.actor)
        if member is not None and len(self.sim.world.staff) > 1:
            self.toasts.add(f"Directing {member.name}.", "info")
        self._refresh_panel()

    # --- input ---------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Mouse, keys, widget events, focus loss."""
        if self.ended:
            return
        self.pointer.handle(event)
        if self.form is not None:
            self.form.handle(event)
        if event.type == pygame.WINDOWFOCUSLOST:
            if not self.clock.paused:
                self.clock.paused = True
                self.toasts.add("Paused: the window lost focus. Press Space to resume.", "info")
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            self._button(event.ui_element)
        elif event.type == pygame.MOUSEMOTION:
            self.hover = event.pos
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        elif event.type == pygame.MOUSEWHEEL and self.hover and self.layout.floor.collidepoint(
                self.hover):
            self.floor.scroll(-40 * (event.x or event.y))
        elif event.type == pygame.KEYDOWN:
            self._key(event)

    def _button(self, element: object) -> None:
        which = self.topbar.button_id(element)
        if which is not None:
            self.command({"pause": "toggle_pause", "help": "help"}.get(which, f"speed_{which}"))
            return
        action = self.context.action_for(element)
        if action is not None:
            self.run_action(action)

    def _click(self, pos: tuple[int, int]) -> None:
        if self.form is not None and self.form.window.rect.collidepoint(pos):
            return
        if self.layout.floor.collidepoint(pos):
            picked = self.floor.pick(pos)
            if picked is not None and picked[0] == "staff":
                member = self.sim.staff(picked[1])
                if member is not None and member.player:
                    self.set_actor(picked[1])
                return
            self.select(picked)
        elif self.layout.queue.collidepoint(pos):
            picked = self.queue.pick(pos)
            if picked is not None:
                self.select(picked)

    def _key(self, event: pygame.event.Event) -> None:
        action = key_action(event)
        if self.form is not None:
            # Keys belong to the form while it is open; Esc closes it, F1 still helps, and
            # the speed keys keep their meaning unless a text field is being typed in.
            if action == "menu":
                self.close_form()
            elif action is not None and (action == "help" or (action.startswith("speed_")
                                         and not self.form.typing())):
                self.command(action)
            return
        if action is not None:
            self.command(action)

    def command(self, action: str) -> None:
        """A scene-wide action from a key or a top-bar button."""
        c = self.clock
        if action == "toggle_pause":
            c.toggle()
        elif action.startswith("speed_"):
            c.set_speed(float(action[6:]))
            self.ctx.settings.speed = c.speed
        elif action in ("select_next", "select_prev"):
            self.cycle(1 if action == "select_next" else -1)
        elif action == "menu":
            from game.ui.scenes.pause import PauseScene

            self.ctx.push(PauseScene(self.ctx, end_day=self.end_early))
        elif action == "help":
            self._push("game.ui.scenes.help", "HelpOverlay")
        elif action == "deselect":
            self.select(None)
        elif action == "next_staff":
            self.cycle_staff()
        elif action.startswith("act:"):
            # The panel's letters first; T (checklist) and Q (clock out) work from anywhere.
            found = self.context.by_key(action[4:]) or next(
                (a for a in day_actions(self.sim, self.actor) if a.key == action[4:]), None)
            if found is not None:
                self.run_action(found)

    def _push(self, module: str, name: str) -> None:
        self.ctx.push(getattr(importlib.import_module(module), name)(self.ctx))

    # --- time ----------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        """Advance the simulation by real time × speed; let the bot act; end the day."""
        if self.ended:
            return
        self.toasts.update(dt)
        self.pointer.update(dt)
        self.ring.step(self)  # a closed form's follow-up; the card for a new ring
        if self.form is not None:
            self.form.refresh()
        # The day waits while a form is open (typing takes real time the MA would not need),
        # except while the MA is busy with what the form started: a measurement must finish.
        self.clock.held = self.form is not None and self.form.holds_clock(self.ctx.settings)
        secs = self.clock.tick(dt)
        if secs:
            self.sim.advance(self.ring.until(self, self.sim.now + secs))
        if self.autoplay_bot is not None:
            self.autoplay_bot.step(self.sim, self.submit)
        self.feedback.poll()
        self._refresh_panel()
        if self.sim.finished:
            self.end_day()

    def end_early(self) -> None:
        """End the day now (the pause menu, confirmed): an EndDay command, logged like any
        other so the saved session replays to the same end; then the debrief."""
        if self.ended or self.sim.finished:
            return
        at = self.sim.now
        self.submit(EndDay())
        self.end_day()
        from game.ui.scenes.debrief import DebriefScene

        if isinstance(debrief := self.ctx.stack.top, DebriefScene):
            debrief.ended_early(at)

    def end_day(self) -> None:
        """Write the digest, build the report, keep the best score, show the debrief."""
        if self.ended:
            return
        self.ended = True
        sim, ctx = self.sim, self.ctx
        self.close_form()
        self.log.finish(sim.digest())
        self.report = build_report(sim, self.loaded, self.autoplay or "player",
                                   ctx.player or None, student_id=ctx.student_id or None)
        # A bot's day is not the player's: only the player's own days set a best score.
        new_best = self.autoplay is None and ctx.saves.record_score(
            self.loaded.scenario.id, self.report["score"]["total"])
        if self.autoplay is None:  # the campaign's stars, from the day's own marks
            ctx.saves.record_stars(self.loaded.scenario.id,
                                   stars(self.report, self.loaded.scenario.scoring))
        log_path: Path | None = self.log.path
        ctx.show_debrief(self.report, self.loaded, self.seed, new_best, log_path)

    # --- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Top bar, queue, floor plan, messages, context panel."""
        self.text.clear_drawn()  # what is on screen now, not every line of the day
        lay = self.layout
        hover = self.pointer.tip_pos or self.pointer.over(lay.toasts)
        if self.form is not None and hover and self.form.window.rect.collidepoint(hover):
            hover = None
        self.topbar.sync(self.clock)
        held = (self.form.held_word if self.form and self.clock.held and not self.clock.paused
                else "")
        self.topbar.draw(surface, self.clock, held)
        shown = self.sim.now + (self.clock.fraction if self.clock.running else 0.0)
        self.floor.draw(surface, shown, self.selection)
        self.queue.draw(surface, lay.queue, lay.font, lay.small, self.selection)
        self.toasts.draw(surface, lay.toasts, lay.small)
        self.context.draw(surface, self._lines())
        if hover is not None:
            tip = (self.floor.tooltip_at(hover) or self.queue.tooltip_at(hover)
                   or self.topbar.tooltip_at(hover) or self.toasts.tooltip_at(hover))
            if tip:
                # Left of the chart panel: its buttons are drawn over the scene.
                bounds = pygame.Rect(0, 0, lay.context.left - 4, lay.size[1])
                draw_tooltip(surface, self.text, tip, hover, lay.small, bounds)
