"""Messages for the player: what happened or is about to, with a typed tone and topic."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Tone(StrEnum):
    """How a notice reads: neutral, a warning, good news or bad news."""

    INFO = "info"
    WARNING = "warning"
    GOOD = "good"
    BAD = "bad"


class Topic(StrEnum):
    """What a notice is about, for the window to react to (a sound, a highlight)."""

    NONE = ""
    ARRIVAL = "arrival"
    PATIENCE = "patience"
    ASSIST = "assist"
    COURIER = "courier"
    END_DAY = "end_day"
    QUEUE = "queue"
    PHONE = "phone"
    WALK_IN = "walk_in"
    MEDICATION = "medication"
    POC = "poc"
    ECG = "ecg"
    SUPPLIES = "supplies"
    DISRUPTION = "disruption"  # a scripted event: the provider late, a fridge alarm...


@dataclass(frozen=True)
class Notice:
    """A message for the player: something happened, or is about to."""

    t: int
    kind: Tone
    text: str
    patient: str | None = None
    topic: Topic = Topic.NONE
    actor: str | None = None  # the staff member it concerns, if one
