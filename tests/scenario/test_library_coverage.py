"""The library of shipped days: its order names every bundled day easiest first, the guide's
coverage table is what the days really exercise, and together they cover the curriculum."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.clinical.competencies import COMPETENCIES
from game.coverage import (
    BEGIN,
    CHECK,
    CURRICULUM,
    END,
    DayCoverage,
    between_markers,
    covers,
    library_coverage,
    row_title,
    table,
    uncovered,
    with_table,
)
from game.library import LIBRARY, library_paths, library_rank
from game.markers import MarkersMissing
from game.paths import ROOT, bundled_scenarios
from game.scenario.load import load_scenario
from game.ui.title.catalog import DIFFICULTY_ORDER
from tests.fuzz_settings import examples
from tests.scenario.fuzz_days import ODD_TEXT

GUIDE = ROOT / "scenarios" / "GUIDE.md"


@pytest.fixture(scope="module")
def days() -> list[DayCoverage]:
    """Every library day as the reference bot plays it on seed 1 (played once per module)."""
    return library_coverage(library_paths())


def test_the_library_names_exactly_the_bundled_days_once_each() -> None:
    assert len(set(LIBRARY)) == len(LIBRARY)
    assert sorted(LIBRARY) == [p.name for p in bundled_scenarios()]


def test_the_library_goes_from_the_introductory_day_up_in_difficulty() -> None:
    levels = [DIFFICULTY_ORDER.index(load_scenario(p).scenario.difficulty)
              for p in library_paths()]
    assert LIBRARY[0] == "short_morning.json" and levels[0] == 0
    assert levels == sorted(levels), list(zip(LIBRARY, levels, strict=True))


def test_a_file_the_library_does_not_name_ranks_after_every_day_it_does() -> None:
    assert [library_rank(n) for n in LIBRARY] == list(range(len(LIBRARY)))
    assert library_rank("someone_elses_day.json") == len(LIBRARY)


def test_the_guide_shows_the_table_the_days_make(days: list[DayCoverage]) -> None:
    _, shown, _ = between_markers(GUIDE.read_text(encoding="utf-8"))
    assert shown == table(days), ("scenarios/GUIDE.md's coverage table is out of date: run "
                                  "python tools/coverage_table.py --write")


def test_every_competency_of_the_curriculum_is_exercised_by_a_day(
        days: list[DayCoverage]) -> None:
    assert [d.id for d in days] == [Path(n).stem for n in LIBRARY]
    assert uncovered(days) == []


def test_every_curriculum_code_is_in_the_competency_list_itself_or_by_its_parts() -> None:
    for code in CURRICULUM:
        assert code in COMPETENCIES or any(c.startswith(code + ".") for c in COMPETENCIES)


# A row counts a code or its lettered parts, never a longer number that starts the same way.
@pytest.mark.parametrize(("code", "tagged", "expected"), [
    ("I.P.1", {"I.P.1"}, ["I.P.1"]),
    ("I.P.1", {"I.P.10", "I.P.11.a"}, []),  # I.P.10 and I.P.11 are not parts of I.P.1
    ("I.P.11", {"I.P.11.a", "I.P.11.e"}, ["I.P.11.a", "I.P.11.e"]),
    ("I.P.2", {"I.P.2.b"}, ["I.P.2.b"]),
    ("VIII.P.1", {"VIII.P.2"}, []),
])
def test_what_a_row_counts(code: str, tagged: set[str], expected: list[str]) -> None:
    assert covers(DayCoverage("d", frozenset(tagged)), code) == expected


def test_the_table_titles_each_row_and_marks_the_parts_a_day_exercises() -> None:
    day = DayCoverage("clinic", frozenset({"I.P.1", "I.P.11.a", "I.P.11.e"}))
    other = DayCoverage("phones", frozenset({"V.P.4"}))
    lines = table([day, other], ["I.P.1", "I.P.11", "V.P.4"]).splitlines()
    assert lines[0] == "| competency | `clinic` | `phones` |"
    assert lines[2] == f"| I.P.1 Measure and record vital signs | {CHECK} |  |"
    assert lines[3].endswith(f"| {CHECK} a, e |  |")
    assert lines[4] == f"| V.P.4 Demonstrate professional telephone techniques |  | {CHECK} |"
    assert uncovered([day, other], ["I.P.1", "I.P.2", "V.P.4"]) == ["I.P.2"]


def test_a_code_listed_by_its_parts_is_titled_by_what_they_share() -> None:
    assert row_title("I.P.2") == ("Perform electrocardiography, venipuncture or capillary "
                                  "puncture")
    assert row_title("I.P.11").startswith("Obtain specimens and perform a CLIA-waived "
                                          "hematology test, chemistry test, urinalysis")
    with pytest.raises(KeyError):
        row_title("IX.P.9")


@settings(max_examples=examples(60), deadline=None)
@given(before=ODD_TEXT, inside=ODD_TEXT, after=ODD_TEXT, new=ODD_TEXT)
def test_the_table_between_the_markers_is_replaced_and_nothing_else(
        before: str, inside: str, after: str, new: str) -> None:
    text = f"{before}{BEGIN}\n{inside}\n{END}{after}"
    assert between_markers(text)[1] == inside.strip("\n")
    assert with_table(text, new) == f"{before}{BEGIN}\n{new}\n{END}{after}"


@settings(max_examples=examples(60), deadline=None)
@given(text=ODD_TEXT, which=st.sampled_from(["none", "begin only", "end only", "reversed",
                                             "twice"]))
def test_a_text_without_one_pair_of_markers_is_refused_with_a_reason(text: str,
                                                                     which: str) -> None:
    broken = {"none": text, "begin only": BEGIN + text, "end only": text + END,
              "reversed": END + text + BEGIN,
              "twice": BEGIN + text + END + BEGIN + END}[which]
    with pytest.raises(MarkersMissing, match="marker"):
        between_markers(broken)


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coverage_table",
                                                  ROOT / "tools" / "coverage_table.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tool_checks_writes_and_refuses_a_guide_without_markers(
        days: list[DayCoverage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    tool = _tool()
    monkeypatch.setattr(tool, "library_coverage", lambda _paths: days)
    guide = tmp_path / "scenarios" / "GUIDE.md"
    guide.parent.mkdir()
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "GUIDE", guide)
    guide.write_text(f"# Guide\n{BEGIN}\n| an old table |\n{END}\nThe end.\n", encoding="utf-8")
    assert tool.main(["--check"]) == 1
    assert "the coverage table is out of date" in capsys.readouterr().err
    assert tool.main(["--write"]) == 0
    written = guide.read_text(encoding="utf-8")
    assert written == f"# Guide\n{BEGIN}\n{table(days)}\n{END}\nThe end.\n"
    assert tool.main(["--check"]) == 0
    guide.write_text("# A guide with no table\n", encoding="utf-8")
    assert tool.main(["--write"]) == 1
    assert "scenarios/GUIDE.md: expected the marker lines" in capsys.readouterr().err
    assert guide.read_text(encoding="utf-8") == "# A guide with no table\n"
    assert tool.main([]) == 0
    assert capsys.readouterr().out.strip() == table(days)
