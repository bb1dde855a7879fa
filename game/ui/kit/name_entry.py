"""A one-line text field (a name, a phone number, a message) that only ever holds text the
window can draw."""

from __future__ import annotations

import pygame
import pygame_gui

from game.scenario.types import printable, text_problem

# What the font raises for text it cannot draw: zero width (only a zero-width space or a
# byte-order mark), a NUL, or a lone surrogate from a broken input method.
_UNDRAWABLE = (pygame.error, ValueError, UnicodeError)


class NameEntry(pygame_gui.elements.UITextEntryLine):
    """pygame_gui's text entry, refusing control, surrogate and invisible format characters.

    Typed on an empty field, a lone U+200B or U+FEFF made pygame_gui render text of zero
    width, which raises and took the whole game down."""

    def process_event(self, event: pygame.event.Event) -> bool:
        """Typed text is cleaned first; an edit that leaves undrawable text is undone."""
        if event.type == pygame.TEXTINPUT and self.is_focused:
            clean = printable(event.text)
            if not clean:
                return True  # nothing printable was typed: swallowed, the field unchanged
            if clean != event.text:
                event = pygame.event.Event(pygame.TEXTINPUT, text=clean,
                                           window=getattr(event, "window", None))
        before = self.get_text()
        try:
            return super().process_event(event)
        except _UNDRAWABLE:
            # e.g. a combining mark left alone after a backspace, in a font without it.
            self.set_text(before)
            return True

    def set_text(self, text: str | None) -> None:
        """Show text without the characters the field refuses; a name of only spaces or
        marks (nothing the font would draw) is shown as empty."""
        clean = printable(text or "")
        super().set_text("" if clean.strip() == "" or text_problem(clean) else clean)
