"""The JSON Schema of the scenario format, for editors and for the committed copy."""

from __future__ import annotations

import json
from typing import Any

from game.scenario.models import Scenario

SCHEMA_ID = "https://clinic-day.invalid/scenario.schema.json"


def scenario_schema() -> dict[str, Any]:
    """The schema, with a title and the draft it follows."""
    schema = Scenario.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema}


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
