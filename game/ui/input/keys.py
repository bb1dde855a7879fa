"""Key maps as data: chords of a key and modifiers, each bound to an intent and explained."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntFlag

import pygame


class Mod(IntFlag):
    """The modifiers a chord can ask for; Caps Lock and Num Lock never count."""

    NONE = 0
    SHIFT = 1
    CTRL = 2
    ALT = 4  # the left Alt only: the right one is AltGr on many keyboards, a typing key
    META = 8
    ALTGR = 16  # never part of a chord: a key pressed with it is meant to type
    ANY = 32  # a chord that takes the key with whatever modifiers are held (Esc, F11)


def mods_of(mod: int) -> Mod:
    """The Mod flags of a pygame modifier bit mask."""
    out = Mod.NONE
    if mod & pygame.KMOD_SHIFT:
        out |= Mod.SHIFT
    if mod & pygame.KMOD_CTRL:
        out |= Mod.CTRL
    if mod & pygame.KMOD_LALT:
        out |= Mod.ALT  # with the left Alt held, the right one is Alt too
    elif mod & (pygame.KMOD_RALT | pygame.KMOD_MODE):
        out |= Mod.ALTGR
    if mod & pygame.KMOD_META:
        out |= Mod.META
    return out


# How help writes a key; keypad keys that repeat a main key are aliases and not written.
NAMES: dict[int, str] = {
    pygame.K_ESCAPE: "Esc", pygame.K_RETURN: "Enter", pygame.K_KP_ENTER: "Keypad Enter",
    pygame.K_SPACE: "Space", pygame.K_TAB: "Tab", pygame.K_BACKSPACE: "Backspace",
    pygame.K_UP: "Up", pygame.K_DOWN: "Down", pygame.K_LEFT: "Left", pygame.K_RIGHT: "Right",
    pygame.K_PAGEUP: "Page Up", pygame.K_PAGEDOWN: "Page Down",
    **{pygame.K_F1 + i: f"F{i + 1}" for i in range(12)},
    **{pygame.K_KP1 + i: f"Keypad {i + 1}" for i in range(9)},
}
ALIASES: dict[int, int] = {pygame.K_KP_ENTER: pygame.K_RETURN,
                           **{pygame.K_KP1 + i: pygame.K_1 + i for i in range(9)}}
MOD_NAMES = ((Mod.CTRL, "Ctrl"), (Mod.ALT, "Alt"), (Mod.META, "Meta"), (Mod.SHIFT, "Shift"))


def key_name(key: int) -> str:
    """A key as help writes it: 'Esc', 'Page Down', 'F1', 'M', '1'."""
    if key in NAMES:
        return NAMES[key]
    if 32 < key < 127:
        return chr(key).upper()
    return pygame.key.name(key).title() or f"key {key}"


@dataclass(frozen=True)
class Chord:
    """A key with these modifiers (see KeyMap.lookup); in_field False: not while a text
    field has the keyboard (the key then belongs to the field)."""

    key: int
    mods: Mod = Mod.NONE
    in_field: bool = True

    @property
    def caption(self) -> str:
        """'Shift+Tab', 'Esc', 'Alt+N'."""
        names = [] if self.mods & Mod.ANY else [
            name for flag, name in MOD_NAMES if self.mods & flag]
        return "+".join([*names, key_name(self.key)])


@dataclass(frozen=True)
class Binding:
    """One line of help: its chords, the intent each stands for, and what they do."""

    description: str
    chords: tuple[tuple[Chord, str], ...]
    label: str = ""  # shown instead of the chords' names, for a family of keys (A-Z)

    @classmethod
    def of(cls, description: str, chords: Mapping[Chord, str], label: str = "") -> Binding:
        """A binding from a chord -> intent mapping."""
        return cls(description, tuple(chords.items()), label)

    @property
    def caption(self) -> str:
        """The keys as help lists them, made from the chords themselves ('Up / Down')."""
        if self.label:
            return self.label
        shown: list[str] = []
        keys = {(c.key, c.mods) for c, _ in self.chords}
        for chord, _ in self.chords:
            if (ALIASES.get(chord.key), chord.mods) in keys:
                continue  # the keypad twin of a listed key
            if chord.caption not in shown:
                shown.append(chord.caption)
        return " / ".join(shown)


@dataclass(frozen=True)
class KeyMap:
    """A scene's keys: its bindings, the map it adds to (a dialog's basic keys), and the
    mouse's part, for help."""

    title: str
    bindings: tuple[Binding, ...]
    extends: KeyMap | None = None
    mouse: tuple[tuple[str, str], ...] = ()
    _index: dict[tuple[int, Mod], tuple[str, bool]] = field(
        init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[tuple[int, Mod], tuple[str, bool]] = {}
        for binding in self.bindings:
            for chord, intent in binding.chords:
                if (chord.key, chord.mods) in index:
                    raise ValueError(f"{self.title}: {chord.caption} is bound twice")
                index[(chord.key, chord.mods)] = (intent, chord.in_field)
        object.__setattr__(self, "_index", index)

    def lookup(self, key: int, mods: Mod, typing: bool = False) -> str | None:
        """The intent of a key with these modifiers, or None. This map first, then the one
        it extends; Shift held by the way changes nothing unless the key has a Shift chord
        of its own (Shift+Tab). Ctrl, Alt and Meta chords are exact: the others belong to
        the system, and AltGr types; a Mod.ANY chord takes its key whatever is held."""
        found = None if mods & Mod.ALTGR else self._find(key, mods)
        if found is None and mods == Mod.SHIFT:
            found = self._find(key, Mod.NONE)
        if found is None:
            found = self._find(key, Mod.ANY)
        if found is None:
            return None
        intent, in_field = found
        return intent if in_field or not typing else None

    def _find(self, key: int, mods: Mod) -> tuple[str, bool] | None:
        found = self._index.get((key, mods))
        if found is None and self.extends is not None:
            return self.extends._find(key, mods)
        return found

    def rows(self) -> list[tuple[str, str]]:
        """This map's own lines of help: (keys, what they do)."""
        return [(b.caption, b.description) for b in self.bindings]

    def caption_of(self, intent: str) -> str:
        """The keys of the binding that gives an intent, as help shows them (for the key
        hints a screen draws); empty when nothing in this map gives it."""
        for binding in self.bindings:
            if any(i == intent for _, i in binding.chords):
                return binding.caption
        return self.extends.caption_of(intent) if self.extends else ""


def intent_for(event: pygame.event.Event, keys: KeyMap, typing: bool = False) -> str | None:
    """What a KEYDOWN event means in a scene with this key map, or None for any other event
    or an unbound key. typing: a text field has the keyboard."""
    if event.type != pygame.KEYDOWN:
        return None
    key = getattr(event, "key", None)
    if not isinstance(key, int):
        return None
    return keys.lookup(key, mods_of(int(getattr(event, "mod", 0) or 0)), typing)
