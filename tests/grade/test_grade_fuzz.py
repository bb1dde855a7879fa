"""`clinic-day grade` over folders of changed logs and odd files: every file is a row, the
gradebook is written, and nothing ends in a traceback."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.test_cli import main
from tests.fuzz_settings import examples
from tests.scenario.fuzz_days import json_values, paths_in


@pytest.fixture(scope="module")
def good_log(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("log") / "log.json"
    assert main("run", "short_morning", "--policy", "reference", "--log", str(path))[0] == 0
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def set_at(data: Any, where: tuple[str | int, ...], value: Any) -> Any:
    if not where:
        return value
    inner = data[where[0]]
    data[where[0]] = set_at(inner, where[1:], value)
    return data


def grade_folder(files: dict[str, bytes]) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        for name, raw in files.items():
            (Path(folder) / name).write_bytes(raw)
        out = Path(folder) / "out" / "g.csv"
        code, _, err = main("grade", folder, "--jobs", "1", "--csv", str(out),
                            "--html", str(Path(folder) / "out" / "c.html"))
        assert code == 0, err
        assert "Traceback" not in err
        return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_a_changed_log_is_a_row_saying_why(good_log: dict[str, Any], data: st.DataObject) -> None:
    log = json.loads(json.dumps(good_log))
    where = data.draw(st.sampled_from(paths_in(log)))
    value = data.draw(json_values("reference", "window", "short_morning", 27000, 1))
    changed = set_at(log, where, value)
    rows = grade_folder({"changed.json": json.dumps(changed).encode()})
    assert len(rows) == 1
    row = rows[0]
    # Either it could not be graded and says why, or it was replayed and judged.
    assert row["problem"] or row["verified"] in ("yes", "no")


@settings(max_examples=examples(30), deadline=None)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_in_the_folder_are_a_row(raw: bytes) -> None:
    rows = grade_folder({"odd.json": raw})
    assert len(rows) == 1 and rows[0]["problem"]
