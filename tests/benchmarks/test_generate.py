"""The benchmark generator makes valid, deterministic days with a team and realistic visits."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.clinical.vitals import Reading, abnormal_signs, age_on, crisis_reasons
from game.scenario.checks import cross_check
from game.scenario.load import load_scenario
from game.scenario.models import Scenario
from game.scenario.types import seconds
from tests.benchmarks import generate
from tests.benchmarks.generate import LUNCH, MINUTES, generate_day
from tests.fuzz_settings import examples


def valid(data: dict[str, Any]) -> Scenario:
    """The day as the game's loader sees it; fails with every problem it finds."""
    scenario = Scenario.model_validate_json(json.dumps(data), strict=True)
    assert cross_check(scenario) == []
    return scenario


def test_the_large_practice_is_valid_with_ten_player_directed_mas(tmp_path: Path) -> None:
    assert generate.main(["200", "10", str(tmp_path / "big.json"), "--mas", "10"]) == 0
    s = load_scenario(tmp_path / "big.json").scenario
    assert len(s.patients) == 200 and len(s.providers) == 10
    assert len(s.clinic.rooms) == 12  # the format's cap, not the 40 that 4 per provider want
    staff = s.clinic.staff or []
    assert [m.role for m in staff] == ["ma"] * 10
    assert {m.controlled_by for m in staff} == {"player"}
    assert len({m.name for m in staff}) == len({m.id for m in staff}) == 10


def test_staff_is_written_for_a_team_or_when_asked() -> None:
    assert "staff" not in generate_day(20, 1)["clinic"]
    assert [m["id"] for m in generate_day(20, 1, staff=True)["clinic"]["staff"]] == ["ma1"]
    assert len(generate_day(20, 2, mas=3)["clinic"]["staff"]) == 3
    assert "staff" not in generate_day(20, 2, mas=1, staff=False)["clinic"]


def test_the_same_arguments_make_the_same_day_and_another_seed_another() -> None:
    assert generate_day(120, 4, 7, mas=4) == generate_day(120, 4, 7, mas=4)
    assert generate_day(120, 4, 7)["patients"] != generate_day(120, 4, 8)["patients"]


def test_visits_keep_the_calendar_lengths_of_the_shipped_days() -> None:
    s = valid(generate_day(200, 10, mas=10))
    assert {v.id: v.minutes for v in s.visit_types} == MINUTES
    assert {p.exam_minutes for p in s.providers} <= {15, 16, 17, 18}
    for prov in s.providers:
        mine = sorted((seconds(p.appointment.time), p.appointment.visit_type)
                      for p in s.patients if p.appointment.provider == prov.id)
        assert 15 <= len(mine) <= 25
        for (t, visit), (nxt, _) in itertools.pairwise(mine):
            assert nxt - t >= MINUTES[visit] * 60, (prov.id, t, visit)  # no double booking
        for t, visit in mine:
            assert t % 300 == 0  # on the five-minute marks of a real schedule
            assert not (t + MINUTES[visit] * 60 > LUNCH[0] * 60 and t < LUNCH[1] * 60)
            assert seconds(prov.start) <= t and t + MINUTES[visit] * 60 <= seconds(prov.end)


def test_an_overfull_list_is_double_booked_inside_the_hours_with_shorter_exams() -> None:
    s = valid(generate_day(600, 2))
    assert all(5 <= p.exam_minutes < 15 for p in s.providers)
    for p in s.patients:
        t = seconds(p.appointment.time)
        assert seconds("08:00") <= t <= seconds("16:45")
        assert not LUNCH[0] * 60 <= t < LUNCH[1] * 60


def _shifted(r: Reading, name: str, by: float) -> Reading:
    """The reading with one value moved, rounded as the device rounds it."""
    values = {k: getattr(r, k) for k in ("systolic", "diastolic", "pulse", "resp", "temp_f",
                                         "spo2", "weight_lb", "height_in")}
    values[name] = values[name] + by
    for k in ("systolic", "diastolic", "pulse", "resp", "spo2"):
        values[k] = round(values[k])
    values["temp_f"] = round(values["temp_f"], 1)
    values["diastolic"] = min(values["diastolic"], values["systolic"] - 10)
    values["spo2"] = min(100, values["spo2"])
    return Reading(**values)


def test_a_normal_reading_stays_normal_and_an_abnormal_one_abnormal_on_the_device() -> None:
    from game.sim.rules.vitals_device import SPREAD

    s = valid(generate_day(2000, 10, seed=3))
    kinds = {"normal": 0, "abnormal": 0, "crisis": 0, "children": 0}
    for p in s.patients:
        v, age = p.vitals, age_on(p.dob, s.date)
        true = Reading(v.systolic, v.diastolic, v.pulse, v.resp, v.temp_f, v.spo2,
                       v.weight_lb, v.height_in)
        flagged, crisis = bool(abnormal_signs(true, age, p.sex)), bool(crisis_reasons(true, age))
        kinds["crisis" if crisis else "abnormal" if flagged else "normal"] += 1
        kinds["children"] += age < 16
        if age < 16:
            assert not flagged, (p.id, age, true)
        for name, sd in SPREAD.items():
            if name == "weight_lb":
                continue
            # 2.5 standard deviations of the device's spread either way (99% of readings):
            # a 10-year-old's normal systolic band (PALS 90 to AAP 108) is only 18 mmHg wide.
            for by in (-2.5 * sd, 2.5 * sd):
                seen = _shifted(true, name, by)
                assert bool(abnormal_signs(seen, age, p.sex)) == flagged, (p.id, name, by)
                assert bool(crisis_reasons(seen, age)) == crisis, (p.id, name, by)
    assert min(kinds.values()) > 0, kinds


@pytest.mark.parametrize("argv, message", [
    (["5", "1", "{out}", "--mas", "21"], "MAs must be between 1 and 20"),
    (["5", "1", "{out}", "--mas", "2", "--no-staff"], "more than one MA needs clinic.staff"),
    (["5", "11", "{out}"], "providers must be between 1 and 10"),
    (["2001", "1", "{out}"], "patients must be between 0 and 2000"),
    (["5", "1", "{out}", "--calls", "501"], "calls must be between 0 and 500"),
    (["5", "1", "{out}", "--walk-ins", "-1"], "walk-ins must be between 0 and 200"),
])
def test_bad_arguments_say_what_is_wrong(argv: list[str], message: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "day.json"
    assert generate.main([a.format(out=out) for a in argv]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_output_is_a_message(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert generate.main(["5", "1", str(tmp_path / "no" / "such" / "day.json")]) == 1
    assert "cannot write" in capsys.readouterr().err


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(patients=st.integers(0, 400), providers=st.integers(1, 10), mas=st.integers(1, 20),
       seed=st.integers(0, 2**31), staff=st.sampled_from([None, True]))
def test_any_size_of_day_is_valid(patients: int, providers: int, mas: int, seed: int,
                                  staff: bool | None) -> None:
    s = valid(generate_day(patients, providers, seed, mas, staff))
    assert len(s.patients) == patients
    assert len(s.clinic.staff or [None]) == mas


def test_a_day_with_calls_and_walk_ins_is_valid_and_has_every_kind(tmp_path: Path) -> None:
    out = tmp_path / "phone.json"
    assert generate.main(["30", "3", str(out), "--calls", "100", "--walk-ins", "20"]) == 0
    s = load_scenario(out).scenario
    calls = s.phone.calls
    assert len(calls) == 100 and len({c.id for c in calls}) == 100
    assert {c.kind for c in calls} == {"appointment", "reschedule", "cancel", "refill",
                                       "result", "third_party", "red_flag"}
    assert {c.channel for c in calls} == {"phone", "portal"}
    charts = {c.id: c for c in s.charts}
    for c in calls:
        if c.kind in ("reschedule", "cancel"):
            visit = charts[c.patient].next_visit
            assert visit is not None and visit.date.weekday() < 5  # a day the clinic books
    relations = {c.caller.relation for c in calls if c.kind == "third_party"}
    assert relations == {"sibling", "spouse", "pharmacy"}  # allowed, not allowed, treatment
    walk_ins = [p for p in s.patients if p.walk_in is not None]
    assert len(walk_ins) == 20 and len(s.patients) == 50
    flags = [p.walk_in.red_flag for p in walk_ins if p.walk_in is not None]
    assert 0 < sum(f is not None for f in flags) < 20


def test_calls_and_walk_ins_leave_the_rest_of_the_day_as_it_was() -> None:
    plain, busy = generate_day(30, 3, 4), generate_day(30, 3, 4, calls=40, walk_ins=5)
    assert busy["patients"][:30] == plain["patients"]
    assert generate_day(30, 3, 4, calls=0, walk_ins=0) == plain
    assert generate_day(30, 3, 4, calls=40, walk_ins=5) == busy


@settings(max_examples=examples(10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(patients=st.integers(0, 60), providers=st.integers(1, 10), calls=st.integers(0, 500),
       walk_ins=st.integers(0, 200), seed=st.integers(0, 2**31))
def test_any_number_of_calls_and_walk_ins_is_valid(patients: int, providers: int, calls: int,
                                                   walk_ins: int, seed: int) -> None:
    s = valid(generate_day(patients, providers, seed, calls=calls, walk_ins=walk_ins))
    assert len(s.phone.calls) == calls
    assert sum(p.walk_in is not None for p in s.patients) == walk_ins
