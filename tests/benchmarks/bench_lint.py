"""How long `clinic-day lint` takes on `standard_day` over 10 seeds (target 2 s: the three
bots on each seed, and the day's own checks).

    python tests/benchmarks/bench_lint.py [--seeds 10] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.lint import lint  # noqa: E402
from game.paths import SCENARIOS  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402

TARGET_S = 2.0


def main(argv: list[str] | None = None) -> int:
    """Time lint on the standard day and print the median."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    scenario = load_scenario(SCENARIOS / "standard_day.json").scenario
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        findings, _table = lint(scenario, args.seeds)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    print(f"lint standard_day, {args.seeds} seeds: median {median:.2f} s over {args.runs} runs "
          f"(min {min(times):.2f} / max {max(times):.2f}); {len(findings)} finding(s); "
          f"target <= {TARGET_S:g} s: {'OK' if median <= TARGET_S else 'OVER TARGET'}")
    return 0 if median <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
