"""A real session log or actions file, mutated at any JSON path, never ends in a traceback:
replay answers 0, 1 (invalid input) or 3 (does not verify), and says why."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.test_cli import main
from tests.fuzz_settings import examples

JSONValue = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=12) | st.sampled_from(["", "..", "/etc/passwd", "window", "\u200b"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6)


@pytest.fixture(scope="module")
def real_log(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The log of a naive day of the short morning (short, with every kind of field)."""
    path = tmp_path_factory.mktemp("fuzz") / "log.json"
    code, _, err = main("run", "short_morning", "--policy", "naive", "--log", str(path))
    assert code == 0, err
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every JSON path in a value (the commands list is sampled, not walked whole)."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += paths_of(v, (*prefix, k))
    elif isinstance(value, list):
        for i in sorted({0, len(value) // 2, len(value) - 1}) if value else []:
            out += paths_of(value[i], (*prefix, i))
    return out


def mutate(data: Any, path: tuple[Any, ...], how: str, new: Any) -> Any:
    """Replace, delete or add beside the value at `path`."""
    if not path:
        return new
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent[f"extra_{last}"] = new
    else:
        parent[last] = new
    return data


def replay_code(text: str) -> tuple[int, str, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return main("replay", str(path))


@settings(max_examples=examples(30), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), new=JSONValue)
def test_a_mutated_log_never_gives_a_traceback(real_log: dict[str, Any], data: st.DataObject,
                                               how: str, new: Any) -> None:
    log = json.loads(json.dumps(real_log))
    path = data.draw(st.sampled_from(paths_of(log)))
    mutated = mutate(log, path, how, new)
    code, out, err = replay_code(json.dumps(mutated))
    assert code in (0, 1, 3), (code, err)
    assert "Traceback" not in out + err
    if code != 0:
        assert err.strip(), "a refusal says why"


@settings(max_examples=examples(30), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "add"]), new=JSONValue)
def test_a_mutated_actions_file_never_gives_a_traceback(real_log: dict[str, Any],
                                                        data: st.DataObject, how: str,
                                                        new: Any) -> None:
    actions = {"commands": json.loads(json.dumps(real_log["commands"][:12]))}
    path = data.draw(st.sampled_from(paths_of(actions)))
    mutated = mutate(actions, path, how, new)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "actions.json"
        file.write_text(json.dumps(mutated), encoding="utf-8")
        code, out, err = main("run", "short_morning", "--actions", str(file))
    assert code in (0, 1), (code, err)
    assert "Traceback" not in out + err
    if code == 1:
        assert f"{file}" in err
