"""The phone's benchmark: the reference bot on a generated day of 100 calls and 20 walk-ins,
on the same day without them, and on the shipped standard day (medians of several runs)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.newday import generate  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.scenario.models import Scenario  # noqa: E402
from game.sim.engine import Simulation  # noqa: E402
from game.sim.rules.phone.calls import phone  # noqa: E402
from tests.benchmarks.bench_headless import (  # noqa: E402
    STANDARD_DAY,
    Figure,
    measure,
    play_day,
    write_day,
)

TARGET_PHONE_DAY = 1.0  # seconds: the 100-call, 20-walk-in day
TARGET_STANDARD = 0.05  # seconds: the standard day, as bench_headless has it
SEED = 0


def timed(label: str, scenario: Scenario, runs: int, target: float) -> tuple[Figure, Simulation]:
    """Median wall time of the reference bot's day (after one warm-up), and one played day."""
    sim = play_day(scenario)
    times = measure(lambda: play_day(scenario), runs)
    return Figure(label, statistics.median(times), times, target), sim


def describe(sim: Simulation) -> str:
    """The day's score, and what became of its calls and walk-ins."""
    score = sim.score()
    calls = phone(sim).calls.values()
    kinds = Counter(c.spec.kind for c in calls)
    done = sum(c.status.value == "done" for c in calls)
    walk = [p for p in sim.world.patients.values() if p.walk_in]
    flags = sum(p.spec.walk_in is not None and p.spec.walk_in.red_flag is not None
                for p in walk)
    verdict = "pass" if score.passed else "FAIL"
    text = f"    score {score.total} ({score.grade}, {verdict}), {len(score.critical_errors)} " \
           "critical error(s)"
    if calls:
        text += (f"; {done}/{len(calls)} calls dealt with "
                 f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    if walk:
        text += (f"; {len(walk)} walk-ins ({flags} with a red flag), screened: "
                 f"{sum(p.screened is not None for p in walk)}")
    return text


def main(argv: list[str] | None = None) -> int:
    """Time the days and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--patients", type=int, default=30)
    ap.add_argument("--providers", type=int, default=3)
    ap.add_argument("--mas", type=int, default=3)
    ap.add_argument("--calls", type=int, default=100)
    ap.add_argument("--walk-ins", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each day (default 5)")
    args = ap.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, seed {SEED}, {args.runs} runs each\n")
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        size = f"{args.patients} patients, {args.providers} providers, {args.mas} MAs"
        for calls, walk_ins, target in ((args.calls, args.walk_ins, TARGET_PHONE_DAY),
                                        (0, 0, TARGET_PHONE_DAY)):
            path = Path(folder) / f"phone_{calls}_{walk_ins}.json"
            write_day(generate(args.patients, args.providers, args.mas, "challenging", SEED,
                               calls=calls, walk_ins=walk_ins), path)
            label = f"generated {size}, {calls} calls, {walk_ins} walk-ins"
            fig, sim = timed(label, load_scenario(path).scenario, args.runs, target)
            print(fig.line())
            print(describe(sim))
            figures.append(fig)
    fig, sim = timed("standard_day", load_scenario(STANDARD_DAY).scenario, args.runs,
                     TARGET_STANDARD)
    print(fig.line())
    print(describe(sim))
    figures.append(fig)
    phone_cost = figures[0].median_s - figures[1].median_s
    print(f"\nThe calls and walk-ins add {phone_cost:.3f} s to the generated day.")
    return 0 if figures[0].ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
