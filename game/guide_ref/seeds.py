"""The reference of the devices' variation and of what a seed changes, written from the
device model and the seeded streams."""

from __future__ import annotations

from dataclasses import fields

from game.guide_ref.commands import cell
from game.scenario.settings import Jitter
from game.sim.rules.phone.calls import MAX_DRAWN
from game.sim.rules.vitals_device import SPREAD, Tolerance

# Each named stream the simulation draws from (game.sim.rng.Streams.stream), and what it
# decides. A test reads the code for every stream name, so a new stream fails it until it is
# described here.
SEEDED: dict[str, str] = {
    "arrival": "each patient's arrival minute, drawn evenly within `arrival_jitter` for their "
               "`arrival.kind`, {jitter}; a no-show never comes and a walk-in comes at the "
               "time the scenario gives",
    "vitals": "what the devices show for each patient: the true values plus a normal "
              "variation (above), unless the patient's `vitals.exact` is true",
    "phone": "the calls a `phone.rate` draws: the gaps between them (random, averaging "
             "`per_hour`) between `start` and `end`, and which `pool` entry each is "
             f"(evenly), at most {MAX_DRAWN:,} a day",
}

_UNITS = {"systolic": "mmHg", "diastolic": "mmHg", "pulse": "beats/min",
          "resp": "breaths/min", "temp_f": "F", "spo2": "points", "weight_lb": "lb",
          "height_in": "in"}


def _jitter() -> str:
    ranges = Jitter()
    return ", ".join(f"{name} {getattr(ranges, name)[0]} to {getattr(ranges, name)[1]} "
                     "minutes" for name in Jitter.model_fields) + " by default"


def noise_reference() -> list[str]:
    """How much each reading varies from the patient's true value, and how much a recorded
    value may differ from the display."""
    tolerance = Tolerance()
    out = ["### The devices' variation", "",
           "What the devices show is the patient's true value (the scenario's `vitals`) plus "
           "a variation drawn from the seed, the same for every student of a seed and the "
           "same each time the patient is measured. A recorded value counts as correct "
           "within the tolerance of what the device showed.", "",
           "| reading | variation (one standard deviation) | recorded within |",
           "|---|---|---|"]
    for f in fields(Tolerance):
        spread = SPREAD.get(f.name)
        shown = f"{spread:g} {_UNITS[f.name]}" if spread is not None else "none: as given"
        out.append(f"| `{f.name}` | {shown} | {getattr(tolerance, f.name):g} "
                   f"{_UNITS[f.name]} |")
    out += ["", "About 95% of readings fall within two standard deviations of the true value: "
            "keep a value meant as normal or abnormal at least three standard deviations "
            "from its threshold, or pin it with `\"exact\": true` (`clinic-day lint` names the "
            "readings a seed moves across a threshold).", ""]
    return out


def seed_reference() -> list[str]:
    """What a seed changes, and that nothing else does."""
    out = ["### What a seed changes", "",
           "`--seed N` (1 by default, for `play` and `run`) picks these, each from its own "
           "stream, so one does not shift when another changes or when the player acts:", ""]
    for name, what in SEEDED.items():
        out.append(f"- `{name}`: {cell(what.format(jitter=_jitter()))}.")
    out += ["", "Nothing else is drawn: the schedule, the orders, the point-of-care results and "
            "their QC, the calls the scenario lists, the durations and the scoring are the "
            "scenario's, and the same commands at the same times on the same seed give the "
            "same day, which is what lets a log be replayed and verified.", ""]
    return out
