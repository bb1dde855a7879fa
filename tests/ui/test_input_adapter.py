"""The input adapter: key maps as data, the intents they give, and help made from them."""

from __future__ import annotations

import re

import pygame
import pytest

from game.ui.app import App
from game.ui.context import AppContext
from game.ui.input import (
    ALL_MAPS,
    DAY,
    DEBRIEF,
    DIALOG,
    FORM,
    GLOBAL,
    HELP,
    PAUSE,
    TITLE,
    Binding,
    Chord,
    Intent,
    KeyMap,
    Mod,
    form_keys,
    intent_for,
    key_action,
    key_name,
    shortcut,
    typed_text,
)
from game.ui.input.keys import ALIASES
from game.ui.scenes import help_text
from game.ui.scenes.help import HelpOverlay


@pytest.fixture(autouse=True)
def _pygame() -> None:
    """Key names and codes need pygame initialised, as the window has it."""
    pygame.init()


def keydown(key: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


# --- what keys mean -----------------------------------------------------------------------
@pytest.mark.parametrize(("keys", "key", "mod", "intent"), [
    (TITLE, pygame.K_RETURN, 0, Intent.CONFIRM),
    (TITLE, pygame.K_KP_ENTER, 0, Intent.CONFIRM),
    (TITLE, pygame.K_TAB, pygame.KMOD_LSHIFT, Intent.PREV),
    (TITLE, pygame.K_TAB, 0, Intent.NEXT),
    (TITLE, pygame.K_ESCAPE, pygame.KMOD_LCTRL, Intent.QUIT),  # Esc is Esc, whatever is held
    (DIALOG, pygame.K_LEFT, 0, Intent.PREV),
    (PAUSE, pygame.K_TAB, pygame.KMOD_RSHIFT, Intent.PREV),  # from the map PAUSE extends
    (PAUSE, pygame.K_m, 0, Intent.MUTE),
    (HELP, pygame.K_F1, 0, Intent.CLOSE),
    (HELP, pygame.K_ESCAPE, 0, Intent.CLOSE),
    (DEBRIEF, pygame.K_2, 0, Intent.SHOW_TIMELINE),
    (GLOBAL, pygame.K_F11, pygame.KMOD_LALT, Intent.FULLSCREEN),
    (DAY, pygame.K_1, pygame.KMOD_LSHIFT, Intent.SPEED_1),  # Shift held by the way
    (DAY, pygame.K_KP3, pygame.KMOD_NUM, Intent.SPEED_4),  # Num Lock never counts
])
def test_keys_give_their_intents(keys: KeyMap, key: int, mod: int, intent: Intent) -> None:
    assert intent_for(keydown(key, mod), keys) == intent


@pytest.mark.parametrize(("keys", "key", "mod"), [
    (DAY, pygame.K_SPACE, pygame.KMOD_LCTRL),  # Ctrl/Alt chords are the system's
    (DAY, pygame.K_v, pygame.KMOD_LALT),
    (DIALOG, pygame.K_RETURN, pygame.KMOD_LALT),
    (PAUSE, pygame.K_m, pygame.KMOD_RALT),  # AltGr types
    (TITLE, pygame.K_F5, 0),
    (GLOBAL, pygame.K_ESCAPE, 0),
])
def test_unbound_chords_mean_nothing(keys: KeyMap, key: int, mod: int) -> None:
    assert intent_for(keydown(key, mod), keys) is None


def test_only_a_key_press_has_an_intent() -> None:
    for event in (pygame.event.Event(pygame.KEYUP, key=pygame.K_ESCAPE, mod=0),
                  pygame.event.Event(pygame.TEXTINPUT, text=" "),
                  pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(1, 1), button=1),
                  pygame.event.Event(pygame.KEYDOWN)):  # no key at all
        assert intent_for(event, TITLE) is None


def test_keys_of_a_text_field_stay_with_the_field() -> None:
    assert intent_for(keydown(pygame.K_SPACE), TITLE, typing=True) is None
    assert intent_for(keydown(pygame.K_RETURN), TITLE, typing=True) == Intent.CONFIRM
    assert key_action(keydown(pygame.K_2), typing=True) is None
    assert key_action(keydown(pygame.K_2)) == Intent.SPEED_2


def test_a_forms_shortcuts_need_the_left_alt_inside_a_field() -> None:
    keys = form_keys(("n", "page down", "escape"))
    assert intent_for(keydown(pygame.K_n), keys) == shortcut("n")
    assert intent_for(keydown(pygame.K_n), keys, typing=True) is None
    assert intent_for(keydown(pygame.K_n, pygame.KMOD_LALT), keys, typing=True) == shortcut("n")
    assert intent_for(keydown(pygame.K_n, pygame.KMOD_RALT), keys, typing=True) is None
    assert intent_for(keydown(pygame.K_PAGEDOWN), keys) == shortcut("page down")
    assert intent_for(keydown(pygame.K_ESCAPE), keys) == Intent.CLOSE  # FORM's own key stays


def test_a_shortcuts_echo_is_not_typed() -> None:
    text = pygame.event.Event(pygame.TEXTINPUT, text="n")
    assert typed_text(text, 0) and typed_text(text, pygame.KMOD_RALT)
    assert not typed_text(text, pygame.KMOD_LALT) and not typed_text(text, pygame.KMOD_LCTRL)
    assert typed_text(keydown(pygame.K_n), pygame.KMOD_LCTRL)  # only text is filtered


def test_a_key_bound_twice_in_one_map_is_refused() -> None:
    with pytest.raises(ValueError, match="Esc is bound twice"):
        KeyMap("Broken", (Binding.of("a", {Chord(pygame.K_ESCAPE): "x"}),
                          Binding.of("b", {Chord(pygame.K_ESCAPE): "y"})))


# --- help says what the keys do -------------------------------------------------------------
def test_captions_are_made_from_the_chords() -> None:
    for keys in ALL_MAPS:
        for binding in keys.bindings:
            if binding.label:
                continue
            for chord, _ in binding.chords:
                shown = key_name(ALIASES.get(chord.key, chord.key))
                assert shown in binding.caption, (keys.title, binding.caption)
                if chord.mods == Mod.SHIFT:
                    assert f"Shift+{shown}" in binding.caption


def test_every_chord_of_every_map_has_an_intent_and_a_description() -> None:
    for keys in (*ALL_MAPS, form_keys(("n",))):
        for binding in keys.bindings:
            assert binding.description and binding.caption
            for _, intent in binding.chords:
                assert intent


ROW = re.compile(r"<b>([^<]*)</b>: ([^<]*)<br>")


def test_help_lists_every_key_of_every_map_and_nothing_else(ctx: AppContext) -> None:
    app = App(ctx)
    ctx.show_title()
    app.frame(1 / 60)
    app.dispatch(keydown(pygame.K_F1))
    help_scene = ctx.stack.top
    assert isinstance(help_scene, HelpOverlay)
    guide = help_scene.boxes[0].html_text
    keys_part = guide.split("How to play your day")[0]
    listed = [(k, v.replace("&#x27;", "'")) for k, v in ROW.findall(keys_part)]
    expected = [row for keys in ALL_MAPS for row in [*keys.rows(), *keys.mouse]]
    assert listed == expected
    for keys in ALL_MAPS:
        assert keys.title in keys_part
    for caption in ("F11", "Esc", "Tab / Shift+Tab", "Keys in [brackets]", "Page Up / Page Down",
                    "Letter keys", "1 / 2 / 3", "M"):
        assert f"<b>{caption}</b>" in keys_part, caption


def test_help_sections_come_from_the_maps() -> None:
    sections = dict(help_text.key_sections())
    assert sections["During the day"] == [*DAY.rows(), *DAY.mouse]
    assert sections["In a form"] == FORM.rows()
    assert sections["Pause menu, with the keys of all menus and dialogs"] == PAUSE.rows()
