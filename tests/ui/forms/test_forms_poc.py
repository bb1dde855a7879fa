"""The point-of-care form driven by real events: a rapid strep from collection to the chart."""

from __future__ import annotations

from pathlib import Path

from game.sim.rules.poc.commands import CollectPoc, RecordPoc
from game.sim.rules.poc.state import poc, run_key
from game.ui.context import AppContext
from game.ui.forms.poc import PocForm
from tests.sim.poc_day import free, sim_of, until_exam_done
from tests.ui.forms.helpers import Driver, Recorder, form_rect

STREP = "s03-adeyemi"


def test_a_rapid_strep_through_the_form(ctx: AppContext, tmp_path: Path) -> None:
    sim = sim_of()
    until_exam_done(sim, STREP)
    rec = Recorder(sim)
    form = PocForm(ctx, sim, STREP, rec, form_rect(ctx.screen.get_size()))
    d = Driver(ctx, form)
    d.click(form.ids["name"])
    d.click(form.ids["dob"])
    d.click(form.ways["tonsils_pharynx"])
    d.click(next(b for b in form._actions if "Collect" in b.text))
    assert isinstance(rec.last, CollectPoc) and rec.last.identifiers == ["name", "dob"]
    free(sim)
    d.click(next(b for b in form._actions if "Start" in b.text))
    free(sim)
    r = poc(sim).runs[run_key(STREP, "POC_STREP")]
    assert r.started_t is not None
    d.frame()
    assert "too early" in form.timer.text
    sim.advance(r.started_t + 310)
    d.frame()
    assert "READ NOW" in form.timer.text
    d.click(next(b for b in form._actions if "Read" in b.text))
    assert "C and T lines" in form.readout.html_text
    free(sim)
    d.click(form.positive)
    d.click(form.flag)
    d.click(next(b for b in form._actions if "Record" in b.text))
    assert isinstance(rec.last, RecordPoc) and rec.last.reading == "positive"
    assert rec.last.abnormal and rec.results[-1].ok
    assert any("Recorded Tunde Adeyemi's Rapid strep with units and flag" in e.reason
               for e in sim.ledger.entries)
    d.screenshot(tmp_path / "poc_form.png")
    assert (tmp_path / "poc_form.png").stat().st_size > 0
