"""Where the day screen's panels go for a window size (1024x640 up to 1920x1080 and beyond)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

GAP = 8


@dataclass(frozen=True)
class DayLayout:
    """Rects of the top bar, queue, floor plan, context panel and toast area; font sizes."""

    size: tuple[int, int]
    top: pygame.Rect
    queue: pygame.Rect
    floor: pygame.Rect
    context: pygame.Rect
    toasts: pygame.Rect
    font: int  # body text size in pixels
    small: int
    big: int

    @classmethod
    def for_size(cls, size: tuple[int, int]) -> DayLayout:
        """Lay out the panels; sizes grow with the window but stay readable at 1024x640."""
        w, h = size
        scale = min(w / 1280, h / 720)
        font = max(14, round(15 * scale))
        small = max(12, round(13 * scale))
        big = max(18, round(22 * scale))
        top_h = max(48, round(52 * scale))
        queue_w = max(184, min(300, round(w * 0.18)))
        context_w = max(276, min(440, round(w * 0.26)))
        body_y = top_h + GAP
        body_h = h - body_y - GAP
        top = pygame.Rect(0, 0, w, top_h)
        queue = pygame.Rect(GAP, body_y, queue_w, body_h)
        context = pygame.Rect(w - GAP - context_w, body_y, context_w, body_h)
        mid_w = context.left - queue.right - 2 * GAP
        # Messages get their own strip under the plan so they never hide a room or a patient.
        toast_h = max(110, round(h * 0.19))
        floor = pygame.Rect(queue.right + GAP, body_y, mid_w, body_h - toast_h - GAP)
        toasts = pygame.Rect(floor.left, floor.bottom + GAP, mid_w, toast_h)
        return cls(size, top, queue, floor, context, toasts, font, small, big)

    def panels(self) -> list[pygame.Rect]:
        """Every panel, for the inside-the-window test."""
        return [self.top, self.queue, self.floor, self.context, self.toasts]


def form_size(window: tuple[int, int]) -> tuple[int, int]:
    """The forms are designed for 600x480 in a 1280x720 window, 520x420 below that."""
    return (600, 480) if window[0] >= 1280 and window[1] >= 720 else (520, 420)
