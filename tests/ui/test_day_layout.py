"""Resizing: every panel, button and station stays inside the window at 1024x640 and 1920x1080."""

from __future__ import annotations

import pygame
import pytest

from game.ui.day.layout import DayLayout


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720), (1920, 1080)])
def test_layout_panels_inside(size: tuple[int, int]) -> None:
    lay = DayLayout.for_size(size)
    window = pygame.Rect((0, 0), size)
    for r in lay.panels():
        assert window.contains(r) and r.w > 100 and r.h > 40
    assert lay.floor.w > lay.queue.w and lay.floor.w > 300
    assert not lay.queue.colliderect(lay.floor) and not lay.floor.colliderect(lay.context)
    assert not lay.toasts.colliderect(lay.floor)


@pytest.mark.parametrize("size", [(1024, 640), (1920, 1080)])
def test_resize_keeps_everything_inside(driver, standard_day, size) -> None:
    scene = driver.start(standard_day)
    driver.run_until(scene, lambda: len(scene.queue.refresh()) >= 1)
    scene.select(("patient", scene.queue.refresh()[0].patient))
    driver.post(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)
    assert driver.ctx.size == size
    window = pygame.Rect((0, 0), size)
    lay = scene.layout
    assert lay.size == size
    for r in lay.panels():
        assert window.contains(r)
    for button in [*scene.topbar.buttons.values(), *scene.context.buttons]:
        assert window.contains(button.rect), button.text
    for button in scene.context.buttons:
        assert lay.context.contains(button.rect)
    geo = scene.floor.geo
    for st in geo.stations():
        assert lay.floor.contains(geo.station_rect(st)), st
    assert scene.floor.background.get_size() == lay.floor.size
    assert scene.form_rect().width <= size[0] and window.contains(scene.form_rect())
