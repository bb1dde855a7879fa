"""The guide's appendix is what the code generates, and what it generates covers the code:
every command and field, every tube and lab code, every seeded stream."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from pathlib import Path
from types import ModuleType

import pytest
from annotated_types import Ge, Le

from game.clinical.lab import LAB_TESTS, TUBES
from game.guide_ref import (
    BEGIN,
    END,
    HEADING,
    current_reference,
    reference,
    with_reference,
)
from game.guide_ref.seeds import SEEDED
from game.markers import MarkersMissing
from game.sim.command_set import COMMAND_TYPES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "scenarios" / "GUIDE.md"
FRESH = reference()


def tool() -> ModuleType:
    """tools/guide_reference.py, imported as the command runs it."""
    spec = importlib.util.spec_from_file_location("guide_reference", ROOT / "tools" /
                                                  "guide_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_guide_holds_the_reference_the_code_generates() -> None:
    held = current_reference(GUIDE.read_text(encoding="utf-8"))
    assert held == FRESH, ("scenarios/GUIDE.md's generated reference is out of date: run "
                           "python tools/guide_reference.py")


def test_the_reference_is_the_guide_s_appendix() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert guide.rstrip().endswith(END), "text after the generated reference"
    assert re.findall(r"^## .*", guide[guide.index(BEGIN):], re.M) == [HEADING]


def _section(command: type) -> str:
    name = command.model_fields["type"].default
    start = FRESH.index(f"**`{name}`**")
    end = FRESH.find("\n**`", start + 1)
    return FRESH[start:end if end > 0 else None]


@pytest.mark.parametrize("command", COMMAND_TYPES, ids=lambda c: c.__name__)
def test_every_command_and_its_fields_are_in_the_reference(command: type) -> None:
    section = _section(command)
    assert (command.__doc__ or "").split()[0] in section  # its docstring
    for name, field in command.model_fields.items():
        if name in ("type", "actor"):
            continue
        row = next((line for line in section.splitlines() if line.startswith(f"| `{name}` |")),
                   None)
        assert row is not None, f"{name} is missing from {command.__name__}'s table"
        assert ("required" in row) == field.is_required(), row
        for bound in field.metadata:
            # A bound on the field reads in its row: 0 to 400, up to 5 items.
            if isinstance(bound, Ge | Le):
                value = bound.ge if isinstance(bound, Ge) else bound.le
                assert f"{value:,}" in row or f"{value:g}" in row, (bound, row)


def test_an_actions_file_is_described_before_the_commands() -> None:
    head = FRESH[:FRESH.index("#### ")]
    assert "| `commands` |" in head and "| `t` |" in head and "| `actor` |" in head


@pytest.mark.parametrize("code", list(TUBES))
def test_every_tube_code_is_listed_with_its_place_in_the_order(code: str) -> None:
    row = next(line for line in FRESH.splitlines() if line.startswith(f"| `{code}` |"))
    assert f"| {TUBES[code].order} |" in row


@pytest.mark.parametrize("code", list(LAB_TESTS))
def test_every_lab_code_says_what_it_needs(code: str) -> None:
    row = next(line for line in FRESH.splitlines() if line.startswith(f"| `{code}` |"))
    tube = LAB_TESTS[code].tube
    assert f"`{tube}`" in row if tube in TUBES else tube.replace("_", " ") in row


# The AHA/ACC 2017 adult categories (Whelton et al., Hypertension 2018;71:1269, table 6) and
# one AAP 2017 row (Flynn et al., Pediatrics 2017, table 6), as the appendix must state them.
BP_ROWS = [
    ("| normal | under 120 | under 80 |", "AHA/ACC 2017"),
    ("| elevated | 120-129 | - |", "AHA/ACC 2017"),
    ("| stage 1 hypertension | 130-139 | 80-89 |", "AHA/ACC 2017"),
    ("| stage 2 hypertension | 140-180 | 90-120 |", "AHA/ACC 2017"),
    ("| hypertensive crisis | 181 or more | 121 or more |", "AHA/ACC 2017"),
    ("| 8 | 107/69 | 107/69 | 107/69 |", "AAP 2017 table 6, age 8"),
    ("| 1 year | toddler, 1-2 years | 98-140 | 22-37 | AHA PALS 2020 |", "PALS 2020"),
]


@pytest.mark.parametrize(("row", "source"), BP_ROWS, ids=[r[1] for r in BP_ROWS])
def test_the_limits_read_as_their_sources_give_them(row: str, source: str) -> None:
    assert row in FRESH, f"{source}: {row} not in the appendix"


def _stream_names() -> set[str]:
    # Every named stream the game draws from: the first argument of each .stream(...) call.
    names: set[str] = set()
    for file in (ROOT / "game").rglob("*.py"):
        names |= set(re.findall(r"\.stream\(\s*\"([a-z_]+)\"", file.read_text(encoding="utf-8")))
    return names


def test_every_seeded_stream_is_described_and_nothing_more() -> None:
    used = _stream_names()
    assert used, "no stream found: the search no longer matches how streams are drawn"
    assert set(SEEDED) == used, ("describe each stream in game/guide_ref/seeds.py SEEDED; "
                                 f"used {sorted(used)}, described {sorted(SEEDED)}")
    for name in used:
        assert f"- `{name}`:" in FRESH


def test_the_markers_are_required() -> None:
    with pytest.raises(MarkersMissing, match="generated reference"):
        with_reference("# A guide without the markers\n", FRESH)


def test_writing_twice_changes_nothing() -> None:
    guide = f"# Guide\n\ntext\n\n{BEGIN}\nold\n{END}\n"
    once = with_reference(guide, FRESH)
    assert with_reference(once, FRESH) == once
    assert current_reference(once) == FRESH
    assert once.startswith("# Guide\n\ntext\n")


def _run(module: ModuleType, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = module.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_the_command_checks_writes_and_names_itself(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    module = tool()
    guide = tmp_path / "scenarios" / "GUIDE.md"
    guide.parent.mkdir()
    guide.write_text(f"# Guide\n\n{BEGIN}\nstale\n{END}\n", encoding="utf-8")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "GUIDE", guide)
    code, _, err = _run(module, "--check")
    assert code == 1 and "run python tools/guide_reference.py" in err
    assert _run(module)[0] == 0
    assert current_reference(guide.read_text(encoding="utf-8")) == FRESH
    assert _run(module, "--check")[0] == 0
    guide.write_text("# Guide\n", encoding="utf-8")
    code, _, err = _run(module)
    assert code == 1 and BEGIN in err
