"""The scripted events as the player sees them on the floor plan: the vaccine fridge's alarm
until its vaccines are labeled, then "on hold" until cleared; a room out of service."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from game.sim.engine import Simulation
from game.ui.day.floorplan import FloorPlan
from game.ui.kit.text_cache import TextCache
from tests.sim.disruptions_day import play_until, sim_of


@pytest.fixture(autouse=True)
def _pygame() -> None:
    pygame.init()


def drawn(sim: Simulation) -> tuple[str, list[str]]:
    """What one frame of the floor plan wrote, and its tooltips."""
    text = TextCache()
    plan = FloorPlan(sim, text, pygame.Rect(0, 0, 900, 520), 15)
    plan.draw(pygame.Surface((900, 520)), float(sim.now), None)
    return " ".join(text.drawn), [tip for _, tip, _ in plan.hits]


def test_the_fridge_shows_its_alarm_then_do_not_use_then_nothing() -> None:
    sim = sim_of()
    words, _ = drawn(play_until(sim, "09:34"))
    assert "Alarm" not in words and "On hold" not in words
    sim.advance(sim.now + 120)  # 09:35: the fridge alarms at 11.2 C (rough_day's event)
    words, tips = drawn(sim)
    assert "Alarm" in words
    assert any(t.startswith("Vaccine fridge: The fridge alarmed at 09:35 reading 11.2 C")
               and "Label them" in t for t in tips)
    play_until(sim, None, until=lambda s: any(
        a.quarantined_t is not None for a in s.world.parts["fridge alarm"].alarms.values()))
    words, _ = drawn(sim)
    assert "On hold" in words and "Alarm" not in words
    play_until(sim, "12:30")  # reported at once and cleared 90 minutes later
    words, _ = drawn(sim)
    assert "On hold" not in words and "Alarm" not in words


def test_a_room_out_of_service_says_so_with_its_reason() -> None:
    sim = play_until(sim_of(), "11:01")
    words, tips = drawn(sim)
    assert "Out of service" in words
    assert any(t.startswith("Exam 1: Exam 1 is out of service") and "leaking" in t
               for t in tips)
    play_until(sim, "13:31")  # back in service at 13:30
    words, _ = drawn(sim)
    assert "Out of service" not in words
