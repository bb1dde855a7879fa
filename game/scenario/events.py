"""The format of scripted mid-day events, "a day that goes wrong": the provider runs late,
the vaccine fridge alarms, the courier's time changes, a room goes out of service. Each is
one object of a list, told apart by its `kind`, happening at a time of the clinic day."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from game.clinical.vaccines import STORAGE_RANGE_C
from game.scenario.types import ClockTime, Ident, Strict, Text

EVENT_LIMIT = 50  # scripted events in one day: enough for any day, small enough to read

At = Annotated[ClockTime, Field(description="When it happens, HH:MM, inside clinic hours.")]


class ProviderLate(Strict):
    """The provider is held up: from `at`, no exam starts for `minutes` (an exam under way
    is finished first), so the schedule slides and the waiting patients wait longer."""

    kind: Literal["provider_late"] = Field(description="'provider_late': the provider runs late.")
    at: At
    provider: Ident = Field(description="The id of the provider who runs late.")
    minutes: int = Field(ge=5, le=180, description="How long the provider is away, minutes.")
    reason: Text | None = Field(None, description="What holds them up, as the MA hears it, "
                                                  "e.g. 'called to the hospital'.")


class FridgeAlarm(Strict):
    """The vaccine refrigerator or freezer alarms with a reading out of the CDC's range:
    its vaccines may not be used until the vaccine coordinator clears them."""

    kind: Literal["fridge_alarm"] = Field(description="'fridge_alarm': a vaccine unit alarms.")
    at: At
    unit: Literal["fridge", "freezer"] = Field(description="Which storage unit alarms.")
    reading_c: float = Field(ge=-90, le=50, description="What its thermometer shows, C: "
                                                        "outside 2-8 C for the fridge, "
                                                        "-50 to -15 C for the freezer.")
    cleared_after_minutes: int | None = Field(
        None, ge=5, le=240,
        description="Optional: this long after the excursion is reported, the coordinator "
                    "(having asked the manufacturers) clears the vaccines for use. Without "
                    "it, they stay 'do not use' all day: every dose from the unit is held.")

    @field_validator("reading_c")
    @classmethod
    def _out_of_range(cls, reading: float, info: ValidationInfo) -> float:
        # A field check, not a model one, so the author is pointed at the reading's own line.
        unit = info.data.get("unit")
        if unit not in STORAGE_RANGE_C:
            return reading  # the unit is itself wrong, and reported
        low, high = STORAGE_RANGE_C[unit]
        if low <= reading <= high:
            raise ValueError(f"inside the {unit}'s storage range of {low:g} to {high:g} C "
                             f"(CDC): an alarm reads below {low:g} or above {high:g} C")
        return reading


class CourierChange(Strict):
    """The lab calls: one of the day's pickups comes at another time, earlier or later."""

    kind: Literal["courier_change"] = Field(description="'courier_change': a pickup moves.")
    at: At
    pickup: ClockTime = Field(description="The pickup that moves: one of `courier.pickups`.")
    to: ClockTime = Field(description="Its new time, HH:MM, after `at`.")
    reason: Text | None = Field(None, description="Why, as the lab says it, e.g. 'a route "
                                                  "change'.")


class RoomOutOfService(Strict):
    """An exam room cannot be used from `at` (until `until`, if given): nobody is roomed
    there, and a patient in it is moved to another room."""

    kind: Literal["room_out_of_service"] = Field(
        description="'room_out_of_service': a room goes out of service.")
    at: At
    room: Ident = Field(description="The id of the room that goes out of service.")
    until: ClockTime | None = Field(None, description="When it is back in service, HH:MM; "
                                                      "without it, for the rest of the day.")
    reason: Text = Field(description="Why, as the MA sees it, e.g. 'the exam table's lift "
                                     "is broken'.")


ScriptedEvent = Annotated[ProviderLate | FridgeAlarm | CourierChange | RoomOutOfService,
                          Field(discriminator="kind")]
EVENT_KINDS: tuple[str, ...] = ("provider_late", "fridge_alarm", "courier_change",
                                "room_out_of_service")
