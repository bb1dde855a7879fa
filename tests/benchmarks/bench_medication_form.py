"""The medication form's benchmark: frame time of the whole window (1280x720) with the form
open on each of its steps, on the medications test day just after the adult's exam, and with
the site picker moved every frame (its drawing redone each time), against bench_ui's targets.

    python tests/benchmarks/bench_medication_form.py [--frames 600] [--display :95]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.form_frames import driver_args, frame_times  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "medications_day.json"
PID = "s01-nakamura"
MOVES = ("down", "right", "up", "left")  # the site picker moved round every frame


def main(argv: list[str] | None = None) -> int:
    """Time the frames and print p50 / p99 per step of the form."""
    args, target = driver_args(__doc__, argv)
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
    driver = "Xvfb" if args.display else "dummy"
    print(f"medication form open, 1280x720, {driver} driver, {args.frames} frames per case "
          f"(target p99 {target:g} ms)")
    worst = 0.0
    cases: list[tuple[str, str]] = [(page, page) for page in PAGES]
    cases.append(("give, the site moved every frame", "give"))
    for label, page in cases:
        form.switch(page)
        p50, p99 = frame_times(app, args.frames, (lambda i: form.give.move(MOVES[i % 4]))
                               if label.startswith("give,") else None)
        worst = max(worst, p99)
        print(f"  {label:34s} p50 {p50:5.2f} ms   p99 {p99:5.2f} ms")
    print(f"worst p99 {worst:.2f} ms: {'within' if worst <= target else 'OVER'} the target")
    return 0 if worst <= target else 1


if __name__ == "__main__":
    raise SystemExit(main())
