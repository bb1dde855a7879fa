"""The guide's "Your first day in 15 minutes" works as written: each JSON snippet, applied to
the template where the walkthrough says, gives a valid day; the mistake it shows gives the
message it prints; the finished day lints clean; every command it names parses."""

from __future__ import annotations

import copy
import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.clinical.vitals import abnormal_signs, age_on, crisis_reasons
from game.lint import lint
from game.scenario.errors import InputError
from game.scenario.load import load_scenario
from game.sim.rng import Streams
from game.sim.rules.vitals_device import device_reading

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "scenarios" / "GUIDE.md"
TEMPLATE = ROOT / "scenarios" / "templates" / "minimal_day.json"
TITLE = "## Your first day in 15 minutes"
# What a snippet is, as the comment before it says: the whole patient that replaces the
# template's, a part merged into that patient, or a mistake shown with its message.
KINDS = ("patient", "patient-part", "mistake")
_BLOCK = re.compile(r"(?:<!-- walkthrough: ([a-z-]+) -->\n)?```(\w*)\n(.*?)```", re.S)


@dataclass(frozen=True)
class Snippet:
    """One fenced block of the walkthrough."""

    kind: str | None  # from its comment; None for a block without one
    lang: str
    text: str


def section() -> str:
    """The walkthrough's text, up to the next section."""
    guide = GUIDE.read_text(encoding="utf-8")
    assert TITLE in guide, f"scenarios/GUIDE.md has no section {TITLE!r}"
    body = guide.split(TITLE, 1)[1]
    return body.split("\n## ", 1)[0]


def snippets() -> list[Snippet]:
    return [Snippet(kind, lang, text) for kind, lang, text in _BLOCK.findall(section())]


def merged(into: Any, part: Any) -> Any:
    """`part` written over `into`: objects key by key, anything else replaced."""
    if isinstance(into, dict) and isinstance(part, dict):
        out = dict(into)
        for key, value in part.items():
            out[key] = merged(into.get(key), value) if key in into else value
        return out
    return copy.deepcopy(part)


def load(tmp_path: Path, day: dict[str, Any]) -> Any:
    file = tmp_path / "my_day.json"
    file.write_text(json.dumps(day, indent=2, ensure_ascii=False), encoding="utf-8")
    return load_scenario(file)


def walk(tmp_path: Path) -> tuple[dict[str, Any], list[tuple[InputError, str | None]]]:
    """The day after every snippet, each checked as it is applied; and each mistake's error
    with the text block shown after it."""
    day = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    found = snippets()
    mistakes: list[tuple[InputError, str | None]] = []
    for i, snip in enumerate(found):
        if snip.lang != "json":
            continue
        assert snip.kind in KINDS, f"a JSON block of the walkthrough without its kind: {snip}"
        value = json.loads(snip.text)
        if snip.kind == "patient":
            day["patients"][0] = value
        else:
            changed = copy.deepcopy(day)
            changed["patients"][0] = merged(day["patients"][0], value)
            if snip.kind == "mistake":
                with pytest.raises(InputError) as info:
                    load(tmp_path, changed)
                shown = next((s.text for s in found[i + 1:] if s.lang == "text"), None)
                mistakes.append((info.value, shown))
                continue
            day = changed
        load(tmp_path, day)  # raises, with the file's problems, if the snippet is wrong
    return day, mistakes


def test_every_snippet_validates_where_it_goes(tmp_path: Path) -> None:
    day, _ = walk(tmp_path)
    assert len([s for s in snippets() if s.lang == "json"]) >= 4
    patient = day["patients"][0]
    assert patient["orders"]["labs"] and patient["orders"]["follow_up"]


def test_the_mistake_prints_the_message_shown(tmp_path: Path) -> None:
    _, mistakes = walk(tmp_path)
    assert mistakes, "the walkthrough shows no mistake"
    for error, shown in mistakes:
        assert shown is not None, "a mistake without the message it gives"
        # The guide's line number is the one a student's file would have; the rest is exact.
        printed = re.sub(r"^\S+?:\d+: ", "", shown.strip())
        assert printed in {re.sub(r"^\S+?:\d+: ", "", line)
                           for line in error.render().splitlines()}, error.render()


def test_the_finished_day_lints_clean(tmp_path: Path) -> None:
    day, _ = walk(tmp_path)
    findings, _table = lint(load(tmp_path, day).scenario, 5)
    assert findings == [], [f.message for f in findings]


def test_the_abnormal_vital_is_flagged_and_not_a_crisis(tmp_path: Path) -> None:
    # What step 4 says of 152/96: stage 2 on every seed, not a crisis.
    scenario = load(tmp_path, walk(tmp_path)[0]).scenario
    patient = scenario.patients[0]
    age = age_on(patient.dob, scenario.date)
    for seed in range(1, 21):
        shown = device_reading(Streams(seed), patient)
        assert "bp" in abnormal_signs(shown, age, patient.sex)
        assert not crisis_reasons(shown, age)


def commands() -> list[list[str]]:
    """Every `clinic-day ...` command the walkthrough gives, as arguments."""
    text = section()
    lines = re.findall(r"^ {4}(clinic-day .+)$", text, re.M)
    lines += re.findall(r"`(clinic-day [^`]+)`", text)
    return [shlex.split(line)[1:] for line in lines]


def test_every_command_named_is_one_the_game_has() -> None:
    found = commands()
    assert {c[0] for c in found} >= {"new", "validate", "lint", "play", "grade", "watch"}
    for argv in found:
        try:
            cli._parser().parse_args(argv)
        except SystemExit as exc:
            pytest.fail(f"clinic-day {' '.join(argv)}: not a command the game takes ({exc})")
