"""The debrief of a real (headless) day, and the timeline built from its report."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from html import escape
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.paths import SCENARIOS
from game.report.model import build_report
from game.scenario.load import LoadedScenario, load_scenario
from game.session import new_log
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy
from game.ui.app import App, build_context
from game.ui.context import AppContext
from game.ui.debrief.draw import MAX_BANNER_LINES
from game.ui.debrief.notes import lost_entries, notes_html
from game.ui.debrief.timeline import KINDS, activity_kind, build_timeline
from game.ui.saves import Saves
from game.ui.scenes.debrief import DebriefScene, next_seed
from game.ui.scenes.title import MAX_SEED, TitleScene

STEP = 1 / 60


def press(app: App, key: int) -> None:
    """A key press, then a frame."""
    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    app.frame(STEP)


def click(app: App, widget: Any) -> None:
    """A left click at a widget's centre, then a frame."""
    pos = widget.get_abs_rect().center
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.frame(STEP)


Day = tuple[dict[str, Any], LoadedScenario, Path]


def play(policy: str, folder: Path) -> Day:
    """A whole standard day played headless by a bot, with its session log on disk."""
    loaded = load_scenario(SCENARIOS / "standard_day.json")
    sim = Simulation(loaded.scenario, 1)
    writer = Saves(root=folder).open_session(new_log(loaded, 1, policy))
    for tc in play_policy(sim, POLICIES[policy]()):
        writer.append(tc)
    report = build_report(sim, loaded, policy)
    writer.finish(report["digest"])
    return report, loaded, writer.path


@pytest.fixture(scope="module")
def naive(tmp_path_factory: pytest.TempPathFactory) -> Day:
    return play("naive", tmp_path_factory.mktemp("naive"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Day:
    return play("reference", tmp_path_factory.mktemp("reference"))


def open_debrief(ctx: AppContext, day: Day, new_best: bool = True) -> tuple[App, DebriefScene]:
    report, loaded, log_path = day
    app = App(ctx)
    ctx.show_debrief(report, loaded, 1, new_best, log_path)
    app.frame(STEP)
    scene = ctx.stack.top
    assert isinstance(scene, DebriefScene)
    return app, scene


def seen(scene: DebriefScene) -> str:
    return "\n".join(scene.text.drawn)


def test_shows_total_grade_fail_and_every_critical_error(ctx: AppContext, naive: Day) -> None:
    report = naive[0]
    assert not report["score"]["passed"] and report["critical_errors"]  # the day under test
    _, scene = open_debrief(ctx, naive)
    shown = seen(scene)
    assert str(report["score"]["total"]) in scene.text.drawn
    assert f"Grade {report['score']['grade']}" in shown
    assert "Not passed" in shown
    assert "New best score!" in shown
    crits = report["critical_errors"]
    for i, crit in enumerate(crits):
        # The red banner lists the first three and says how many more the notes hold.
        assert (crit["reason"] in shown) == (i < MAX_BANNER_LINES)
        assert escape(crit["reason"]) in scene.notes_text  # every one is in the notes
    if len(crits) > MAX_BANNER_LINES:
        assert (f"and {len(crits) - MAX_BANNER_LINES} more: see the teaching notes"
                in scene.text.drawn)
    assert str(naive[2]) in shown  # where the session log is


def test_category_bars_show_their_numbers(ctx: AppContext, naive: Day) -> None:
    _, scene = open_debrief(ctx, naive)
    shown = seen(scene)
    for cat in naive[0]["score"]["categories"].values():
        assert f"{cat['earned']} / {cat['possible']}" in shown


def test_every_entry_that_lost_points_is_in_the_notes(ctx: AppContext, naive: Day) -> None:
    _, scene = open_debrief(ctx, naive)
    entries = lost_entries(naive[0])
    assert entries
    html = scene.notes_text
    for e in entries:
        assert escape(e["reason"]) in html
        if e["note"]:
            assert escape(e["note"]) in html
    assert "Teaching notes" in scene.tabs["notes"].text


def test_notes_by_patient(ctx: AppContext, naive: Day) -> None:
    app, scene = open_debrief(ctx, naive)
    click(app, scene.groups["patient"])
    assert scene.group == "patient"
    assert "Maria Hernandez (08:40)" in scene.notes_text
    assert "Maria Hernandez (14:00)" in scene.notes_text  # two patients, one name
    for e in lost_entries(naive[0]):
        assert escape(e["reason"]) in scene.notes_text


def test_a_passed_day(ctx: AppContext, reference: Day) -> None:
    report = reference[0]
    assert report["score"]["passed"] and not report["critical_errors"]
    _, scene = open_debrief(ctx, reference, new_best=False)
    shown = seen(scene)
    assert "Passed" in shown and "Not passed" not in shown
    assert "New best score!" not in shown
    assert "critical error" not in shown.lower()
    assert scene.layout.banner.height == 0


def test_play_again_starts_the_same_day(ctx: AppContext, naive: Day,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ctx, "start_day", lambda *args: calls.append(args))
    app, scene = open_debrief(ctx, naive)
    assert scene.buttons["again"].text == "Play it yourself"  # the day was the naive bot's
    click(app, scene.buttons["again"])
    assert calls == [(naive[1], 1)]
    press(app, pygame.K_RETURN)  # Enter presses the highlighted button: Play again
    assert len(calls) == 2


def test_another_seed_starts_the_day_again_with_the_next_seed(
        ctx: AppContext, naive: Day, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ctx, "start_day", lambda *args: calls.append(args))
    app, scene = open_debrief(ctx, naive)
    assert scene.buttons["seed"].text == "Try seed 2"  # the day was played on seed 1
    click(app, scene.buttons["seed"])
    assert calls == [(naive[1], 2)]
    assert next_seed(MAX_SEED) == 1  # past the last seed the field takes, back to the first


def test_choose_another_day_and_quit(ctx: AppContext, naive: Day) -> None:
    app, scene = open_debrief(ctx, naive)
    click(app, scene.buttons["title"])
    assert isinstance(ctx.stack.top, TitleScene)
    app, scene = open_debrief(ctx, naive)
    click(app, scene.buttons["quit"])
    assert not ctx.running


def test_keys_on_the_debrief(ctx: AppContext, naive: Day) -> None:
    app, scene = open_debrief(ctx, naive)
    press(app, pygame.K_2)
    assert scene.tab == "timeline" and scene.notes is None
    press(app, pygame.K_DOWN)
    press(app, pygame.K_1)
    assert scene.tab == "notes" and scene.notes is not None
    press(app, pygame.K_PAGEDOWN)
    press(app, pygame.K_F1)
    assert type(ctx.stack.top).__name__ == "HelpOverlay"
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert isinstance(ctx.stack.top, TitleScene)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 640)])
def test_timeline_tab_draws_every_lane(tmp_path: Path, naive: Day,
                                       size: tuple[int, int]) -> None:
    ctx = build_context(size=size, saves=Saves(root=tmp_path))
    app, scene = open_debrief(ctx, naive)
    click(app, scene.tabs["timeline"])
    assert scene.tab == "timeline"
    view = scene.timeline_view
    assert len(view.rows) == len(KINDS) + len(naive[0]["patients"])
    assert scene.layout.content.contains(view.rect)
    row = view.rows[len(KINDS)]
    lines = view.describe(view.shown(row).center)
    assert lines and lines[0].startswith("Denise Whitaker")
    view.scroll_by(10_000)
    assert view.scroll == view.scroll_max
    pygame.mouse.set_pos(view.shown(row).center)
    app.frame(STEP)  # with a tooltip
    while ctx.stack.scenes:
        ctx.stack.pop()


def test_a_log_that_was_not_written(ctx: AppContext, naive: Day, tmp_path: Path) -> None:
    report, loaded, _ = naive
    app = App(ctx)
    ctx.show_debrief(report, loaded, 1, False, tmp_path / "missing.json")
    app.frame(STEP)
    assert "The session log could not be saved at:" in seen(ctx.stack.top)
    ctx.show_debrief(report, loaded, 1, False, None)
    app.frame(STEP)
    assert "No session log was saved for this day." in seen(ctx.stack.top)


# -- the timeline model -------------------------------------------------------------------
def test_activity_kinds() -> None:
    assert activity_kind("checking in Denise Whitaker") == "desk"
    assert activity_kind("taking Rahul Mehta's vital signs") == "rooming"
    assert activity_kind("centrifuging Ann's serum tubes") == "lab"
    assert activity_kind("alerting the provider about Curtis Bell") == "provider"
    assert activity_kind("stock exam 3") == "tasks"


def test_timeline_from_the_report(naive: Day) -> None:
    report = naive[0]
    model = build_timeline(report, 7 * 3600, 17 * 3600)
    assert model.source == "report"
    assert sum(len(lane.spans) for lane in model.ma_lanes) == len(report["ma_activities"])
    assert model.start <= 7 * 3600 and model.end >= 17 * 3600
    assert len(model.criticals) == len(report["critical_errors"])
    by_id = {lane.key: lane for lane in model.patient_lanes}
    for p in report["patients"]:
        lane = by_id[p["id"]]
        waits = [s for s in lane.spans if s.kind == "wait"]
        if p["outcome"] == "no_show":
            assert lane.outcome == "no-show" and not waits
        elif p["wait_minutes"] is not None:
            assert waits and waits[0].end - waits[0].start == 60 * p["wait_minutes"]
            assert lane.outcome == f"{p['wait_minutes']} min"


def test_timeline_falls_back_to_the_session_log(naive: Day) -> None:
    report, _, log_path = naive
    older = {k: v for k, v in report.items() if k != "ma_activities"}
    model = build_timeline(older, log_path=log_path)
    assert model.source == "log" and any(lane.spans for lane in model.ma_lanes)
    assert build_timeline(older).source == "none"
    assert build_timeline(older, log_path=log_path.with_name("nope.json")).source == "none"


def test_timeline_of_a_report_without_patient_times(naive: Day) -> None:
    report = naive[0]
    bare = {**report, "ma_activities": [],
            "patients": [{k: p[k] for k in ("id", "name", "appointment", "outcome",
                                            "wait_minutes")} for p in report["patients"]]}
    model = build_timeline(bare)
    assert len(model.patient_lanes) == len(report["patients"])
    assert any(s.kind == "wait" for lane in model.patient_lanes for s in lane.spans)


def test_notes_when_nothing_was_lost() -> None:
    assert "every step was done well" in notes_html({"ledger": [], "patients": []})
