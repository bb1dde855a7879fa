"""The supplies form: a place's items with counts, par and each lot's expiry, and the three
actions (restock to par, count at closing, pull expired stock), each greyed with the
simulation's reason; and the stock badges the floor plan and the panel show."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.elements import UIButton, UITextBox

from game.sim.view import Can, GroupKind
from game.sim.view_supplies import SupplyState, supplies
from game.ui.day.station_badge import Badge, draw_station_badge
from game.ui.forms.kit import PAD, ROW, FormBase
from game.ui.kit import theme
from game.ui.kit.theme import BAD, WARN, hexcol

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation

# (command type, button text, key, tooltip): the form's actions, in the order they are done.
ACTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("restock", "Restock to par", "r", "Bring every item up to par from the supply room's "
     "in-date stock (for the supply room: place the order from its count)."),
    ("count_stock", "Count stock", "c", "The closing inventory: count every item here "
     "(VI.P.4)."),
    ("discard_expired", "Discard expired", "d", "Check every date and pull expired lots: "
     "stock is used first expiring first, so an expired lot is the next one used."),
)
LEVEL_WORDS = {"ok": "above half of par", "low": "LOW", "out": "OUT"}


def stock(sim: Simulation) -> SupplyState | None:
    """The supplies' part of the world, as the rule keeps it (None on a day without it)."""
    st = supplies(sim)
    return st if st.places else None


def place_of_station(station: str) -> str:
    """The stock place a floor-plan station is ("room:exam1" -> "exam1")."""
    return station[5:] if station.startswith("room:") else station


def stock_badge(sim: Simulation, place: str) -> Badge | None:
    """A place's worst stock level as an icon and a word (never colour alone), or None when
    everything is fine or the day keeps no track of supplies."""
    st = stock(sim)
    if st is None or place not in st.places:
        return None
    level, items = st.worst(place)
    if level == "ok":
        return None
    names = ", ".join(items)
    if level == "out":
        return ("cross", "Out of stock", theme.BAD,
                f"Out of {names}: the next use means a walk to the supply room")
    return ("warning", "Low stock", theme.WARN,
            f"Low on {names}: restock to par before it runs out")


def supply_lines(sim: Simulation, station: str) -> list[tuple[str, str]]:
    """The context panel's lines for a place's stock: each item low or out, or all fine."""
    st = stock(sim)
    place = place_of_station(station)
    if st is None or place not in st.places:
        return []
    out = []
    for item, shelf in st.places[place].items():
        level = st.level(place, item)
        if level != "ok":
            out.append(("bad" if level == "out" else "warn",
                        f"{st.names[item]}: {shelf.count} of {shelf.par} ({LEVEL_WORDS[level]})"))
    return out or [("good", "Supplies: every item above half its par")]


class SuppliesForm(FormBase):
    """A place's shelves, lot by lot, and Restock / Count / Discard with their reasons."""

    title = "Supplies"
    primary_label = "Restock"

    def build(self) -> None:
        """The shelves box, then one button per action with why a greyed one is not open."""
        self.place = place_of_station(self.subject)
        st = stock(self.sim)
        name = st.place_name(self.sim, self.place) if st is not None else self.place
        self.window.set_display_title(f"Supplies: {name}")
        w, h = self.size
        inner = w - 2 * PAD
        self.label(pygame.Rect(PAD, PAD, inner, 22), f"Stock in {name}", "heading",
                   tip="Counts, par levels and each lot's expiry date, first expiring first.")
        actions_h = len(ACTIONS) * (ROW + 14)
        box_h = h - 3 * PAD - 22 - actions_h - 44
        self.shelves = self.box(pygame.Rect(PAD, PAD + 28, inner, box_h), "", small=True)
        top = PAD + 28 + box_h + PAD
        bw = 190
        self.buttons: dict[str, UIButton] = {}
        self.reasons: dict[str, UITextBox] = {}
        for kind, text, key, tip in ACTIONS:
            self.buttons[kind] = self.button(pygame.Rect(PAD, top, bw, ROW), text,
                                             self._do(kind), key, tip)
            self.reasons[kind] = UITextBox(
                "", pygame.Rect(PAD + bw + 8, top - 6, inner - bw - 8, ROW + 16),
                self.ctx.manager, container=self.container, object_id="#form_status")
            top += ROW + 14
        self.status_area(pygame.Rect(PAD, h - PAD - 44, inner, 44),
                         "[R] restock \u00b7 [C] count \u00b7 [D] discard expired \u00b7 "
                         "Esc: close")
        self._drawn: int = -1
        self.refresh()

    def commands(self) -> dict[str, Command]:
        """This place's supply commands, as the simulation offers them."""
        affs = self.sim.affordances(None, lambda o: o.group == GroupKind.STATION
                                    and o.form == "supplies" and o.subject == self.subject)
        return {a.command.type: a.command for a in affs}

    def _do(self, kind: str) -> Callable[[], None]:
        return lambda: self.act(kind)

    def act(self, kind: str) -> None:
        """Submit one of the place's actions; the result shows in the status line."""
        cmd = self.commands().get(kind)
        if cmd is None:
            self.say("The day keeps no stock here.")
            return
        self.do(cmd)

    def primary(self) -> None:
        """Enter restocks."""
        self.act("restock")

    def refresh(self) -> None:
        """Redraw the shelves and the buttons' state whenever the world changes."""
        if self.closed or self.sim.revision == self._drawn:
            return
        self._drawn = self.sim.revision
        self.show(self.shelves, self._shelves_html())
        cmds = self.commands()
        for kind, button in self.buttons.items():
            cmd = cmds.get(kind)
            can, why = self.sim.can(cmd) if cmd is not None else (Can.NO, "Not kept here.")
            self.enable(button, can != Can.NO)
            self.show(self.reasons[kind], "" if can != Can.NO else
                      f"<font color='{hexcol(BAD)}' pixel_size=13>Not possible: "
                      f"{html.escape(why, quote=False)}</font>")

    def _shelves_html(self) -> str:
        st = stock(self.sim)
        if st is None or self.place not in st.places:
            return "This place keeps no stock today."
        lines = []
        for item, shelf in st.places[self.place].items():
            level = st.level(self.place, item)
            word = "at par" if shelf.count >= shelf.par else LEVEL_WORDS[level]
            if level != "ok":
                col = hexcol(BAD if level == "out" else WARN)
                word = f"<font color='{col}'><b>{word}</b></font>"
            lots = []
            for lot in shelf.lots:
                when = f"exp {lot.expires}" if lot.expires else "no expiry"
                text = html.escape(f"{lot.lot or 'stock'} \u00d7{lot.count}, {when}", quote=False)
                if st.lot_expired(shelf, lot):
                    text = f"<font color='{hexcol(BAD)}'><b>EXPIRED</b> {text}</font>"
                lots.append(text)
            lines.append(f"<b>{html.escape(st.names[item], quote=False)}</b>: {shelf.count} of "
                         f"par {shelf.par} \u2014 {word}<br>&nbsp;&nbsp;"
                         + ("; ".join(lots) or "none on the shelf"))
        counted = st.counted.get(self.place)
        lines.append("Counted at closing." if counted is not None
                     else "Not counted yet (closing inventory).")
        return "<br>".join(lines)


def store_badge(sim: Simulation) -> Badge | None:
    """The supply room's badge: its worst level, or that it is stocked."""
    st = stock(sim)
    if st is None or "supply" not in st.places:
        return None
    return stock_badge(sim, "supply") or ("box", "Stock ok", theme.GOOD,
                                          "every item above half its par")


def draw_store_badge(floor: Any, surface: pygame.Surface) -> None:
    """The supply room's stock level on the floor plan, an icon and a word, with its tip."""
    badge = store_badge(floor.sim)
    if badge is not None:
        draw_station_badge(floor, surface, "supply", "Supply room", badge)
