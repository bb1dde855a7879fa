"""What a replay proves to an instructor: any edit of a log fails, other rules and unfinished
days are named as such, the report carries the verdict, and a log names no path."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game import RULES_VERSION
from game.report.schema import REPORT_FORMAT, Report, report_schema
from tests.cli.test_cli import Run, main, play

Edit = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A reference-bot day of the short morning, with its log and report."""
    run = play(tmp_path_factory.mktemp("bot"), "reference", "short_morning")
    assert run.code == 0, run.err
    return run


def edited(bot: Run, folder: Path, edit: Edit, name: str = "edited.json") -> Path:
    data = json.loads(json.dumps(bot.log))
    edit(data)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def replay(path: Path, folder: Path) -> tuple[int, str, str, dict[str, Any] | None]:
    """Replay with a JSON report; the report as written, or None if none was."""
    report = folder / "replayed.report.json"
    report.unlink(missing_ok=True)
    code, out, err = main("replay", str(path), "--report", str(report))
    written = json.loads(report.read_text(encoding="utf-8")) if report.exists() else None
    return code, out, err, written


def test_the_untouched_log_verifies_and_the_report_says_so(bot: Run, tmp_path: Path) -> None:
    code, out, err, report = replay(bot.log_path, tmp_path)
    assert code == 0, err
    assert "replay ok" in out and "VERIFIED" in out
    assert report is not None and report["verified"] is True
    assert "replays to its recorded result" in report["verified_reason"]
    assert report["played_at"] == bot.log["played_at"] and report["source"] == "bot"


def test_a_plain_run_is_not_verified_either_way(bot: Run) -> None:
    assert bot.report["verified"] is None and bot.report["verified_reason"] is None
    assert bot.report["format_version"] == REPORT_FORMAT
    assert bot.report["rules_version"] == RULES_VERSION
    assert bot.report["played_at"] == bot.log["played_at"]


def test_a_bot_log_relabelled_as_a_students_does_not_verify(bot: Run, tmp_path: Path) -> None:
    def relabel(log: dict[str, Any]) -> None:
        log.update(player="Jordan Student", policy=None, source="window")

    code, _, err, report = replay(edited(bot, tmp_path, relabel), tmp_path)
    assert code == 3
    assert "DIGEST MISMATCH" in err
    # The report is still written, after the check, and says why it is not to be trusted.
    assert report is not None and report["verified"] is False
    assert "DIGEST MISMATCH" in report["verified_reason"]
    assert report["player"] == "Jordan Student"


def _set(*path: str | int, to: Any) -> Edit:
    def edit(log: dict[str, Any]) -> None:
        target = log
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = to
    return edit


FIELD_EDITS: dict[str, Edit] = {
    "player": _set("player", to="Someone Else"),
    "policy": _set("policy", to=None),
    "policy-renamed": _set("policy", to="naive"),
    "source": _set("source", to="actions"),
    "played_at": _set("played_at", to="2026-01-05T09:00:00+01:00"),
    "game_version": _set("game_version", to="9.9.9"),
    "seed": _set("seed", to=2),
    "scenario-id": _set("scenario", "id", to="another_day"),
    "scenario-file": _set("scenario", "file", to="renamed.json"),
    "command-time": lambda log: log["commands"][-1].update(t=log["commands"][-1]["t"] + 1),
    "command-dropped": lambda log: log["commands"].pop(),
    "final-digest": _set("final_digest", to="0" * 64),
}


@pytest.mark.parametrize("edit", FIELD_EDITS.values(), ids=FIELD_EDITS.keys())
def test_editing_any_field_breaks_verification(edit: Edit, bot: Run, tmp_path: Path) -> None:
    code, _, err, report = replay(edited(bot, tmp_path, edit), tmp_path)
    assert code == 3, err
    assert "DIGEST MISMATCH" in err and "Traceback" not in err
    assert report is not None and report["verified"] is False


def test_a_log_of_other_rules_says_so_not_tampered(bot: Run, tmp_path: Path) -> None:
    path = edited(bot, tmp_path, _set("rules_version", to=RULES_VERSION - 1))
    code, _, err, report = replay(path, tmp_path)
    assert code == 3
    assert "made by another version of the game's rules" in err
    assert f"rules version {RULES_VERSION - 1}" in err and "cannot be verified" in err
    assert "DIGEST MISMATCH" not in err
    assert report is not None and report["verified"] is False


def test_a_format_1_log_loads_and_is_named_as_older_rules(bot: Run, tmp_path: Path) -> None:
    def to_format_1(log: dict[str, Any]) -> None:
        for key in ("rules_version", "source", "played_at"):
            del log[key]
        log["format_version"] = 1

    code, _, err, _ = replay(edited(bot, tmp_path, to_format_1), tmp_path)
    assert code == 3
    assert "another version of the game's rules (rules version 1;" in err


@pytest.mark.parametrize("edit", [_set("final_digest", to=None),
                                  lambda log: log.pop("final_digest")], ids=["null", "missing"])
def test_a_log_without_a_final_digest_does_not_verify(edit: Edit, bot: Run,
                                                      tmp_path: Path) -> None:
    code, out, err, report = replay(edited(bot, tmp_path, edit), tmp_path)
    assert code == 3
    assert "no final digest" in err and "cannot be verified" in err
    assert "replay ok" not in out
    assert report is not None and report["verified"] is False


def test_an_unfinished_day_says_it_is_unfinished(bot: Run, tmp_path: Path) -> None:
    def cut(log: dict[str, Any]) -> None:
        del log["commands"][5:]
        log["final_digest"] = None

    code, _, err, report = replay(edited(bot, tmp_path, cut), tmp_path)
    assert code == 3
    last = bot.log["commands"][4]["t"]
    assert "unfinished" in err and f"{last // 3600:02d}:{last % 3600 // 60:02d}" in err
    assert report is not None and "unfinished" in report["verified_reason"]


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "..", "sub/day.json",
                                  "C:\\days\\day.json", "day\u0000.json"])
def test_a_scenario_file_with_a_folder_is_refused(name: str, bot: Run, tmp_path: Path) -> None:
    path = edited(bot, tmp_path, _set("scenario", "file", to=name))
    code, out, err, report = replay(path, tmp_path)
    assert code == 1
    assert f"{path}:" in err and "scenario.file" in err and "bare file name" in err
    assert "Traceback" not in out + err and report is None


def test_the_scenario_is_found_beside_the_log_only(tmp_path: Path) -> None:
    """A day of the instructor's own is looked up by its bare name beside the log."""
    source = Path(__file__).resolve().parents[2] / "scenarios" / "short_morning.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["title"] = "Our own morning"
    played, moved = tmp_path / "played", tmp_path / "moved"
    played.mkdir()
    moved.mkdir()
    (played / "own.json").write_text(json.dumps(data), encoding="utf-8")
    log = played / "own.log.json"
    assert main("run", str(played / "own.json"), "--policy", "idle", "--log", str(log))[0] == 0
    (moved / "own.log.json").write_bytes(log.read_bytes())
    code, _, err = main("replay", str(moved / "own.log.json"))
    assert code == 1 and "cannot find scenario 'own.json'" in err and "--scenario" in err
    (moved / "own.json").write_bytes((played / "own.json").read_bytes())
    code, out, err = main("replay", str(moved / "own.log.json"))
    assert code == 0, err
    assert "Our own morning" in out


def test_the_report_matches_its_model_and_schema(bot: Run, tmp_path: Path) -> None:
    Report.model_validate(bot.report)
    schema = json.loads(report_schema())
    assert {"verified", "verified_reason", "played_at", "patients"} <= set(schema["properties"])
    patient = schema["$defs"]["PatientInfo"]["properties"]
    assert {"vitals", "specimens"} <= set(patient)


def test_the_html_report_shows_the_verdict_and_the_date(bot: Run, tmp_path: Path) -> None:
    page = tmp_path / "day.html"
    assert main("replay", str(bot.log_path), "--report", str(page))[0] == 0
    text = page.read_text(encoding="utf-8")
    assert "verified</span>" in text and bot.log["played_at"] in text
    tampered = edited(bot, tmp_path, _set("player", to="X"))
    assert main("replay", str(tampered), "--report", str(page))[0] == 3
    assert "NOT verified</span>" in page.read_text(encoding="utf-8")
