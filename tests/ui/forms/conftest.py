"""Form tests share one context per module; the GUI is cleared after every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.ui.context import AppContext
from tests.ui.forms.helpers import make_ctx


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """One real context (dummy driver) for a module's forms; building one costs a little."""
    yield make_ctx(tmp_path_factory.mktemp("saves"))


@pytest.fixture(autouse=True)
def _clean(ctx: AppContext) -> Iterator[None]:
    yield
    ctx.manager.clear_and_reset()
