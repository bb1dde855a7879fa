"""The scripted events of a day (`events`): what the format accepts and refuses at its
boundaries, each refusal with its JSON path, its message and its line as `clinic-day
validate` shows them."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.scenario.errors import InputError, Problem, json_path
from game.scenario.events import EVENT_KINDS, EVENT_LIMIT
from game.scenario.load import LoadedScenario, load_scenario
from game.scenario.schema import scenario_schema
from tests.sim.disruptions_day import ROUGH, data

Edit = Callable[[dict[str, Any]], None]
# rough_day.json's events, in the file's order (the last index is for an added one).
FRIDGE, LATE, ROOM, COURIER, ADDED = 0, 1, 2, 3, 4
KINDS = ", ".join(EVENT_KINDS)
# The CDC Vaccine Storage and Handling Toolkit (2024): a refrigerator keeps vaccines at 2 to
# 8 C, a freezer at -50 to -15 C, both ends in range; a reading outside is an excursion.
CDC = "CDC Vaccine Storage and Handling Toolkit"
VARICELLA = {"id": "var-1", "code": "VAR", "lot": "VZ3308", "manufacturer": "Cobalt Vaccines",
             "expires": "2027-04-30", "storage": "freezer", "vis_edition": "2023-08-06"}


def events(d: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = d["events"]
    return found


def set_event(i: int, **fields: Any) -> Edit:
    def edit(d: dict[str, Any]) -> None:
        events(d)[i].update(fields)
    return edit


def drop(i: int, key: str) -> Edit:
    def edit(d: dict[str, Any]) -> None:
        del events(d)[i][key]
    return edit


def again(i: int, **fields: Any) -> Edit:
    """A second event like the i-th, changed: appended at ADDED."""
    def edit(d: dict[str, Any]) -> None:
        events(d).append({k: v for k, v in (events(d)[i] | fields).items() if v is not None})
    return edit


def set_at(path: tuple[str | int, ...], value: Any) -> Edit:
    def edit(d: dict[str, Any]) -> None:
        node: Any = d
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return edit


def both(*edits: Edit) -> Edit:
    def edit(d: dict[str, Any]) -> None:
        for e in edits:
            e(d)
    return edit


def freezer_alarm(reading: float) -> Edit:
    """The alarm in the freezer, with a frozen vaccine in it so that it changes something."""
    def edit(d: dict[str, Any]) -> None:
        d["medications"]["products"].append(dict(VARICELLA))
        events(d)[FRIDGE].update(unit="freezer", reading_c=reading)
    return edit


def one_room(d: dict[str, Any]) -> None:
    d["clinic"]["rooms"] = d["clinic"]["rooms"][:1]


def no_freezer_vaccine(d: dict[str, Any]) -> None:
    events(d)[FRIDGE].update(unit="freezer", reading_c=-10.0)


def write(tmp_path: Path, edit: Edit) -> tuple[Path, dict[str, Any]]:
    d = data()
    edit(d)
    file = tmp_path / "day.json"
    file.write_text(json.dumps(d, indent=2), encoding="utf-8")
    return file, d


def problems(file: Path) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_scenario(file)
    return info.value.problems


def played(loaded: LoadedScenario) -> list[dict[str, Any]]:
    """The events the game plays, as the file would spell them."""
    return [e.model_dump(mode="json", exclude_none=True) for e in loaded.scenario.events]


@dataclass(frozen=True)
class Case:
    """One broken events section and the problem the author must read."""

    id: str
    edit: Edit
    path: str
    message: str  # the whole message, exactly
    line: str  # text on the line the problem points at


REFUSED = [
    # The list itself and each entry's kind.
    Case("events_not_a_list", set_at(("events",), {"kind": "fridge_alarm"}), "events",
         "input should be a valid array (found an object)", '"events"'),
    Case("events_null", set_at(("events",), None), "events",
         "input should be a valid array (found null)", '"events"'),
    Case("an_event_not_an_object", set_at(("events", LATE), 5), "events[1]",
         "input should be an object (found 5)", "5"),
    Case("unknown_kind_lists_the_kinds", set_event(LATE, kind="power_cut"), "events[1]",
         f"unknown kind 'power_cut': use one of {KINDS}", "{"),
    Case("kind_in_capitals", set_event(LATE, kind="Provider_late"), "events[1]",
         f"unknown kind 'Provider_late': use one of {KINDS}; did you mean 'provider_late'?",
         "{"),
    Case("kind_not_text", set_event(LATE, kind=["provider_late"]), "events[1]",
         f"kind must be text, one of {KINDS} (found a list)", "{"),
    Case("missing_kind", drop(LATE, "kind"), "events[1]",
         "missing: 'kind' is required here (it says which kind of entry this is)", "{"),
    Case("unknown_key", set_event(ROOM, colour="red"), "events[2].colour",
         "unknown key: not part of the format (check the spelling)", '"colour"'),
    Case("missing_at", drop(ROOM, "at"), "events[2].at", "missing: this field is required",
         "{"),
    Case("at_not_a_time", set_event(LATE, at="25:00"), "events[1].at",
         "'25:00' is not a time of day: use HH:MM from 00:00 to 23:59 (found \"25:00\")",
         '"at"'),
    # provider_late
    Case("late_missing_provider", drop(LATE, "provider"), "events[1].provider",
         "missing: this field is required", "{"),
    Case("late_missing_minutes", drop(LATE, "minutes"), "events[1].minutes",
         "missing: this field is required", "{"),
    Case("late_minutes_below_5", set_event(LATE, minutes=4), "events[1].minutes",
         "input should be greater than or equal to 5 (found 4)", '"minutes"'),
    Case("late_minutes_above_180", set_event(LATE, minutes=181), "events[1].minutes",
         "input should be less than or equal to 180 (found 181)", '"minutes"'),
    Case("late_minutes_a_fraction", set_event(LATE, minutes=40.5), "events[1].minutes",
         "input should be a valid integer (found 40.5)", '"minutes"'),
    Case("late_minutes_as_text", set_event(LATE, minutes="40"), "events[1].minutes",
         "input should be a valid integer (found \"40\")", '"minutes"'),
    Case("late_unknown_provider", set_event(LATE, provider="house"), "events[1].provider",
         "unknown provider 'house' (known: feld, oyelaran)", '"provider"'),
    Case("late_before_the_provider_starts", set_event(LATE, at="07:59"), "events[1].at",
         "07:59 is outside Dr. Naomi Feld's hours (08:00 to 16:00): a provider runs late only "
         "while seeing patients", '"at"'),
    Case("late_when_the_provider_ends", set_event(LATE, at="16:00"), "events[1].at",
         "16:00 is outside Dr. Naomi Feld's hours (08:00 to 16:00): a provider runs late only "
         "while seeing patients", '"at"'),
    Case("late_twice_for_one_provider", again(LATE, at="14:00"), "events[4].provider",
         "a second provider_late event for 'feld': one a day for each provider",
         '"provider"'),
    # fridge_alarm (the readings inside the CDC's range are in their own table below)
    Case("alarm_missing_unit", drop(FRIDGE, "unit"), "events[0].unit",
         "missing: this field is required", "{"),
    Case("alarm_missing_reading", drop(FRIDGE, "reading_c"), "events[0].reading_c",
         "missing: this field is required", "{"),
    Case("alarm_in_the_cabinet", set_event(FRIDGE, unit="cabinet"), "events[0].unit",
         "input should be 'fridge' or 'freezer' (found \"cabinet\")", '"unit"'),
    Case("alarm_unit_in_capitals", set_event(FRIDGE, unit="Fridge"), "events[0].unit",
         "input should be 'fridge' or 'freezer' (found \"Fridge\"); did you mean 'fridge'?",
         '"unit"'),
    Case("alarm_reading_below_minus_90", set_event(FRIDGE, reading_c=-90.1),
         "events[0].reading_c", "input should be greater than or equal to -90 (found -90.1)",
         '"reading_c"'),
    Case("alarm_reading_above_50", set_event(FRIDGE, reading_c=50.1), "events[0].reading_c",
         "input should be less than or equal to 50 (found 50.1)", '"reading_c"'),
    Case("alarm_reading_as_true", set_event(FRIDGE, reading_c=True), "events[0].reading_c",
         "input should be a valid number (found true)", '"reading_c"'),
    Case("alarm_cleared_below_5", set_event(FRIDGE, cleared_after_minutes=4),
         "events[0].cleared_after_minutes",
         "input should be greater than or equal to 5 (found 4)", '"cleared_after_minutes"'),
    Case("alarm_cleared_above_240", set_event(FRIDGE, cleared_after_minutes=241),
         "events[0].cleared_after_minutes",
         "input should be less than or equal to 240 (found 241)", '"cleared_after_minutes"'),
    Case("alarm_in_a_unit_without_vaccines", no_freezer_vaccine, "events[0].unit",
         "no product in medications.products is kept in the freezer: an alarm there would "
         "change nothing (add the vaccines it holds)", '"unit"'),
    Case("alarm_without_any_products", set_at(("medications", "products"), []),
         "events[0].unit", "no product in medications.products is kept in the fridge: an "
         "alarm there would change nothing (add the vaccines it holds)", '"unit"'),
    Case("alarm_twice_in_one_unit", again(FRIDGE, at="14:00"), "events[4].unit",
         "a second fridge_alarm event for 'fridge': one a day for each unit", '"unit"'),
    # courier_change (the day's pickups are 12:00 and 16:00; the clinic is open 07:30-16:30)
    Case("courier_missing_to", drop(COURIER, "to"), "events[3].to",
         "missing: this field is required", "{"),
    Case("courier_pickup_not_a_time", set_event(COURIER, pickup="4pm"), "events[3].pickup",
         "'4pm' is not a time of day: use HH:MM from 00:00 to 23:59, two digits each on a "
         "24-hour clock: write '16:00' (found \"4pm\")", '"pickup"'),
    Case("courier_unknown_pickup", set_event(COURIER, pickup="15:00"), "events[3].pickup",
         "15:00 is not one of the courier's pickups (12:00, 16:00)", '"pickup"'),
    Case("courier_new_time_before_the_call", set_event(COURIER, to="12:30"), "events[3].to",
         "the new time 12:30 is not after 13:00, when the lab calls", '"to"'),
    Case("courier_new_time_at_the_call", set_event(COURIER, to="13:00"), "events[3].to",
         "the new time 13:00 is not after 13:00, when the lab calls", '"to"'),
    Case("courier_new_time_after_closing", set_event(COURIER, to="16:31"), "events[3].to",
         "16:31 is outside clinic hours (07:30 to 16:30)", '"to"'),
    Case("courier_call_at_the_pickup", set_event(COURIER, at="16:00", to="16:20"),
         "events[3].at", "the lab calls at 16:00, not before the 16:00 pickup it moves",
         '"at"'),
    Case("courier_new_time_is_the_old", set_event(COURIER, to="16:00"), "events[3].to",
         "the new time is the pickup's own (16:00)", '"to"'),
    Case("courier_moved_onto_the_pickup_before", set_event(COURIER, at="11:00", to="12:00"),
         "events[3].to", "12:00 would reach or pass the 12:00 pickup: a moved pickup keeps "
         "its place among the day's pickups", '"to"'),
    Case("courier_moved_past_the_pickup_after",
         set_event(COURIER, pickup="12:00", at="11:00", to="16:10"), "events[3].to",
         "16:10 would reach or pass the 16:00 pickup: a moved pickup keeps its place among "
         "the day's pickups", '"to"'),
    Case("courier_twice_for_one_pickup", again(COURIER, at="13:30", to="15:30"),
         "events[4].pickup", "a second courier_change event for '16:00': one a day for each "
         "pickup", '"pickup"'),
    # room_out_of_service
    Case("room_missing_reason", drop(ROOM, "reason"), "events[2].reason",
         "missing: this field is required", "{"),
    Case("room_empty_reason", set_event(ROOM, reason=""), "events[2].reason",
         "string should have at least 1 character (found \"\")", '"reason"'),
    Case("room_reason_on_two_lines", set_event(ROOM, reason="a leak\nover the table"),
         "events[2].reason", "character 7 is a line break (U+000A): this text must be one "
         "line (found \"a leak\\nover the table\")", '"reason"'),
    Case("room_unknown", set_event(ROOM, room="exam9"), "events[2].room",
         "unknown room 'exam9' (known: exam1, exam2, exam3, exam4); did you mean 'exam4'?",
         '"room"'),
    Case("room_back_before_it_closes", set_event(ROOM, until="10:59"), "events[2].until",
         "10:59 is not after 11:00, when the room goes out of service", '"until"'),
    Case("room_back_when_it_closes", set_event(ROOM, until="11:00"), "events[2].until",
         "11:00 is not after 11:00, when the room goes out of service", '"until"'),
    Case("room_the_only_room", one_room, "events[2].room", "the clinic has no other room: "
         "with its only room out of service nobody could be seen", '"room"'),
    Case("room_twice", again(ROOM, at="14:00", until=None), "events[4].room",
         "a second room_out_of_service event for 'exam1': one a day for each room", '"room"'),
    # Any kind, at clinic hours (07:30 to 16:30: an event at closing never happens).
    Case("room_at_closing", set_event(ROOM, at="16:30", until=None), "events[2].at",
         "16:30 is outside clinic hours (07:30 to 16:30): the event would never happen "
         "during the day", '"at"'),
    Case("alarm_before_opening", set_event(FRIDGE, at="07:29"), "events[0].at",
         "07:29 is outside clinic hours (07:30 to 16:30): the event would never happen "
         "during the day", '"at"'),
    Case("courier_call_after_closing",
         set_event(COURIER, pickup="16:00", at="16:45", to="16:50"), "events[3].at",
         "16:45 is outside clinic hours (07:30 to 16:30): the event would never happen "
         "during the day", '"at"'),
]


@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_each_problem_has_its_path_message_and_line(case: Case, tmp_path: Path) -> None:
    file, _ = write(tmp_path, case.edit)
    found = problems(file)
    here = [p for p in found if json_path(p.path) == case.path and p.message == case.message]
    assert here, [(json_path(p.path), p.message) for p in found]
    problem = here[0]
    assert problem.line is not None
    line = file.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert case.line in line, line


# Each reading against the CDC Vaccine Storage and Handling Toolkit's ranges: inside them
# (the ends included) is no alarm and is refused; just outside is an excursion, accepted.
READINGS = [("fridge", 2.0, False), ("fridge", 8.0, False), ("fridge", 5.0, False),
            ("fridge", 1.9, True), ("fridge", 8.1, True),
            ("freezer", -50.0, False), ("freezer", -15.0, False), ("freezer", -20.0, False),
            ("freezer", -50.1, True), ("freezer", -14.9, True)]


@pytest.mark.parametrize(("unit", "reading", "accepted"), READINGS, ids=[
    f"{CDC}: {u} {r} C {'accepted' if ok else 'refused'}" for u, r, ok in READINGS])
def test_an_alarm_reads_outside_the_cdc_storage_range(unit: str, reading: float,
                                                      accepted: bool, tmp_path: Path) -> None:
    file, d = write(tmp_path, freezer_alarm(reading) if unit == "freezer"
                    else set_event(FRIDGE, reading_c=reading))
    if accepted:
        assert played(load_scenario(file)) == events(d)
        return
    (problem,) = problems(file)
    low, high = (2, 8) if unit == "fridge" else (-50, -15)
    assert json_path(problem.path) == "events[0].reading_c"
    assert problem.message == (f"inside the {unit}'s storage range of {low} to {high} C (CDC): "
                               f"an alarm reads below {low} or above {high} C (found "
                               f"{json.dumps(reading)})")


ACCEPTED: list[tuple[str, Edit]] = [
    ("the shipped day", lambda d: None),
    ("late_minutes_5", set_event(LATE, minutes=5)),
    ("late_minutes_180", set_event(LATE, minutes=180)),
    ("late_without_a_reason", drop(LATE, "reason")),
    ("late_as_the_provider_starts", set_event(LATE, at="08:00")),
    ("late_in_the_provider_s_last_minute", set_event(LATE, at="15:59")),
    ("late_for_each_provider", again(LATE, provider="oyelaran", at="14:00")),
    ("alarm_cleared_after_5", set_event(FRIDGE, cleared_after_minutes=5)),
    ("alarm_cleared_after_240", set_event(FRIDGE, cleared_after_minutes=240)),
    ("alarm_never_cleared", drop(FRIDGE, "cleared_after_minutes")),
    ("alarm_reading_minus_90", set_event(FRIDGE, reading_c=-90)),
    ("alarm_reading_50", set_event(FRIDGE, reading_c=50)),
    ("alarm_in_each_unit", both(again(FRIDGE, at="14:00"), freezer_alarm(-12.5))),
    ("alarm_at_opening", set_event(FRIDGE, at="07:30")),
    ("alarm_in_the_last_minute", set_event(FRIDGE, at="16:29")),
    ("courier_later", set_event(COURIER, pickup="12:00", at="11:00", to="12:30")),
    ("courier_a_minute_after_the_pickup_before",
     set_event(COURIER, at="11:00", to="12:01")),
    ("courier_a_minute_before_the_pickup_after",
     set_event(COURIER, pickup="12:00", at="11:00", to="15:59")),
    ("courier_at_closing", set_event(COURIER, to="16:30")),
    ("courier_called_a_minute_before", set_event(COURIER, at="15:59", to="16:10")),
    ("courier_for_each_pickup", again(COURIER, pickup="12:00", at="09:00", to="11:00")),
    ("room_for_the_rest_of_the_day", drop(ROOM, "until")),
    ("room_back_a_minute_later", set_event(ROOM, until="11:01")),
    ("room_back_after_closing", set_event(ROOM, until="17:00")),
    ("room_for_each_room", again(ROOM, room="exam2", at="14:00", until=None)),
    ("no_events", set_at(("events",), [])),
]


@pytest.mark.parametrize("edit", [c[1] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_what_the_format_accepts_is_played_as_written(edit: Edit, tmp_path: Path) -> None:
    file, d = write(tmp_path, edit)
    assert played(load_scenario(file)) == events(d)


def _events(n: int) -> Edit:
    return set_at(("events",), [{"kind": "room_out_of_service", "at": "11:00",
                                 "room": "exam2", "reason": "a leak"}] * n)


def test_a_day_holds_at_most_event_limit_events(tmp_path: Path) -> None:
    file, _ = write(tmp_path, _events(EVENT_LIMIT + 1))
    (problem,) = problems(file)  # nothing about each entry: the list is refused whole
    assert json_path(problem.path) == "events"
    assert problem.message == (f"too many entries: at most {EVENT_LIMIT} are allowed "
                               f"(found {EVENT_LIMIT + 1})")
    file, _ = write(tmp_path, _events(EVENT_LIMIT))
    # At the limit the list is read: what is wrong is the same room closed again and again.
    paths = {json_path(p.path) for p in problems(file)}
    assert paths == {f"events[{i}].room" for i in range(1, EVENT_LIMIT)}


def test_an_unknown_provider_is_not_judged_while_the_providers_are_broken(
        tmp_path: Path) -> None:
    file, _ = write(tmp_path, both(set_at(("providers", 0, "exam_minutes"), "x"),
                                   set_event(LATE, provider="house")))
    assert [(json_path(p.path), p.message) for p in problems(file)] == [
        ("providers[0].exam_minutes", "input should be a valid integer (found \"x\")")]


def test_the_events_are_checked_even_when_another_part_is_broken(tmp_path: Path) -> None:
    file, _ = write(tmp_path, both(set_at(("patients", 0, "dob"), 5),
                                   set_event(ROOM, room="exam9"),
                                   set_event(FRIDGE, reading_c=4.0)))
    assert {json_path(p.path) for p in problems(file)} == {
        "patients[0].dob", "events[2].room", "events[0].reading_c"}


def test_the_shipped_rough_day_uses_every_kind() -> None:
    loaded = load_scenario(ROUGH)
    assert sorted(e.kind for e in loaded.scenario.events) == sorted(EVENT_KINDS)


def test_validate_prints_the_problem_with_its_line_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file, _ = write(tmp_path, set_event(LATE, kind="power_cut"))
    assert cli.main(["validate", str(file)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and out == ""
    (problem,) = problems(file)
    assert (f"{file}:{problem.line}: events[1]: unknown kind 'power_cut': use one of "
            f"{KINDS}") in err


def test_the_schema_lists_every_kind_and_the_limit() -> None:
    schema = scenario_schema()
    field = schema["properties"]["events"]
    assert field["maxItems"] == EVENT_LIMIT
    text = json.dumps(schema)
    for kind in EVENT_KINDS:
        assert f'"{kind}"' in text
    for words in ("inside clinic hours", "stay 'do not use' all day", "one of `courier.pickups`",
                  "without it, for the rest of the day"):
        assert words in text
