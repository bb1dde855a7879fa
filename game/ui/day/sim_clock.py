"""Real time to simulated time: a fixed-rate accumulator that only ever yields whole seconds."""

from __future__ import annotations

# 1x plays a 10-hour day in about 20 real minutes: 36,000 s / 1,200 s = 30.
SIM_SECONDS_PER_REAL_SECOND = 30
SPEEDS: tuple[float, ...] = (1.0, 2.0, 4.0)
MAX_REAL_DT = 0.25  # a stalled frame (a drag of the window) must not skip minutes of the day


class SimClock:
    """Turns real frame times into integer simulated seconds; pausing stops the flow."""

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed if speed in SPEEDS else 1.0
        self.paused = False
        self.held = False  # paused by something other than the player (a form, focus loss)
        self.fraction = 0.0  # simulated seconds owed but not yet whole

    @property
    def running(self) -> bool:
        """Time flows."""
        return not (self.paused or self.held)

    def toggle(self) -> None:
        """Pause or resume."""
        self.paused = not self.paused

    def set_speed(self, speed: float) -> None:
        """Choose 1x, 2x or 4x; also resumes, as pressing play does."""
        if speed in SPEEDS:
            self.speed = speed
            self.paused = False

    def tick(self, real_dt: float) -> int:
        """Whole simulated seconds to advance for this frame (0 while paused)."""
        if not self.running:
            return 0
        self.fraction += min(real_dt, MAX_REAL_DT) * self.speed * SIM_SECONDS_PER_REAL_SECOND
        whole = int(self.fraction)
        self.fraction -= whole
        return whole
