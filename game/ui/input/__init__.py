"""The one input adapter: pygame key events become intents, by each screen's key map."""

from __future__ import annotations

import pygame

from game.ui.input.keys import Binding, Chord, KeyMap, Mod, intent_for, key_name, mods_of
from game.ui.input.maps import (
    ALL_MAPS,
    DAY,
    DEBRIEF,
    DIALOG,
    FORM,
    GLOBAL,
    HELP,
    PAUSE,
    TITLE,
    Intent,
    act,
    form_keys,
    shortcut,
    shortcut_name,
)
from game.ui.input.pointer import Pointer

__all__ = ["ALL_MAPS", "DAY", "DEBRIEF", "DIALOG", "FORM", "GLOBAL", "HELP", "PAUSE", "TITLE",
           "Binding", "Chord", "Intent", "KeyMap", "Mod", "Pointer", "act", "form_keys",
           "intent_for", "key_action", "key_name", "mods_of", "shortcut",
           "shortcut_name", "typed_text"]


def key_action(event: pygame.event.Event, typing: bool = False) -> str | None:
    """The day's action for a KEYDOWN event ('toggle_pause', 'act:v', ...), or None."""
    return intent_for(event, DAY, typing)


def typed_text(event: pygame.event.Event, mods: int) -> bool:
    """False for a TEXTINPUT that is only the echo of a left-Alt or Ctrl shortcut (X11 sends
    one): it must not be typed into a field. Right Alt is AltGr on many keyboards and types.
    mods: the keyboard's modifiers now (pygame.key.get_mods())."""
    return not (event.type == pygame.TEXTINPUT and mods & (pygame.KMOD_LALT | pygame.KMOD_CTRL))
