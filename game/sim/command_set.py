"""Every command of the day as one discriminated union, assembled from the rules' lists: the
shape session logs and actions files are read in, and their JSON Schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Field, TypeAdapter

from game.sim.rules import RULES

COMMAND_TYPES: tuple[type, ...] = tuple(c.type for rule in RULES for c in rule.commands)

if TYPE_CHECKING:
    from game.sim.commands import BaseCommand as AnyCommand
else:
    # Built from the rules at import time: a concern's commands are declared with its rule.
    AnyCommand = Annotated[Union[COMMAND_TYPES], Field(discriminator="type")]  # noqa: UP007

COMMAND_ADAPTER: TypeAdapter[Any] = TypeAdapter(AnyCommand)

__all__ = ["COMMAND_ADAPTER", "COMMAND_TYPES", "AnyCommand"]
