"""The help overlay (F1 anywhere): keys, how to play, and a reference card of clinical facts."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui.input import HELP, Intent
from game.ui.kit.menu_style import oid
from game.ui.kit.theme import ACCENT, MUTED, hexcol
from game.ui.scenes import help_text
from game.ui.scenes.overlay import BUTTON_H, GAP, PAD, OverlayScene

if TYPE_CHECKING:
    from game.ui.context import AppContext


def _heading(text: str) -> str:
    return f"<font color='{hexcol(ACCENT)}'><b>{escape(text)}</b></font><br>"


def _rows(rows: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    return "".join(f"<b>{escape(k)}</b>: {escape(v)}<br>" for k, v in rows)


def guide_html() -> str:
    """Left column: every screen's keys, then how to play."""
    steps = "".join(f"<b>{i}.</b> {escape(s)}<br>"
                    for i, s in enumerate(help_text.HOW_TO_PLAY, 1))
    keys = "".join(_heading(f"Keys: {title}") + _rows(rows) + "<br>"
                   for title, rows in help_text.key_sections())
    return keys + _heading("How to play your day") + steps


def reference_html() -> str:
    """Right column: the reference card."""
    draw = "".join(f"{escape(line)}<br>" for line in help_text.order_of_draw())
    return (_heading("Adult vital signs at rest") + _rows(help_text.adult_ranges()) + "<br>"
            + _heading("Children, awake (AHA PALS 2020)") + _rows(help_text.child_ranges())
            + "<br>"
            + _heading("Blood pressure categories (adults, mmHg)")
            + _rows(help_text.BP_CATEGORIES)
            + f"<font color='{hexcol(MUTED)}'>{escape(help_text.BP_SOURCE)}</font><br><br>"
            + _heading("Order of draw (CLSI GP41)") + draw
            + f"<font color='{hexcol(MUTED)}'>Label every tube in the patient's presence with "
              "two identifiers.</font>")


class HelpOverlay(OverlayScene):
    """Two scrollable columns of help; F1 or Esc closes it, Page Up/Down scroll."""

    title = "Help"
    keys = HELP

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.boxes: list[pygame_gui.elements.UITextBox] = []

    @property
    def dialog_size(self) -> tuple[int, int]:  # type: ignore[override]
        """Nearly the whole window, up to 1000x660."""
        w, h = self.ctx.size
        return min(1000, w - 60), min(660, h - 40)

    def build(self, panel: pygame_gui.elements.UIPanel, width: int) -> None:
        """Heading, the two columns, a Close button."""
        y = self.heading("Help", PAD - 6, width - 200)
        self.note("F1 or Esc closes this help", PAD, width, 24)
        height = panel.get_container().get_rect().height
        col = (width - GAP - 6) // 2
        box_h = height - y - PAD - BUTTON_H - 12
        self.boxes = [
            pygame_gui.elements.UITextBox(
                html, pygame.Rect(PAD + i * (col + GAP + 6), y, col, box_h),
                self.ctx.manager, container=panel, object_id=oid("@notes", f"#help_{name}"))
            for i, (name, html) in enumerate((("guide", guide_html()),
                                              ("reference", reference_html())))]
        self.add_button("Close", self.close, height - PAD - BUTTON_H, 180, "@primary",
                        x=PAD + width - 180, object_id="#close_help")

    def note(self, text: str, y: int, width: int, height: int = 24) -> int:
        """The 'how to close' hint sits right-aligned beside the heading."""
        label = pygame_gui.elements.UILabel(
            pygame.Rect(PAD + width - 180, y + 4, 180, height), text, self.ctx.manager,
            container=self.panel, object_id=oid("@muted"))
        return int(label.get_relative_rect().bottom)

    def on_intent(self, intent: str) -> None:
        """Page Up/Down scroll both columns (F1 closes, as Esc: the HELP key map)."""
        if intent in (Intent.PAGE_UP, Intent.PAGE_DOWN):
            step = 0.25 if intent == Intent.PAGE_DOWN else -0.25
            for box in self.boxes:
                bar = box.scroll_bar
                if bar is not None:
                    start = bar.start_percentage + step
                    bar.set_scroll_from_start_percentage(max(0.0, min(1.0, start)))

    def text(self) -> str:
        """Everything the help says, as plain text (for tests and screen readers)."""
        return "\n".join(box.html_text for box in self.boxes)
