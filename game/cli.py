"""The `clinic-day` command: parse arguments and hand over; the work lives elsewhere."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game import __version__
from game.paths import DEFAULT_SCENARIO
from game.user_days import days_dir

POLICY_NAMES = ("reference", "naive", "idle")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="clinic-day",
        description="A medical assistant's clinic day. With no command, opens the game.")
    ap.add_argument("--version", action="version", version=f"clinic-day {__version__}")
    # The window checks of the design contract work on the title screen too.
    ap.add_argument("--frames", type=int, help="quit after this many frames")
    ap.add_argument("--screenshot", type=Path, help="save the last frame as a PNG")
    sub = ap.add_subparsers(dest="cmd", metavar="COMMAND")

    play = sub.add_parser("play", help="play a day in a window")
    play.add_argument("scenario", nargs="?", default=None,
                      help=f"a scenario file or bundled name (default: the title screen, "
                           f"then {DEFAULT_SCENARIO})")
    play.add_argument("--seed", type=int, default=1)
    play.add_argument("--speed", type=float, default=1.0, choices=(1.0, 2.0, 4.0),
                      help="game speed: 1, 2 or 4")
    play.add_argument("--autoplay", choices=POLICY_NAMES, help="watch a bot play the day")
    # SUPPRESS: given before `play` or after it, the value is kept either way.
    play.add_argument("--frames", type=int, default=argparse.SUPPRESS,
                      help="quit after this many frames")
    play.add_argument("--screenshot", type=Path, default=argparse.SUPPRESS,
                      help="save the last frame as a PNG")
    play.add_argument("--player", help="your name, stored in the session log")
    play.add_argument("--student-id", help="your student ID, stored in the session log for "
                                           "your instructor's gradebook")

    run = sub.add_parser("run", help="play a day headless with a bot or a file of commands")
    run.add_argument("scenario", help="a scenario file or bundled name, e.g. standard_day")
    run.add_argument("--seed", type=int, default=1)
    how = run.add_mutually_exclusive_group(required=True)
    how.add_argument("--policy", choices=POLICY_NAMES)
    how.add_argument("--actions", type=Path, help="a JSON file of timed commands")
    run.add_argument("--report", type=Path, help="write the report (.json, .html or .csv)")
    run.add_argument("--log", type=Path, help="write the session log (JSON)")

    val = sub.add_parser("validate", help="check scenario files or folders")
    val.add_argument("paths", nargs="+")

    lin = sub.add_parser(
        "lint", help="check that days are winnable and fair (the bots on several seeds)",
        description="Validate each day, then play it with the reference, naive and idle bots "
                    "on seeds 1..N and check what validation cannot: the reference bot "
                    "passes, idle fails, naive does clearly worse, every provider has "
                    "patients, every follow-up can be booked. Exit 0 when clean, 1 on an "
                    "error (with --strict, on a warning too).")
    lin.add_argument("paths", nargs="+", help="scenario files or folders")
    lin.add_argument("--seeds", type=int, default=5, help="seeds 1..N (default 5)")
    lin.add_argument("--strict", action="store_true", help="warnings fail too")

    gra = sub.add_parser(
        "grade", help="replay and verify a class's session logs into a gradebook",
        description="Replay every session log in the files and folders given (folders are "
                    "searched with their subfolders), verify each, and write a CSV gradebook "
                    "and an HTML class report. Exit 0 when the gradebook was written, "
                    "whatever the rows say; 1 when a path does not exist or nothing could "
                    "be written.")
    gra.add_argument("paths", nargs="+", type=Path, help="session logs or folders of them")
    gra.add_argument("--csv", type=Path, help="write the gradebook as CSV (UTF-8)")
    gra.add_argument("--html", type=Path, help="write the class report as HTML; each "
                                               "student's own report goes beside it")
    gra.add_argument("--jobs", type=int, default=None,
                     help="processes to use (default: the machine's cores)")
    gra.add_argument("--scenarios", type=Path, action="append", default=[], metavar="DIR",
                     help="another folder of days to look logs' days up in (repeatable)")
    gra.add_argument("--expect-scenario", metavar="ID",
                     help="flag the logs that did not play this day (its id)")
    gra.add_argument("--expect-seed", type=int, metavar="N",
                     help="flag the logs that did not play this seed")

    new = sub.add_parser(
        "new", help="write a new day to edit, from shipped fictional lists",
        description="Write a valid day of fictional patients, with the traps the difficulty "
                    "asks for: introductory an allergy; standard also a same-name pair and an "
                    "inactive insurance; challenging also a crisis reading, an unauthorized "
                    "caller and a red-flag walk-in. The same options give the same file. "
                    "Exit 0 written, 1 the file cannot be written (or exists: --force), 2 a "
                    "number out of range or too much for the team.")
    new.add_argument("file", type=Path, help="the scenario file to write (.json)")
    new.add_argument("--patients", type=int, default=12, help="scheduled patients (default 12)")
    new.add_argument("--providers", type=int, default=2, help="providers (default 2)")
    new.add_argument("--mas", type=int, default=1, help="medical assistants (default 1)")
    new.add_argument("--difficulty", choices=("introductory", "standard", "challenging"),
                     default="standard", help="which traps it sets (default standard)")
    new.add_argument("--seed", type=int, default=1, help="which day of that size (default 1)")
    new.add_argument("--calls", type=int, default=0, help="phone calls and portal messages, "
                                                          "with their charts (default 0)")
    new.add_argument("--walk-ins", type=int, default=0, help="walk-ins (default 0)")
    new.add_argument("--force", action="store_true", help="replace the file if it exists")

    sch = sub.add_parser("schema", help="print the JSON Schema of the scenario format "
                                        "(or, with --report, of the end-of-day report)")
    sch.add_argument("--report", action="store_true",
                     help="the schema of the report that `run --report` writes as JSON")
    sch.add_argument("-o", "--output", type=Path, help="write it to a file")

    imp = sub.add_parser(
        "import", help="check a day (say, from your instructor) and add it to your days",
        description="Check a scenario file and copy it into your days folder, "
                    f"{days_dir()}; the title screen lists every day there beside the "
                    "bundled ones. Nothing is copied when the file has problems (they are "
                    "printed, as validate prints them).")
    imp.add_argument("file", type=Path, help="the scenario file (.json)")
    imp.add_argument("--force", action="store_true",
                     help="replace a different day of the same file name")

    wat = sub.add_parser(
        "watch", help="replay a student's session log in the window",
        description="Show the day of a session log in the window as the student played it: "
                    "its commands at their times; pause, change the speed, and from the "
                    "debrief jump to any ledger entry. Nothing is recorded. The day is found "
                    "by its SHA-256 as grade finds it. Exit 1 when the log or its day cannot "
                    "be used.")
    wat.add_argument("log", type=Path, help="a session log (JSON)")
    wat.add_argument("--scenarios", type=Path, action="append", default=[], metavar="DIR",
                     help="another folder of days to look the log's day up in (repeatable)")
    wat.add_argument("--speed", type=float, default=1.0, choices=(1.0, 2.0, 4.0),
                     help="game speed: 1, 2 or 4")
    wat.add_argument("--frames", type=int, default=argparse.SUPPRESS,
                     help="quit after this many frames")
    wat.add_argument("--screenshot", type=Path, default=argparse.SUPPRESS,
                     help="save the last frame as a PNG")

    rep = sub.add_parser("replay", help="re-simulate a session log and check its digest")
    rep.add_argument("log", type=Path)
    rep.add_argument("--scenario", help="the scenario file, if not found automatically")
    rep.add_argument("--report", type=Path, help="write the report (.json, .html or .csv)")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        code = _dispatch(args)
    except BrokenPipeError:
        # The headless commands catch a closed pipe where they print, so their exit code
        # stands; only the window's few prints can still end here.
        code = 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # Flushing at exit would fail again and Python would then exit with 120.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code


def _dispatch(args: argparse.Namespace) -> int:
    if args.cmd in (None, "play"):
        # Only the window needs pygame; importing it here keeps the other commands headless.
        from game.ui.app import play_from_args

        return play_from_args(args)
    if args.cmd == "watch":
        from game.ui.watch.command import watch

        return watch(args.log, args.scenarios, args.speed, getattr(args, "frames", None),
                     getattr(args, "screenshot", None))
    from game import headless

    if args.cmd == "run":
        return headless.run(args.scenario, args.seed, args.policy, args.actions, args.report,
                            args.log)
    if args.cmd == "validate":
        return headless.validate(args.paths)
    if args.cmd == "lint":
        return headless.lint(args.paths, args.seeds, args.strict)
    if args.cmd == "grade":
        from game.grade.checks import Expect
        from game.grade.command import grade
        from game.grade.pool import default_jobs

        jobs = default_jobs() if args.jobs is None else args.jobs
        return grade(args.paths, args.csv, args.html, jobs, args.scenarios,
                     Expect(args.expect_scenario, args.expect_seed))
    if args.cmd == "new":
        from game.newday.command import Request, new_day

        return new_day(Request(args.file, args.patients, args.providers, args.mas,
                               args.difficulty, args.seed, args.calls, args.walk_ins,
                               args.force))
    if args.cmd == "schema":
        return headless.schema(args.output, args.report)
    if args.cmd == "import":
        return headless.import_file(args.file, args.force)
    return headless.replay(args.log, args.scenario, args.report)


if __name__ == "__main__":
    sys.exit(main())
