"""What the call panel says: the caller's words, and once verified their answers beside the
chart the MA compares them with (the panel states facts; judging them is the player's job)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from game.clinical.vitals import age_on
from game.sim.view import CallState, answers, chart_of
from game.ui.kit.fmt import chart_date, short_date

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def _q(text: str) -> str:
    """Quoted speech, escaped for pygame_gui's HTML."""
    return f"\u201c{html.escape(text.strip(chr(34)), quote=False)}\u201d"


def words_html(sim: Simulation, c: CallState) -> str:
    """What the caller (or the portal message) says, and the visit they ask for."""
    spec = c.spec
    lead = "The portal message says" if c.portal else "The caller says"
    number = html.escape(spec.caller.number)
    # The phone's display shows the number; a portal account has one on file.
    shown = f"Account phone {number}" if c.portal else f"Caller ID {number}"
    out = [f"<b>{lead}:</b> {_q(spec.words)}", f"<font pixel_size=12>{shown}</font>"]
    wants = spec.wants
    if wants is not None:
        visit = next((v.name for v in sim.scenario.visit_types if v.id == wants.visit_type),
                     wants.visit_type)
        prov = next((p.name for p in sim.scenario.providers if p.id == wants.provider),
                    wants.provider)
        out.append(f"They ask for: {html.escape(visit)} with {html.escape(prov)}.")
        if wants.availability.note:
            out.append(f"When they can come: {_q(wants.availability.note)}")
    return "<br>".join(out)


def verify_html(sim: Simulation, c: CallState) -> str:
    """Before Verify: what to do. After (or for a portal message): the caller's answers and
    the chart's facts side by side."""
    if not (c.verified or c.portal):
        return ("<b>Not verified yet.</b> Ask who is calling (Verify) before you say anything "
                "about a patient. A caller describing an emergency needs 911 first.")
    if c.portal:
        said = (f"Signed in to the portal as {html.escape(c.spec.caller.name)} "
                f"({html.escape(c.spec.caller.relation)}): the account is verified.")
    else:
        said = f"<b>They answer:</b> {_q(answers(sim, c.spec))}"
    return said + "<br>" + "<br>".join(chart_facts(sim, c.spec.patient))


def chart_facts(sim: Simulation, pid: str) -> list[str]:
    """The chart's name, date of birth, age, MRN, release list and next visit."""
    chart = chart_of(sim, pid)
    age = age_on(chart.dob, sim.scenario.date)
    out = [f"<b>Chart:</b> {html.escape(chart.name.last.upper())}, "
           f"{html.escape(chart.name.first)} \u00b7 DOB {chart_date(chart.dob)} "
           f"\u00b7 {int(age)} y \u00b7 MRN {chart.mrn}"]
    release = ", ".join(f"{html.escape(r.name)} ({r.relation})" for r in chart.release_to)
    out.append(f"Release of information to: {release or 'nobody listed'}")
    visit = getattr(chart, "next_visit", None)
    if visit is not None:
        prov = next((p.name for p in sim.scenario.providers if p.id == visit.provider),
                    visit.provider)
        gone = " (cancelled)" if pid in sim.world.cancelled else ""
        out.append(f"Next visit: {short_date(visit.date)} {visit.date.year} {visit.time} with "
                   f"{html.escape(prov)}{gone}")
    return out
