"""The reference of an actions file's commands, written from the command models themselves."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from game.scenario.types import ClockTime, Ident
from game.sim.commands import BaseCommand
from game.sim.log import ActionsFile, TimedCommand
from game.sim.rules import RULES

Schema = dict[str, Any]

# The patterns and descriptions of the shared field types, so a field of one of these types
# is shown as "id" or "time HH:MM" rather than by its regular expression.
_IDENT: Schema = TypeAdapter(Ident).json_schema()
_CLOCK: Schema = TypeAdapter(ClockTime).json_schema()
_TYPE_WORDS = {_IDENT["pattern"]: "id", _CLOCK["pattern"]: "time HH:MM"}
_TYPE_DESCRIPTIONS = {_IDENT["description"], _CLOCK["description"]}
# What a field means when its model gives no description: the names commands share, each a
# reference to a part of the scenario (or of the game's catalogues).
GLOSSARY = {
    "patient": "A patient's `id` (on the schedule, or a walk-in).",
    "room": "An exam room's `id` (`clinic.rooms`).",
    "task": "An opening or closing task's `id`.",
    "tubes": "Tube codes in the order drawn (see Tubes below).",
    "identifiers": "The identifiers checked; two of `name`, `dob`, `mrn`, `phone` are needed "
                   "(a room number is never one).",
    "product": "A product's `id` (`medications.products`).",
    "kit": "A kit's `id` (`poc.kits`).",
}


def cell(text: str) -> str:
    """Text that fits one markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def doc_line(obj: type) -> str:
    """A class's docstring as one line (its first paragraph)."""
    return " ".join((obj.__doc__ or "").strip().split("\n\n")[0].split())


def _number(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _bounds(p: Schema) -> str:
    low = p.get("minimum", p.get("exclusiveMinimum"))
    high = p.get("maximum", p.get("exclusiveMaximum"))
    over = "over " if "exclusiveMinimum" in p else ""
    under = "under " if "exclusiveMaximum" in p else ""
    if low is not None and high is not None:
        return f" {over}{_number(low)} to {under}{_number(high)}"
    if low is not None:
        return f" from {over}{_number(low)}"
    if high is not None:
        return f" up to {under}{_number(high)}"
    return ""


def _sizes(p: Schema, low_key: str, high_key: str, what: str) -> str:
    low, high = p.get(low_key), p.get(high_key)
    if low and high is not None:
        return f", {_number(low)} to {_number(high)} {what}"
    if high is not None:
        return f", up to {_number(high)} {what}"
    if low:
        return f", at least {_number(low)} {what}"
    return ""


def kind(p: Schema) -> str:
    """What a value of this JSON Schema is, in a few words: "whole number 0 to 400"."""
    if "anyOf" in p:
        # "X or null": null is what the default says; the value is the other member.
        return " or ".join(kind(x) for x in p["anyOf"] if x.get("type") != "null")
    if "$ref" in p:
        return f"object `{p['$ref'].rsplit('/', 1)[-1]}`"
    if "oneOf" in p:
        return "one command, chosen by its `type`"
    if "const" in p:
        return f"`{json.dumps(p['const'])}`"
    if "enum" in p:
        return "one of " + ", ".join(f"`{v}`" for v in p["enum"])
    t = p.get("type")
    if t == "string":
        if p.get("format") == "date":
            return "date YYYY-MM-DD"
        pattern = p.get("pattern")
        if pattern in _TYPE_WORDS:
            return _TYPE_WORDS[pattern]
        if pattern:
            return f"text matching `{pattern}`"
        return "text" + _sizes(p, "minLength", "maxLength", "characters")
    if t in ("integer", "number"):
        return ("whole number" if t == "integer" else "number") + _bounds(p)
    if t == "boolean":
        return "true or false"
    if t == "array":
        items = p.get("items") or p.get("prefixItems")
        inner = kind(items) if isinstance(items, dict) else "values"
        return f"list of {inner}" + _sizes(p, "minItems", "maxItems", "items")
    if t == "object":
        names = kind(p.get("propertyNames", {"type": "string"}))
        values = kind(p.get("additionalProperties") or {"type": "string"})
        return (f"object: each name ({names}) to {values}"
                + _sizes(p, "minProperties", "maxProperties", "names"))
    return "any value"


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return "each field at its default"
    return f"`{json.dumps(value, default=str)}`"


def _description(name: str, p: Schema, field: FieldInfo | None) -> str:
    text = (field.description if field is not None else None) or p.get("description") or ""
    if not text and "anyOf" in p:
        text = next((x.get("description", "") for x in p["anyOf"]), "")
    if text in _TYPE_DESCRIPTIONS:
        text = ""
    return text or GLOSSARY.get(name, "")


def field_rows(model: type[BaseModel], schema: Schema, skip: frozenset[str] = frozenset()
               ) -> list[str]:
    """A markdown table of a model's fields: name, kind, required or default, meaning."""
    rows = ["| field | value | required or default | meaning |", "|---|---|---|---|"]
    for name, p in schema.get("properties", {}).items():
        if name in skip:
            continue
        field = model.model_fields.get(name)
        default = _default(field) if field is not None else (
            "required" if name in schema.get("required", ()) else
            f"`{json.dumps(p.get('default'))}`")
        rows.append(f"| `{name}` | {cell(kind(p))} | {default} | "
                    f"{cell(_description(name, p, field))} |")
    return rows


def _nested(schema: Schema, model: type[BaseModel]) -> list[str]:
    """The tables of the objects a command's fields hold (a phone message, a dose record)."""
    out: list[str] = []
    for name, sub in schema.get("$defs", {}).items():
        cls = _model_named(model, name)
        out += ["", f"`{name}`: {cell(sub.get('description', ''))}", ""]
        if cls is not None:
            out += field_rows(cls, sub)
        else:
            out += field_rows_schema(sub)
    return out


def field_rows_schema(schema: Schema) -> list[str]:
    """The table of an object known only by its schema."""
    rows = ["| field | value | required or default | meaning |", "|---|---|---|---|"]
    for name, p in schema.get("properties", {}).items():
        default = "required" if name in schema.get("required", ()) else \
            f"`{json.dumps(p.get('default'))}`"
        rows.append(f"| `{name}` | {cell(kind(p))} | {default} | "
                    f"{cell(_description(name, p, None))} |")
    return rows


def _model_named(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """The model class behind a schema definition, found among the fields' annotations."""
    for field in model.model_fields.values():
        for candidate in _classes(field.annotation):
            if candidate.__name__ == name:
                return candidate
            inner = _model_named(candidate, name)
            if inner is not None:
                return inner
    return None


def _classes(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [c for arg in getattr(annotation, "__args__", ()) for c in _classes(arg)]


COMMON = frozenset(BaseCommand.model_fields)


def _shape(cls: type[BaseModel], schema: Schema) -> str:
    """The command as it is written, with its required fields as placeholders."""
    parts = [f'"type": "{schema["properties"]["type"]["const"]}"']
    parts += [f'"{name}": {name.upper()}' for name in schema.get("required", ())
              if name not in COMMON]
    return "`{" + ", ".join(parts) + "}`"


def command_section(cls: type[BaseModel]) -> list[str]:
    """One command: its type, what it does, how it is written, and its fields."""
    schema = cls.model_json_schema()
    name = schema["properties"]["type"]["const"]
    out = [f"**`{name}`**: {doc_line(cls)}", "", f"Write: {_shape(cls, schema)}", ""]
    own = [n for n in schema.get("properties", {}) if n not in COMMON]
    if own:
        out += field_rows(cls, schema, skip=COMMON)
        out += _nested(schema, cls)
    else:
        out.append("No fields besides `type` and `actor`.")
    return [*out, ""]


def actions_format() -> list[str]:
    """The file around the commands, and the fields every command has."""
    base = BaseCommand.model_json_schema()
    return [
        f"An actions file (`clinic-day run DAY --actions FILE`): {doc_line(ActionsFile)}",
        "",
        *field_rows(ActionsFile, ActionsFile.model_json_schema()),
        "",
        f"Each entry of `commands`: {doc_line(TimedCommand)}",
        "",
        *field_rows(TimedCommand, TimedCommand.model_json_schema()),
        "",
        "Every command has these two fields; the tables below list only each command's own.",
        "",
        *field_rows(BaseCommand, base),
        "",
    ]


def commands_reference() -> list[str]:
    """Every command of the day, grouped by the rule that declares it, in the rules' order."""
    out = ["### The commands of an actions file", "", *actions_format()]
    for rule in RULES:
        if not rule.commands:
            continue
        out += [f"#### {rule.name[:1].upper()}{rule.name[1:]}", ""]
        for command in rule.commands:
            out += command_section(command.type)
    return out
