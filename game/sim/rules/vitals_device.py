"""What the devices show: the patient's true values plus realistic, seeded device variation."""

from __future__ import annotations

from dataclasses import dataclass

from game.clinical.vitals import Reading
from game.scenario.models import Patient
from game.sim.rng import Streams

# Typical spread of a clinic reading around the true value (one standard deviation):
# an automated cuff is within a few mmHg, a tympanic thermometer within a few tenths.
SPREAD = {"systolic": 3.0, "diastolic": 2.0, "pulse": 2.0, "resp": 1.0, "temp_f": 0.1,
          "spo2": 0.7, "weight_lb": 0.2}


@dataclass(frozen=True)
class Tolerance:
    """How far a recorded value may be from the display and still count as correct."""

    systolic: int = 2
    diastolic: int = 2
    pulse: int = 2
    resp: int = 1
    temp_f: float = 0.2
    spo2: int = 1
    weight_lb: float = 0.5
    height_in: float = 0.5


def true_reading(spec: Patient) -> Reading:
    """The patient's true vital signs from the scenario."""
    v = spec.vitals
    return Reading(v.systolic, v.diastolic, v.pulse, v.resp, v.temp_f, v.spo2, v.weight_lb,
                   v.height_in)


def device_reading(streams: Streams, spec: Patient) -> Reading:
    """What the devices display for this patient today (the same reading every time asked)."""
    v = spec.vitals
    if v.exact:
        # The author pinned the reading: what the devices show is the truth, every seed.
        return true_reading(spec)
    rng = streams.stream("vitals", spec.id)

    def jitter(name: str, value: float) -> float:
        return value + rng.gauss(0.0, SPREAD[name])

    systolic = round(jitter("systolic", v.systolic))
    diastolic = min(round(jitter("diastolic", v.diastolic)), systolic - 10)
    return Reading(
        systolic=systolic,
        diastolic=diastolic,
        pulse=max(20, round(jitter("pulse", v.pulse))),
        resp=max(4, round(jitter("resp", v.resp))),
        temp_f=round(jitter("temp_f", v.temp_f), 1),
        spo2=min(100, round(jitter("spo2", v.spo2))),
        weight_lb=round(jitter("weight_lb", v.weight_lb), 1),
        height_in=v.height_in,
    )


def mismatches(recorded: Reading, shown: Reading, tol: Tolerance | None = None) -> list[str]:
    """Which recorded values differ from the display by more than the tolerance."""
    tol = tol or Tolerance()
    out = []
    for name in ("systolic", "diastolic", "pulse", "resp", "temp_f", "spo2", "weight_lb"):
        if abs(getattr(recorded, name) - getattr(shown, name)) > getattr(tol, name) + 1e-9:
            out.append(f"{name} {getattr(recorded, name)} (device showed {getattr(shown, name)})")
    if shown.height_in is not None and (
        recorded.height_in is None or abs(recorded.height_in - shown.height_in) > tol.height_in
    ):
        out.append(f"height {recorded.height_in} (measured {shown.height_in})")
    return out
