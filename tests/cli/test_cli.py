"""The headless command line as a user and CI see it: run, validate, schema, replay, exit codes."""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from game import RULES_VERSION, cli
from game.scenario.schema import schema_text
from game.sim.log import SessionLog, log_digest

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
CATEGORIES = ("safety", "clinical", "administrative", "flow", "experience")


@dataclass(frozen=True)
class Run:
    """One finished `clinic-day run`: exit code, printed text and the files it wrote."""

    code: int
    out: str
    err: str
    report: dict[str, Any]
    log: dict[str, Any]
    log_path: Path


def main(*argv: str) -> tuple[int, str, str]:
    """Call the command in this process; exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def play(folder: Path, policy: str, scenario: str = "standard_day") -> Run:
    report, log = folder / f"{policy}.report.json", folder / f"{policy}.log.json"
    code, out, err = main("run", scenario, "--policy", policy, "--report", str(report),
                          "--log", str(log))
    return Run(code, out, err, json.loads(report.read_text(encoding="utf-8")),
               json.loads(log.read_text(encoding="utf-8")), log)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("runs")
    return {policy: play(folder, policy) for policy in ("reference", "naive", "idle")}


@pytest.fixture(scope="module")
def reference(runs: dict[str, Run]) -> Run:
    return runs["reference"]


def env() -> dict[str, str]:
    out = dict(os.environ)
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), out.get("PYTHONPATH")]))
    return out


def real(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m game ...` in a real process."""
    return subprocess.run([sys.executable, "-m", "game", *argv], cwd=cwd, env=env(),
                          capture_output=True, text=True, timeout=60)


# --- run -------------------------------------------------------------------------------------


def test_reference_run_prints_summary(reference: Run) -> None:
    assert reference.code == 0
    assert reference.err == ""
    assert "Score " in reference.out
    for name in CATEGORIES:
        assert name in reference.out
    assert reference.report["scenario"]["title"] in reference.out


def test_report_has_contract_fields(reference: Run) -> None:
    r = reference.report
    assert set(r["scenario"]) >= {"id", "title", "sha256"}
    assert r["scenario"]["id"] == "standard_day"
    assert len(r["scenario"]["sha256"]) == 64
    assert r["seed"] == 1
    assert r["policy"] == "reference"
    score = r["score"]
    assert isinstance(score["total"], int | float) and 0 <= score["total"] <= 100
    assert isinstance(score["passed"], bool)
    assert isinstance(score["grade"], str) and score["grade"]
    assert set(score["categories"]) == set(CATEGORIES)
    for cat in score["categories"].values():
        assert set(cat) >= {"earned", "possible"}
        assert 0 <= cat["earned"] <= cat["possible"]
    assert isinstance(r["critical_errors"], list)
    assert r["ledger"]
    for entry in r["ledger"]:
        assert set(entry) >= {"t", "category", "points", "competency", "patient", "reason",
                              "note"}
        assert entry["category"] in CATEGORIES
    assert r["patients"]
    for p in r["patients"]:
        assert set(p) >= {"id", "outcome", "wait_minutes"}
    assert isinstance(r["digest"], str) and len(r["digest"]) == 64


def test_log_has_contract_fields(reference: Run) -> None:
    log = reference.log
    assert set(log) >= {"format_version", "game_version", "scenario", "seed", "commands",
                        "final_digest", "source", "policy", "player", "played_at",
                        "rules_version"}
    assert log["scenario"]["sha256"] == reference.report["scenario"]["sha256"]
    assert log["seed"] == 1
    assert log["source"] == "bot" and log["policy"] == "reference"
    assert log["rules_version"] == RULES_VERSION
    # The final digest binds the log's own fields and the final state the report gives.
    assert log["final_digest"] == log_digest(SessionLog.model_validate(log),
                                             reference.report["digest"])
    assert log["commands"]
    for tc in log["commands"]:
        assert set(tc) == {"t", "command"}
        assert isinstance(tc["t"], int) and "type" in tc["command"]
    times = [tc["t"] for tc in log["commands"]]
    assert times == sorted(times)


def test_same_seed_same_day(reference: Run, tmp_path: Path) -> None:
    again = play(tmp_path, "reference")
    assert again.report["digest"] == reference.report["digest"]
    # The same day, played at another moment: only the date (and so the seal) differ.
    dated = ("played_at", "final_digest")
    assert {k: v for k, v in again.log.items() if k not in dated} == \
        {k: v for k, v in reference.log.items() if k not in dated}


def test_naive_scores_well_below_reference(runs: dict[str, Run]) -> None:
    ref, naive = runs["reference"].report, runs["naive"].report
    assert ref["score"]["passed"] is True
    assert ref["critical_errors"] == []
    assert naive["score"]["total"] <= ref["score"]["total"] - 20
    assert naive["critical_errors"]
    for e in naive["critical_errors"]:
        assert e["reason"] and e["note"]
    assert "CRITICAL ERRORS" in runs["naive"].out


def test_idle_fails(runs: dict[str, Run]) -> None:
    idle = runs["idle"]
    assert idle.code == 0  # the command worked; the day did not
    assert idle.report["score"]["passed"] is False
    assert "NOT PASSED" in idle.out
    assert not any(p["outcome"] == "seen" for p in idle.report["patients"])


def test_html_report(tmp_path: Path, reference: Run) -> None:
    out = tmp_path / "day.html"
    code, _, err = main("run", "standard_day", "--policy", "reference", "--report", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "<html" in text.lower()
    assert html.escape(reference.report["scenario"]["title"]) in text


def test_csv_report(tmp_path: Path, reference: Run) -> None:
    out = tmp_path / "ledger.csv"
    code, _, err = main("run", "standard_day", "--policy", "reference", "--report", str(out))
    assert code == 0, err
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    assert set(rows[0]) >= {"time", "category", "points", "competency", "patient", "reason",
                            "note"}
    assert len(rows) == len(reference.report["ledger"])
    assert {r["category"] for r in rows} <= set(CATEGORIES)


def test_actions_file_reproduces_reference(tmp_path: Path, reference: Run) -> None:
    actions = tmp_path / "actions.json"
    actions.write_text(json.dumps({"commands": reference.log["commands"]}), encoding="utf-8")
    report = tmp_path / "r.json"
    code, out, err = main("run", "standard_day", "--actions", str(actions), "--report",
                          str(report))
    assert code == 0, err
    assert "Score " in out
    assert json.loads(report.read_text(encoding="utf-8"))["digest"] == reference.report["digest"]


def test_actions_file_with_unknown_command(tmp_path: Path) -> None:
    actions = tmp_path / "bad.json"
    actions.write_text(json.dumps({"commands": [{"t": 30000, "command": {"type": "fly"}}]},
                                  indent=2), encoding="utf-8")
    proc = real("run", "standard_day", "--actions", str(actions), cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{actions}:" in proc.stderr
    assert "commands[0].command" in proc.stderr
    assert "'fly'" in proc.stderr
    assert "Score" not in proc.stdout


def test_actions_file_out_of_order(tmp_path: Path) -> None:
    actions = tmp_path / "ooo.json"
    commands = [{"t": 30000, "command": {"type": "mark_no_show", "patient": "p01-whitaker"}},
                {"t": 29000, "command": {"type": "mark_no_show", "patient": "p02-mehta"}}]
    actions.write_text(json.dumps({"commands": commands}), encoding="utf-8")
    code, _, err = main("run", "standard_day", "--actions", str(actions))
    assert code == 1
    assert f"{actions}" in err and "commands[1].t" in err


def test_actions_error_path_has_no_union_tag(tmp_path: Path) -> None:
    actions = tmp_path / "extra.json"
    command = {"type": "check_in", "patient": "p01-whitaker", "zzz": 1}
    actions.write_text(json.dumps({"commands": [{"t": 30000, "command": command}]}, indent=2),
                       encoding="utf-8")
    code, _, err = main("run", "standard_day", "--actions", str(actions))
    assert code == 1
    lines = actions.read_text(encoding="utf-8").splitlines()
    zzz_line = next(i for i, x in enumerate(lines, 1) if '"zzz"' in x)
    assert f"{actions}:{zzz_line}: commands[0].command.zzz: " in err


def test_missing_scenario(tmp_path: Path) -> None:
    code, out, err = main("run", "no_such_day", "--policy", "reference")
    assert code == 1
    assert out == ""
    assert "no_such_day" in err
    # what to type instead
    assert "(bundled: busy_monday, immunization_clinic, pediatrics_day, phone_day" in err
    assert any(w in err.lower() for w in ("no such file", "not found", "unknown scenario"))


@pytest.mark.parametrize("argv", [
    ("run", "standard_day"),
    ("run", "standard_day", "--policy", "genius"),
    ("run", "standard_day", "--policy", "reference", "--actions", "a.json"),
    ("run",),
    ("frobnicate",),
], ids=["no-policy", "unknown-policy", "policy-and-actions", "no-scenario", "unknown-command"])
def test_usage_errors_exit_2(argv: tuple[str, ...]) -> None:
    code, out, err = main(*argv)
    assert code == 2
    assert "usage:" in err
    assert "Traceback" not in out + err


def test_report_into_a_folder_fails_cleanly(tmp_path: Path) -> None:
    code, _, err = main("run", "short_morning", "--policy", "idle", "--report", str(tmp_path))
    assert code == 1
    assert "cannot write" in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_report_into_a_folder_names_it(tmp_path: Path) -> None:
    target = tmp_path / "reports"
    target.mkdir()
    _, _, err = main("run", "short_morning", "--policy", "idle", "--report", str(target))
    assert f"cannot write the report to {target}:" in err


# --- validate --------------------------------------------------------------------------------


def test_validate_good_and_bad(tmp_path: Path) -> None:
    good = SCENARIOS / "short_morning.json"
    bad = tmp_path / "bad.json"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["patients"][3]["appointment"]["time"] = "25:00"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    proc = real("validate", str(good), str(bad), cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"ok  {good}: " in proc.stdout
    assert f"{bad}:" in proc.stderr and "patients[3].appointment.time" in proc.stderr
    assert "1 of 2 file(s) have problems" in proc.stderr


# --- schema ----------------------------------------------------------------------------------


def test_schema_prints_json() -> None:
    code, out, _ = main("schema")
    assert code == 0
    data = json.loads(out)
    assert "$schema" in data
    assert "patients" in data["properties"]


def test_schema_to_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = main("schema", "-o", str(target))
    assert code == 0
    assert str(target) in out
    assert target.read_text(encoding="utf-8") == schema_text()


# --- replay ----------------------------------------------------------------------------------


def test_replay_matches(reference: Run, tmp_path: Path) -> None:
    report = tmp_path / "replayed.json"
    code, out, err = main("replay", str(reference.log_path), "--report", str(report))
    assert code == 0, err
    assert "replay ok" in out and "matches" in out
    assert json.loads(report.read_text(encoding="utf-8"))["digest"] == reference.report["digest"]


def _first(log: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(tc for tc in log["commands"] if tc["command"]["type"] == kind)


def _shift_first_time(log: dict[str, Any]) -> None:
    log["commands"][0]["t"] += 60


def _one_identifier(log: dict[str, Any]) -> None:
    _first(log, "check_in")["command"]["identifiers"] = ["name"]


def _other_digest(log: dict[str, Any]) -> None:
    log["final_digest"] = "0" * 64


@pytest.mark.parametrize("tamper", [_shift_first_time, _one_identifier, _other_digest],
                         ids=["command-time", "command-field", "final-digest"])
def test_tampered_log_exits_3(tamper, reference: Run, tmp_path: Path) -> None:
    log = json.loads(json.dumps(reference.log))
    tamper(log)
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(log), encoding="utf-8")
    code, _, err = main("replay", str(path))
    assert code == 3
    assert "DIGEST MISMATCH" in err


def test_any_command_time_change_is_detected(reference: Run, tmp_path: Path) -> None:
    log = json.loads(json.dumps(reference.log))
    commands = log["commands"]
    # A command with time to spare after it: moved a minute, it still runs, a minute late.
    i = next(i for i, tc in enumerate(commands[:-1])
             if tc["command"]["type"] != "clock_out" and commands[i + 1]["t"] - tc["t"] > 600)
    commands[i]["t"] += 60
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(log), encoding="utf-8")
    assert main("replay", str(path))[0] == 3


def test_replay_not_json(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    path.write_text("this is not a log\n", encoding="utf-8")
    proc = real("replay", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert f"{path}:1:" in proc.stderr and "not valid JSON" in proc.stderr


def test_replay_invalid_log(reference: Run, tmp_path: Path) -> None:
    log = json.loads(json.dumps(reference.log))
    log["commands"][2]["command"]["type"] = "teleport"
    del log["seed"]
    path = tmp_path / "log.json"
    path.write_text(json.dumps(log, indent=1), encoding="utf-8")
    code, _, err = main("replay", str(path))
    assert code == 1
    assert "commands[2].command" in err and "seed" in err


def test_replay_unknown_scenario(reference: Run, tmp_path: Path) -> None:
    log = json.loads(json.dumps(reference.log))
    log["scenario"]["sha256"] = "a" * 64
    path = tmp_path / "log.json"
    path.write_text(json.dumps(log), encoding="utf-8")
    code, _, err = main("replay", str(path))
    assert code == 1
    assert "cannot find scenario" in err and "--scenario" in err


# --- no pygame -------------------------------------------------------------------------------


def test_headless_commands_never_import_pygame(reference: Run, tmp_path: Path) -> None:
    script = f"""
import contextlib, io, sys
from game import RULES_VERSION, cli
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    codes = [
        cli.main(["run", "short_morning", "--policy", "idle", "--report", "r.html"]),
        cli.main(["validate", {str(SCENARIOS)!r}]),
        cli.main(["schema", "-o", "schema.json"]),
        cli.main(["replay", {str(reference.log_path)!r}]),
    ]
assert codes == [0, 0, 0, 0], codes
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pygame", "pygame_gui"))
assert not loaded, loaded
print("headless ok")
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env(),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "headless ok" in proc.stdout
