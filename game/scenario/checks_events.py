"""Cross-checks of the scripted events: each happens inside clinic hours, names a provider,
room or pickup the day has, and can change something (a fridge alarm needs vaccines in the
unit); one event of a kind per provider, unit, pickup or room."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError

from game.scenario.errors import PathPart, Problem
from game.scenario.events import (
    CourierChange,
    FridgeAlarm,
    ProviderLate,
    RoomOutOfService,
    ScriptedEvent,
)
from game.scenario.refs import unknown
from game.scenario.types import clock, seconds

if TYPE_CHECKING:
    from game.scenario.checks import Parts

_EVENT: TypeAdapter[ScriptedEvent] = TypeAdapter(ScriptedEvent)
Here = tuple[PathPart, ...]


def salvage_events(values: Any) -> list[tuple[int, ScriptedEvent]]:
    """The events of a file that failed validation that are valid on their own."""
    if not isinstance(values, list):
        return []
    out = []
    for i, value in enumerate(values):
        try:
            out.append((i, _EVENT.validate_json(json.dumps(value), strict=True)))
        except (ValidationError, TypeError, ValueError):
            continue
    return out


def event_checks(s: Parts) -> list[Problem]:
    """Every problem of the events that involves another part of the day."""
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()  # (kind, what it is about): one of each a day
    for i, ev in s.events:
        here: Here = ("events", i)
        if s.clinic is not None and not (seconds(s.clinic.opens) <= seconds(ev.at)
                                         < seconds(s.clinic.closes)):
            out.append(Problem((*here, "at"), f"{ev.at} is outside clinic hours "
                                              f"({s.clinic.opens} to {s.clinic.closes}): the "
                                              "event would never happen during the day"))
        field, about = _subject(ev)
        if (ev.kind, about) in seen:
            out.append(Problem((*here, field), f"a second {ev.kind} event for '{about}': "
                                               f"one a day for each {field}"))
        seen.add((ev.kind, about))
        if isinstance(ev, ProviderLate):
            out += _provider_late(s, here, ev)
        elif isinstance(ev, FridgeAlarm):
            out += _fridge_alarm(s, here, ev)
        elif isinstance(ev, CourierChange):
            out += _courier_change(s, here, ev)
        else:
            out += _room(s, here, ev)
    return out


def _subject(ev: ScriptedEvent) -> tuple[str, str]:
    """The field naming what an event is about, and its value."""
    if isinstance(ev, ProviderLate):
        return "provider", ev.provider
    if isinstance(ev, FridgeAlarm):
        return "unit", ev.unit
    if isinstance(ev, CourierChange):
        return "pickup", ev.pickup
    return "room", ev.room


def _provider_late(s: Parts, here: Here, ev: ProviderLate) -> list[Problem]:
    provider = next((p for p in s.providers if p.id == ev.provider), None)
    if provider is None:
        if not s.complete:
            return []  # the providers are themselves invalid: unknown means unknown
        return [Problem((*here, "provider"), unknown("provider", ev.provider,
                                                     {p.id for p in s.providers}))]
    if not seconds(provider.start) <= seconds(ev.at) < seconds(provider.end):
        return [Problem((*here, "at"), f"{ev.at} is outside {provider.name}'s hours "
                                       f"({provider.start} to {provider.end}): a provider "
                                       "runs late only while seeing patients")]
    return []


def _fridge_alarm(s: Parts, here: Here, ev: FridgeAlarm) -> list[Problem]:
    if s.medications is None:
        return []
    if not any(p.storage == ev.unit for p in s.medications.products):
        return [Problem((*here, "unit"), f"no product in medications.products is kept in the "
                                         f"{ev.unit}: an alarm there would change nothing "
                                         "(add the vaccines it holds)")]
    return []


def _courier_change(s: Parts, here: Here, ev: CourierChange) -> list[Problem]:
    out: list[Problem] = []
    at, to = seconds(ev.at), seconds(ev.to)
    if to <= at:
        out.append(Problem((*here, "to"), f"the new time {ev.to} is not after {ev.at}, when "
                                          "the lab calls"))
    if s.clinic is not None and not (seconds(s.clinic.opens) <= to
                                     <= seconds(s.clinic.closes)):
        out.append(Problem((*here, "to"), f"{ev.to} is outside clinic hours "
                                          f"({s.clinic.opens} to {s.clinic.closes})"))
    if s.courier is None:
        return out
    pickups = sorted(seconds(t) for t in s.courier.pickups)
    old = seconds(ev.pickup)
    if old not in pickups:
        out.append(Problem((*here, "pickup"), f"{ev.pickup} is not one of the courier's "
                                              f"pickups ({', '.join(s.courier.pickups)})"))
        return out
    if at >= old:
        out.append(Problem((*here, "at"), f"the lab calls at {ev.at}, not before the "
                                          f"{ev.pickup} pickup it moves"))
    if to == old:
        out.append(Problem((*here, "to"), f"the new time is the pickup's own ({ev.pickup})"))
    j = pickups.index(old)
    before = pickups[j - 1] if j > 0 else None
    after = pickups[j + 1] if j + 1 < len(pickups) else None
    passed = before if before is not None and to <= before else \
        after if after is not None and to >= after else None
    if passed is not None:
        out.append(Problem((*here, "to"), f"{ev.to} would reach or pass the {clock(passed)} "
                                          "pickup: a moved pickup keeps its place among the "
                                          "day's pickups"))
    return out


def _room(s: Parts, here: Here, ev: RoomOutOfService) -> list[Problem]:
    out: list[Problem] = []
    if ev.until is not None and seconds(ev.until) <= seconds(ev.at):
        out.append(Problem((*here, "until"), f"{ev.until} is not after {ev.at}, when the room "
                                             "goes out of service"))
    if s.clinic is None:
        return out
    rooms = {r.id for r in s.clinic.rooms}
    if ev.room not in rooms:
        out.append(Problem((*here, "room"), unknown("room", ev.room, rooms)))
    elif len(rooms) == 1:
        out.append(Problem((*here, "room"), "the clinic has no other room: with its only "
                                            "room out of service nobody could be seen"))
    return out
