"""The ECG screen driven by real events: ticks, electrodes placed by clicks on the drawn
torso, by a drag and by the keyboard, a recording with artifact, the fix, the hand-off."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pygame

from game.clinical.ecg import STANDARD
from game.scenario.load import load_scenario
from game.scenario.models import Scenario
from game.sim.engine import Simulation
from game.sim.rules.ecg.commands import HandEcg, PlaceElectrodes, PrepareEcg, RecordEcg
from game.sim.rules.ecg.state import ecg_of
from game.sim.state import Status
from game.ui.context import AppContext
from game.ui.forms.ecg import EcgForm
from game.ui.forms.ecg_draw import site_xy
from tests.ui.forms.helpers import Driver, Recorder, form_rect, play_until, wait_free

DAY = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "ecg_day.json"
PID = "s04-castillo"  # shivers unless kept warm


@cache
def _day() -> Scenario:
    return load_scenario(DAY).scenario


def at_exam_done() -> Simulation:
    sim = Simulation(_day(), 1)
    play_until(sim, lambda s: s.world.patients[PID].status == Status.EXAM_DONE)
    wait_free(sim)
    return sim


def open_form(ctx: AppContext, sim: Simulation) -> tuple[EcgForm, Driver, Recorder]:
    rec = Recorder(sim)
    form = EcgForm(ctx, sim, PID, rec, form_rect(ctx.size))
    return form, Driver(ctx, form), rec


def site_pos(form: EcgForm, site: str) -> tuple[int, int]:
    rect = form.torso.get_abs_rect()
    x, y = site_xy(site, form.torso_size)
    return rect.x + x, rect.y + y


def prepare(d: Driver, form: EcgForm, warm: bool) -> None:
    for key in ("name", "dob"):
        d.click(form.ids[key])
    for name in ("supine", "skin", "explained", "devices_away") + (("warm",) if warm else ()):
        d.click(form.prep[name])
    d.click(form.prepare_b)


def test_place_by_clicks_record_artifact_fix_and_hand_over(ctx: AppContext) -> None:
    sim = at_exam_done()
    form, d, rec = open_form(ctx, sim)
    assert "cold and shivering" in form._order_text()
    prepare(d, form, warm=False)
    assert isinstance(rec.last, PrepareEcg) and rec.last.supine and not rec.last.warm
    assert rec.last.identifiers == ["name", "dob"]
    assert not form.prepare_b.is_enabled
    wait_free(sim)
    for el, site in STANDARD.items():  # click the electrode, then its site
        d.click(form.chips[el])
        d.click_at(site_pos(form, site))
    assert form.pending == dict(STANDARD)
    assert not any("?" in chip.text for chip in form.chips.values())  # all placed
    d.click(form.place_b)
    assert isinstance(rec.last, PlaceElectrodes) and rec.last.sites == STANDARD
    wait_free(sim)
    d.click(form.record_b)
    assert isinstance(rec.last, RecordEcg) and rec.last.fix is None
    wait_free(sim)
    d.frame()
    e = ecg_of(sim, PID)
    assert e is not None and e.last is not None and e.last.artifact == "shivering"
    assert not form.hand_b.is_enabled
    d.click(form.fix_b)
    d.click(form.fix_b)  # none -> ask to lie still -> warm the patient
    assert "warm the patient" in form.fix_b.text
    d.key(pygame.K_RETURN)  # Enter: the next step is recording again
    assert isinstance(rec.last, RecordEcg) and rec.last.fix == "warm"
    wait_free(sim)
    d.frame()
    assert form.hand_b.is_enabled
    d.click(form.hand_b)
    assert isinstance(rec.last, HandEcg) and form.closed
    assert ecg_of(sim, PID).handed_t is not None  # type: ignore[union-attr]


def test_drag_and_keyboard_placement(ctx: AppContext) -> None:
    sim = at_exam_done()
    form, d, rec = open_form(ctx, sim)
    # a drag from the V1 chip to the 3rd intercostal space, then from there to the 4th
    d.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=form.chips["V1"]
                                  .get_abs_rect().center, button=1))
    d.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=site_pos(form, "r3"), button=1))
    d.frame()
    assert form.pending == {"V1": "r3"}
    d.dispatch(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=site_pos(form, "r3"), button=1))
    d.dispatch(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=site_pos(form, "r4"), button=1))
    d.frame()
    assert form.pending == {"V1": "r4"}
    # keyboard: Tab to V2, the cursor right from V1's site to V2's, Space puts it there
    form.select("V1")
    d.key(pygame.K_TAB)
    assert form.selected == "V2"
    d.key(pygame.K_RIGHT)
    assert form.cursor == "l4"
    d.key(pygame.K_SPACE)
    assert form.pending["V2"] == "l4"
    form.select("V2")
    d.key(pygame.K_BACKSPACE)
    assert "V2" not in form.pending and form.chips["V2"].text.endswith("?")
    # placing before preparing is refused with the simulation's reason
    d.click(form.place_b)
    assert "Prepare" in form.message and isinstance(rec.last, PlaceElectrodes)
