"""UI benchmarks: frame time (dummy driver and Xvfb), startup time and peak memory vs targets."""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.newday import generate  # noqa: E402
from tests.benchmarks.bench_headless import write_day  # noqa: E402

STANDARD_DAY = ROOT / "scenarios" / "standard_day.json"
GENERATED = (120, 3)  # patients, providers of the extra generated day
SEED = 1  # the `play` command's default seed, so the startup runs play the same day
SPEED = 4.0
SIZE = (1280, 720)
DT = 1 / 60  # fixed real seconds per frame: 4x30 = 120 simulated seconds per 60 frames
FRAMES = 1000
WARMUP = 30
BUSY_AT = 10 * 3600  # 10:00, mid-morning
STARTUP_RUNS = 5
TARGET_DUMMY_P99_MS = 4.0
TARGET_XVFB_P99_MS = 8.0
TARGET_STARTUP_S = 1.5
TARGET_MEMORY_MB = 200.0
RESULT_MARK = "BENCH_UI_RESULT "
STARTUP_LINE = "first frame after "
NO_GL_HINT = "SDL_FRAMEBUFFER_ACCELERATION"


# --- the measuring child: runs in its own process with the video driver chosen by the parent --
@dataclass
class FrameRun:
    """One timed run of frames and what happened in each frame."""

    times: list[float]
    commands: list[bool]  # the bot submitted a command during the frame
    rebuilds: list[bool]  # the context panel rebuilt its pygame_gui buttons during the frame
    gcs: list[float]  # seconds spent in garbage collection during the frame


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p99 of 1,000 frames is the 990th fastest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


@contextmanager
def gc_timer() -> Iterator[list[float]]:
    """Accumulate the time spent in garbage collections in the yielded one-item list."""
    spent = [0.0]
    started = [0.0]

    def callback(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[0] += time.perf_counter() - started[0]

    gc.callbacks.append(callback)
    try:
        yield spent
    finally:
        gc.callbacks.remove(callback)


def child_main(scenario: Path, profile_phase: str | None) -> int:
    """Measure both phases of one scenario in this process; print the result as one line."""
    data_dir = Path(tempfile.mkdtemp(prefix="bench_ui_saves_"))
    try:
        return _child(scenario, profile_phase, data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def _child(scenario: Path, profile_phase: str | None, data_dir: Path) -> int:
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    import pygame

    from game.scenario.load import load_scenario
    from game.scenario.types import clock
    from game.sim.state import IN_CLINIC
    from game.ui.app import App, build_context
    from game.ui.saves import Saves
    from game.ui.scenes.day import DayScene

    ctx = build_context(SIZE, saves=Saves(root=data_dir))
    ctx.sounds.muted = True
    ctx.settings.speed = SPEED  # DayScene builds its SimClock from the settings' speed
    loaded = load_scenario(scenario)
    app = App(ctx)

    def start() -> DayScene:
        ctx.start_day(loaded, SEED, "reference")
        scene = ctx.stack.top
        assert isinstance(scene, DayScene)
        return scene

    def in_clinic(scene: DayScene) -> int:
        return sum(p.status in IN_CLINIC for p in scene.sim.world.patients.values())

    def timed(scene: DayScene) -> tuple[FrameRun, dict[str, Any]]:
        for _ in range(WARMUP):
            app.frame(DT)
        t0, crowd = scene.sim.now, [in_clinic(scene)]
        run = FrameRun([], [], [], [])
        with gc_timer() as gc_spent:
            for _ in range(FRAMES):
                n_cmds, buttons, gc_before = (len(scene.log.log.commands),
                                              scene.context.buttons, gc_spent[0])
                begin = time.perf_counter()
                app.frame(DT)
                run.times.append(time.perf_counter() - begin)
                run.commands.append(len(scene.log.log.commands) > n_cmds)
                run.rebuilds.append(scene.context.buttons is not buttons)
                run.gcs.append(gc_spent[0] - gc_before)
                crowd.append(in_clinic(scene))
        info = {"sim_from": clock(t0), "sim_to": clock(scene.sim.now),
                "sim_seconds": scene.sim.now - t0, "paused": scene.clock.paused,
                "in_clinic_start": crowd[0], "in_clinic_max": max(crowd),
                "in_clinic_mean": statistics.fmean(crowd)}
        return run, info

    def to_busy_time(scene: DayScene) -> None:
        # Same fixed steps as real frames (so the bot plays the same day), without drawing.
        while scene.sim.now < BUSY_AT and not scene.sim.finished:
            scene.update(DT)

    def summary(run: FrameRun, info: dict[str, Any]) -> dict[str, Any]:
        p99 = percentile(run.times, 99)
        slow = [i for i, t in enumerate(run.times) if t > p99]
        rebuilt = [t for t, r in zip(run.times, run.rebuilds, strict=True) if r]
        plain = [t for t, r, c in zip(run.times, run.rebuilds, run.commands, strict=True)
                 if not (r or c)]
        return {**info,
                "p50_ms": 1e3 * percentile(run.times, 50), "p99_ms": 1e3 * p99,
                "max_ms": 1e3 * max(run.times), "mean_ms": 1e3 * statistics.fmean(run.times),
                "commands": sum(run.commands), "rebuilds": sum(run.rebuilds),
                "gc_ms": 1e3 * sum(run.gcs),
                "slow": len(slow),
                "slow_with_command": sum(run.commands[i] for i in slow),
                "slow_with_rebuild": sum(run.rebuilds[i] for i in slow),
                "slow_with_gc": sum(run.gcs[i] > 0.0005 for i in slow),
                "rebuild_mean_ms": 1e3 * statistics.fmean(rebuilt) if rebuilt else None,
                "plain_mean_ms": 1e3 * statistics.fmean(plain) if plain else None,
                "plain_p99_ms": 1e3 * percentile(plain, 99) if plain else None}

    if profile_phase is not None:
        scene = start()
        if profile_phase == "busy":
            to_busy_time(scene)
        for _ in range(WARMUP):
            app.frame(DT)
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(FRAMES):
            app.frame(DT)
        prof.disable()
        for order, top in (("tottime", 25), ("cumulative", 30)):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(order).print_stats(top)
            print(f"--- cProfile of {FRAMES} frames ({profile_phase}), top {top} by {order} ---")
            print(_trim_profile(out.getvalue()))
        pygame.quit()
        return 0

    result: dict[str, Any] = {
        "pygame": pygame.version.ver, "sdl": ".".join(map(str, pygame.get_sdl_version())),
        "pygame_gui": _dist_version("pygame_gui"),
        "driver": pygame.display.get_driver(), "window": list(ctx.screen.get_size()),
        "patients": len(loaded.scenario.patients),
        "providers": len(loaded.scenario.providers), "cases": {}}
    scene = start()
    result["opens"] = clock(scene.sim.now)
    run, info = timed(scene)
    result["cases"]["start"] = summary(run, info)
    result["maxrss_kb_after_start_run"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scene = start()  # a fresh day, played by the bot up to mid-morning
    to_busy_time(scene)
    run, info = timed(scene)
    result["cases"]["busy"] = summary(run, info)
    result["maxrss_kb_end"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pygame.quit()
    print(RESULT_MARK + json.dumps(result))
    return 0


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def _trim_profile(text: str) -> str:
    """cProfile's table with the repository's prefix cut from file names."""
    return text.replace(str(ROOT) + os.sep, "").replace(sys.prefix, "<py>").strip("\n")


# --- the parent: environments, Xvfb, subprocesses, printing -------------------------------------
class Xvfb:
    """An Xvfb server on a free display number, stopped (by its own pid) on exit."""

    def __init__(self, first: int = 97) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.display = ""
        for n in range(first, first + 30):
            if Path(f"/tmp/.X{n}-lock").exists() or Path(f"/tmp/.X11-unix/X{n}").exists():
                continue
            proc = subprocess.Popen(
                ["Xvfb", f":{n}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and proc.poll() is None:
                if Path(f"/tmp/.X11-unix/X{n}").exists():
                    self.proc, self.display = proc, f":{n}"
                    time.sleep(0.2)
                    return
                time.sleep(0.05)
            self._stop(proc)
        raise RuntimeError(f"could not start Xvfb on displays :{first}-:{first + 29}")

    @staticmethod
    def _stop(proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def stop(self) -> None:
        """Stop the server."""
        if self.proc is not None:
            self._stop(self.proc)
            self.proc = None


def child_env(home: Path, display: str | None) -> dict[str, str]:
    """The environment of a measured process: data in a temporary home; dummy audio; the
    dummy video driver, or a real X display with SDL choosing its driver."""
    env = dict(os.environ)
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                 "XDG_STATE_HOME"):
        sub = home / name.lower()
        sub.mkdir(parents=True, exist_ok=True)
        env[name] = str(sub)
    env["SDL_AUDIODRIVER"] = "dummy"
    env.pop(NO_GL_HINT, None)  # measure what the game chooses (app.py sets it on X11)
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if display is None:
        env["SDL_VIDEODRIVER"] = "dummy"
        env.pop("DISPLAY", None)
    else:
        env.pop("SDL_VIDEODRIVER", None)
        env["DISPLAY"] = display
    return env


def run_child(scenario: Path, env: dict[str, str], profile_phase: str | None = None
              ) -> dict[str, Any] | None:
    """Run the frame benchmark of one scenario in a fresh process; its result (or None)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(scenario)]
    if profile_phase is not None:
        cmd += ["--profile-phase", profile_phase]
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if profile_phase is not None:
        print(proc.stdout.rstrip())
    if proc.returncode != 0:
        print(f"    ! the measuring process failed (exit {proc.returncode}):\n"
              + proc.stderr.strip()[-3000:])
        return None
    if profile_phase is not None:
        return {}
    for line in proc.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            result: dict[str, Any] = json.loads(line[len(RESULT_MARK):])
            return result
    print("    ! no result from the measuring process:\n" + proc.stdout[-2000:])
    return None


@dataclass(frozen=True)
class Startup:
    """One `python -m game play standard_day --frames 1` run."""

    reported_s: float  # app.py's own "first frame after X s" (from play_from_args)
    first_frame_s: float  # from spawning the process to that line reaching this process
    wall_s: float  # the whole process, spawn to exit


def run_startup(env: dict[str, str]) -> Startup | None:
    """Start the game for one frame; time the first frame and the whole process."""
    env = {**env, "CLINIC_DAY_STARTUP_TIME": "1"}
    cmd = [sys.executable, "-m", "game", "play", "standard_day", "--frames", "1"]
    begin = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    reported = first = None
    lines = []
    for line in proc.stderr:  # stderr is line-buffered: the line arrives as it is printed
        if reported is None and line.startswith(STARTUP_LINE):
            first = time.perf_counter() - begin
            reported = float(line[len(STARTUP_LINE):].split()[0])
        lines.append(line)
    code = proc.wait()
    wall = time.perf_counter() - begin
    if code != 0 or reported is None or first is None:
        print(f"    ! `{' '.join(cmd[1:])}` exit {code}: {''.join(lines)[-1500:]}")
        return None
    return Startup(reported, first, wall)


def ms(x: float | None) -> str:
    """Milliseconds, two decimals."""
    return "-" if x is None else f"{x:.2f} ms"


def verdict(ok: bool) -> str:
    """OK or OVER TARGET."""
    return "OK" if ok else "OVER TARGET"


@dataclass
class Row:
    """One line of the summary table."""

    what: str
    figure: str
    target: str
    ok: bool | None


def print_frames(scen: str, result: dict[str, Any], target_ms: float,
                 rows: list[Row], driver: str) -> list[str]:
    """Print both phases of one scenario; the phases that missed the target."""
    over = []
    for phase, where in (("start", f"from opening {result['opens']}"),
                         ("busy", "from 10:00")):
        c = result["cases"][phase]
        ok = c["p99_ms"] <= target_ms
        if not ok:
            over.append(phase)
        print(f"  {scen}, {where}: p50 {ms(c['p50_ms'])}, p99 {ms(c['p99_ms'])}, "
              f"max {ms(c['max_ms'])} (mean {ms(c['mean_ms'])}); target p99 <= {target_ms} ms: "
              f"{verdict(ok)}")
        print(f"      simulated {c['sim_from']}-{c['sim_to']} ({c['sim_seconds']} s"
              f"{', PAUSED' if c['paused'] else ''}); patients in the clinic "
              f"{c['in_clinic_start']} at the start, max {c['in_clinic_max']}, "
              f"mean {c['in_clinic_mean']:.1f}; {c['commands']} bot commands, "
              f"{c['rebuilds']} action-button rebuilds, {c['gc_ms']:.1f} ms in gc")
        rebuilt = (f"; frames with a rebuild: mean {ms(c['rebuild_mean_ms'])}"
                   if c["rebuilds"] else "")
        print(f"      frames with neither a command nor a rebuild: mean "
              f"{ms(c['plain_mean_ms'])}, p99 {ms(c['plain_p99_ms'])}{rebuilt}; of the "
              f"{c['slow']} frames above p99, {c['slow_with_command']} had a bot command, "
              f"{c['slow_with_rebuild']} a rebuild, {c['slow_with_gc']} a gc pause > 0.5 ms")
        rows.append(Row(f"Frame time, {driver}, {scen}, {where}",
                        f"p50 {c['p50_ms']:.2f} / p99 {c['p99_ms']:.2f} / "
                        f"max {c['max_ms']:.2f} ms", f"p99 <= {target_ms:g} ms", ok))
    return over


def bench_frames(title: str, env: dict[str, str], scenarios: list[tuple[str, Path]],
                 target_ms: float, driver: str, rows: list[Row],
                 memory: list[tuple[str, dict[str, Any]]]
                 ) -> list[tuple[Path, str, str, dict[str, str]]]:
    """Section 1 or 2; returns the (scenario, phase, label) runs that missed the target."""
    print(f"\n{title} (target p99 <= {target_ms:g} ms)")
    missed = []
    for name, path in scenarios:
        result = run_child(path, env)
        if result is None:
            rows.append(Row(f"Frame time, {driver}, {name}", "failed", "", False))
            continue
        if name == scenarios[0][0]:
            print(f"  [{result['driver']} video driver, window {result['window'][0]}x"
                  f"{result['window'][1]}; pygame-ce {result['pygame']}, SDL {result['sdl']}, "
                  f"pygame_gui {result['pygame_gui']}]")
        providers = result["providers"]
        label = (f"{name} ({result['patients']} patients, {providers} "
                 f"provider{'' if providers == 1 else 's'})")
        for phase in print_frames(label, result, target_ms, rows, driver):
            missed.append((path, phase, f"{driver}, {name}, {phase}", env))
        memory.append((f"{driver}, {name}", result))
    return missed


def bench_startup(envs: list[tuple[str, dict[str, str]]], rows: list[Row]) -> bool:
    """Section 3; True if every median is within the target."""
    print(f"\n3. Startup: `python -m game play standard_day --frames 1`, {STARTUP_RUNS} runs "
          f"after one untimed run (target: process start to first frame <= "
          f"{TARGET_STARTUP_S} s, median)")
    all_ok = True
    for driver, env in envs:
        run_startup(env)  # warm the file cache and the .pyc files
        runs = [r for r in (run_startup(env) for _ in range(STARTUP_RUNS)) if r is not None]
        if not runs:
            rows.append(Row(f"Startup, {driver}", "failed", "", False))
            all_ok = False
            continue

        def med(get: Callable[[Startup], float], rs: list[Startup] = runs) -> str:
            vals = [get(r) for r in rs]
            return (f"{statistics.median(vals):.3f} s (min {min(vals):.3f}, "
                    f"max {max(vals):.3f})")

        first = statistics.median(r.first_frame_s for r in runs)
        ok = first <= TARGET_STARTUP_S
        all_ok &= ok
        print(f"  {driver}: process start -> first frame {med(lambda r: r.first_frame_s)}: "
              f"{verdict(ok)}")
        print(f"      app.py's own 'first frame after' (counted from play_from_args, so "
              f"without interpreter start and imports) {med(lambda r: r.reported_s)}")
        print(f"      whole process (spawn to exit) {med(lambda r: r.wall_s)}")
        rows.append(Row(f"Startup to first frame, {driver} (median of {len(runs)})",
                        f"{first:.3f} s (whole process "
                        f"{statistics.median(r.wall_s for r in runs):.3f} s)",
                        f"<= {TARGET_STARTUP_S} s", ok))
    return all_ok


def print_memory(memory: list[tuple[str, dict[str, Any]]], rows: list[Row]) -> bool:
    """Section 4; True if the standard day's peak is within the target."""
    print(f"\n4. Peak memory (ru_maxrss of the measuring process; target <= "
          f"{TARGET_MEMORY_MB:g} MB)")
    all_ok = True
    for label, result in memory:
        run_mb = result["maxrss_kb_after_start_run"] / 1024
        end_mb = result["maxrss_kb_end"] / 1024
        ok = run_mb <= TARGET_MEMORY_MB
        all_ok &= ok
        print(f"  {label}: {run_mb:.1f} MB after the {FRAMES:,}-frame run from opening "
              f"({verdict(ok)}); {end_mb:.1f} MB at the end of the process (after the second "
              f"day, fast-forwarded to 10:00 and {FRAMES:,} more frames)")
        rows.append(Row(f"Peak memory, {label}", f"{run_mb:.1f} MB",
                        f"<= {TARGET_MEMORY_MB:g} MB", ok))
    return all_ok


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print the figures; cProfile what misses a target."""
    ap = argparse.ArgumentParser(description=__doc__)
    xvfb = ap.add_mutually_exclusive_group()
    xvfb.add_argument("--xvfb", action="store_true",
                      help="also measure under Xvfb (the default when Xvfb is installed)")
    xvfb.add_argument("--no-xvfb", action="store_true", help="dummy video driver only")
    ap.add_argument("--profile", choices=("over", "all", "none"), default="over",
                    help="cProfile the frame loop of the runs over target (default), all, none")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--profile-phase", choices=("start", "busy"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        return child_main(args.child, args.profile_phase)

    use_xvfb = not args.no_xvfb and (args.xvfb or shutil.which("Xvfb") is not None)
    if args.xvfb and shutil.which("Xvfb") is None:
        print("error: --xvfb given but Xvfb is not installed (Debian: apt install xvfb)",
              file=sys.stderr)
        return 2
    print(f"Clinic Day UI benchmarks: Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs ({platform.machine()}), seed {SEED}")
    print(f"Frames: {FRAMES:,} timed App.frame({DT:.4f}) calls (time.perf_counter around each),"
          f" after {WARMUP} untimed warm-up frames; {SIZE[0]}x{SIZE[1]}; speed {SPEED:g}x "
          f"({SPEED * 30 * DT:g} simulated s per frame); autoplay 'reference'; "
          f"muted; saves in a temporary folder. 'From 10:00': a second day, played by the bot "
          f"in the same fixed steps (update only, no drawing) up to 10:00, then warm-up and "
          f"timed frames.")
    rows: list[Row] = []
    memory: list[tuple[str, dict[str, Any]]] = []
    server: Xvfb | None = None
    with tempfile.TemporaryDirectory(prefix="bench_ui_") as name:
        tmp = Path(name)
        gen_path = tmp / f"gen_{GENERATED[0]}p_{GENERATED[1]}prov.json"
        write_day(generate(*GENERATED, 1, "challenging", 0), gen_path)
        scenarios = [("standard_day", STANDARD_DAY),
                     ("generated day", gen_path)]
        dummy_env = child_env(tmp / "home", None)
        missed = bench_frames("1. Frame time, dummy video driver", dummy_env, scenarios,
                              TARGET_DUMMY_P99_MS, "dummy", rows, memory)
        startup_envs = [("dummy", dummy_env)]
        try:
            if use_xvfb:
                server = Xvfb()
                x_env = child_env(tmp / "home", server.display)
                missed += bench_frames(f"2. Frame time, Xvfb {server.display} "
                                       f"({SIZE[0]}x{SIZE[1]}x24, no window manager)", x_env,
                                       scenarios, TARGET_XVFB_P99_MS, "Xvfb", rows, memory)
                startup_envs.append(("Xvfb", x_env))
            else:
                print("\n2. Frame time under Xvfb: skipped (Xvfb not installed or --no-xvfb)")
            bench_startup(startup_envs, rows)
            print_memory(memory, rows)

            print("\nSummary (paste into the README):\n")
            print("| Measure | Figure | Target | |")
            print("|---|---|---|---|")
            for r in rows:
                mark = "" if r.ok is None else ("OK" if r.ok else "**over**")
                print(f"| {r.what} | {r.figure} | {r.target} | {mark} |")

            if args.profile != "none":
                # One profile per driver that missed (the frame loop is the same code).
                jobs = list({label.split(",")[0]: (path, phase, label, env)
                             for path, phase, label, env in reversed(missed)}.values())[::-1]
                if args.profile == "all":
                    jobs = [(p, ph, f"dummy, {n}, {ph}", dummy_env) for n, p in scenarios
                            for ph in ("start", "busy")]
                for path, phase, label, env in jobs:
                    print(f"\n=== cProfile: {label} ===")
                    run_child(path, env, profile_phase=phase)
        finally:
            if server is not None:
                server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
