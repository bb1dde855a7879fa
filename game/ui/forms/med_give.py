"""The medication form's give page: the site picked on the body outline (mouse or arrow keys),
two identifiers, the route, the needle's length, the bedside label check, the sharps, and
the observation left once a vaccine is given."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIButton, UIImage

from game.clinical.vaccines import (
    CATALOGUE,
    GAUGE_CHOICES,
    NEEDLES,
    ROUTE_NAMES,
    ROUTES,
    SITES,
)
from game.clinical.vaccines import needle_text as inches
from game.sim.commands import Command
from game.sim.view_meds import GiveMedication
from game.ui.forms import body_sites as bs
from game.ui.forms.identify import chosen, identifier_ticks
from game.ui.forms.kit import PAD, ROW
from game.ui.forms.parse import FieldError

if TYPE_CHECKING:
    from game.ui.forms.medication import MedicationForm

ROUTE_KEYS = {"IM": "i", "SC": "s", "ID": "x"}
ARROWS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
MARK = "\u2022 "  # before the chosen route and needle: the choice is not colour alone


class GivePage:
    """The give page's widgets and the player's choices on it."""

    def __init__(self, form: MedicationForm, area: pygame.Rect,
                 widgets: list[UIElement]) -> None:
        self.form = form
        self.region: str | None = None
        self.route: str | None = None
        self.needle: float | None = None
        self.gauge: int | None = None
        self.recap = False
        a = area
        bw = min(200, a.w * 36 // 100)
        self.body_size = (bw, a.h - 22)
        self.body = UIImage(pygame.Rect(a.topleft, self.body_size),
                            pygame.Surface(self.body_size), form.ctx.manager,
                            container=form.container)
        self.body.set_tooltip("Click an injection site (or use the arrow keys). " + bs.LEGEND)
        self.site_label = form.label(pygame.Rect(a.x, a.bottom - 20, bw, 20), "", "small")
        x, rw = a.x + bw + PAD, a.w - bw - PAD
        # "Date of birth" is the widest of the five ticks
        self.ids = identifier_ticks(form, x, a.y, (rw * 28 // 100, rw * 42 // 100, rw * 30 // 100),
                                    22)
        # The three routes and, in the last quarter of the row, the gauge: one button that
        # steps through the gauges the cart holds (W), so the page fits a small window.
        y, quarter = a.y + 48, (rw - 12) // 4
        self.routes = {r: form.button(pygame.Rect(x + i * (quarter + 4), y, quarter, ROW), r,
                                      partial(self.choose_route, r), ROUTE_KEYS[r],
                                      f"{ROUTE_NAMES[r].capitalize()} ({r}).")
                       for i, r in enumerate(ROUTES)}
        self.gauge_button = form.button(
            pygame.Rect(x + 3 * (quarter + 4), y, rw - 3 * (quarter + 4), ROW), "",
            self.next_gauge, "w", "The needle's gauge (W or a click: the next one, "
            f"{', '.join(str(g) for g in GAUGE_CHOICES)}).")
        y += ROW + 4
        # Six lengths in one row; each button's tip names it in full.
        nw = (rw - 5 * 4) // 6
        self.needles: dict[float, UIButton] = {}
        for i, n in enumerate(NEEDLES):
            rect = pygame.Rect(x + i * (nw + 4), y, nw, ROW)
            self.needles[n] = form.button(rect, _short(n), partial(self.choose_needle, n),
                                          tip=f"A {inches(n)} needle (H: the next length).")
        form.bind("h", self.next_needle)
        y += ROW + 4
        self.bedside = form.tick((x, y + 1), "Third label check, at the bedside", "v",
                                 "Check the label against the order once more.")
        y += 24
        self.sharps = form.button(pygame.Rect(x, y, rw, ROW), "", self.toggle_sharps, "k",
                                  "What you do with the needle after the injection (K: the "
                                  "other way).")
        y += ROW + 4
        self.give = form.button(pygame.Rect(x, y, rw, ROW), "[Enter] Give the dose",
                                lambda: form.run(self.make), tip="Inject at the site chosen.")
        widgets.extend((self.body, self.site_label, *self.ids.values(), *self.routes.values(),
                        *self.needles.values(), self.gauge_button, self.bedside,
                        self.sharps, self.give))
        for key in ARROWS:
            form.bind(key, partial(self.move, key))

    def state(self) -> tuple[object, ...]:
        """The choices (the form redraws when they change)."""
        return (self.region, self.route, self.needle, self.gauge, self.recap,
                self.bedside.checked,
                *(t.checked for t in self.ids.values()))

    def reset(self) -> None:
        """Another dose: nothing chosen yet."""
        self.region = self.route = self.needle = self.gauge = None

    def make(self, final: bool) -> Command:
        """The GiveMedication command (placeholders while only asking the simulation)."""
        f = self.form
        if final and self.region is None:
            raise FieldError("Choose the site: click it on the body (or use the arrow keys).")
        if final and (self.route is None or self.needle is None or self.gauge is None):
            raise FieldError("Choose the route, the needle's length and its gauge.")
        return GiveMedication(
            patient=f.p.id, product=f.dose_id, identifiers=chosen(self.ids),
            route=self.route or CATALOGUE[f.dose().product.code].route,  # type: ignore[arg-type]
            site=bs.site_of(self.region) if self.region else SITES[0],  # type: ignore[arg-type]
            needle_in=self.needle or NEEDLES[0], needle_gauge=self.gauge,
            label_check=self.bedside.checked,
            sharps="recapped" if self.recap else "sharps_container")

    def refresh(self) -> None:
        """The drawing, the chosen site, route and needle, the sharps and the observation."""
        f = self.form
        self.body.set_image(bs.body(self.body_size, self.region, f.text))
        f.show(self.site_label, bs.region_name(self.region).capitalize() if self.region
               else "No site chosen")
        for r, b in self.routes.items():
            f.show(b, f"[{ROUTE_KEYS[r].upper()}] " + (MARK if r == self.route else "") + r)
            b.select() if r == self.route else b.unselect()
        for n, b in self.needles.items():
            f.show(b, (MARK if n == self.needle else "") + _short(n))
            b.select() if n == self.needle else b.unselect()
        f.show(self.gauge_button, f"[W] {self.gauge} G" if self.gauge else "[W] Gauge")
        f.show(self.sharps, "[K] Needle: " + ("recapped first" if self.recap else
                                              "straight into the sharps container"))

    def choose_route(self, route: str) -> None:
        """The route the dose is given by."""
        self.route = route
        self.form.refresh()

    def choose_needle(self, n: float) -> None:
        """The needle's length."""
        self.needle = n
        self.form.refresh()

    def next_needle(self) -> None:
        """H: the next needle length."""
        if self.form.page == "give":
            i = NEEDLES.index(self.needle) + 1 if self.needle in NEEDLES else 0
            self.choose_needle(NEEDLES[i % len(NEEDLES)])

    def choose_gauge(self, g: int) -> None:
        """The needle's gauge."""
        self.gauge = g
        self.form.refresh()

    def next_gauge(self) -> None:
        """W: the next gauge."""
        if self.form.page == "give":  # the key is bound form-wide; the button is here
            i = GAUGE_CHOICES.index(self.gauge) + 1 if self.gauge in GAUGE_CHOICES else 0
            self.choose_gauge(GAUGE_CHOICES[i % len(GAUGE_CHOICES)])

    def toggle_sharps(self) -> None:
        """K: the needle straight into the container, or recapped."""
        self.recap = not self.recap
        self.form.refresh()

    def move(self, key: str) -> None:
        """An arrow on the give page: the nearest site that way."""
        if self.form.page == "give":
            dx, dy = ARROWS[key]
            self.region = bs.neighbour(self.region, dx, dy, self.body_size)
            self.form.refresh()

    def click(self, pos: tuple[int, int]) -> None:
        """A click on the drawing picks the site under it."""
        rect = self.body.get_abs_rect()
        if rect.collidepoint(pos):
            region = bs.region_at((int(pos[0] - rect.x), int(pos[1] - rect.y)), self.body_size)
            if region is not None:
                self.region = region
                self.form.refresh()


def _short(inches_: float) -> str:
    """A needle length on its button: "5/8", "1 1/2" (the row's tip says inches)."""
    return inches(inches_).removesuffix(" in")
