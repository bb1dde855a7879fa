"""The shipped scenarios load, validate from the command line, and match a documented schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game import cli
from game.scenario.load import load_scenario
from game.scenario.schema import scenario_schema, schema_text

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
SCHEMA_FILE = SCENARIOS / "scenario.schema.json"
BUNDLED = sorted(p for p in SCENARIOS.glob("*.json") if not p.name.endswith(".schema.json"))


def test_there_are_bundled_scenarios() -> None:
    assert {p.stem for p in BUNDLED} >= {"short_morning", "standard_day"}


@pytest.mark.parametrize("file", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_scenario_loads(file: Path) -> None:
    loaded = load_scenario(file)
    assert loaded.scenario.id == file.stem
    assert len(loaded.sha256) == 64


def test_validate_scenarios_folder(capsys) -> None:
    assert cli.main(["validate", str(SCENARIOS)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    for file in BUNDLED:
        assert f"ok  {file}: " in out
    assert "schema" not in out


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "scenarios/scenario.schema.json is stale: regenerate it with "
        "`clinic-day schema -o scenarios/scenario.schema.json`")


def _refs(node: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    """The definitions a property points to, through allOf/anyOf/oneOf and array items."""
    out = []
    if "$ref" in node:
        out.append(defs[node["$ref"].rsplit("/", 1)[-1]])
    for key in ("allOf", "anyOf", "oneOf"):
        for member in node.get(key, []):
            out += _refs(member, defs)
    if isinstance(node.get("items"), dict):
        out += _refs(node["items"], defs)
    return out


def undocumented_properties(schema: dict[str, Any]) -> list[str]:
    """Model.field for every property with no description, on itself or on what it references."""
    defs = schema.get("$defs", {})
    missing = []
    for owner, node in [(schema.get("title", "Scenario"), schema), *defs.items()]:
        for name, prop in node.get("properties", {}).items():
            if "description" in prop or any("description" in d for d in _refs(prop, defs)):
                continue
            missing.append(f"{owner}.{name}")
    return missing


def test_walker_sees_every_model() -> None:
    schema = scenario_schema()
    assert {"Patient", "Appointment", "Vitals", "Task", "Durations"} <= set(schema["$defs"])
    assert undocumented_properties({"properties": {"a": {"type": "string"}}}) == ["Scenario.a"]


def test_every_schema_property_is_described() -> None:
    missing = undocumented_properties(scenario_schema())
    assert missing == [], "fields without a description: " + ", ".join(missing)


def test_schema_is_json_schema_2020() -> None:
    data = json.loads(schema_text())
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data["additionalProperties"] is False
    assert "patients" in data["required"]
