"""The headless subcommands: run, validate, schema, replay. None of them imports pygame."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from game.paths import SCENARIOS, load_named_scenario, resolve_scenario
from game.report.model import build_report
from game.report.text import summary
from game.report.writers import write_report
from game.scenario.errors import InputError, Problem
from game.scenario.load import LoadedScenario, load_scenario
from game.scenario.schema import schema_text
from game.sim.engine import Simulation
from game.sim.log import ScenarioRef, SessionLog, load_actions, load_log, save_log
from game.sim.policies import POLICIES
from game.sim.runner import play_commands, play_policy

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_DIGEST = 0, 1, 2, 3


def err(text: str) -> None:
    """A message for the user on standard error."""
    print(text, file=sys.stderr)


def new_log(loaded: LoadedScenario, seed: int, policy: str | None,
            player: str | None = None) -> SessionLog:
    """An empty session log for a day about to be played."""
    ref = ScenarioRef(id=loaded.scenario.id, sha256=loaded.sha256, file=loaded.path.name)
    return SessionLog(scenario=ref, seed=seed, policy=policy, player=player)


def run(scenario: str, seed: int, policy: str | None, actions: Path | None,
        report_path: Path | None, log_path: Path | None) -> int:
    """Play a day headless with a bot or an actions file; print the summary."""
    try:
        loaded = load_named_scenario(scenario)
        script = load_actions(actions) if actions else None
    except InputError as exc:
        err(exc.render())
        return EXIT_INPUT
    sim = Simulation(loaded.scenario, seed)
    log = new_log(loaded, seed, policy)
    if script is not None:
        play_commands(sim, script.commands)
        log.commands = list(script.commands)
    else:
        assert policy is not None
        log.commands = play_policy(sim, POLICIES[policy]())
    report = build_report(sim, loaded, policy or "actions")
    log.final_digest = report["digest"]
    print(summary(report))
    return _write_outputs(report, report_path, log, log_path)


def _write_outputs(report: dict[str, Any], report_path: Path | None, log: SessionLog | None,
                   log_path: Path | None) -> int:
    code = EXIT_OK
    for what, target in (("report", report_path), ("log", log_path if log else None)):
        if target is None:
            continue
        try:
            if what == "report":
                write_report(report, target)
            elif log is not None:
                save_log(log, target)
        except OSError as exc:
            err(f"cannot write the {what} to {target}: {exc.strerror}")
            code = EXIT_INPUT
    return code


def validate(paths: list[str]) -> int:
    """Check files and folders of scenarios; every problem of every file is printed."""
    files: list[Path] = []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            found = sorted(f for f in p.glob("*.json") if not f.name.endswith(".schema.json"))
            if not found:
                err(f"{p}: no scenario files (*.json) in this folder")
            files += found
        else:
            files.append(p)
    if not files:
        return EXIT_INPUT
    bad = 0
    for f in files:
        try:
            loaded = load_scenario(f)
        except InputError as exc:
            bad += 1
            err(exc.render())
            continue
        s = loaded.scenario
        n, r = len(s.patients), len(s.clinic.rooms)
        print(f"ok  {f}: {s.title} ({n} patient{'' if n == 1 else 's'}, "
              f"{r} room{'' if r == 1 else 's'})")
    if bad:
        err(f"{bad} of {len(files)} file(s) have problems")
    return EXIT_INPUT if bad else EXIT_OK


def schema(out: Path | None) -> int:
    """Print or write the JSON Schema."""
    text = schema_text()
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        err(f"cannot write {out}: {exc.strerror}")
        return EXIT_INPUT
    print(f"wrote {out}")
    return EXIT_OK


def find_scenario_for(log: SessionLog, log_path: Path, given: str | None) -> LoadedScenario:
    """The scenario a log was played on: given, beside the log, or bundled; the hash must match."""
    candidates = [resolve_scenario(given)] if given else [
        log_path.parent / log.scenario.file, SCENARIOS / log.scenario.file,
        *sorted(SCENARIOS.glob("*.json"))]
    for path in candidates:
        if not path.is_file():
            continue
        try:
            loaded = load_scenario(path)
        except InputError:
            continue
        if loaded.sha256 == log.scenario.sha256:
            return loaded
        if given:
            raise InputError(path, [Problem((), "this is not the file the log was played on "
                                                "(its SHA-256 differs)")])
    raise InputError(log_path, [Problem(("scenario",), f"cannot find scenario "
                                        f"'{log.scenario.file}' with the SHA-256 in the log; "
                                        "pass it with --scenario")])


def replay(log_path: Path, scenario: str | None, report_path: Path | None) -> int:
    """Re-simulate a session log and check its digest."""
    try:
        log = load_log(log_path)
        loaded = find_scenario_for(log, log_path, scenario)
    except InputError as exc:
        err(exc.render())
        return EXIT_INPUT
    sim = Simulation(loaded.scenario, log.seed)
    play_commands(sim, log.commands)
    report = build_report(sim, loaded, log.policy, log.player)
    print(summary(report))
    code = _write_outputs(report, report_path, None, None)
    if log.final_digest is None:
        err("the log has no final digest (the day was not finished): nothing to compare")
        return code
    if report["digest"] != log.final_digest:
        err(f"DIGEST MISMATCH: the log says {log.final_digest[:16]}..., the replay gives "
            f"{report['digest'][:16]}...: the log was changed or was made by another version")
        return EXIT_DIGEST
    print(f"replay ok: digest {report['digest'][:16]}... matches")
    return code
