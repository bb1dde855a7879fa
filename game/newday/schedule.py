"""A new day's date and schedule: visits dealt to the providers so each has about the same share of
the day, then laid out one after another in the providers' hours, around lunch."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DAY = dt.date(2026, 12, 1)  # a Tuesday: the date of every new day
DAY_START, DAY_END = 8 * 60, 16 * 60 + 45  # the providers' hours, in minutes
LUNCH = (12 * 60, 13 * 60)  # no appointments while the providers are at lunch


@dataclass(frozen=True)
class Slot:
    """One appointment: its minute of the day, the provider's index and the visit's index
    in the order the visits were drawn."""

    minute: int
    provider: int
    visit: int


def clock(minutes: int) -> str:
    """HH:MM of a minute of the day."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _place(lengths: list[int], scale: float, gap: float) -> tuple[list[int], float]:
    """Start minutes of visits placed one after another, and when the last one ends; a visit
    that would run into lunch starts after it."""
    out, t = [], float(DAY_START)
    for minutes in lengths:
        length = minutes * scale
        if t + length > LUNCH[0] and t < LUNCH[1]:
            t = float(LUNCH[1])
        out.append(int(t))
        t += length + gap
    return out, t - gap


def layout(lengths: list[int]) -> tuple[list[int], float]:
    """Appointment minutes for one provider's visits in order, and the time scale used.

    Each visit takes its calendar length and the spare time is spread between visits. A list
    too long for the day is compressed (the scale is below 1): visits overlap, as double
    booking does, so any number of patients still fits the provider's hours.
    """
    natural = sum(lengths)
    hours = (LUNCH[0] - DAY_START) + (DAY_END - LUNCH[1])
    scale = min(1.0, hours / natural) if natural else 1.0
    times, end = _place(lengths, scale, 0.0)
    while end > DAY_END:  # time lost before lunch: shrink until the list fits
        scale *= 0.97
        times, end = _place(lengths, scale, 0.0)
    if lengths:
        # Spread the spare time between the visits, so the afternoon is booked as well as
        # the morning; a gap can push a visit past lunch and the list past the end of the
        # day, so the gap shrinks until the list fits.
        step = 5.0 if scale == 1.0 else 1.0  # calendar lengths are on 5-minute marks
        gap = (DAY_END - end) / len(lengths) // step * step
        while gap > 0:
            spaced, last = _place(lengths, scale, gap)
            if last <= DAY_END:
                return spaced, scale
            gap -= step
    return times, scale


def deal(lengths: list[int], providers: int) -> tuple[list[Slot], list[float]]:
    """Every visit's slot, in time order, and each provider's time scale.

    Visits are dealt longest first, each to the provider with the least booked time, so every
    list takes about the same share of the day; each list is then laid out in the order drawn.
    """
    lists: list[list[int]] = [[] for _ in range(providers)]
    booked = [0] * providers
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        k = min(range(providers), key=lambda k: (booked[k], len(lists[k]), k))
        lists[k].append(i)
        booked[k] += lengths[i]
    slots: list[Slot] = []
    scales: list[float] = []
    for k, mine in enumerate(lists):
        mine.sort()
        times, scale = layout([lengths[i] for i in mine])
        slots += [Slot(t, k, i) for t, i in zip(times, mine, strict=True)]
        scales.append(scale)
    return sorted(slots, key=lambda s: (s.minute, s.provider, s.visit)), scales
