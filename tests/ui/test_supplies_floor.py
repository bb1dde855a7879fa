"""Stock levels on the floor plan and in the panel, as the player sees them: an icon and a
word on a room running low and on the supply room, and the panel's Supplies button opening
the form."""

from __future__ import annotations

import pygame
import pytest

from game.scenario.load import load_scenario
from game.ui.forms.supplies import SuppliesForm
from tests.sim.supplies_helpers import FIXTURE


@pytest.fixture(scope="module")
def supplies_day():
    return load_scenario(FIXTURE)


def test_rooms_and_the_supply_room_show_their_levels_in_words(ctx, driver, supplies_day):
    scene = driver.start(supplies_day)
    tips = [tip for _, tip, _ in scene.floor.hits]
    assert any(t.startswith("Exam 1: Low on exam gloves") for t in tips)
    assert any(t.startswith("Supply room: Low on exam gloves") for t in tips)
    room = scene.floor.geo.station_rect("room:exam1")
    driver.click(room.center)
    captions = scene.context.captions()
    assert any("Supplies" in c for c in captions), captions
    button = scene.context.buttons[next(i for i, c in enumerate(captions) if "Supplies" in c)]
    driver.click(button.get_abs_rect().center)
    assert isinstance(scene.form, SuppliesForm) and scene.form.place == "exam1"
    driver.key(pygame.K_r)
    assert scene.sim.lead.activity.startswith("restocking Exam 1")
