"""Bad scenario files: each problem is reported with file, JSON path and line, no traceback."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.scenario.errors import InputError, Problem, json_path
from game.scenario.load import MAX_BYTES, load_scenario

ROOT = Path(__file__).resolve().parents[2]
BASE_FILE = ROOT / "scenarios" / "short_morning.json"
WHOLE_FILE = "(the whole file)"
ANY_LINE = object()  # the problem must carry some line number


def base() -> dict[str, Any]:
    """A fresh copy of a valid scenario to break."""
    return json.loads(BASE_FILE.read_text(encoding="utf-8"))


def base_text() -> str:
    """The valid scenario as pretty JSON, one key per line."""
    return json.dumps(base(), indent=2, ensure_ascii=False)


def put(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation that sets the value at path."""
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return mutate


def drop(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    """A mutation that deletes the key at path."""
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]
    return mutate


def copy_from(src: tuple[str | int, ...], dst: tuple[str | int, ...]):
    """A mutation that copies one value over another (to make duplicates)."""
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in src:
            node = node[part]
        put(dst, copy.deepcopy(node))(data)
    return mutate


def trailing_comma() -> bytes:
    lines = base_text().splitlines()
    i = next(n for n, line in enumerate(lines) if line.strip() == '"name": "Exam 1"')
    lines[i] += ","
    return "\n".join(lines).encode("utf-8")


def latin1() -> bytes:
    return base_text().replace('"Kenji"', '"René"').encode("latin-1")


def duplicate_key() -> bytes:
    return base_text().replace('"title":', '"id": "again",\n  "title":', 1).encode("utf-8")


def huge() -> bytes:
    data = base()
    data["description"] = "x" * (10 * 1024 * 1024)
    return json.dumps(data).encode("utf-8")


@dataclass(frozen=True)
class Case:
    """One broken file and what the user must be told about it."""

    id: str
    path: str  # the JSON path a problem must name
    words: tuple[str, ...]  # fragments of its message (case-insensitive)
    mutate: Callable[[dict[str, Any]], None] | None = None
    raw: Callable[[], bytes] | None = None
    line: Any = None  # None: not checked; ANY_LINE: some line; str: text on that line; tuple
    extra: dict[str, Any] = field(default_factory=dict)

    def build(self, folder: Path) -> Path:
        """Write the broken file into folder."""
        target = folder / f"{self.id}.json"
        if self.raw is not None:
            target.write_bytes(self.raw())
        else:
            assert self.mutate is not None
            data = base()
            self.mutate(data)
            target.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        return target


CASES = [
    Case("trailing_comma", WHOLE_FILE, ("not valid json",), raw=trailing_comma,
         line=('"name": "Exam 1",', "}")),
    Case("empty", WHOLE_FILE, ("empty",), raw=lambda: b""),
    Case("whitespace_only", WHOLE_FILE, ("empty",), raw=lambda: b"  \n\t\n   \n"),
    Case("top_level_list", WHOLE_FILE, ("json object", "list"), raw=lambda: b"[1, 2, 3]\n"),
    Case("copay_as_string", "patients[1].insurance.copay", ("number", '"20"'),
         mutate=put(("patients", 1, "insurance", "copay"), "20"), line='"copay"'),
    Case("systolic_as_string", "patients[0].vitals.systolic", ("integer",),
         mutate=put(("patients", 0, "vitals", "systolic"), "120"), line='"systolic"'),
    Case("bool_as_number", "patients[0].patience_minutes", ("integer",),
         mutate=put(("patients", 0, "patience_minutes"), True), line='"patience_minutes"'),
    Case("float_as_int", "patients[0].exam_minutes", ("integer", "18.5"),
         mutate=put(("patients", 0, "exam_minutes"), 18.5), line='"exam_minutes"'),
    Case("number_as_string", "title", ("string",), mutate=put(("title",), 5), line='"title"'),
    Case("unknown_top_key", "colour", ("unknown key",), mutate=put(("colour",), "red"),
         line='"colour"'),
    Case("unknown_patient_key", "patients[2].nickname", ("unknown key",),
         mutate=put(("patients", 2, "nickname"), "Tee"), line='"nickname"'),
    Case("missing_mrn", "patients[1].mrn", ("missing", "required"),
         mutate=drop(("patients", 1, "mrn")), line=ANY_LINE),
    Case("unknown_provider", "patients[3].appointment.provider",
         ("unknown provider 'house'", "okafor"),
         mutate=put(("patients", 3, "appointment", "provider"), "house"), line='"provider"'),
    Case("unknown_visit_type", "patients[3].appointment.visit_type", ("unknown visit type 'spa'",),
         mutate=put(("patients", 3, "appointment", "visit_type"), "spa"), line='"visit_type"'),
    Case("unknown_task_room", "opening_tasks[1].room", ("unknown room 'exam9'", "exam1"),
         mutate=put(("opening_tasks", 1, "room"), "exam9"), line='"room"'),
    Case("unknown_lab_test", "patients[1].orders.labs[0]", ("unknown lab test 'XYZ'", "CBC"),
         mutate=put(("patients", 1, "orders", "labs"), ["XYZ"]), line='"XYZ"'),
    Case("unknown_follow_up_type", "patients[3].orders.follow_up.visit_type",
         ("unknown visit type 'zzz'",),
         mutate=put(("patients", 3, "orders", "follow_up", "visit_type"), "zzz"),
         line='"visit_type"'),
    Case("time_25_00", "patients[3].appointment.time", ("25:00", "not a time of day"),
         mutate=put(("patients", 3, "appointment", "time"), "25:00"), line='"time"'),
    Case("time_12_61", "patients[3].appointment.time", ("12:61", "not a time of day"),
         mutate=put(("patients", 3, "appointment", "time"), "12:61"), line='"time"'),
    Case("outside_hours", "patients[3].appointment.time", ("13:00", "outside clinic hours"),
         mutate=put(("patients", 3, "appointment", "time"), "13:00"), line='"time"'),
    Case("duplicate_patient_id", "patients[4].id", ("s01-nakamura", "more than once"),
         mutate=copy_from(("patients", 0, "id"), ("patients", 4, "id")),
         line='"id": "s01-nakamura"'),
    Case("duplicate_mrn", "patients[4].mrn", ("MSF-200114", "more than one patient"),
         mutate=copy_from(("patients", 0, "mrn"), ("patients", 4, "mrn")), line='"mrn"'),
    Case("diastolic_over_systolic", "patients[2].vitals", ("diastolic 150", "systolic 110"),
         mutate=put(("patients", 2, "vitals", "diastolic"), 150), line='"vitals"'),
    Case("dob_after_date", "patients[2].dob", ("2027-01-01", "not before"),
         mutate=put(("patients", 2, "dob"), "2027-01-01"), line='"dob"'),
    Case("ten_megabytes", WHOLE_FILE, ("limit", f"{MAX_BYTES:,}"), raw=huge),
    Case("latin1", WHOLE_FILE, ("not utf-8",), raw=latin1, line='"Ren'),
    Case("duplicate_key", WHOLE_FILE, ("'id'", "twice"), raw=duplicate_key),
]


def line_text(file: Path, line: int) -> str:
    """The text of one line of the file (bytes decoded leniently)."""
    return file.read_bytes().decode("utf-8", "replace").splitlines()[line - 1]


def find(problems: list[Problem], path: str) -> Problem:
    """The first problem at path; fails listing what was reported instead."""
    found = [p for p in problems if json_path(p.path) == path]
    assert found, f"no problem at {path}; got {[(json_path(p.path), p.message) for p in problems]}"
    return found[0]


def check_line(case: Case, file: Path, problem: Problem) -> None:
    if case.line is None:
        return
    assert problem.line is not None, f"{case.id}: no line number in {problem}"
    if case.line is ANY_LINE:
        return
    expected = case.line if isinstance(case.line, tuple) else (case.line,)
    text = line_text(file, problem.line)
    assert any(e in text for e in expected), f"line {problem.line} is {text!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_load_scenario_reports_path_and_line(case: Case, tmp_path: Path) -> None:
    file = case.build(tmp_path)
    with pytest.raises(InputError) as info:
        load_scenario(file)
    problem = find(info.value.problems, case.path)
    for word in case.words:
        assert word.lower() in problem.message.lower(), problem.message
    check_line(case, file, problem)
    assert info.value.file == str(file)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validate_command_reports_problem(case: Case, tmp_path: Path, capsys) -> None:
    file = case.build(tmp_path)
    assert cli.main(["validate", str(file)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "ok " not in out
    problem = find(load_problems(file), case.path)
    where = f"{file}:{problem.line}: " if problem.line else f"{file}: "
    # a problem with the file as a whole is shown without a JSON path
    assert (where if case.path == WHOLE_FILE else f"{where}{case.path}: ") in err, err
    for word in case.words:
        assert word.lower() in err.lower()
    assert "1 of 1 file(s) have problems" in err


def load_problems(file: Path) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_scenario(file)
    return info.value.problems


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def test_validate_whole_corpus_in_a_real_process(tmp_path: Path) -> None:
    files = [case.build(tmp_path) for case in CASES]
    missing = tmp_path / "does_not_exist.json"
    empty_dir = tmp_path / "empty_folder"
    empty_dir.mkdir()
    args = [*map(str, files), str(missing), str(empty_dir)]
    proc = subprocess.run([sys.executable, "-m", "game", "validate", *args], cwd=tmp_path,
                          env=subprocess_env(), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    for case, file in zip(CASES, files, strict=True):
        shown = "" if case.path == WHOLE_FILE else f": {case.path}: "
        assert any(x.startswith(f"{file}:") and shown in x for x in lines), case.id
    assert f"{missing}: " in proc.stderr
    assert f"{empty_dir}: no scenario files" in proc.stderr
    assert f"{len(files) + 1} of {len(files) + 1} file(s) have problems" in proc.stderr


def test_missing_file(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(InputError) as info:
        load_scenario(missing)
    assert "cannot read" in info.value.render()
    assert cli.main(["validate", str(missing)]) == 1
    err = capsys.readouterr().err
    assert str(missing) in err and "no such file" in err.lower()


def test_folder_without_scenarios(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    (tmp_path / "scenario.schema.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(tmp_path)
    assert "folder" in info.value.render()
    assert cli.main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path}: no scenario files (*.json) in this folder" in err


def write(tmp_path: Path, data: dict[str, Any], name: str = "many.json") -> Path:
    file = tmp_path / name
    file.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return file


def test_several_format_errors_reported_at_once(tmp_path: Path, capsys) -> None:
    data = base()
    put(("patients", 0, "insurance", "copay"), "20")(data)
    put(("colour",), "red")(data)
    drop(("patients", 1, "mrn"))(data)
    file = write(tmp_path, data)
    problems = load_problems(file)
    assert sorted(json_path(p.path) for p in problems) == [
        "colour", "patients[0].insurance.copay", "patients[1].mrn"]
    assert all(p.line for p in problems)
    assert cli.main(["validate", str(file)]) == 1
    err_lines = [x for x in capsys.readouterr().err.splitlines() if x.startswith(f"{file}:")]
    assert len(err_lines) == 3


def test_several_reference_errors_reported_at_once(tmp_path: Path, capsys) -> None:
    data = base()
    put(("patients", 3, "appointment", "provider"), "house")(data)
    put(("patients", 2, "dob"), "2027-01-01")(data)
    put(("opening_tasks", 1, "room"), "exam9")(data)
    file = write(tmp_path, data)
    problems = load_problems(file)
    assert sorted(json_path(p.path) for p in problems) == [
        "opening_tasks[1].room", "patients[2].dob", "patients[3].appointment.provider"]
    assert cli.main(["validate", str(file)]) == 1
    err_lines = [x for x in capsys.readouterr().err.splitlines() if x.startswith(f"{file}:")]
    assert len(err_lines) == 3


def test_format_and_reference_errors_reported_together(tmp_path: Path) -> None:
    data = base()
    put(("patients", 2, "vitals", "diastolic"), 150)(data)
    put(("patients", 3, "appointment", "provider"), "house")(data)
    put(("patients", 4, "dob"), "2027-01-01")(data)
    paths = {json_path(p.path) for p in load_problems(write(tmp_path, data))}
    # a patient with a format error is left out of the reference checks; the others are not
    assert paths == {"patients[2].vitals", "patients[3].appointment.provider", "patients[4].dob"}


def test_duplicate_key_has_line(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.id == "duplicate_key")
    file = case.build(tmp_path)
    (problem,) = load_problems(file)
    assert problem.line is not None
    assert '"id": "again"' in line_text(file, problem.line)
