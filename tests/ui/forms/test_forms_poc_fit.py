"""The point-of-care form with several tests: a tab for each, every tab fitting the window at
both sizes, the commands naming the chosen test, and whatever is typed or pressed answered
in words."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Iterator
from functools import cache

import pygame
import pygame_gui
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.sim.commands import Command
from game.sim.engine import Simulation
from game.sim.results import Rejected, Result
from game.sim.rules.poc.commands import CollectPoc, RecordPoc
from game.ui.context import AppContext
from game.ui.forms.poc import PocForm
from tests.fuzz_settings import examples
from tests.sim.poc_day import fixture, free, sim_of, until_exam_done
from tests.ui.forms.helpers import SIZES, Driver, Recorder, form_rect, inside, make_ctx
from tests.ui.forms.test_forms_layout import descendants

PID = "s02-okeefe"  # a blood count and, here, three point-of-care tests of three kinds
STREP = "s03-adeyemi"  # one test only


@pytest.fixture(scope="module", params=list(SIZES))
def ctx(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[AppContext]:
    """This module's forms at 1280x720 and at 1024x640."""
    yield make_ctx(tmp_path_factory.mktemp("saves"), SIZES[request.param])


@cache
def _exam_done() -> Simulation:
    data = fixture()
    p = next(p for p in data["patients"] if p["id"] == PID)
    p["orders"]["labs"] += ["POC_HCG", "POC_A1C"]
    sim = sim_of(data)
    until_exam_done(sim, PID)
    return sim


def exam_done() -> Simulation:
    """The day with the patient's exam over and none of their tests begun (a fresh copy)."""
    return copy.deepcopy(_exam_done())


def open_form(ctx: AppContext, sim: Simulation, pid: str = PID,
              submit: Recorder | None = None) -> tuple[PocForm, Driver]:
    form = PocForm(ctx, sim, pid, submit or Recorder(sim), form_rect(ctx.size))
    return form, Driver(ctx, form)


def visible_outside(form: PocForm) -> list[str]:
    area = pygame.Rect(form.window.get_container().get_abs_rect())
    return [f"{type(e).__name__} {getattr(e, 'text', '')}" for e in descendants(form.window)
            if e.visible and not inside(area, e) and e is not form.window.get_container()]


def test_each_tab_fits_and_shows_its_own_result_fields(ctx: AppContext) -> None:
    sim = exam_done()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        form, d = open_form(ctx, sim)
        assert list(form.tabs) == ["POC_UA", "POC_HCG", "POC_A1C"]
        seen = {}
        for code, tab in form.tabs.items():
            d.click(tab)
            assert form.run.code == code and visible_outside(form) == []
            seen[code] = (form.value.visible, form.units.visible, form.positive.visible,
                          form.pads_note.visible)
    assert [str(w.message) for w in caught if "too small" in str(w.message)] == []
    # a value and units for the analyzer, Positive for the cassette, the pads for the strip
    assert seen == {"POC_UA": (False, False, False, True),
                    "POC_HCG": (False, False, True, False),
                    "POC_A1C": (True, True, False, False)}
    controls = [e for e in descendants(form.window)
                if isinstance(e, pygame_gui.elements.UIButton | pygame_gui.elements.UICheckBox
                              | pygame_gui.elements.UITextEntryLine)]
    assert all(getattr(e, "tool_tip_text", None) for e in controls)


def test_tabs_name_each_stage_and_the_commands_name_the_chosen_test(ctx: AppContext) -> None:
    sim = exam_done()
    rec = Recorder(sim)
    form, d = open_form(ctx, sim, submit=rec)
    assert [t.text for t in form.tabs.values()] == [
        "Urine dipstick: to collect", "Urine hCG: to collect", "HbA1c: to collect"]
    assert form.tabs["POC_UA"].is_selected and "Multistix" in form.product.text
    d.click(form.tabs["POC_HCG"])
    assert form.tabs["POC_HCG"].is_selected and not form.tabs["POC_UA"].is_selected
    assert "hCG" in form.product.text and set(form.ways) == {"clean_catch", "first_stream"}
    d.click(form.ids["name"])
    d.click(form.ids["dob"])
    d.click(form.ways["first_stream"])
    assert "\u2022" in form.ways["first_stream"].text  # the chosen way is marked
    d.key(pygame.K_c)
    assert isinstance(rec.last, CollectPoc) and rec.last.test == "POC_HCG"
    assert rec.last.collection == "first_stream" and rec.results[-1].ok
    free(sim)
    d.frame()
    assert form.tabs["POC_HCG"].text == "Urine hCG: to start"
    assert form.tabs["POC_UA"].text == "Urine dipstick: to collect"
    d.key(pygame.K_t)  # the next test
    assert form.run.code == "POC_A1C" and "DCA" in form.product.text
    assert "HbA1c: to collect" in form.message
    d.key(pygame.K_t)  # and round to the first
    assert form.run.code == "POC_UA"


def test_one_test_has_no_tabs_and_a_heading(ctx: AppContext) -> None:
    sim = sim_of()
    until_exam_done(sim, STREP)
    form, _d = open_form(ctx, sim, STREP)
    assert form.tabs == {} and form.heading is not None and form.heading.text == "Rapid strep"
    assert visible_outside(form) == []
    assert not form.send.is_enabled  # a kit can still pass QC: nothing goes to the lab


class Refusing:
    """A submit that records the command and refuses it, so the form's state never moves."""

    def __init__(self) -> None:
        self.commands: list[Command] = []

    def __call__(self, command: Command) -> Result:
        self.commands.append(command)
        return Rejected("refused by the test")


ODD = st.sampled_from(["\u200b", "\u0301", "nan", "inf", "-1", "1e3", "7.2", " 6.0 ", "100",
                       "100.01", ",", "5,3", "\U0001f489"])
TEXT = st.lists(st.one_of(st.text(max_size=12), ODD), max_size=3).map("".join)


@settings(max_examples=examples(25), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=TEXT, units=TEXT)
def test_whatever_is_typed_as_the_value_is_recorded_or_named(ctx: AppContext, value: str,
                                                             units: str) -> None:
    sim = _exam_done()  # never changed: the submit refuses everything
    refusing = Refusing()
    form = PocForm(ctx, sim, PID, refusing, form_rect(ctx.size))
    d = Driver(ctx, form)
    d.click(form.tabs["POC_A1C"])
    form.value.set_text(value)
    form.units.set_text(units)
    d.key(pygame.K_k)
    if refusing.commands:
        cmd = refusing.commands[-1]
        assert isinstance(cmd, RecordPoc) and cmd.value is not None
        assert 0 <= cmd.value <= 100 and cmd.value == float(form.value.get_text().strip())
        assert len(cmd.units) <= 20 and form.message == "refused by the test"
    else:
        assert form.message.startswith("Type the value the analyzer shows")
    form.close()
    ctx.manager.clear_and_reset()


KEYS = st.lists(st.sampled_from([pygame.K_t, pygame.K_1, pygame.K_2, pygame.K_c, pygame.K_s,
                                 pygame.K_e, pygame.K_k, pygame.K_l, pygame.K_o, pygame.K_a,
                                 pygame.K_v, pygame.K_n, pygame.K_d, pygame.K_RETURN,
                                 pygame.K_TAB]), max_size=14)


@settings(max_examples=examples(12), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=KEYS)
def test_any_keys_act_on_the_chosen_test_only(ctx: AppContext, keys: list[int]) -> None:
    sim = exam_done()
    rec = Recorder(sim)
    form, d = open_form(ctx, sim, submit=rec)
    for key in keys:
        before = len(rec.commands)
        chosen = form.run.code
        d.key(key)
        free(sim)
        d.frame()
        for cmd in rec.commands[before:]:
            assert getattr(cmd, "test", None) == chosen and getattr(cmd, "patient", None) == PID
        assert visible_outside(form) == []
    form.close()
    ctx.manager.clear_and_reset()

