"""The phone at its station and the portal inbox at the workstation: a blinking light and a
word while it rings, and a badge counting the voicemails and portal messages waiting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.sim.view import CallStatus, phone
from game.ui.day.actions import PHONE, phone_counts
from game.ui.kit import status_icons, theme
from game.ui.kit.fmt import plural

if TYPE_CHECKING:
    from game.ui.day.floorplan import FloorPlan

BLINK_MS = 450  # the ringing light's half period, in real time (not the game's speed)
WHITE = (255, 255, 255)


def phone_state(floor: FloorPlan) -> tuple[str, tuple[int, int, int], str]:
    """(word, colour, tip) of the phone now: the word says what the colour says."""
    ringing, on_hold, waiting = phone_counts(floor.sim)
    waits = plural(waiting, "voicemail or portal message", "voicemails and portal messages")
    if ringing:
        return "Ringing", theme.BAD, f"The phone is ringing: press P, then P to answer. {waits} " \
                                     "waiting."
    if phone(floor.sim).lines:
        return "On a call", theme.ACCENT, f"On the line with a caller. {waits} waiting."
    if on_hold:
        return "On hold", theme.WARN, (f"{plural(on_hold, 'caller')} on hold: they hang up if "
                                       f"left too long. {waits} waiting.")
    return "Phone", theme.MUTED, f"The phone. {waits} waiting. Press P to select it."


def draw_phone(floor: FloorPlan, s: pygame.Surface) -> None:
    """A pill on the top edge of the phone's station: icon, light, word and badge; clicking
    it selects the phone. Portal messages also show on the workstation when the phone is
    elsewhere."""
    sim = floor.sim
    floor.phone_rect = None
    if not phone(sim).calls:
        return
    station = sim.scenario.phone.station
    word, colour, tip = phone_state(floor)
    ringing, _, waiting = phone_counts(sim)
    lit = bool(ringing) and (pygame.time.get_ticks() // BLINK_MS) % 2 == 0
    rect = floor.phone_rect = _pill(floor, s, station, "phone", word, colour, waiting, lit)
    floor.hits.insert(0, (rect, tip, ("station", PHONE)))
    state = phone(sim)
    inbox = sum(state.calls[k].status == CallStatus.INBOX for k in state.waiting)
    if station != "workstation" and inbox:
        rect = _pill(floor, s, "workstation", "inbox", "Inbox", theme.ACCENT, inbox, False)
        floor.hits.insert(0, (rect, f"{plural(inbox, 'portal message')} in the inbox: click "
                              "to answer.", ("station", "inbox")))


def _pill(floor: FloorPlan, s: pygame.Surface, station: str, icon: str, word: str,
          colour: tuple[int, int, int], count: int, lit: bool) -> pygame.Rect:
    """Icon, light, word and count in a rounded box resting on the station's top edge."""
    g, t = floor.geo, floor.text
    size = max(11, floor.font - 3)
    r = g.station_rect(station)
    h = max(size + 10, g.token_r + 10)
    ir = max(5, (h - 8) // 2)
    lamp = max(3, ir // 2)
    word_w = t.render(word, size, colour, True).get_width()
    count_w = t.render(str(count), size, WHITE, True).get_width() + ir * 3 // 2 + 14 if count \
        else 0
    w = 6 + 2 * ir + 5 + (2 * lamp + 5 if icon == "phone" else 0) + word_w + 6 + count_w + 4
    pill = pygame.Rect(r.x + 8, r.top - h + 2, w, h)
    pygame.draw.rect(s, WHITE, pill, border_radius=h // 2)
    pygame.draw.rect(s, colour, pill, 2, border_radius=h // 2)
    x, cy = pill.x + 6 + ir, pill.centery
    status_icons.draw(icon, s, (x, cy), ir, colour)
    x += ir + 5
    if icon == "phone":  # the light: filled and blinking while it rings, hollow otherwise
        pygame.draw.circle(s, colour if lit else WHITE, (x + lamp, cy), lamp)
        pygame.draw.circle(s, colour, (x + lamp, cy), lamp, 1)
        x += 2 * lamp + 5
    t.blit(s, word, (x, cy), size, colour, bold=True, anchor="midleft")
    x += word_w + 6
    if count:  # the badge: an envelope and the number, never the colour alone
        badge = pygame.Rect(x, pill.y + 3, count_w, h - 6)
        pygame.draw.rect(s, theme.BAD, badge, border_radius=(h - 6) // 2)
        status_icons.draw("inbox", s, (badge.x + 4 + ir * 3 // 4, cy), ir * 3 // 4, WHITE)
        t.blit(s, str(count), (badge.right - 5, cy), size, WHITE, bold=True, anchor="midright")
    return pill
