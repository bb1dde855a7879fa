"""Every screen's key map, as data: what each key means there, and what help says about it."""

from __future__ import annotations

from enum import StrEnum

import pygame

from game.ui.input.keys import Binding, Chord, KeyMap, Mod

LETTERS = tuple(range(pygame.K_a, pygame.K_z + 1))  # SDL key codes of letters are ASCII


class Intent(StrEnum):
    """What the player means by a key, whatever the key was."""

    # the day (values are the day scene's action names)
    TOGGLE_PAUSE = "toggle_pause"
    SPEED_1 = "speed_1"
    SPEED_2 = "speed_2"
    SPEED_4 = "speed_4"
    SELECT_NEXT = "select_next"
    SELECT_PREV = "select_prev"
    MENU = "menu"
    HELP = "help"
    DESELECT = "deselect"
    NEXT_STAFF = "next_staff"
    # menus, dialogs, forms and the debrief
    CLOSE = "close"
    QUIT = "quit"
    NEXT = "next"
    PREV = "prev"
    CHOOSE_NEXT = "choose_next"
    CHOOSE_PREV = "choose_prev"
    CONFIRM = "confirm"
    PRESS = "press"
    SCROLL_UP = "scroll_up"
    SCROLL_DOWN = "scroll_down"
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"
    SHOW_NOTES = "show_notes"
    SHOW_TIMELINE = "show_timeline"
    TO_TITLE = "to_title"
    MUTE = "mute"
    FULLSCREEN = "fullscreen"


def act(letter: str) -> str:
    """The day's intent for a letter key: the selected thing's action with that letter."""
    return f"act:{letter}"


def shortcut(name: str) -> str:
    """A form's intent for one of its [bracketed] keys, by pygame key name ('n', 'up')."""
    return f"key:{name}"


def shortcut_name(intent: str) -> str | None:
    """The key name of a form's shortcut intent ('key:n' -> 'n'), or None."""
    return intent[4:] if intent.startswith("key:") else None


# Esc and the function keys mean the same whatever modifiers are held, as they always have.
ESC, F1 = Chord(pygame.K_ESCAPE, Mod.ANY), Chord(pygame.K_F1, Mod.ANY)
TAB, SPACE = Chord(pygame.K_TAB), Chord(pygame.K_SPACE)
SHIFT_TAB = Chord(pygame.K_TAB, Mod.SHIFT)
ENTERS = (Chord(pygame.K_RETURN), Chord(pygame.K_KP_ENTER))
UP, DOWN = Chord(pygame.K_UP), Chord(pygame.K_DOWN)
PAGE_UP, PAGE_DOWN = Chord(pygame.K_PAGEUP), Chord(pygame.K_PAGEDOWN)

SPEED_KEYS = ((pygame.K_1, pygame.K_KP1, Intent.SPEED_1),
              (pygame.K_2, pygame.K_KP2, Intent.SPEED_2),
              (pygame.K_3, pygame.K_KP3, Intent.SPEED_4))

GLOBAL = KeyMap("Anywhere", (
    Binding.of("Full screen on or off", {Chord(pygame.K_F11, Mod.ANY): Intent.FULLSCREEN}),
))

DAY = KeyMap("During the day", (
    Binding.of("Pause or resume the day", {SPACE: Intent.TOGGLE_PAUSE}),
    Binding.of("Speed 1x / 2x / 4x (in a form too, unless typing in a field; keypad too)",
               {Chord(key, in_field=False): speed for *keys, speed in SPEED_KEYS for key in keys}),
    Binding.of("Select the next / previous patient needing attention",
               {TAB: Intent.SELECT_NEXT, SHIFT_TAB: Intent.SELECT_PREV}),
    Binding.of("The selected patient's or station's actions, as shown on each button; "
               "with nothing selected, T opens the checklist, Q clocks out and P selects "
               "the phone (P again answers it)",
               {Chord(k): act(chr(k)) for k in LETTERS},
               label="Letter keys"),
    Binding.of("Select nothing: the day's overview, checklists and the queue to cancel from",
               {Chord(pygame.K_BACKSPACE): Intent.DESELECT}),
    Binding.of("On a team day: direct the next staff member (or click their token)",
               {Chord(pygame.K_BACKQUOTE): Intent.NEXT_STAFF}),
    Binding.of("Close the open form, or open the pause menu", {ESC: Intent.MENU}),
    Binding.of("This help", {F1: Intent.HELP}),
), mouse=(
    ("Click", "Select a patient, a room or a station on the floor plan or in the queue; "
              "a staff token directs that staff member"),
    ("Mouse wheel", "Scroll a long clinic's floor plan sideways"),
))

SHORTCUTS = ("Keys in [brackets]",
             "That button or tick; inside a text field, hold the left Alt with the key")
FORM = KeyMap("In a form", (
    Binding.of("Close the form", {ESC: Intent.CLOSE}),
    Binding.of("Next / previous text field", {TAB: Intent.NEXT, SHIFT_TAB: Intent.PREV}),
    Binding.of("The form's main action, named on its button",
               dict.fromkeys(ENTERS, Intent.CONFIRM)),
    Binding(SHORTCUTS[1], (), SHORTCUTS[0]),  # each form fills in its own keys: form_keys
))


def form_keys(names: tuple[str, ...]) -> KeyMap:
    """A form's key map: FORM with its [bracketed] keys (pygame key names, 'n', 'up'), alone
    when no text field has the keyboard, or with the left Alt at any time (Shift and Ctrl
    are left to the field). A key FORM already binds stays FORM's."""
    taken = {chord.key for binding in FORM.bindings for chord, _ in binding.chords}
    chords: dict[Chord, str] = {}
    for name in names:
        code = pygame.key.key_code(name)
        if code not in taken:
            chords[Chord(code, in_field=False)] = shortcut(name)
            chords[Chord(code, Mod.ALT)] = shortcut(name)
    return KeyMap(FORM.title, (*FORM.bindings[:-1], Binding.of(SHORTCUTS[1], chords,
                                                                 SHORTCUTS[0])))


TITLE = KeyMap("Title screen", (
    Binding.of("Choose the day above / below",
               {UP: Intent.CHOOSE_PREV, DOWN: Intent.CHOOSE_NEXT}),
    Binding.of("Next / previous control", {TAB: Intent.NEXT, SHIFT_TAB: Intent.PREV}),
    Binding.of("Play the day, or press the highlighted button",
               dict.fromkeys(ENTERS, Intent.CONFIRM)),
    Binding.of("Press the highlighted button (not while typing in a field)",
               {Chord(pygame.K_SPACE, in_field=False): Intent.PRESS}),
    Binding.of("Scroll the day's details",
               {PAGE_UP: Intent.PAGE_UP, PAGE_DOWN: Intent.PAGE_DOWN}),
    Binding.of("This help", {F1: Intent.HELP}),
    Binding.of("Quit (asks first)", {ESC: Intent.QUIT}),
), mouse=(("Click", "Choose a day, a field or a button"),
          ("Mouse wheel", "Scroll the day's details")))

DIALOG = KeyMap("Menus and dialogs", (
    Binding.of("Close, cancel or resume", {ESC: Intent.CLOSE}),
    Binding.of("Highlight the next button",
               {DOWN: Intent.NEXT, Chord(pygame.K_RIGHT): Intent.NEXT, TAB: Intent.NEXT}),
    Binding.of("Highlight the previous button",
               {UP: Intent.PREV, Chord(pygame.K_LEFT): Intent.PREV, SHIFT_TAB: Intent.PREV}),
    Binding.of("Press the highlighted button",
               {**dict.fromkeys(ENTERS, Intent.PRESS), SPACE: Intent.PRESS}),
))

PAUSE = KeyMap("Pause menu", (
    Binding.of("Help", {F1: Intent.HELP}),
    Binding.of("Sound on or off", {Chord(pygame.K_m): Intent.MUTE}),
), extends=DIALOG)

HELP = KeyMap("This help", (
    Binding.of("Close the help", {F1: Intent.CLOSE}),
    Binding.of("Scroll both columns", {PAGE_UP: Intent.PAGE_UP, PAGE_DOWN: Intent.PAGE_DOWN}),
), extends=DIALOG)

DEBRIEF = KeyMap("Debrief", (
    Binding.of("Press the highlighted button (Play again first)",
               {**dict.fromkeys(ENTERS, Intent.PRESS), SPACE: Intent.PRESS}),
    Binding.of("Highlight the next / previous button",
               {TAB: Intent.NEXT, SHIFT_TAB: Intent.PREV}),
    Binding.of("Teaching notes / timeline", {Chord(pygame.K_1): Intent.SHOW_NOTES,
                                             Chord(pygame.K_2): Intent.SHOW_TIMELINE}),
    Binding.of("Scroll the timeline", {UP: Intent.SCROLL_UP, DOWN: Intent.SCROLL_DOWN}),
    Binding.of("Scroll the teaching notes",
               {PAGE_UP: Intent.PAGE_UP, PAGE_DOWN: Intent.PAGE_DOWN}),
    Binding.of("Help", {F1: Intent.HELP}),
    Binding.of("Choose another day", {ESC: Intent.TO_TITLE}),
), mouse=(("Mouse wheel", "Scroll the timeline"),))

# In the order help lists them: the day first (F1 is mostly pressed there).
ALL_MAPS: tuple[KeyMap, ...] = (DAY, FORM, DIALOG, PAUSE, HELP, TITLE, DEBRIEF, GLOBAL)
