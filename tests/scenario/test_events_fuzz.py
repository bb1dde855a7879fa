"""Arbitrary JSON in the scripted events of a day, and invented event commands in an actions
file: a clear problem or a playable day, run or refused, never a traceback."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.events import EVENT_KINDS
from game.sim.rules import disruptions
from tests.cli.test_cli import main
from tests.fuzz_settings import examples
from tests.scenario.fuzz_days import (
    Path_,
    json_values,
    paths_in,
    problem_or_playable,
    run_actions,
    run_or_refused,
)
from tests.scenario.test_phone_fuzz import changed
from tests.sim.disruptions_day import ROUGH
from tests.sim.disruptions_day import data as rough_day

# Real ids, times and readings of rough_day (and near misses), so that a changed event gets
# past the format and reaches the cross-checks and the rules behind it.
TIMES = ("07:29", "07:30", "08:00", "09:35", "10:30", "11:00", "12:00", "12:01", "13:00",
         "13:30", "15:15", "15:59", "16:00", "16:29", "16:30", "23:59", "25:00", "9:35")
IDS = ("feld", "oyelaran", "house", "exam1", "exam2", "exam3", "exam4", "exam9", "Exam1",
       "r08-nakashima", "r04-lindgren", "nobody")
VALUES = json_values(*TIMES, *IDS, *EVENT_KINDS, "fridge", "freezer", "cabinet", 11.2, 8.0,
                     8.1, 2.0, 1.9, -50.0, -50.1, -15.0, -14.9, -90, 50, 4, 5, 40, 180, 181,
                     240, 241, "called to the hospital")
KEYS = ("kind", "at", "provider", "minutes", "reason", "unit", "reading_c",
        "cleared_after_minutes", "pickup", "to", "room", "until", "extra")


@cache
def paths() -> tuple[Path_, ...]:
    """Every JSON path inside the events section (and the section itself)."""
    return tuple(paths_in(rough_day()["events"], ("events",)))


def test_the_paths_reach_every_event_and_field() -> None:
    found = set(paths())
    kinds = {e["kind"] for e in rough_day()["events"]}
    assert kinds == set(EVENT_KINDS)
    for where in [("events",), ("events", 0, "reading_c"), ("events", 0, "cleared_after_minutes"),
                  ("events", 1, "minutes"), ("events", 2, "until"), ("events", 3, "pickup")]:
        assert where in found


@settings(max_examples=examples(80), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(KEYS))
def test_a_mutant_events_section_is_a_problem_or_a_playable_day(
        data: st.DataObject, how: str, value: Any, key: str) -> None:
    where = data.draw(st.sampled_from(paths()), label="path")
    text = json.dumps(changed(rough_day(), where, how, value, key), ensure_ascii=False)
    problem_or_playable(text, data.draw(st.sampled_from(["reference", "naive"]),
                                        label="policy"))


# Whole events of each kind, their fields mostly the day's own names and times inside its
# hours (a near miss now and then), so that combinations no one wrote reach the simulation:
# every room closed at once, a provider late past closing, an alarm in the freezer.
IN_HOURS = ("07:30", "08:00", "09:35", "10:30", "11:00", "12:00", "12:01", "13:00", "13:30",
            "15:15", "15:59", "16:00", "16:29")
CLOCK = st.sampled_from(IN_HOURS * 3 + ("07:29", "16:30", "25:00", "9:35"))
REASON = st.sampled_from(["a leak", "called to the hospital", "the lift is broken", ""])
FREEZER = {"id": "var-1", "code": "VAR", "lot": "VZ3308", "manufacturer": "Cobalt Vaccines",
           "expires": "2027-04-30", "storage": "freezer", "vis_edition": "2023-08-06"}
EVENT = st.one_of(
    st.fixed_dictionaries(
        {"kind": st.just("provider_late"), "at": CLOCK,
         "provider": st.sampled_from(["feld", "feld", "oyelaran", "oyelaran", "house"]),
         "minutes": st.integers(3, 200)}, optional={"reason": REASON}),
    st.fixed_dictionaries(
        {"kind": st.just("fridge_alarm"), "at": CLOCK,
         "unit": st.sampled_from(["fridge", "freezer"]),
         "reading_c": st.floats(-95, 55, allow_nan=False)},
        optional={"cleared_after_minutes": st.integers(3, 250)}),
    st.fixed_dictionaries(
        {"kind": st.just("courier_change"), "at": CLOCK,
         "pickup": st.sampled_from(["12:00", "16:00", "16:00", "15:00"]), "to": CLOCK},
        optional={"reason": REASON}),
    st.fixed_dictionaries(
        {"kind": st.just("room_out_of_service"), "at": CLOCK,
         "room": st.sampled_from(IDS[3:8]), "reason": REASON}, optional={"until": CLOCK}))
SUBJECT = ("provider", "unit", "pickup", "room")  # what an event is about: one of it a day


def _about(event: dict[str, Any]) -> tuple[str, str]:
    return event["kind"], next(str(event[k]) for k in SUBJECT if k in event)


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(events=st.lists(EVENT, max_size=5, unique_by=_about), keep=st.booleans(),
       freezer=st.booleans(), policy=st.sampled_from(["reference", "naive"]))
def test_invented_events_are_a_problem_or_a_playable_day(
        events: list[dict[str, Any]], keep: bool, freezer: bool, policy: str) -> None:
    day = rough_day()
    if freezer:  # a frozen vaccine on hand, so that a freezer alarm changes something
        day["medications"]["products"].append(dict(FREEZER))
    mine = {_about(e) for e in events}  # a second event of a kind is the mutant test's
    day["events"] = [e for e in day["events"] if keep and _about(e) not in mine] + events
    problem_or_playable(json.dumps(day, ensure_ascii=False), policy)


# --- actions files -----------------------------------------------------------------------
# The commands the disruption rules declare: tell_waiting_patients, quarantine_vaccines,
# report_fridge_alarm, move_patient (and any a new rule adds).
EVENT_TYPES = tuple(str(c.type.model_fields["type"].default) for rule in disruptions.RULES
                    for c in rule.commands)


@pytest.fixture(scope="module")
def reference_commands(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The reference bot's whole day of commands on rough_day, with their times: the event
    commands among them meet the day in the state they were written for."""
    log = tmp_path_factory.mktemp("rough") / "log.json"
    code, _, err = main("run", str(ROUGH), "--policy", "reference", "--log", str(log))
    assert code == 0, err
    commands: list[dict[str, Any]] = json.loads(log.read_text(encoding="utf-8"))["commands"]
    assert {c["command"]["type"] for c in commands} >= set(EVENT_TYPES)
    return commands


def test_the_reference_commands_run_as_an_actions_file(
        reference_commands: list[dict[str, Any]]) -> None:
    code, out, err = run_actions(ROUGH, reference_commands)
    assert code == 0, err
    assert "could not be done" not in out + err and "Score" in out


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), value=VALUES,
       key=st.sampled_from(("type", "unit", "reading_c", "time", "provider", "patient", "room",
                            "actor", "t", "extra")))
def test_a_mutated_event_command_is_run_or_refused(
        reference_commands: list[dict[str, Any]], data: st.DataObject, how: str, value: Any,
        key: str) -> None:
    commands = json.loads(json.dumps(reference_commands))
    mine = [i for i, c in enumerate(commands) if c["command"]["type"] in EVENT_TYPES]
    i = data.draw(st.sampled_from(mine), label="command")
    where = data.draw(st.sampled_from(paths_in(commands[i], (i,))), label="path")
    changed(commands, where, how, value, key)
    run_or_refused(ROUGH, commands)


PATIENTS = tuple(p["id"] for p in rough_day()["patients"])
# Well-formed commands with the day's own names (each may still be refused by its rule: the
# unit has not alarmed, the room is in service), and wild ones whose fields are anything.
INVENTED = st.one_of(
    st.fixed_dictionaries({"type": st.just("tell_waiting_patients"),
                           "provider": st.sampled_from(IDS[:3])}),
    st.fixed_dictionaries({"type": st.just("quarantine_vaccines"),
                           "unit": st.sampled_from(["fridge", "freezer"])}),
    st.fixed_dictionaries({"type": st.just("report_fridge_alarm"),
                           "unit": st.sampled_from(["fridge", "freezer"]),
                           "reading_c": st.floats(-90, 50, allow_nan=False),
                           "time": st.sampled_from(TIMES[:-2])}),
    st.fixed_dictionaries({"type": st.just("move_patient"),
                           "patient": st.sampled_from(PATIENTS),
                           "room": st.sampled_from(IDS[3:7])}),
    st.fixed_dictionaries(
        {"type": st.sampled_from(EVENT_TYPES)},
        optional={"unit": VALUES | st.sampled_from(["fridge", "freezer", "cabinet", "FRIDGE"]),
                  "reading_c": VALUES | st.floats(-100, 60, allow_nan=False),
                  "time": VALUES | st.sampled_from(TIMES), "provider": VALUES,
                  "patient": VALUES | st.sampled_from(IDS[9:]),
                  "room": VALUES | st.sampled_from(IDS[3:9]), "actor": VALUES,
                  "extra": VALUES}))


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(invented=st.lists(st.tuples(st.integers(-10, 20 * 3600), INVENTED), min_size=1,
                         max_size=4), alone=st.booleans())
def test_invented_event_commands_are_run_or_refused(
        reference_commands: list[dict[str, Any]],
        invented: list[tuple[int, dict[str, Any]]], alone: bool) -> None:
    day = [] if alone else reference_commands
    commands = day + [{"t": t, "command": c} for t, c in invented]
    run_or_refused(ROUGH, sorted(commands, key=lambda c: c["t"]))
