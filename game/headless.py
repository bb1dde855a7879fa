"""The headless subcommands: run, validate, lint, schema, import, replay. None imports
pygame."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from game.paths import SCENARIOS, bundled_scenarios, load_named_scenario, resolve_scenario
from game.replaying import replay_log
from game.report.model import build_report
from game.report.schema import report_schema
from game.report.text import summary
from game.report.writers import write_report
from game.scenario.errors import InputError, Problem
from game.scenario.load import LoadedScenario, load_scenario
from game.scenario.schema import schema_text
from game.session import bot_log, new_log
from game.sim.engine import Simulation
from game.sim.log import (
    SessionLog,
    TimedCommand,
    load_actions,
    load_log,
    save_log,
)
from game.sim.results import Rejected, Result
from game.sim.runner import play_commands
from game.sim.verify import unknown_references
from game.user_days import ImportRefused, days_dir, import_day, same_id

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_DIGEST = 0, 1, 2, 3


def _silence(stream: TextIO) -> None:
    """Point a stream whose reader went away at the null device, so later writes succeed."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (a test's StringIO): nothing is waiting to be flushed


def _emit(text: str, stream: TextIO) -> None:
    # A closed pipe (`clinic-day replay LOG | head -1`) only means nobody reads the rest:
    # it must never change the exit code or stop a file being written, so it is caught here,
    # at the print, and the command carries on to its real result.
    try:
        print(text, file=stream)
        stream.flush()
    except BrokenPipeError:
        _silence(stream)


def say(text: str) -> None:
    """Text for the user on standard output."""
    _emit(text, sys.stdout)


def err(text: str) -> None:
    """A message for the user on standard error."""
    _emit(text, sys.stderr)


def hms(t: int) -> str:
    """HH:MM:SS of seconds since midnight."""
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"


def _rejections(commands: list[TimedCommand], results: list[tuple[int, Result]]) -> list[str]:
    out = []
    for i, (tc, (t, result)) in enumerate(zip(commands, results, strict=True)):
        if isinstance(result, Rejected):
            c = tc.command
            who = getattr(c, "patient", None) or getattr(c, "room", None) or \
                getattr(c, "task", None) or ""
            out.append(f"  {hms(t)}  commands[{i}] {c.type}{' ' + who if who else ''}: "
                       f"{result.reason}")
    return out


def run(scenario: str, seed: int, policy: str | None, actions: Path | None,
        report_path: Path | None, log_path: Path | None) -> int:
    """Play a day headless with a bot or an actions file; write the files, then print."""
    try:
        loaded = load_named_scenario(scenario)
        script = load_actions(actions, lambda a: unknown_references(a.commands,
                                                                    loaded.scenario)) \
            if actions else None
    except InputError as exc:
        err(exc.render())
        return EXIT_INPUT
    rejected: list[str] = []
    if script is not None:
        sim = Simulation(loaded.scenario, seed)
        log = new_log(loaded, seed, policy, source="actions")
        log.commands = list(script.commands)
        rejected = _rejections(log.commands, play_commands(sim, log.commands))
        report = build_report(sim, loaded, "actions", played_at=log.played_at,
                              source=log.source)
        log.seal(report["digest"])
    else:
        assert policy is not None
        _, log, report = bot_log(loaded, seed, policy)
    code = _write_outputs(report, report_path, log, log_path)
    if rejected:
        say(f"{len(rejected)} command(s) of {actions} could not be done:\n"
            + "\n".join(rejected) + "\n")
    say(summary(report))
    return code


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


def _scenario_files(paths: list[str]) -> list[Path]:
    """The files named, and the scenario files (*.json) of the folders named."""
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
    return files


def validate(paths: list[str]) -> int:
    """Check files and folders of scenarios; every problem of every file is printed."""
    files = _scenario_files(paths)
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
        say(f"ok  {f}: {s.title} ({n} patient{'' if n == 1 else 's'}, "
              f"{r} room{'' if r == 1 else 's'})")
    if bad:
        err(f"{bad} of {len(files)} file(s) have problems")
    return EXIT_INPUT if bad else EXIT_OK


def lint(paths: list[str], seeds: int, strict: bool) -> int:
    """Validate each day, then check it is winnable and fair: the bots' table and every
    finding; exit 1 on an error (or, with strict, a warning)."""
    from game.lint import Level
    from game.lint import lint as lint_day

    files = _scenario_files(paths)
    if not files:
        return EXIT_INPUT
    if not 1 <= seeds <= 100:
        err(f"--seeds must be from 1 to 100 (got {seeds})")
        return EXIT_USAGE
    failing = 0
    for f in files:
        try:
            loaded = load_scenario(f)
        except InputError as exc:
            failing += 1
            err(exc.render())
            continue
        findings, bots = lint_day(loaded.scenario, seeds)
        errors = [x for x in findings if x.level == Level.ERROR]
        say(f"{f}: {loaded.scenario.title}\n{bots}\n")
        for x in findings:
            say(x.render(str(f)))
        if errors or (strict and findings):
            failing += 1
        elif not findings:
            say(f"ok  {f}: winnable and fair on seeds 1-{seeds}")
    if failing:
        err(f"{failing} of {len(files)} file(s) did not pass lint")
    return EXIT_INPUT if failing else EXIT_OK


def schema(out: Path | None, report: bool = False) -> int:
    """Print or write the JSON Schema of the scenario format, or with `report` of the report."""
    text = report_schema() if report else schema_text()
    if out is None:
        say(text.rstrip("\n"))
        return EXIT_OK
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        err(f"cannot write {out}: {exc.strerror}")
        return EXIT_INPUT
    say(f"wrote {out}")
    return EXIT_OK


def import_file(source: Path, force: bool) -> int:
    """Validate a day and copy it into the player's days folder; say where it went."""
    folder = days_dir()
    try:
        done = import_day(source, folder, force)
    except InputError as exc:
        err(exc.render())
        err(f"{source} was not imported: nothing was copied")
        return EXIT_INPUT
    except ImportRefused as exc:
        err(str(exc))
        return EXIT_INPUT
    except OSError as exc:
        err(f"cannot copy {source} to {folder}: {exc.strerror or type(exc).__name__}")
        return EXIT_INPUT
    title = done.loaded.scenario.title
    if done.unchanged:
        say(f"{title}: already in your days, unchanged: {done.target}")
    else:
        verb = "replaced" if done.replaced else "imported"
        say(f"{verb} {title}: {done.target}\nIt is listed on the title screen "
            "(clinic-day).")
    twin = same_id(done.loaded, folder, done.target)
    if twin is not None:
        err(f"note: its id '{done.loaded.scenario.id}' is also the id of \"{twin}\": the two "
            "share one best score; give the day an id of its own to keep them apart")
    return EXIT_OK


def find_scenario_for(log: SessionLog, log_path: Path, given: str | None) -> LoadedScenario:
    """The scenario a log was played on: given, beside the log, or bundled; the hash must match.

    The log's file name is only ever looked up in those two folders (it is a bare name).
    """
    name = Path(log.scenario.file).name
    # The player's days folder too: a day imported and played there replays by itself.
    candidates = [resolve_scenario(given)] if given else [
        log_path.parent / name, SCENARIOS / name, *bundled_scenarios(), days_dir() / name]
    for path in candidates:
        if not path.is_file():
            continue
        try:
            loaded = load_scenario(path)
        except InputError:
            if given:
                raise
            continue
        if loaded.sha256 == log.scenario.sha256:
            return loaded
        if given:
            raise InputError(path, [Problem((), "this is not the file the log was played on "
                                                "(its SHA-256 differs)")])
    raise InputError(log_path, [Problem(("scenario",), f"cannot find scenario "
                                        f"'{log.scenario.file}' with the SHA-256 in the log "
                                        "beside the log, among the bundled days or in your "
                                        "days folder; pass it "
                                        "with --scenario")])


def replay(log_path: Path, scenario: str | None, report_path: Path | None) -> int:
    """Re-simulate a session log, check it, write the report with the verdict, then print."""
    try:
        log = load_log(log_path)
        loaded = find_scenario_for(log, log_path, scenario)
    except InputError as exc:
        err(exc.render())
        return EXIT_INPUT
    done = replay_log(log, loaded)
    report, verdict = done.report, done.verdict
    code = _write_outputs(report, report_path, None, None)
    say(summary(report))
    if not verdict.verified:
        err(verdict.reason)
        return EXIT_DIGEST
    say(f"replay ok: digest {(log.final_digest or '')[:16]}... matches: {verdict.reason}")
    return code
