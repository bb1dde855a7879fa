"""Bad phone, chart and walk-in sections: each problem with its JSON path and its message, as
`clinic-day validate` shows them."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.scenario.errors import InputError, Problem, json_path
from game.scenario.load import load_scenario
from tests.cli.test_cli import main
from tests.sim.phone_day import call, chart, fixture

Edit = Callable[[dict[str, Any]], None]
KNOWN = ("c-kid, c-ruiz, s01-nakamura, s02-okeefe, s03-adeyemi, s04-castillo, s05-fischer, "
         "w-walkin")


def calls(data: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = data["phone"]["calls"]
    return result


def set_call(i: int, **fields: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        calls(data)[i].update(fields)
    return edit


def drop_call_key(i: int, key: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        del calls(data)[i][key]
    return edit


def add_call(**fields: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        calls(data).append(call(**fields))
    return edit


def set_at(path: tuple[str | int, ...], value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return edit


def rate(start: str, end: str, pool_id: str = "ask") -> Edit:
    def edit(data: dict[str, Any]) -> None:
        entry = {k: v for k, v in call("x", "08:00").items() if k not in ("id", "time")}
        data["phone"]["rate"] = {"per_hour": 4, "start": start, "end": end,
                                 "pool": [entry | {"id": pool_id}]}
    return edit


def add_chart(**fields: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        data["charts"].append(chart("c-new", "Lior", "Abend", "1970-01-01", "MRN-9300")
                              | fields)
    return edit


@dataclass(frozen=True)
class Case:
    """One broken day and the problem the author must read."""

    id: str
    edit: Edit
    path: str
    message: str  # the whole message, exactly
    line: str  # text on the line the problem points at
    bug: str = ""  # a known defect: the case is expected to fail until it is fixed


CASES = [
    Case("unknown_patient", set_call(0, patient="nobody"), "phone.calls[0].patient",
         f"unknown patient or chart 'nobody' (known: {KNOWN})", '"patient"'),
    Case("reschedule_without_next_visit", set_call(3, patient="c-kid"),
         "phone.calls[3].patient", "a reschedule call needs a chart (in 'charts') with a "
         "next_visit to move or cancel", '"patient"'),
    Case("cancel_for_a_patient_of_today",
         add_call(cid="cancel9", time="10:30", kind="cancel", patient="s01-nakamura"),
         "phone.calls[5].patient", "a cancel call needs a chart (in 'charts') with a "
         "next_visit to move or cancel", '"patient"'),
    Case("refill_without_medication", drop_call_key(0, "medication"), "phone.calls[0]",
         "a refill call needs 'medication'", "{"),
    Case("red_flag_kind_without_red_flag", drop_call_key(2, "red_flag"), "phone.calls[2]",
         "'red_flag' is given exactly for a red_flag call", "{"),
    Case("red_flag_on_another_kind", set_call(1, red_flag="chest_pain"), "phone.calls[1]",
         "'red_flag' is given exactly for a red_flag call", "{"),
    Case("appointment_without_wants",
         add_call(cid="appt9", time="10:30", kind="appointment", patient="c-ruiz"),
         "phone.calls[5]", "an appointment call needs 'wants' (the visit they ask for)", "{"),
    Case("call_after_closing", set_call(0, time="12:01"), "phone.calls[0].time",
         "12:01 is outside clinic hours (07:30 to 12:00)", '"time"'),
    Case("call_before_opening", set_call(4, time="07:29"), "phone.calls[4].time",
         "07:29 is outside clinic hours (07:30 to 12:00)", '"time"'),
    Case("duplicate_call_id", set_call(1, id="refill1"), "phone.calls[1].id",
         "call id 'refill1' is used more than once", '"id": "refill1"'),
    Case("rate_end_before_start", rate("10:00", "09:00"), "phone.rate.end",
         "09:00 is not after start 10:00", '"end"'),
    Case("rate_end_equal_to_start", rate("10:00", "10:00"), "phone.rate.end",
         "10:00 is not after start 10:00", '"end"'),
    Case("pool_id_is_a_call_id", rate("08:00", "11:00", "spouse1"), "phone.rate.pool[0].id",
         "pool id 'spouse1' is also a call's id", '"id": "spouse1"'),
    Case("portal_message_from_a_spouse", set_call(1, channel="portal"), "phone.calls[1]",
         "a portal message comes from the patient's own account (caller relation self, or a "
         "parent or guardian's proxy account)", "{"),
    Case("chart_id_is_a_patient_id", set_at(("charts", 1, "id"), "s01-nakamura"),
         "charts[1].id", "chart id 's01-nakamura' is also a patient's id: a call could not "
         "say whose chart it means", '"id": "s01-nakamura"'),
    Case("chart_mrn_of_a_patient", set_at(("charts", 1, "mrn"), "MSF-200114"),
         "charts[1].mrn", "MRN MSF-200114 belongs to more than one patient or chart",
         '"mrn"'),
    Case("chart_mrn_of_another_chart", add_chart(mrn="MRN-9001"), "charts[2].mrn",
         "MRN MRN-9001 belongs to more than one patient or chart", '"mrn"'),
    Case("next_visit_before_the_day", set_at(("charts", 0, "next_visit", "date"),
                                             "2026-12-01"),
         "charts[0].next_visit.date", "the next visit 2026-12-01 is not after 2026-12-02",
         '"date"'),
    Case("next_visit_on_the_day", set_at(("charts", 0, "next_visit", "date"), "2026-12-02"),
         "charts[0].next_visit.date", "the next visit 2026-12-02 is not after 2026-12-02",
         '"date"'),
    Case("next_visit_unknown_provider", set_at(("charts", 0, "next_visit", "provider"),
                                               "house"),
         "charts[0].next_visit.provider", "unknown provider 'house' (known: okafor)",
         '"provider"'),
    Case("walk_in_arriving_late", set_at(("patients", 5, "arrival"), {"kind": "late"}),
         "patients[5].arrival.kind", "a walk-in arrives at the appointment time: its arrival "
         "kind must be on_time, not late", '"kind"'),
]


def write(tmp_path: Path, edit: Edit, name: str = "day.json") -> Path:
    data = fixture()
    edit(data)
    file = tmp_path / name
    file.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return file


def problems(file: Path) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_scenario(file)
    return info.value.problems


@pytest.mark.parametrize("case", [
    pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c.bug)) if c.bug else c
    for c in CASES], ids=[c.id for c in CASES])
def test_each_problem_has_its_path_message_and_line(case: Case, tmp_path: Path) -> None:
    file = write(tmp_path, case.edit)
    found = {json_path(p.path): p for p in problems(file)}
    assert case.path in found, sorted((k, p.message) for k, p in found.items())
    problem = found[case.path]
    assert problem.message == case.message
    assert problem.line is not None
    line = file.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert case.line in line, line


def test_a_duplicate_call_id_is_named_at_both_calls(tmp_path: Path) -> None:
    file = write(tmp_path, set_call(1, id="refill1"))
    paths = sorted(json_path(p.path) for p in problems(file))
    assert paths == ["phone.calls[0].id", "phone.calls[1].id"]


def _on_sunday(data: dict[str, Any]) -> None:
    data["charts"][0]["next_visit"]["date"] = "2026-12-20"


def test_a_next_visit_on_a_closed_weekday_is_a_problem(tmp_path: Path) -> None:
    (problem,) = problems(write(tmp_path, _on_sunday))
    assert json_path(problem.path) == "charts[0].next_visit.date"
    assert problem.message == ("2026-12-20 is a Sunday: the calendar books only on mon, tue, "
                               "wed, thu, fri")


def test_the_fixture_itself_is_valid() -> None:
    assert load_scenario(Path(__file__).resolve().parents[1] / "fixtures" /
                         "phone_morning.json").scenario.phone.calls


def test_validate_prints_the_problem_with_its_line_and_exits_1(tmp_path: Path,
                                                              capsys: Any) -> None:
    file = write(tmp_path, set_call(0, patient="nobody"))
    assert cli.main(["validate", str(file)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and out == ""
    (problem,) = problems(file)
    assert f"{file}:{problem.line}: phone.calls[0].patient: unknown patient or chart " \
           f"'nobody' (known: {KNOWN})" in err
    assert "1 of 1 file(s) have problems" in err


def test_run_refuses_the_broken_day_without_a_traceback(tmp_path: Path) -> None:
    file = write(tmp_path, rate("10:00", "09:00"))
    code, out, err = main("run", str(file), "--policy", "reference")
    assert code == 1 and "Traceback" not in out + err
    assert "phone.rate.end: 09:00 is not after start 10:00" in err
