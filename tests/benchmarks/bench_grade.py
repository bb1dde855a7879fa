"""How long `clinic-day grade` takes on a class of 200 logs of `standard_day` (target 10 s on
a 2-core machine): the logs are made first (not timed), then the whole command is timed as an
instructor runs it, CSV and HTML class report included.

    python tests/benchmarks/bench_grade.py [--logs 200] [--jobs N] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.paths import SCENARIOS  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.session import new_log  # noqa: E402
from game.sim.engine import Simulation  # noqa: E402
from game.sim.log import save_log  # noqa: E402
from game.sim.policies import POLICIES  # noqa: E402
from game.sim.runner import play_policy  # noqa: E402

TARGET_S = 10.0


def make_class(folder: Path, count: int) -> None:
    """`count` sealed logs: the reference and naive bots on seeds 1..count/2, as a class of
    good and weak students would hand in."""
    loaded = load_scenario(SCENARIOS / "standard_day.json")
    for i in range(count):
        policy, seed = ("reference", "naive")[i % 2], i // 2 + 1
        sim = Simulation(loaded.scenario, seed)
        log = new_log(loaded, seed, policy, played_at="2026-12-01T09:00:00+00:00")
        log.commands = play_policy(sim, POLICIES[policy]())
        log.seal(sim.digest())
        save_log(log, folder / f"student{i:03d}.json", durable=False)


def main(argv: list[str] | None = None) -> int:
    """Make the class, time the command, print the median."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--logs", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        logs, out = Path(tmp) / "logs", Path(tmp) / "out"
        logs.mkdir()
        make_class(logs, args.logs)
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "game", "grade", str(logs), "--jobs", str(args.jobs),
                 "--csv", str(out / "g.csv"), "--html", str(out / "c.html")],
                capture_output=True, text=True, cwd=ROOT, check=False)
            times.append(time.perf_counter() - t0)
            if done.returncode != 0:
                print(done.stderr)
                return 1
        summary = done.stdout.strip().splitlines()[-1]
    median = statistics.median(times)
    print(f"grade {args.logs} logs of standard_day, --jobs {args.jobs}: median {median:.2f} s "
          f"over {args.runs} runs (min {min(times):.2f} / max {max(times):.2f}); {summary}; "
          f"target <= {TARGET_S:g} s: {'OK' if median <= TARGET_S else 'OVER TARGET'}")
    return 0 if median <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
