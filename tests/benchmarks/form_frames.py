"""What the form benchmarks share: the driver chosen from the command line, and the frame
times of the whole window with a form open."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

from tests.benchmarks.bench_ui import DT, TARGET_DUMMY_P99_MS, TARGET_XVFB_P99_MS, percentile

WARMUP = 30


def driver_args(doc: str | None, argv: list[str] | None) -> tuple[argparse.Namespace, float]:
    """`--frames N --display :N`, the SDL drivers set for them, and the p99 target."""
    ap = argparse.ArgumentParser(description=doc)
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
    return args, TARGET_XVFB_P99_MS if args.display else TARGET_DUMMY_P99_MS


def frame_times(app: Any, frames: int,
                each: Callable[[int], None] | None = None) -> tuple[float, float]:
    """p50 and p99 of `frames` frames (after a warm-up), `each(i)` run before frame i."""
    times = []
    for i in range(WARMUP + frames):
        if each is not None:
            each(i)
        t0 = time.perf_counter()
        app.frame(DT)
        if i >= WARMUP:
            times.append((time.perf_counter() - t0) * 1000)
    return percentile(times, 50), percentile(times, 99)
