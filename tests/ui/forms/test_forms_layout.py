"""Every form in the registry fits its rect at 1280x720 and 1024x640, with no clipped label.

Set CLINIC_DAY_FORM_SHOTS to a folder to save a PNG of each form as drawn here.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pygame_gui
import pytest

from game.scenario.load import load_scenario
from game.sim.commands import MeasureVitals
from game.sim.engine import Simulation
from game.sim.view import AnswerCall, phone
from game.ui.context import AppContext
from game.ui.forms.registry import FORMS
from tests.ui.forms.helpers import (
    SIZES,
    Driver,
    Recorder,
    checked_in_and_roomed,
    form_rect,
    inside,
    make_ctx,
    new_sim,
    play_until,
    wait_free,
)


def at_desk(sim: Simulation) -> str:
    sim.advance(sim.world.patients["p13-hernandez-m2"].arrival_t or 0)
    return "p13-hernandez-m2"


def measured(sim: Simulation) -> str:
    checked_in_and_roomed(sim, "p01-whitaker")
    assert sim.submit(MeasureVitals(patient="p01-whitaker")).ok
    wait_free(sim)
    return "p01-whitaker"


def seen(pid: str) -> Callable[[Simulation], str]:
    def reach(sim: Simulation) -> str:
        play_until(sim, lambda s: s.world.patients[pid].status.value == "exam_done")
        wait_free(sim)
        return pid
    return reach


CASES: dict[str, tuple[str, Callable[[Simulation], str]]] = {
    "check_in": ("check_in", at_desk),
    "vitals": ("vitals", measured),
    "lab": ("lab", seen("p02-mehta")),
    "schedule": ("schedule", seen("p03-hernandez-m")),
    "checkout": ("checkout", seen("p02-mehta")),
    "checklist_opening": ("checklist", lambda sim: "opening"),
    "checklist_closing": ("checklist", lambda sim: "closing"),
}


@pytest.fixture(scope="module", params=list(SIZES))
def ctx(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[AppContext]:
    yield make_ctx(tmp_path_factory.mktemp("saves"), SIZES[request.param])


def descendants(element: pygame_gui.core.UIElement) -> Iterator[pygame_gui.core.UIElement]:
    """Every widget inside a container, depth first."""
    container = getattr(element, "get_container", None)
    if container is None:
        return
    for child in container().elements:
        yield child
        yield from descendants(child)


def phone_day() -> Simulation:
    """The test day with calls and a walk-in."""
    path = Path(__file__).resolve().parents[2] / "fixtures" / "phone_morning.json"
    return Simulation(load_scenario(path).scenario, 1)


def on_line(call: str) -> Callable[[Simulation], str]:
    def reach(sim: Simulation) -> str:
        sim.advance(phone(sim).calls[call].t)
        assert sim.submit(AnswerCall(call=call)).ok
        wait_free(sim)
        return call
    return reach


def portal(sim: Simulation) -> str:
    sim.advance(phone(sim).calls["mom1"].t)
    return "mom1"


def walked_in(sim: Simulation) -> str:
    sim.advance(sim.world.patients["w-walkin"].appt_t)
    return "w-walkin"


# The phone's forms play the phone fixture day.
def ringing(sim: Simulation) -> str:
    sim.advance(phone(sim).calls["refill1"].t)
    return "refill1"


CASES.update({"call": ("call", on_line("resch1")), "call_portal": ("call", portal),
              "walk_in": ("walk_in", walked_in), "ringing": ("ringing", ringing)})
PHONE_CASES = ("call", "call_portal", "walk_in", "ringing")


# The clinical concerns' forms, on the shipped day's orders: a rapid strep, an ECG, and a
# room's supplies.
CASES.update({"poc": ("poc", seen("p04-brown")), "ecg": ("ecg", seen("p12-pierce")),
              "medication": ("medication", seen("p11-whitlock")),
              "supplies": ("supplies", lambda sim: "room:exam1")})


def test_registry_has_every_form() -> None:
    assert set(FORMS) == {"check_in", "vitals", "lab", "schedule", "checkout", "checklist",
                          "call", "walk_in", "ringing", "poc", "supplies", "ecg", "medication"}


@pytest.mark.parametrize("case", list(CASES))
def test_form_fits_and_nothing_is_clipped(ctx: AppContext, case: str) -> None:
    key, prepare = CASES[case]
    sim = phone_day() if case in PHONE_CASES else new_sim()
    subject = prepare(sim)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        form = FORMS[key](ctx, sim, subject, Recorder(sim), form_rect(ctx.size))
        d = Driver(ctx, form)
        for _ in range(3):
            d.frame()
    clipped = [str(w.message) for w in caught if "too small" in str(w.message)]
    assert clipped == []
    area = form.window.get_container().get_abs_rect()
    outside = [type(e).__name__ for e in descendants(form.window) if e.visible
               and not inside(area, e) and e is not form.window.get_container()]
    assert outside == []
    assert form_rect(ctx.size).contains(form.window.rect.inflate(-40, -40))
    controls = [e for e in descendants(form.window)
                if isinstance(e, pygame_gui.elements.UIButton | pygame_gui.elements.UICheckBox
                              | pygame_gui.elements.UITextEntryLine)]
    assert controls and all(getattr(e, "tool_tip_text", None) for e in controls)
    for _ in range(3):
        form.refresh()  # refreshing with nothing new must not change or break the form
    folder = os.environ.get("CLINIC_DAY_FORM_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        d.screenshot(Path(folder) / f"{case}_{ctx.size[0]}x{ctx.size[1]}.png")
    form.close()
    ctx.manager.clear_and_reset()
    pygame.event.clear()
