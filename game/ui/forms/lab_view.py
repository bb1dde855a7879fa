"""What the lab form shows: tube swatches, the rack's order, hover help and specimen status."""

from __future__ import annotations

import html
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import pygame

from game.clinical.lab import CENTRIFUGE_MINUTES, CLOT_MINUTES, LAB_TESTS, TUBES, Tube
from game.sim.view import specimens_of
from game.ui.forms.style import BOX_SMALL_SIZE
from game.ui.kit.fmt import at, chart_date, minutes_left
from game.ui.kit.theme import FONT_BOLD, FONT_REGULAR

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import PatientState, Specimen

# Cap colours for the swatches: presentation only. The tube's name is always shown beside it.
CAP_COLOURS: Mapping[str, tuple[int, int, int]] = MappingProxyType({
    "blood_culture": (236, 214, 120),
    "light_blue": (132, 194, 236),
    "red": (196, 40, 46),
    "gold": (214, 160, 26),
    "green": (40, 140, 80),
    "lavender": (170, 120, 210),
    "gray": (140, 146, 152),
})


def short_name(tube: Tube) -> str:
    """'gold (SST)', 'light blue', 'blood culture': the rack's compact labels."""
    return tube.name.replace(" bottles", "").replace(" top", "")


def rack_order() -> list[str]:
    """The rack lists tubes alphabetically: never in the order of draw, which is the test."""
    return sorted(TUBES, key=lambda code: short_name(TUBES[code]))


def tube_tip(code: str) -> str:
    """Hover help: the additive and what the tube is for."""
    tube = TUBES[code]
    tests = [t.name for t in LAB_TESTS.values() if t.tube == code]
    tip = f"{tube.name}: additive {tube.additive}. Used for: {', '.join(tests)}."
    if tube.serum:
        tip += f" Serum tube: let it clot {CLOT_MINUTES} minutes upright before spinning."
    return tip


def swatch(code: str, size: tuple[int, int] = (16, 26)) -> pygame.Surface:
    """A small drawing of the tube: a coloured cap on a clear body (a bottle for cultures)."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    cap = CAP_COLOURS.get(code, (120, 120, 120))
    body_w = w if code == "blood_culture" else w - 6
    left = (w - body_w) // 2
    pygame.draw.rect(surface, (226, 232, 238), (left, 8, body_w, h - 8), border_radius=4)
    pygame.draw.rect(surface, (120, 132, 146), (left, 8, body_w, h - 8), 1, border_radius=4)
    pygame.draw.rect(surface, cap, (max(0, left - 1), 0, body_w + 2, 9), border_radius=2)
    pygame.draw.rect(surface, (60, 70, 82), (max(0, left - 1), 0, body_w + 2, 9), 1,
                     border_radius=2)
    return surface


def orders_text(p: PatientState) -> str:
    """The ordered tests by name, as the provider wrote them."""
    names = [LAB_TESTS[code].name for code in p.spec.orders.labs]
    if not names:
        return "<b>Ordered:</b> no lab tests."
    return "<b>Ordered:</b> " + html.escape(", ".join(names), quote=False)


def orders_width(html_text: str) -> int:
    """Pixels the orders line needs in the small box font (to choose one or two lines)."""
    head, _, body = html_text.partition("</b>")
    bold = pygame.font.Font(FONT_BOLD, BOX_SMALL_SIZE).size(html.unescape(head[3:]) + " ")[0]
    return bold + pygame.font.Font(FONT_REGULAR, BOX_SMALL_SIZE).size(html.unescape(body))[0]


def courier_text(sim: Simulation) -> str:
    """The next courier pickup, or that the last one has gone."""
    upcoming = [t for t in sim.pickups if t > sim.now]
    if not upcoming:
        return "Last courier gone: packed tubes wait for tomorrow"
    return f"Next courier {at(upcoming[0])} (in {minutes_left(sim.now, upcoming[0])})"


def _label_text(sim: Simulation, s: Specimen) -> str:
    if s.label_of is None:
        return "NOT labeled"
    spec = sim.world.patients[s.label_of].spec
    return f"label: {spec.name.full} {chart_date(spec.dob)}"


def _processing(sim: Simulation, s: Specimen) -> str:
    now, tube = sim.now, TUBES[s.tube]
    if now < s.drawn_t:
        return "being drawn"
    if not tube.serum:
        return ""
    if s.spun_at is None:
        clotted = s.drawn_t + 60 * CLOT_MINUTES
        if now < clotted:
            return f"clotting until {at(clotted)}"
        return "clotted: ready to centrifuge"
    stop = s.spun_at + 60 * CENTRIFUGE_MINUTES
    if now < stop:
        return f"in the centrifuge until {at(stop)}"
    return "spun" if s.spin_ok else "spun before it had clotted"


def specimen_lines(sim: Simulation, p: PatientState) -> str:
    """One line per tube: drawn, label, clotting and spinning, packed or shipped."""
    lines = []
    for s in specimens_of(sim, p.id):
        where = ("shipped" + (f": REJECTED, {s.rejected}" if s.rejected else "")
                 if s.shipped else "packed for the courier" if s.packed else "")
        parts = [f"drawn {at(s.drawn_t)}", _label_text(sim, s), _processing(sim, s), where]
        lines.append(f"<b>{html.escape(TUBES[s.tube].name)}</b> "
                     + html.escape(" \u00b7 ".join(part for part in parts if part), quote=False))
    if "POC_GLUCOSE" in p.spec.orders.labs:
        lines.append("<b>Fingerstick glucose</b> " + ("reported" if p.poc_done
                                                      else "not reported yet"))
    return "<br>".join(lines) or "No tubes drawn yet."
