"""What every fuzz test of a day's format asks of a changed file: a clear problem with a
path, or a day a bot can play to its end; and how an actions file is run from the command
line."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import event
from hypothesis import strategies as st

from game.scenario.errors import InputError
from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.runner import play_policy
from tests.cli.test_cli import main

Path_ = tuple[str | int, ...]
# Text an author's editor can put anywhere: controls, zero-width, accents, CJK, punctuation.
ODD_TEXT = st.text(alphabet=st.sampled_from(["a", "Z", " ", "\n", "\x00", "\u200b", "é", "中",
                                             "-", "_", ":", "#", "0", "'"]), max_size=10)


def json_values(*samples: Any) -> st.SearchStrategy[Any]:
    """Any JSON value, small, with these samples (real ids, times, codes) among the leaves
    so that a changed day gets past the format and reaches the checks behind it."""
    plain = (st.none() | st.booleans() | st.integers(-10**6, 10**6)
             | st.floats(allow_nan=False, allow_infinity=False) | ODD_TEXT
             | st.sampled_from(["", "x" * 300, "1900-01-01", "9999-12-31", *samples]))
    return st.recursive(plain, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(ODD_TEXT, inner, max_size=3), max_leaves=6)


def paths_in(value: Any, prefix: Path_ = ()) -> list[Path_]:
    """Every JSON path below `prefix` in a value (the prefix itself too, unless empty)."""
    out = [prefix] if prefix else []
    items = value.items() if isinstance(value, dict) else \
        enumerate(value) if isinstance(value, list) else ()
    for k, v in items:
        out += paths_in(v, (*prefix, k))
    return out


def load_scenario_text(text: str) -> Any:
    """Load a day from text as the command line does, from a file."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "day.json"
        file.write_text(text, encoding="utf-8", errors="surrogatepass")
        return load_scenario(file)


def problem_or_playable(text: str, policy: str = "reference") -> None:
    """A changed day is refused with problems that say what and where (and render, whatever
    their characters), or plays to its end with a score between 0 and 100."""
    try:
        loaded = load_scenario_text(text)
    except InputError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        assert any(p.path for p in exc.problems), exc.render()
        exc.render().encode("utf-8", "backslashreplace")
        event("a problem")
        return
    event("a playable day")
    sim = Simulation(loaded.scenario, 1)
    play_policy(sim, POLICIES[policy]())
    assert sim.finished and 0 <= sim.score().total <= 100


def run_actions(day: Path, commands: Any) -> tuple[int, str, str]:
    """`clinic-day run DAY --actions FILE` on these commands: exit code, out and err."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "actions.json"
        file.write_text(json.dumps({"commands": commands}), encoding="utf-8")
        return main("run", str(day), "--actions", str(file))


def run_or_refused(day: Path, commands: Any) -> int:
    """An actions file, however changed, runs (exit 0) or is refused with a message naming
    the file (exit 1), never a traceback; the exit code."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "actions.json"
        file.write_text(json.dumps({"commands": commands}), encoding="utf-8")
        code, out, err = main("run", str(day), "--actions", str(file))
    assert code in (0, 1), (code, err)
    assert "Traceback" not in out + err
    event(f"exit {code}")
    if code == 1:
        assert str(file) in err
    return code
