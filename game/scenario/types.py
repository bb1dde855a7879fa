"""Small reusable field types of the scenario format: ids, clock times, weekdays."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Strict(BaseModel):
    """Base of every scenario model: unknown keys are errors, and values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_clock(value: str) -> str:
    hours, minutes = int(value[:2]), int(value[3:])
    if hours > 23 or minutes > 59:
        raise ValueError(f"'{value}' is not a time of day: use HH:MM from 00:00 to 23:59")
    return value


ClockTime = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{2}:[0-9]{2}$",
        description="A time of day on a 24-hour clock, HH:MM (for example 08:30 or 15:00).",
        examples=["08:30"],
    ),
    AfterValidator(_check_clock),
]

Ident = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$",
        description="An identifier: lower-case letters, digits, '-' and '_' (up to 40).",
    ),
]

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

Text = Annotated[str, Field(min_length=1, max_length=500)]


def seconds(clock: str) -> int:
    """Seconds since midnight of an HH:MM time."""
    return int(clock[:2]) * 3600 + int(clock[3:]) * 60


def clock(t: int) -> str:
    """HH:MM of seconds since midnight (minutes rounded down)."""
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}"
