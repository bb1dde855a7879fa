"""What the player sees of point-of-care tests and the ECG outside their own forms: the
checkout lists a point-of-care test as its own order (not a blood test) with its stage, the
chart panel calls it done only once it is recorded, the checkout names what is still owed;
and the ECG screen, once the patient is prepared, shows its tracing inside the window at
both sizes."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game.clinical.ecg import STANDARD
from game.sim.commands import DrawBlood
from game.sim.engine import Simulation
from game.sim.rules.ecg.commands import PlaceElectrodes, PrepareEcg, RecordEcg
from game.sim.rules.poc.state import poc, run_key
from game.sim.view import needed_tubes
from game.sim.view_poc import CollectPoc, ReadPoc, RecordPoc, StartPoc
from game.ui.context import AppContext
from game.ui.day.chart_lines import patient_lines
from game.ui.forms.checkout import CheckoutForm
from game.ui.forms.ecg import EcgForm
from tests.sim.poc_day import free, sim_of, until_exam_done
from tests.ui.forms.helpers import SIZES, Driver, Recorder, form_rect, inside, make_ctx
from tests.ui.forms.test_forms_ecg import at_exam_done
from tests.ui.forms.test_forms_layout import descendants

PID = "s02-okeefe"  # a blood count and a urine dipstick
ECG = "s04-castillo"  # the ECG day's patient


@pytest.fixture(scope="module", params=list(SIZES))
def ctx(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[AppContext]:
    """The window at 1280x720 and at 1024x640."""
    ctx = make_ctx(tmp_path_factory.mktemp("saves"), SIZES[request.param])
    yield ctx


@pytest.fixture(autouse=True)
def _clean(ctx: AppContext) -> Iterator[None]:
    yield
    ctx.manager.clear_and_reset()


def summary(ctx: AppContext, sim: Simulation, pid: str) -> tuple[str, str]:
    """The checkout's order lines and its line beside the button, as drawn."""
    form = CheckoutForm(ctx, sim, pid, Recorder(sim), form_rect(ctx.size))
    Driver(ctx, form)
    assert form.status is not None
    out = form.summary.html_text, form.status.html_text
    form.close()
    return out


def chart(sim: Simulation, pid: str) -> list[str]:
    return [text for _style, text in patient_lines(sim, sim.world.patients[pid])]


def test_a_dipstick_is_its_own_order_until_it_is_recorded(ctx: AppContext) -> None:
    sim = sim_of()
    until_exam_done(sim, PID)
    text, beside = summary(ctx, sim, PID)
    assert "<b>Blood tests</b> (complete blood count): NOT drawn yet" in text
    assert "urine" not in text.split("<br>")[0]  # the dipstick is no blood test
    assert "<b>Urine dipstick</b> (point of care): NOT collected yet" in text
    assert "Still to do: blood draw, urine dipstick" in beside
    assert sim.submit(DrawBlood(patient=PID, identifiers=["name", "dob"],
                                tubes=needed_tubes(sim.world.patients[PID]))).ok
    free(sim)
    lines = chart(sim, PID)
    assert "Done: complete blood count (CBC)" in lines
    # blood drawn is not the dipstick done
    assert "To do: urine dipstick (point of care, CLIA-waived) (POC_UA)" in lines
    for cmd in (CollectPoc(patient=PID, test="POC_UA", collection="clean_catch",
                           identifiers=["name", "dob"]), StartPoc(patient=PID, test="POC_UA")):
        assert sim.submit(cmd).ok
        free(sim)
    assert "(point of care): running, NOT read yet" in summary(ctx, sim, PID)[0]
    assert sim.submit(ReadPoc(patient=PID, test="POC_UA")).ok
    free(sim)
    assert "(point of care): read, NOT recorded yet" in summary(ctx, sim, PID)[0]
    pads = dict(poc(sim).runs[run_key(PID, "POC_UA")].spec.pads)  # the strip as read
    assert sim.submit(RecordPoc(patient=PID, test="POC_UA", pads=pads, abnormal=True)).ok
    free(sim)
    assert "Done: urine dipstick (point of care, CLIA-waived) (POC_UA)" in chart(sim, PID)
    text, beside = summary(ctx, sim, PID)
    assert "<b>Urine dipstick</b> (point of care): recorded in the chart" in text
    assert "Still to do" not in beside


def test_the_checkout_names_an_ecg_still_owed(ctx: AppContext) -> None:
    sim = at_exam_done()
    _text, beside = summary(ctx, sim, ECG)
    assert "Still to do: " in beside and "12-lead ECG" in beside


def test_the_prepared_ecg_shows_its_tracing_inside_the_window(ctx: AppContext) -> None:
    sim = at_exam_done()
    rec = Recorder(sim)
    form = EcgForm(ctx, sim, ECG, rec, form_rect(ctx.size))
    d = Driver(ctx, form)
    assert all(t.visible for t in form.prep.values()) and not form.strip.visible
    assert any(line.startswith("To do: 12-lead ECG (") for line in chart(sim, ECG))
    for cmd in (PrepareEcg(patient=ECG, identifiers=["name", "dob"], supine=True, skin=True,
                           explained=True, warm=True, devices_away=True),
                PlaceElectrodes.model_validate({"patient": ECG, "sites": STANDARD}),
                RecordEcg(patient=ECG)):
        assert sim.submit(cmd).ok
        free(sim)
    d.frame()
    # the ticks made way for the tracing, and the tracing is drawn inside the window
    assert not any(t.visible for t in (*form.prep.values(), *form.ids.values()))
    assert form.strip.visible and form.strip_size[1] >= 100
    area = pygame.Rect(form.window.get_container().get_abs_rect())
    outside = [type(e).__name__ for e in descendants(form.window) if e.visible
               and not inside(area, e) and e is not form.window.get_container()]
    assert outside == []
    assert form.hand_b.is_enabled
    d.click(form.hand_b)
    assert form.closed and "Done: 12-lead ECG, handed to the provider" in chart(sim, ECG)
