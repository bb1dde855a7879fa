"""The floor plan and the message strip as the player sees them: the MA's token where the MA
is, never covered; hover tips only under a real pointer; long notes readable in full."""

from __future__ import annotations

import pygame
import pytest

from game.ui.day.context_panel import MORE
from game.ui.day.toasts import Toasts
from game.ui.input import Pointer


def people(scene) -> tuple[pygame.Rect, list[pygame.Rect]]:
    """The MA's token and every other person's token, as last drawn."""
    hits = scene.floor.hits
    me = next(r for r, tip, _ in hits if tip.startswith("You (the MA)"))
    others = [r for r, tip, sel in hits if (sel is not None and sel[0] == "patient"
                                            and r.w == r.h) or tip.startswith("Dr. ")]
    return me, others


@pytest.mark.parametrize("size", [(1280, 720), (1024, 640)])
def test_the_ma_token_stands_where_the_ma_is_and_is_never_covered(
        ctx, driver, standard_day, size) -> None:
    driver.app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, w=size[0], h=size[1],
                                           size=size))
    scene = driver.start(standard_day, autoplay="reference")
    sim, geo = scene.sim, scene.floor.geo
    seen: set[str] = set()
    scene.clock.set_speed(4.0)
    while sim.now < 11 * 3600 and not scene.ended:
        driver.frame(dt=0.1)
        ma = sim.lead
        me, others = people(scene)
        # never covered, walking or standing, busy or free
        assert not any(me.colliderect(o) for o in others), (ma.activity, me, others)
        walk = scene.floor.walk
        if sim.is_free() or (walk is not None and sim.now < walk.t1 + 1):
            continue
        where = geo.station_rect(ma.location)
        assert where.collidepoint(me.center), (ma.activity, ma.location, me)
        seen.add(ma.activity.split()[0])
    assert {"assisting", "checking", "drawing"} <= seen


def tip_shown(driver, scene, words: str) -> bool:
    scene.text.clear_drawn()
    driver.frame()
    return any(words in line for line in scene.text.drawn)


def test_hover_tips_need_the_mouse_really_there(driver, short_morning) -> None:
    scene = driver.start(short_morning)
    scene.clock.paused = True
    lab = scene.floor.geo.station_rect("lab")
    spot = (lab.x + 4, lab.bottom - 4)
    assert not tip_shown(driver, scene, "Lab / draw")  # no mouse yet: no tip at (0, 0)
    driver.post(pygame.MOUSEMOTION, pos=spot, rel=(1, 1), buttons=(0, 0, 0))
    assert tip_shown(driver, scene, "Lab / draw")
    driver.post(pygame.WINDOWLEAVE)
    assert not tip_shown(driver, scene, "Lab / draw")
    driver.post(pygame.MOUSEMOTION, pos=spot, rel=(1, 1), buttons=(0, 0, 0))
    driver.frame(int(Pointer.REST_SECONDS * 10) + 2, dt=0.1)  # a parked pointer
    assert not tip_shown(driver, scene, "Lab / draw")


LONG = ("Ask the patient to state full name and date of birth before any specimen "
        "collection, then compare both with the requisition and the label, every time, "
        "even for a patient you know well (The Joint Commission NPSG.01.01.01); a room "
        "number is never an identifier.")


def test_a_long_teaching_note_is_never_cut_without_a_way_to_read_it(driver,
                                                                     short_morning) -> None:
    scene = driver.start(short_morning)
    scene.clock.paused = True
    scene.toasts.add("-2: Drew blood without two identifiers — " + LONG, "bad")
    scene.text.clear_drawn()
    driver.frame()
    rect, _ = scene.toasts.shown[0]
    assert any(line.endswith("(hover to read all)") for line in scene.text.drawn)
    driver.post(pygame.MOUSEMOTION, pos=rect.center, rel=(1, 1), buttons=(0, 0, 0))
    scene.text.clear_drawn()
    driver.frame()
    assert "never an identifier." in " ".join(scene.text.drawn)  # the tip has it all
    age = scene.toasts.items[0].age
    driver.frame(30, dt=0.5)  # read slowly: it does not fade while hovered
    assert scene.toasts.items and scene.toasts.items[0].age == age


def test_toasts_say_all_of_a_short_message() -> None:
    from game.ui.kit.text_cache import TextCache

    toasts = Toasts(TextCache())
    toasts.add("Checked in", "good")
    surface = pygame.Surface((600, 200))
    toasts.draw(surface, pygame.Rect(0, 0, 600, 200), 14)
    assert toasts.tooltip_at(toasts.shown[0][0].center) == "Checked in"
    assert toasts.tooltip_at((599, 199)) is None


def test_the_chart_panel_cuts_cleanly_above_its_buttons(driver, standard_day) -> None:
    driver.app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=640,
                                           size=(1024, 640)))
    scene = driver.start(standard_day)
    scene.clock.paused = True
    panel = scene.context
    lines = [("title", "A patient with a long chart")] + [
        ("text", f"Line {i}: a reading that wraps over more than one line of the panel")
        for i in range(20)] + [("label", "Specimens"), ("text", "gold top (SST): labeled")]
    surface = driver.ctx.screen
    scene.text.clear_drawn()
    panel.draw(surface, lines)
    drawn = scene.text.drawn
    rows = panel._rows(lines, panel.rect.y + 10, panel.rect.w - 20)
    shown = rows[:len(drawn) - 1]
    assert drawn == [r.text for r in shown] + [MORE]  # whole lines, then "more"
    assert "Specimens" not in drawn and shown[-1].text != "Specimens"
    top = panel.buttons_top if panel.buttons else panel.rect.bottom
    assert shown[-1].y + shown[-1].size + 5 + panel.font <= top - 8  # "more" fits too
