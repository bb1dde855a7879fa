"""`clinic-day grade`: a class folder of logs, good and bad, into a CSV gradebook and an HTML
class report, with the warnings an instructor needs and the exit codes of the contract."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from game.paths import SCENARIOS
from tests.cli.test_cli import main

DAY = "short_morning"


def run_log(folder: Path, name: str, *extra: str, policy: str = "reference") -> Path:
    path = folder / f"{name}.json"
    code, _, err = main("run", DAY, "--policy", policy, "--log", str(path), *extra)
    assert code == 0, err
    return path


def edit(src: Path, dst: Path, **fields: Any) -> Path:
    data = json.loads(src.read_text(encoding="utf-8"))
    data.update(fields)
    dst.write_text(json.dumps(data), encoding="utf-8")
    return dst


def rows_of(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One class folder, graded once: bots, an edited log, junk, a scenario file."""
    folder = tmp_path_factory.mktemp("class")
    ref1 = run_log(folder, "ref1")
    run_log(folder, "ref2", "--seed", "2")
    run_log(folder, "naive", policy="naive")
    edit(ref1, folder / "renamed.json", player="Ana Müller")
    (folder / "notes.json").write_text('{"todo": 1}', encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "empty.json").write_bytes(b"")
    shutil.copy(SCENARIOS / f"{DAY}.json", folder / f"{DAY}.json")
    out = tmp_path_factory.mktemp("out")
    code, stdout, err = main("grade", str(folder), "--csv", str(out / "grades.csv"),
                             "--html", str(out / "class.html"), "--expect-seed", "1",
                             "--jobs", "1")
    rows = {Path(r["file"]).stem: r for r in rows_of(out / "grades.csv")}
    return {"code": code, "out": stdout, "err": err, "rows": rows, "dir": out,
            "html": (out / "class.html").read_text(encoding="utf-8")}


def test_every_file_is_a_row_and_the_gradebook_is_written(graded: dict[str, Any]) -> None:
    assert graded["code"] == 0, graded["err"]
    assert set(graded["rows"]) == {"ref1", "ref2", "naive", "renamed", "notes", "broken",
                                   "empty", DAY}
    assert "graded 4 of 8 file(s): 3 verified" in graded["out"]


def test_a_row_has_the_replayed_score_and_the_verdict(graded: dict[str, Any],
                                                      tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    main("run", DAY, "--policy", "naive", "--report", str(report))
    expected = json.loads(report.read_text(encoding="utf-8"))["score"]
    row = graded["rows"]["naive"]
    assert row["score"] == str(expected["total"]) and row["grade"] == expected["grade"]
    assert row["passed"] == "no" and row["verified"] == "yes"
    assert row["scenario_id"] == DAY and row["seed"] == "1" and row["source"] == "bot"
    cats = expected["categories"]
    assert row["safety_percent"] == str(round(100 * cats["safety"]["earned"]
                                              / cats["safety"]["possible"]))
    assert row["XII.P.1_possible"] and int(row["XII.P.1_earned"]) <= int(row["XII.P.1_possible"])


def test_bad_files_say_why(graded: dict[str, Any]) -> None:
    rows = graded["rows"]
    assert "not a session log" in rows["notes"]["problem"]
    assert "not valid JSON" in rows["broken"]["problem"]
    assert "not valid JSON" in rows["empty"]["problem"] or "empty" in rows["empty"]["problem"]
    assert "a scenario file, not a session log" in rows[DAY]["problem"]
    assert rows["broken"]["score"] == ""


def test_warnings_name_what_to_look_at(graded: dict[str, Any]) -> None:
    rows = graded["rows"]
    renamed = rows["renamed"]["warnings"]
    assert rows["renamed"]["verified"] == "no" and "did not verify: DIGEST MISMATCH" in renamed
    assert "the same commands, at the same times, as reference bot" in renamed
    assert "played by the reference bot, not a student, handed in under the name " \
           "'Ana Müller'" in renamed
    assert "played seed 2, not the assigned seed 1" in rows["ref2"]["warnings"]
    assert "seed" not in rows["ref1"]["warnings"]


def test_the_csv_is_utf8_with_one_header_and_even_rows(graded: dict[str, Any]) -> None:
    raw = (graded["dir"] / "grades.csv").read_bytes()
    text = raw.decode("utf-8")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0][:3] == ["player", "student_id", "file"]
    assert all(len(line) == len(lines[0]) for line in lines)
    assert "Ana Müller" in text


def test_the_class_report_links_each_student_and_maps_competencies(
        graded: dict[str, Any]) -> None:
    page, out = graded["html"], graded["dir"]
    links = [part.split('"')[0] for part in page.split('href="')[1:]]
    assert len(links) == 4 and all((out / link).is_file() for link in links)
    assert "XII.P.1 Comply with safety practices" in page or "XII.P.1" in page
    assert "Most common mistakes" in page and "Use two identifiers" in page
    assert "DIGEST MISMATCH" in page and "not graded: a scenario file" in page
    assert "✓" in page and "✗" in page  # the heat map says it without colour too


def test_a_day_changed_since_play_says_so(tmp_path: Path) -> None:
    logs, days = tmp_path / "logs", tmp_path / "days"
    logs.mkdir()
    days.mkdir()
    data = json.loads((SCENARIOS / f"{DAY}.json").read_text(encoding="utf-8"))
    data["id"] = "my_day"
    day = days / "my_day.json"
    day.write_text(json.dumps(data), encoding="utf-8")
    log = logs / "a.json"
    assert main("run", str(day), "--policy", "reference", "--log", str(log))[0] == 0
    code, out, _ = main("grade", str(logs), "--scenarios", str(days), "--jobs", "1")
    assert code == 0 and "97/100" in out
    data["title"] = "Edited after class"
    day.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = main("grade", str(logs), "--scenarios", str(days), "--jobs", "1")
    assert code == 0
    assert "the day 'my_day' was changed after this log was played: my_day.json" in out
    code, out, _ = main("grade", str(logs), "--jobs", "1")
    assert "'my_day' (my_day.json) was not found" in out
    assert "give the folder that holds it with --scenarios FOLDER" in out


def test_expect_scenario_flags_another_day(tmp_path: Path) -> None:
    run_log(tmp_path, "a")
    out_csv = tmp_path / "g.csv"
    main("grade", str(tmp_path / "a.json"), "--expect-scenario", "standard_day",
         "--csv", str(out_csv))
    assert "played 'short_morning', not the assigned 'standard_day'" in \
        rows_of(out_csv)[0]["warnings"]


def test_a_student_id_is_a_column_and_bound_by_the_digest(tmp_path: Path) -> None:
    src = run_log(tmp_path, "bot")
    data = json.loads(src.read_text(encoding="utf-8"))
    assert "student_id" not in data  # none given: none written, as in older logs
    edit(src, tmp_path / "id.json", student_id="S-1042")
    out_csv = tmp_path / "g.csv"
    main("grade", str(tmp_path / "id.json"), "--csv", str(out_csv))
    row = rows_of(out_csv)[0]
    assert row["student_id"] == "S-1042" and row["verified"] == "no"


def test_parallel_grading_gives_the_same_gradebook(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    for seed in range(1, 6):
        run_log(logs, f"s{seed}", "--seed", str(seed))
    (logs / "junk.json").write_text("[]", encoding="utf-8")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main("grade", str(logs), "--jobs", "1", "--csv", str(one))[0] == 0
    assert main("grade", str(logs), "--jobs", "2", "--csv", str(two))[0] == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_exit_codes(tmp_path: Path) -> None:
    log = run_log(tmp_path, "a")
    code, _, err = main("grade", str(tmp_path / "nowhere"))
    assert code == 1 and "nowhere: no such file or folder" in err
    code, _, err = main("grade", str(log), "--scenarios", str(tmp_path / "none"))
    assert code == 1 and "--scenarios" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = main("grade", str(empty))
    assert code == 1 and "no session logs" in err
    code, _, err = main("grade", str(log), "--jobs", "0")
    assert code == 2 and "--jobs must be from 1 to 64" in err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = main("grade", str(log), "--csv", str(blocker / "g.csv"))
    assert code == 1 and "cannot write" in err
    bad_log = tmp_path / "bad"
    bad_log.mkdir()
    (bad_log / "x.json").write_text("nope", encoding="utf-8")
    code, out, _ = main("grade", str(bad_log), "--csv", str(tmp_path / "g.csv"))
    assert code == 0 and "not graded" in out
