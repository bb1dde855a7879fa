"""Synthesize the game's short sounds (assets/sounds/*.wav) with the standard library only.

    python tools/make_sounds.py [OUT_DIR]

Every sound is 22050 Hz, mono, 16-bit, at a gentle level, with a fade in and a fade out so
it never clicks. The output is the same bytes on every run (no randomness).
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

RATE = 22050
PEAK = 0.32  # of full scale: gentle beside other applications' sounds
FADE_IN = 0.008  # seconds
FADE_OUT = 0.04
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"

Signal = Callable[[float], float]  # time in seconds -> sample in -1..1


def tone(freq: float, t: float, bright: float = 0.15) -> float:
    """A sine with a little of its octave, warmer than a bare sine."""
    return (math.sin(2 * math.pi * freq * t) + bright * math.sin(4 * math.pi * freq * t)) / (
        1 + bright)


def bell(freq: float, start: float, length: float, decay: float) -> Signal:
    """A struck note: starts at `start`, dies away exponentially, silent after `length`."""

    def f(t: float) -> float:
        u = t - start
        if u < 0 or u > length:
            return 0.0
        attack = min(1.0, u / 0.006)
        return attack * math.exp(-u / decay) * tone(freq, u, 0.25)

    return f


def burst(freqs: tuple[float, ...], start: float, length: float, tremolo: float) -> Signal:
    """A held chord with a soft tremolo, for the phone's ring."""

    def f(t: float) -> float:
        u = t - start
        if u < 0 or u > length:
            return 0.0
        edge = min(1.0, u / 0.015, (length - u) / 0.03)
        wobble = 0.75 + 0.25 * math.sin(2 * math.pi * tremolo * u)
        return edge * wobble * sum(tone(fr, u, 0.1) for fr in freqs) / len(freqs)

    return f


def sweep(f0: float, f1: float, length: float) -> Signal:
    """A blip gliding from f0 to f1 (phase-continuous)."""
    k = (f1 - f0) / length

    def f(t: float) -> float:
        if t > length:
            return 0.0
        phase = 2 * math.pi * (f0 * t + k * t * t / 2)
        return math.sin(phase) * math.sin(math.pi * t / length)

    return f


def mix(*signals: Signal) -> Signal:
    """Signals added together."""
    return lambda t: sum(s(t) for s in signals)


# The sounds: name -> (duration in seconds, signal, level 0-1 relative to PEAK)
SOUNDS: dict[str, tuple[float, Signal, float]] = {
    # two rings of a warm two-note chord with a flutter, like a desk phone
    "phone": (0.8, mix(burst((660.0, 830.6), 0.0, 0.32, 18.0),
                       burst((660.0, 830.6), 0.42, 0.32, 18.0)), 1.0),
    # a soft "ding-dong" upward: C6 then G6, struck and fading
    "chime": (0.45, mix(bell(1046.5, 0.0, 0.45, 0.16), bell(1568.0, 0.14, 0.31, 0.14)), 0.9),
    # two clear beeps at A5 that ask for attention without alarm
    "alert": (0.4, mix(burst((880.0,), 0.0, 0.14, 0.0), burst((880.0,), 0.2, 0.14, 0.0)), 0.9),
    # a quick rising blip when points are earned
    "points_up": (0.14, sweep(660.0, 1320.0, 0.14), 0.8),
    # a soft falling blip when points are lost
    "points_down": (0.2, sweep(520.0, 300.0, 0.2), 0.7),
}


def render(length: float, signal: Signal, level: float) -> array:
    """Samples of a signal, normalised to the peak level, with fades at both ends."""
    n = int(RATE * length)
    raw = [signal(i / RATE) for i in range(n)]
    top = max(1e-9, max(abs(x) for x in raw))
    out = array("h")
    for i, x in enumerate(raw):
        t = i / RATE
        env = min(1.0, t / FADE_IN, (length - t) / FADE_OUT)
        out.append(round(32767 * PEAK * level * env * x / top))
    return out


def write_wav(path: Path, samples: array) -> None:
    """A 16-bit mono WAV file."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        if sys.byteorder == "big":
            samples = array("h", samples)
            samples.byteswap()
        wav.writeframes(samples.tobytes())


def main(argv: list[str]) -> int:
    """Write every sound into the folder given (default assets/sounds)."""
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, (length, signal, level) in SOUNDS.items():
        write_wav(out / f"{name}.wav", render(length, signal, level))
        print(f"wrote {out / name}.wav ({length:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
