"""The title screen's name field takes only text the window can draw, whatever is typed."""

from __future__ import annotations

import json
from typing import Any

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.types import printable
from game.ui.context import AppContext
from game.ui.saves import Saves
from tests.fuzz_settings import examples
from tests.ui.test_screens_title import calls, click, open_title, press, type_text

__all__ = ["calls"]  # the fixture, shared with the title tests


@pytest.mark.parametrize("typed", ["\u200b", "\ufeff", "\u200b\ufeff", "\x00", "\x1b",
                                   "\ud800", "\u2060"])
def test_invisible_text_typed_into_the_empty_field(ctx: AppContext, typed: str,
                                                   calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(ctx)
    click(app, scene.name_entry)
    type_text(app, typed)  # once raised "Text has zero width" and closed the game
    app.frame(1 / 60)
    assert scene.name_entry.get_text() == ""
    type_text(app, "Ana")
    click(app, scene.buttons["play"])
    assert ctx.player == "Ana"


def test_invisible_characters_inside_a_name_are_dropped(ctx: AppContext,
                                                        calls: list[tuple[Any, ...]]) -> None:
    app, scene = open_title(ctx)
    click(app, scene.name_entry)
    type_text(app, "Jo\u200brdan\ufeff Lee")
    click(app, scene.buttons["play"])
    assert ctx.player == "Jordan Lee"
    assert Saves(root=ctx.saves.root).load_settings().player == "Jordan Lee"


@pytest.mark.parametrize("mark", ["\u0301", "\u034f", "\u200a"])
def test_deleting_around_a_lone_mark_does_not_crash(ctx: AppContext, mark: str) -> None:
    app, scene = open_title(ctx)
    click(app, scene.name_entry)
    type_text(app, "a" + mark)
    press(app, pygame.K_HOME)
    press(app, pygame.K_DELETE)  # leaves the mark alone, which some fonts cannot draw
    press(app, pygame.K_BACKSPACE)
    type_text(app, mark)
    app.frame(1 / 60)  # drawn without an exception: an edit the font cannot draw is undone
    assert scene.name_entry.get_text() in {"", mark, mark * 2, "a" + mark, "a" + mark * 2}


def test_a_saved_name_of_invisible_characters_shows_as_empty(ctx: AppContext) -> None:
    (ctx.saves.root / "settings.json").write_text(json.dumps({"player": "\u200b"}))
    ctx.settings = Saves(root=ctx.saves.root).load_settings()
    app, scene = open_title(ctx)
    app.frame(1 / 60)
    assert scene.name_entry.get_text() == ""


TYPED = st.text(alphabet=st.characters(codec=None, categories=None), max_size=6)


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chunks=st.lists(TYPED | st.sampled_from(["BACKSPACE", "DELETE", "HOME", "END"]),
                       max_size=8))
def test_any_typing_keeps_a_drawable_name(ctx: AppContext, chunks: list[str]) -> None:
    app, scene = open_title(ctx)
    click(app, scene.name_entry)
    for chunk in chunks:
        key = getattr(pygame, f"K_{chunk}", None) if chunk.isupper() else None
        if key is not None:
            press(app, key)
        else:
            type_text(app, chunk)
    app.frame(1 / 60)
    text = scene.name_entry.get_text()
    assert printable(text) == text  # no NUL, control, surrogate or zero-width character
    while ctx.stack.scenes:
        ctx.stack.pop()
