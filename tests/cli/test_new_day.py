"""The generator behind `clinic-day new` (and the benchmarks' large days): its shipped lists,
healthy readings clear of every threshold, a schedule a practice would book, calls and
walk-ins of every kind, and a valid day at any size the format allows."""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.clinical.vitals import Reading, abnormal_signs, age_on, crisis_reasons
from game.newday import generate
from game.newday.day import build
from game.newday.lists import ListsError, load_lists
from game.newday.readings import healthy_age, limits
from game.newday.schedule import LUNCH
from game.paths import PACKAGE
from game.scenario.checks import cross_check
from game.scenario.models import Scenario
from game.scenario.types import seconds
from game.sim.rules.vitals_device import SPREAD, true_reading
from tests.fuzz_settings import examples
from tests.scenario.fuzz_days import json_values, paths_in

DATA = PACKAGE / "newday" / "data"


def valid(data: dict[str, Any]) -> Scenario:
    """The day as the game's loader sees it; fails with every problem it finds."""
    scenario = Scenario.model_validate_json(json.dumps(data), strict=True)
    assert cross_check(scenario) == []
    return scenario


def test_the_shipped_lists_load_and_name_enough_people_for_the_format() -> None:
    lists = load_lists()
    people = lists.people
    assert len(people.providers) == 10 and len(people.mas) == 20
    assert len(people.first_names) * len(people.last_names) >= 1000
    assert len(set(people.first_names)) == len(people.first_names)


@pytest.mark.parametrize("file, text, message", [
    ("people", "{", "people.json:1: not JSON"),
    ("visits", '{"about": "", "visit_types": [], "reasons": []}',
     "visits.json: visit_types: List should have at least 1 item"),
    ("traps", None, "traps.json: allergy_vaccines[0].code: Value error, 'PPD' is not a "
                    "vaccine of the catalogue"),
])
def test_damaged_lists_name_the_file_and_the_place(file: str, text: str | None, message: str,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    if text is None:
        data = json.loads((folder / f"{file}.json").read_text(encoding="utf-8"))
        data["allergy_vaccines"][0]["code"] = "PPD"
        text = json.dumps(data)
    (folder / f"{file}.json").write_text(text, encoding="utf-8")
    with pytest.raises(ListsError) as caught:
        load_lists(folder)
    assert message in str(caught.value)


@settings(max_examples=examples(20), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_change_to_a_list_file_loads_or_says_where(data: st.DataObject) -> None:
    file = data.draw(st.sampled_from(sorted(DATA.glob("*.json"))))
    content = json.loads(file.read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(paths_in(content)))
    node = content
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = data.draw(json_values("CBC", "HEPB_ADULT", "follow_up", "13:00"))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "data"
        shutil.copytree(DATA, folder)
        (folder / file.name).write_text(json.dumps(content), encoding="utf-8")
        try:
            lists = load_lists(folder)
        except ListsError as exc:
            assert str(exc).startswith(file.name), str(exc)
            return
    # What the lists allow, the format allows: a day drawn from them is valid.
    valid(build(8, 2, 1, "challenging", 1, calls=8, walk_ins=2, lists=lists).data)


@pytest.mark.parametrize("years, systolic, diastolic, source", [
    (6, (82, 104), (None, 65), "PALS 70 + 2 x 6 years; AAP 2017 Table 6, age 6: 105/66"),
    (10, (90, 107), (None, 71), "PALS 90 from 10 years; AAP 2017 Table 6, age 10: 108/72"),
    (12, (90, 112), (None, 74), "PALS 90; AAP 2017 Table 6, age 12, lower of boys' 113/75"),
    (13, (90, 119), (60, 79), "AHA/ACC 2017 from 13 years (AAP): normal under 120/80; "
                              "AHA hypotension under 90/60"),
])
def test_the_normal_limits_are_the_clinical_tables(years: int, systolic: tuple[int, int],
                                                   diastolic: tuple[int | None, int],
                                                   source: str) -> None:
    lim = limits(years)
    assert (lim.systolic, lim.diastolic) == (systolic, diastolic), source


@pytest.mark.parametrize("years, drawn, why", [
    (3, True, "PALS 76 to AAP 101 systolic: 25 mmHg of room"),
    (8, True, "PALS 86 to AAP 107: 21 mmHg, 3.5 device spreads each side"),
    (9, False, "PALS 88 to AAP 107: 19 mmHg"),
    (10, False, "PALS 90 to AAP 108: 18 mmHg"),
    (11, False, "PALS 90 to AAP 110: 20 mmHg"),
    (12, True, "PALS 90 to AAP 113: 23 mmHg"),
    (16, True, "adult: 90 to 120"),
])
def test_children_are_drawn_only_at_ages_with_room_for_the_device(years: int, drawn: bool,
                                                                  why: str) -> None:
    assert healthy_age(years) is drawn, why


def _shifted(r: Reading, name: str, by: float) -> Reading:
    """The reading with one value moved, rounded and clamped as the device does it."""
    values = {k: getattr(r, k) for k in ("systolic", "diastolic", "pulse", "resp", "temp_f",
                                         "spo2", "weight_lb", "height_in")}
    values[name] = values[name] + by
    for k in ("systolic", "diastolic", "pulse", "resp", "spo2"):
        values[k] = round(values[k])
    values["temp_f"] = round(values["temp_f"], 1)
    values["diastolic"] = min(values["diastolic"], values["systolic"] - 10)
    values["spo2"] = min(100, values["spo2"])
    return Reading(**values)


def test_healthy_readings_stay_healthy_and_a_crisis_a_crisis_on_any_device_reading() -> None:
    s = valid(generate(1500, 10, 20, "challenging", 3))
    kinds = {"healthy": 0, "crisis": 0, "children": 0}
    for p in s.patients:
        age = age_on(p.dob, s.date)
        truth = true_reading(p)
        crisis = bool(crisis_reasons(truth, age))
        kinds["crisis" if crisis else "healthy"] += 1
        kinds["children"] += age < 16
        assert not abnormal_signs(truth, age, p.sex) - ({"bp"} if crisis else set()), p.id
        for name, sd in SPREAD.items():
            if name == "weight_lb":
                continue
            for by in (-3.5 * sd, 3.5 * sd):  # 99.95% of the devices' readings either way
                seen = _shifted(truth, name, by)
                assert bool(abnormal_signs(seen, age, p.sex)) == crisis, (p.id, name, by)
                assert bool(crisis_reasons(seen, age)) == crisis, (p.id, name, by)
    assert kinds["crisis"] == 1 and kinds["children"] > 40, kinds


def test_a_day_within_the_command_s_limits_is_booked_as_a_practice_books_it() -> None:
    s = valid(generate(110, 5, 6, "standard", 2))
    minutes = {v.id: v.minutes for v in s.visit_types}
    for prov in s.providers:
        mine = sorted((seconds(p.appointment.time), p.appointment.visit_type)
                      for p in s.patients if p.appointment.provider == prov.id)
        assert 20 <= len(mine) <= 24
        for (t, visit), (nxt, _) in itertools.pairwise(mine):
            assert nxt - t >= minutes[visit] * 60, (prov.id, t, visit)  # no double booking
        for t, visit in mine:
            assert t % 300 == 0  # on the five-minute marks of a real schedule
            assert not (t + minutes[visit] * 60 > LUNCH[0] * 60 and t < LUNCH[1] * 60)
            assert seconds(prov.start) <= t and t + minutes[visit] * 60 <= seconds(prov.end)
        afternoon = [t for t, _ in mine if t >= LUNCH[1] * 60]
        assert len(afternoon) >= len(mine) // 3  # the afternoon is booked too
    assert {p.exam_minutes for p in s.providers} <= {15, 16, 17, 18}


def test_an_overfull_list_is_double_booked_inside_the_hours_with_shorter_exams() -> None:
    s = valid(generate(600, 2, 1, "introductory", 1))
    assert all(5 <= p.exam_minutes < 15 for p in s.providers)
    for p in s.patients:
        t = seconds(p.appointment.time)
        assert seconds("08:00") <= t <= seconds("16:45")
        assert not LUNCH[0] * 60 <= t < LUNCH[1] * 60


def test_a_challenging_phone_has_every_kind_of_call_and_caller() -> None:
    s = valid(generate(30, 3, 3, "challenging", 0, calls=100, walk_ins=20))
    calls = s.phone.calls
    assert len(calls) == 101 and len({c.id for c in calls}) == 101  # and the spouse's call
    assert {c.kind for c in calls} == {"appointment", "reschedule", "cancel", "refill",
                                       "result", "third_party", "red_flag"}
    assert {c.channel for c in calls} == {"phone", "portal"}
    assert {c.caller.relation for c in calls if c.kind == "third_party"} == {
        "sibling", "spouse", "pharmacy"}
    charts = {c.id: c for c in s.charts}
    for c in calls:
        if c.kind in ("reschedule", "cancel"):
            visit = charts[c.patient].next_visit
            assert visit is not None and visit.date.weekday() < 5  # a day the clinic books
    walk_ins = [p for p in s.patients if p.walk_in is not None]
    assert len(walk_ins) == 21 and 1 < sum(p.walk_in.red_flag is not None
                                           for p in walk_ins if p.walk_in) < 21


@pytest.mark.parametrize("difficulty, kinds, relations", [
    ("introductory", {"appointment", "reschedule", "cancel", "refill", "result"}, {"self"}),
    ("standard", {"appointment", "reschedule", "cancel", "refill", "result", "third_party"},
     {"self", "parent", "sibling", "pharmacy"}),
])
def test_an_easier_phone_has_only_the_callers_of_its_difficulty(
        difficulty: str, kinds: set[str], relations: set[str]) -> None:
    s = valid(generate(12, 2, 2, difficulty, 0, calls=60, walk_ins=8))  # type: ignore[arg-type]
    assert {c.kind for c in s.phone.calls} == kinds
    assert {c.caller.relation for c in s.phone.calls} == relations
    assert all(c.caller.dob_given is None for c in s.phone.calls)


def test_no_two_people_share_a_name_but_the_pair_the_difficulty_asks_for() -> None:
    s = valid(generate(40, 2, 2, "standard", 6, calls=60, walk_ins=10))
    people = [(p.name.first, p.name.last) for p in s.patients] + \
        [(c.name.first, c.name.last) for c in s.charts]
    assert len(people) - len(set(people)) == 1


def test_calls_and_walk_ins_leave_the_rest_of_the_day_as_it_was() -> None:
    plain = generate(30, 3, 2, "challenging", 4)
    busy = generate(30, 3, 2, "challenging", 4, calls=40, walk_ins=5)
    assert busy["patients"][:31] == plain["patients"]
    assert generate(30, 3, 2, "challenging", 4, calls=40, walk_ins=5) == busy


def test_the_large_practice_has_ten_player_directed_mas_in_the_format_s_twelve_rooms() -> None:
    s = valid(generate(200, 10, 10, "challenging", 0))
    assert len(s.clinic.rooms) == 12  # the format's cap, not the 40 that 4 per provider want
    staff = s.clinic.staff or []
    assert [(m.role, m.controlled_by) for m in staff] == [("ma", "player")] * 10
    assert len({m.name for m in staff}) == 10


@pytest.mark.parametrize("args, message", [
    ((2001, 1, 1), "patients must be between 0 and 2000"),
    ((5, 11, 1), "providers must be between 1 and 10"),
    ((5, 1, 21), "MAs must be between 1 and 20"),
])
def test_numbers_the_format_refuses_are_named(args: tuple[int, int, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate(*args, "standard", 1)


@settings(max_examples=examples(10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(patients=st.integers(0, 300), providers=st.integers(1, 10), mas=st.integers(1, 20),
       difficulty=st.sampled_from(["introductory", "standard", "challenging"]),
       seed=st.integers(0, 2**31), calls=st.integers(0, 120), walk_ins=st.integers(0, 40))
def test_any_size_the_format_allows_is_a_valid_day(patients: int, providers: int, mas: int,
                                                   difficulty: str, seed: int, calls: int,
                                                   walk_ins: int) -> None:
    s = valid(generate(patients, providers, mas, difficulty, seed,  # type: ignore[arg-type]
                       calls=calls, walk_ins=walk_ins))
    assert len([p for p in s.patients if p.walk_in is None]) == patients
    assert len(s.phone.calls) == calls + (difficulty == "challenging" and patients > 0)
