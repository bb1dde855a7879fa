"""Headless benchmarks: simulation speed (one MA and a large team), validation speed, memory."""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.newday import generate  # noqa: E402
from game.newday.day import dumps  # noqa: E402
from game.scenario.load import LoadedScenario, load_scenario  # noqa: E402
from game.scenario.models import Scenario  # noqa: E402
from game.scenario.types import clock  # noqa: E402
from game.sim.engine import Simulation  # noqa: E402
from game.sim.policies import POLICIES  # noqa: E402
from game.sim.runner import play_policy  # noqa: E402
from game.sim.state import StaffState, Status  # noqa: E402

STANDARD_DAY = ROOT / "scenarios" / "standard_day.json"
SEED = 0
# (a) and (d) are the architecture issue's targets: the standard day under 0.05 s, and a large
# practice of 200 patients, 10 providers and 10 MAs passed by the reference bot in 1 s.
TARGET_A, TARGET_B, TARGET_C, TARGET_D = 0.05, 2.0, 0.2, 1.0  # seconds
LARGE_PRACTICE = (200, 10, 10)  # patients, providers, medical assistants


@dataclass(frozen=True)
class Figure:
    """One measured figure and its target."""

    label: str
    median_s: float
    runs: list[float]
    target_s: float

    @property
    def ok(self) -> bool:
        """Within the target."""
        return self.median_s <= self.target_s

    def line(self) -> str:
        """A printable line: median, spread, target and verdict."""
        spread = f"min {min(self.runs):.4f} / max {max(self.runs):.4f}"
        verdict = "OK" if self.ok else "OVER TARGET"
        return (f"{self.label}: median {self.median_s:.4f} s over {len(self.runs)} runs "
                f"({spread}); target <= {self.target_s} s: {verdict}")


def write_day(data: dict[str, Any], path: Path) -> None:
    """Write a generated day (game.newday) as `clinic-day new` writes it."""
    path.write_text(dumps(data), encoding="utf-8")


def measure(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall times of `runs` calls, with time.perf_counter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def play_day(scenario: Scenario, seed: int = SEED) -> Simulation:
    """A whole day played by the reference bot."""
    sim = Simulation(scenario, seed)
    play_policy(sim, POLICIES["reference"]())
    sim.score()
    return sim


def peak_memory(fn: Callable[[], object]) -> int:
    """Peak traced allocation of one call, in bytes (tracemalloc)."""
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def profile(label: str, fn: Callable[[], object], top: int = 20) -> None:
    """Print the top functions of one call by cumulative time (cProfile)."""
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("cumulative").print_stats(top)
    print(f"\n--- cProfile: {label} (top {top} by cumulative time) ---")
    print(out.getvalue().rstrip())


def bench_standard_day() -> tuple[Figure, LoadedScenario]:
    """(a) standard_day with the reference bot."""
    loaded = load_scenario(STANDARD_DAY)
    play_day(loaded.scenario)  # warm-up: imports, pydantic and regex caches
    runs = measure(lambda: play_day(loaded.scenario), 5)
    return Figure("(a) standard_day, reference bot", statistics.median(runs), runs,
                  TARGET_A), loaded


def report_standard_day(fig: Figure, loaded: LoadedScenario) -> None:
    """Print (a) with its x-real-time ratio, score and peak memory."""
    sim = play_day(loaded.scenario)
    simulated = sim.now - sim.opens
    score = sim.score()
    print(fig.line())
    print(f"    simulated day {clock(sim.opens)}-{clock(sim.now)} = {simulated / 3600:.2f} h; "
          f"{simulated / fig.median_s:,.0f}x real time")
    print(f"    score {score.total} ({score.grade}, {'pass' if score.passed else 'FAIL'}), "
          f"{actions(sim)} MA actions")
    peak = peak_memory(lambda: play_day(loaded.scenario))
    print(f"    peak memory (tracemalloc, one day, scenario already loaded): "
          f"{peak / 1024:,.0f} KiB")


def mas(sim: Simulation) -> list[StaffState]:
    """The day's medical assistants (a day without a team has one)."""
    return [m for m in sim.world.staff.values() if m.role == "ma"]


def actions(sim: Simulation) -> int:
    """How many actions the MAs started over the day."""
    return sum(len(m.activities) for m in mas(sim))


def diagnose(sim: Simulation) -> None:
    """Why a day went badly: outcomes, the MAs' load, the day's end, the biggest losses."""
    s = sim.scenario
    outcomes = Counter(p.status.value for p in sim.world.patients.values())
    team = mas(sim)
    busy = sum(min(a.end, sim.now) - a.start for m in team for a in m.activities)
    open_s = max(1, (sim.now - sim.opens) * len(team))
    came = sum(1 for p in sim.world.patients.values() if p.arrival_t is not None)
    seen = sum(1 for p in sim.world.patients.values() if p.exam_start is not None)
    per_seen = busy / 60 / seen if seen else 0.0
    print(f"    outcomes: {dict(sorted(outcomes.items()))}")
    print(f"    {came} patients came, {seen} were seen; the day ended {clock(sim.now)} "
          f"(closes {s.clinic.closes}, hard end {clock(sim.end_time)}); "
          f"everyone clocked out: {sim.world.all_clocked_out}")
    print(f"    the {len(team)} MA(s) were busy {busy / 60:.0f} of {open_s / 60:.0f} MA-minutes "
          f"({100 * busy / open_s:.0f}%), about {per_seen:.1f} MA-minutes per patient seen "
          f"(opening/closing tasks included)")
    if per_seen:
        needed = came * per_seen / 60
        hours = len(team) * (sim.end_time - sim.opens) / 3600
        print(f"    at that rate the {came} patients who came need ~{needed:.0f} MA-hours; "
              f"{len(team)} MA(s) have {hours:.1f} h including overtime")
    left = [p for p in sim.world.patients.values() if p.status == Status.LEFT]
    if left:
        print(f"    walk-outs: {len(left)}, the first at {clock(min(p.left_t or 0 for p in left))}")
    losses: Counter[str] = Counter()
    for e in sim.ledger.entries:
        if e.points < e.max or e.points < 0:
            losses[f"{e.category}: {_kind(sim, e.patient, e.reason)}"] += e.max - e.points
    print("    biggest point losses (points: category: what):")
    for what, pts in losses.most_common(6):
        print(f"      {pts:5d}  {what}")


def _kind(sim: Simulation, pid: str | None, reason: str) -> str:
    """A ledger reason without the patient's name and numbers, so reasons can be counted."""
    if pid is not None and pid in sim.world.patients:
        reason = reason.replace(sim.world.patients[pid].name, "<patient>")
    return re.sub(r"\d+", "N", reason)[:80]


def capacity(providers: int, sizes: range) -> int | None:
    """The largest generated day (of these sizes) the reference bot still passes."""
    best = None
    for n in sizes:
        data = generate(n, providers, 1, "challenging", SEED)
        sim = play_day(Scenario.model_validate_json(json.dumps(data), strict=True))
        if sim.score().passed:
            best = n
    return best


def bench_generated_day(tmp: Path) -> tuple[Figure, Simulation]:
    """(b) a generated 200-patient, 3-provider day with the reference bot."""
    path = tmp / "gen_200p_3prov.json"
    write_day(generate(200, 3, 1, "challenging", SEED), path)
    loaded = load_scenario(path)
    play_day(loaded.scenario)
    runs = measure(lambda: play_day(loaded.scenario), 3)
    return Figure("(b) generated 200 patients / 3 providers, reference bot",
                  statistics.median(runs), runs, TARGET_B), play_day(loaded.scenario)


def report_generated_day(fig: Figure, sim: Simulation) -> None:
    """Print (b), its score and, for a failing day, why."""
    score = sim.score()
    print(fig.line())
    simulated = sim.now - sim.opens
    print(f"    simulated {simulated / 3600:.2f} h; {simulated / fig.median_s:,.0f}x real time; "
          f"{actions(sim)} MA actions")
    print(f"    reference bot score: {score.total} ({score.grade}, "
          f"{'pass' if score.passed else 'FAIL'}); categories (got/possible): "
          + ", ".join(f"{c} {g}/{p}" for c, (g, p) in score.categories.items()))
    peak = peak_memory(lambda: play_day(sim.scenario))
    print(f"    peak memory (tracemalloc, one day): {peak / 1024:,.0f} KiB")
    if score.critical_errors:
        print(f"    critical errors: {len(score.critical_errors)}")
    if not score.passed:
        diagnose(sim)
        best = capacity(3, range(16, 41, 4))
        print(f"    capacity: with 3 providers the reference bot passes generated days up to "
              f"{best} patients (tried 16-40 in steps of 4); 200 is far beyond one MA")


def bench_large_practice(tmp: Path) -> tuple[Figure, Simulation, Path]:
    """(d) a large practice: 200 patients, 10 providers, 10 MAs, with the reference bot."""
    patients, providers, mas = LARGE_PRACTICE
    path = tmp / f"gen_{patients}p_{providers}prov_{mas}ma.json"
    write_day(generate(patients, providers, mas, "challenging", SEED), path)
    loaded = load_scenario(path)
    play_day(loaded.scenario)
    runs = measure(lambda: play_day(loaded.scenario), 3)
    label = (f"(d) large practice: {patients} patients / {providers} providers / {mas} MAs, "
             "reference bot")
    return Figure(label, statistics.median(runs), runs, TARGET_D), play_day(loaded.scenario), path


def report_large_practice(fig: Figure, sim: Simulation) -> None:
    """Print (d): pass or fail, the score and the seconds a day takes, and who was seen."""
    score = sim.score()
    s = sim.scenario
    print(fig.line())
    print(f"    reference bot: {'PASS' if score.passed else 'FAIL'}, score {score.total} "
          f"({score.grade}), {fig.median_s:.3f} s a day; categories (got/possible): "
          + ", ".join(f"{c} {g}/{p}" for c, (g, p) in score.categories.items()))
    patients = sim.world.patients.values()
    seen = sum(1 for p in patients if p.exam_start is not None)
    outcomes = Counter(p.status.value for p in patients)
    print(f"    {len(mas(sim))} MAs on the team, {len(s.clinic.rooms)} rooms; "
          f"{seen}/{len(s.patients)} patients seen, day ended {clock(sim.now)}; "
          f"outcomes: {dict(sorted(outcomes.items()))}")
    if score.critical_errors:
        print(f"    critical errors: {len(score.critical_errors)}")
    if not score.passed:
        diagnose(sim)


def bench_validation(tmp: Path) -> Figure:
    """(c) validating a generated 1,000-patient scenario file."""
    path = tmp / "gen_1000p_3prov.json"
    write_day(generate(1000, 3, 1, "challenging", SEED), path)
    load_scenario(path)
    runs = measure(lambda: load_scenario(path), 5)
    size = path.stat().st_size
    fig = Figure(f"(c) load_scenario, 1,000 patients ({size / 1024:,.0f} KiB)",
                 statistics.median(runs), runs, TARGET_C)
    print(fig.line())
    return fig


def bench_scaling(tmp: Path) -> None:
    """How validation and a bot-played day grow with the schedule (one run each)."""
    print("\nScaling (one run each; the format allows up to 2,000 patients, 10 providers):")
    for patients, providers in ((200, 3), (500, 5), (1000, 3), (1000, 10), (2000, 10)):
        path = tmp / f"scale_{patients}p_{providers}prov.json"
        write_day(generate(patients, providers, 1, "challenging", SEED), path)
        (load_s,) = measure(lambda p=path: load_scenario(p), 1)
        loaded = load_scenario(path)
        (sim_s,) = measure(lambda s=loaded.scenario: play_day(s), 1)
        flag = "  <- load over the (c) target" if load_s > TARGET_C else ""
        print(f"    {patients:5d} patients / {providers:2d} providers: load_scenario "
              f"{load_s:.3f} s, reference-bot day {sim_s:.3f} s{flag}")


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print the figures; --profile adds cProfile tables."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", choices=("over", "all", "none"), default="over",
                    help="cProfile the benchmarks over target (default), all, or none")
    ap.add_argument("--scale", action="store_true",
                    help="also time larger generated days, up to the format's 2,000 patients")
    args = ap.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, seed {SEED}\n")
    fig_a, loaded_a = bench_standard_day()
    report_standard_day(fig_a, loaded_a)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        fig_b, sim_b = bench_generated_day(tmp)
        report_generated_day(fig_b, sim_b)
        fig_c = bench_validation(tmp)
        fig_d, sim_d, path_d = bench_large_practice(tmp)
        report_large_practice(fig_d, sim_d)
        if args.scale:
            bench_scaling(tmp)
        figures = [fig_a, fig_b, fig_c, fig_d]
        print("\nSummary: " + "; ".join(
            f"{f.label.split(')')[0]}) {f.median_s:.3f}/{f.target_s} s "
            f"{'OK' if f.ok else 'OVER'}" for f in figures))
        loaded_b = load_scenario(tmp / "gen_200p_3prov.json")
        loaded_d = load_scenario(path_d)
        jobs: list[tuple[Figure, Callable[[], object]]] = [
            (fig_a, lambda: play_day(loaded_a.scenario)),
            (fig_b, lambda: play_day(loaded_b.scenario)),
            (fig_c, lambda: load_scenario(tmp / "gen_1000p_3prov.json")),
            (fig_d, lambda: play_day(loaded_d.scenario)),
        ]
        for fig, fn in jobs:
            if args.profile == "all" or (args.profile == "over" and not fig.ok):
                profile(fig.label, fn)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
