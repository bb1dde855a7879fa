"""`clinic-day schema --report`: the report's JSON Schema, its committed copy, and real reports
checked against that copy as a grading tool would check them."""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from game.report.schema import REPORT_SCHEMA_ID, Report, report_schema
from game.scenario.schema import schema_text
from tests.cli.test_cli import main
from tests.cli.test_log_fuzz import mutate, paths_of
from tests.fuzz_settings import examples

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "scenarios" / "report.schema.json"
REGENERATE = "clinic-day schema --report -o scenarios/report.schema.json"
# JSON Schema counts 2.0 as an integer where pydantic does not; no writer of reports puts a
# whole number as a float, so that one known difference is left out of the values tried.
JSONValue = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: not f.is_integer())
    | st.text(max_size=12) | st.sampled_from(["", "received", "A", "ma", "bot"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6)


def committed() -> dict[str, Any]:
    """The committed schema, parsed."""
    assert SCHEMA_FILE.is_file(), f"{SCHEMA_FILE.name} is missing: create it with `{REGENERATE}`"
    data: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return data


def test_committed_report_schema_is_current() -> None:
    current = report_schema()
    on_disk = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.is_file() else ""
    diff = list(difflib.unified_diff(on_disk.splitlines(), current.splitlines(),
                                     "committed", "from the model", lineterm="", n=1))
    assert on_disk == current, (
        f"scenarios/report.schema.json does not match the report model: regenerate it with "
        f"`{REGENERATE}`\n" + "\n".join(diff[:40]))


def test_schema_report_prints_the_report_schema() -> None:
    code, out, err = main("schema", "--report")
    assert code == 0, err
    data = json.loads(out)
    assert data["$id"] == REPORT_SCHEMA_ID and data["title"] == "Report"
    assert {"format_version", "score", "ledger", "patients", "digest"} <= set(data["properties"])
    assert "clinic" not in data["properties"]  # not the scenario format's schema
    assert out == report_schema()


def test_schema_without_report_is_still_the_scenario_format() -> None:
    code, out, _ = main("schema")
    assert code == 0
    assert out == schema_text()
    assert "clinic" in json.loads(out)["properties"]


@pytest.mark.parametrize("report_first", [True, False], ids=["report-first", "output-first"])
def test_schema_report_to_file(tmp_path: Path, report_first: bool) -> None:
    target = tmp_path / "report.schema.json"
    args = ["--report", "-o", str(target)] if report_first else ["-o", str(target), "--report"]
    code, out, err = main("schema", *args)
    assert code == 0, err
    assert out.strip() == f"wrote {target}"
    assert target.read_text(encoding="utf-8") == report_schema()


def test_schema_report_to_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "report.schema.json"
    code, out, err = main("schema", "--report", "-o", str(target))
    assert code == 1
    assert f"cannot write {target}" in err and "Traceback" not in err
    assert out == ""


@pytest.fixture(scope="module")
def real_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("report") / "day.json"
    code, _, err = main("run", "short_morning", "--policy", "reference", "--report", str(out))
    assert code == 0, err
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def problems(report: dict[str, Any]) -> list[str]:
    """Every way a report breaks the committed schema, as `path: message`."""
    validator = Draft202012Validator(committed())
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in sorted(validator.iter_errors(report), key=str)]


def test_committed_schema_is_a_valid_schema() -> None:
    Draft202012Validator.check_schema(committed())


def test_a_real_report_validates_against_the_committed_schema(
        real_report: dict[str, Any]) -> None:
    found = problems(real_report)
    assert found == [], (
        "a report written by `clinic-day run short_morning --policy reference` breaks "
        f"scenarios/report.schema.json (if the model changed, regenerate it with "
        f"`{REGENERATE}`):\n" + "\n".join(found[:20]))
    assert real_report["ledger"] and real_report["patients"]  # a day that happened, not empty


def test_the_schema_rejects_a_report_a_grader_should_not_trust(
        real_report: dict[str, Any]) -> None:
    missing = {k: v for k, v in real_report.items() if k != "digest"}
    assert any("'digest' is a required property" in p for p in problems(missing))
    assert any("Additional properties" in p for p in problems({**real_report, "bonus": 5}))
    too_high = {**real_report, "score": {**real_report["score"], "total": 101}}
    assert any(p.startswith("score/total:") for p in problems(too_high))


def model_accepts(report: Any) -> bool:
    """Whether the game's own report model takes this JSON as it stands (no coercion)."""
    try:
        Report.model_validate_json(json.dumps(report), strict=True)
    except ValidationError:
        return False
    return True


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), new=JSONValue)
def test_the_schema_and_the_model_agree_on_a_mutated_report(
        real_report: dict[str, Any], data: st.DataObject, how: str, new: Any) -> None:
    # A grader's tool that checks reports with the schema accepts exactly what the game would.
    report = json.loads(json.dumps(real_report))
    path = data.draw(st.sampled_from(paths_of(report)))
    mutated = mutate(report, path, how, new)
    found = problems(mutated)
    assert (found == []) == model_accepts(mutated), (path, how, new, found[:3])
