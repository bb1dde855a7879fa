"""The vial's label as the medication form draws it, and what the label checks the player
ticked found (each date against today, the storage unit against today's log), in words."""

from __future__ import annotations

import datetime as dt
import html

import pygame

from game.clinical.vaccines import ROUTE_NAMES
from game.sim.view_meds import Label
from game.ui.kit.text_cache import TextCache
from game.ui.kit.theme import ACCENT, INK, LINE, MUTED

UNIT_WORDS = {"fridge": "the vaccine fridge", "freezer": "the vaccine freezer",
              "cabinet": "the medication cabinet (room temperature: no log)"}
WHITE = (255, 255, 255)


def label_image(size: tuple[int, int], lab: Label, text: TextCache) -> pygame.Surface:
    """A vial's label: the product, dose and route, lot, expiry, manufacturer, and for an
    opened multi-dose vial the beyond-use date written on it."""
    w, h = size
    s = pygame.Surface(size)
    s.fill(WHITE)
    band = max(14, h // 7)
    pygame.draw.rect(s, ACCENT, (0, 0, w, band))
    kind = "MULTI-DOSE VIAL" if lab.multi_dose else "SINGLE-DOSE"
    text.blit(s, kind, (6, band // 2), max(10, band - 5), WHITE, bold=True, anchor="midleft")
    size_px = max(11, min(13, h // 10))
    y = band + 4
    name = text.wrap(lab.name, size_px + 1, w - 12, bold=True)[:2]
    for line in name:
        text.blit(s, line, (6, y), size_px + 1, INK, bold=True)
        y += size_px + 4
    low, high = lab.dose_ml
    dose = f"{low:g} mL" if low == high else f"{low:g}-{high:g} mL"
    lines = [f"{dose} dose \u00b7 for {ROUTE_NAMES[lab.route]} use ({lab.route})",
             f"LOT {lab.lot}    EXP {lab.expires}", lab.manufacturer]
    if lab.multi_dose:
        lines.append(f"Opened vial: discard after {lab.beyond_use}" if lab.beyond_use
                     else "Opened vial: no beyond-use date written")
    if lab.vis_edition:
        lines.append(f"VIS on hand: edition {lab.vis_edition}")
    for line in lines:
        if y + size_px > h - 2:
            break
        text.blit(s, text.fit(line, size_px, w - 12), (6, y), size_px, INK)
        y += size_px + 4
    pygame.draw.rect(s, LINE, s.get_rect(), 1)
    pygame.draw.rect(s, MUTED, s.get_rect().inflate(-2, -2), 1)
    return s


def storage_line(lab: Label, problem: str | None) -> str:
    """Where the vial is kept and whether today's log shows the unit in range (HTML)."""
    where = UNIT_WORDS.get(lab.storage, lab.storage)
    if lab.storage == "cabinet":
        return f"{where.capitalize()}."
    if problem is None:
        return f"{where.capitalize()}: today's log <b>in range</b>."
    return f"{where.capitalize()}: <b>not usable</b>, {html.escape(problem, quote=False)}."


def check_lines(lab: Label, today: dt.date, ticked: set[str]) -> list[str]:
    """What each ticked label check found, in words (HTML): the lot to record, the expiry
    and the beyond-use date against today."""
    out = []
    if ticked & {"expiry", "beyond_use"}:
        out.append(f"Today is {today.isoformat()}.")
    if "lot" in ticked:
        out.append(f"Lot {html.escape(lab.lot)}: for the record.")
    if "expiry" in ticked:
        verdict = "<b>EXPIRED</b>" if lab.expired else "in date"
        out.append(f"Expiry {lab.expires}: {verdict}.")
    if "beyond_use" in ticked:
        if not lab.multi_dose:
            out.append("Beyond-use date: a single-dose vial has none.")
        elif lab.beyond_use is None:
            out.append("Beyond-use date: <b>none written</b> on the opened vial.")
        else:
            verdict = "<b>PAST IT</b>" if lab.past_beyond_use else "not yet reached"
            out.append(f"Discard after {lab.beyond_use}: {verdict}.")
    return out
