"""The medication form's benchmark: frame time of the whole window (1280x720) with the form
open on each of its steps, on the medications test day just after the adult's exam, and with
the site picker moved every frame (its drawing redone each time), against bench_ui's targets.

    python tests/benchmarks/bench_medication_form.py [--frames 600] [--display :95]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_ui import (  # noqa: E402
    DT,
    TARGET_DUMMY_P99_MS,
    TARGET_XVFB_P99_MS,
    percentile,
)

FIXTURE = ROOT / "tests" / "fixtures" / "medications_day.json"
PID = "s01-nakamura"
WARMUP = 30


def main(argv: list[str] | None = None) -> int:
    """Time the frames and print p50 / p99 per step of the form."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--frames", type=int, default=600)
    ap.add_argument("--display", help="an X display (Xvfb) instead of the dummy driver")
    args = ap.parse_args(argv)
    if args.display:
        os.environ["DISPLAY"] = args.display
        os.environ.pop("SDL_VIDEODRIVER", None)
    else:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    from game.scenario.load import load_scenario
    from game.sim.state import Status
    from game.ui.app import App, build_context
    from game.ui.forms.medication import PAGES, MedicationForm
    from game.ui.saves import Saves
    from game.ui.scenes.day import DayScene

    ctx = build_context(saves=Saves(root=Path(tempfile.mkdtemp())))
    ctx.sounds.muted = True
    ctx.settings.phone_stops_clock = False
    ctx.start_day(load_scenario(FIXTURE), 1, "reference")
    app = App(ctx)
    scene = ctx.stack.top
    assert isinstance(scene, DayScene)
    p = scene.sim.world.patients[PID]
    scene.clock.set_speed(4.0)
    while p.status != Status.WITH_PROVIDER:
        app.frame(0.25)
    scene.autoplay_bot = None  # the player takes over: nothing of the doses is done yet
    while p.status != Status.EXAM_DONE:
        app.frame(0.25)
    scene.open_form("medication", PID)
    form = scene.form
    assert isinstance(form, MedicationForm)
    target = TARGET_XVFB_P99_MS if args.display else TARGET_DUMMY_P99_MS
    driver = "Xvfb" if args.display else "dummy"
    print(f"medication form open, 1280x720, {driver} driver, {args.frames} frames per case "
          f"(target p99 {target:g} ms)")
    worst = 0.0
    cases: list[tuple[str, str]] = [(page, page) for page in PAGES]
    cases.append(("give, the site moved every frame", "give"))
    for label, page in cases:
        form.switch(page)
        times = []
        for i in range(WARMUP + args.frames):
            if label.startswith("give,"):
                form.give.move(("down", "right", "up", "left")[i % 4])
            t0 = time.perf_counter()
            app.frame(DT)
            if i >= WARMUP:
                times.append((time.perf_counter() - t0) * 1000)
        p50, p99 = percentile(times, 50), percentile(times, 99)
        worst = max(worst, p99)
        print(f"  {label:34s} p50 {p50:5.2f} ms   p99 {p99:5.2f} ms")
    print(f"worst p99 {worst:.2f} ms: {'within' if worst <= target else 'OVER'} the target")
    return 0 if worst <= target else 1


if __name__ == "__main__":
    raise SystemExit(main())
