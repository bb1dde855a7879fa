"""The key map: every scene-wide key, letters for the context panel, modifiers."""

from __future__ import annotations

import pygame
import pytest

from game.ui.input import DAY, key_action


def keydown(key: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


@pytest.mark.parametrize(("key", "action"), [
    (pygame.K_SPACE, "toggle_pause"), (pygame.K_1, "speed_1"), (pygame.K_2, "speed_2"),
    (pygame.K_3, "speed_4"), (pygame.K_TAB, "select_next"), (pygame.K_ESCAPE, "menu"),
    (pygame.K_F1, "help"),
])
def test_scene_keys(key: int, action: str) -> None:
    assert key_action(keydown(key)) == action


def test_shift_tab_goes_back() -> None:
    assert key_action(keydown(pygame.K_TAB, pygame.KMOD_LSHIFT)) == "select_prev"


def test_letters_are_panel_actions() -> None:
    assert key_action(keydown(pygame.K_v)) == "act:v"
    assert key_action(keydown(pygame.K_a)) == "act:a"
    assert key_action(keydown(pygame.K_z)) == "act:z"


def test_modified_letters_and_other_events_do_nothing() -> None:
    assert key_action(keydown(pygame.K_v, pygame.KMOD_LCTRL)) is None
    assert key_action(keydown(pygame.K_F5)) is None
    up = pygame.event.Event(pygame.KEYUP, key=pygame.K_SPACE, mod=0)
    assert key_action(up) is None


def test_help_lists_the_keys() -> None:
    captions = " ".join(k for k, _ in DAY.rows())
    for word in ("Space", "Tab", "Esc", "F1"):
        assert word in captions
    assert len({intent for b in DAY.bindings for _, intent in b.chords
                if not intent.startswith("act:")}) >= 7
