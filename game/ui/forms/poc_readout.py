"""What the point-of-care form shows of a test run, in words: its stage (for the tabs), the
timer line and the read-out."""

from __future__ import annotations

from game.clinical.poc import pads_with_defaults, timing, window_text
from game.scenario.types import clock
from game.sim.view_poc import TestRun, value_of

TIMING_WORDS = {"early": "too early", "on_time": "READ NOW", "late": "too late"}


TAB_STAGE = {"sent_to_lab": "sent to lab", "done": "done", "read": "to record",
             "running": "running", "collected": "to start", "to_collect": "to collect"}


def stage(r: TestRun) -> str:
    """Where a run stands, in two or three words (the tab's caption)."""
    return TAB_STAGE[r.stage]


def timer_text(r: TestRun, now: int) -> str:
    """The timer line: not started, the time since the start against the read window, or
    what became of the result (a recorded test's timer stops)."""
    if r.sent_to_lab:
        return "Sent to the reference lab"
    if r.done:
        return "Recorded in the chart"
    if r.started_t is None:
        return "Specimen collected: start the test" if r.collected else "Not started"
    if now < r.started_t:
        return f"Preparing the test: its timer starts at {clock(r.started_t)}"
    e = now - r.started_t
    if r.read_t is not None:
        return f"Read at {(r.read_t - r.started_t) // 60}:{(r.read_t - r.started_t) % 60:02d}"
    return f"{e // 60}:{e % 60:02d}  ({window_text(r.test)}: {TIMING_WORDS[timing(r.test, e)]})"


def readout_text(r: TestRun) -> str:
    """The read-out once read: the strip's pads, the cassette's lines, the analyzer's screen."""
    t = r.test
    if r.sent_to_lab:
        return "The reference lab reports this result."
    if r.read_t is None:
        when = window_text(t)
        return (f"{when[0].upper()}{when[1:]}. Read it in its window to see the read-out; "
                "early or late, the reading is invalid.")
    if t.kind == "dipstick":
        pads = pads_with_defaults(r.spec.pads)
        return " \u00b7 ".join(f"{k}: {v}" for k, v in pads.items())
    if t.kind == "qualitative":
        lines = ("C and T lines" if (r.spec.reading or "negative") == "positive"
                 else "C line only")
        return f"Cassette: {lines}"
    return f"Analyzer screen: {value_of(r):.{t.decimals}f}"
