"""What the medication form says, as pygame_gui HTML: the order, the allergy check (the
chart's list, what the patient answered, the rule's findings), the VIS and the observation."""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING

from game.clinical.vaccines import CATALOGUE
from game.clinical.vitals import age_on
from game.scenario.types import clock
from game.sim.view_meds import (
    DoseState,
    DoseStatus,
    allergy_findings,
    meds,
    observation_left,
    short_name,
)

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import PatientState


def esc(text: str) -> str:
    """Text made safe for pygame_gui's HTML."""
    return html.escape(text, quote=False)


def age_words(sim: Simulation, p: PatientState) -> str:
    """'52 y', or '14 months' under two years (the age the judgements use)."""
    age = age_on(p.spec.dob, sim.scenario.date)
    return f"{round(age * 12)} months" if age < 2 else f"{int(age)} y"


def order_html(sim: Simulation, p: PatientState, d: DoseState, n: int, of: int) -> str:
    """The provider's order as written, and who it is for."""
    cat = CATALOGUE[d.product.code]
    which = f" (dose {n} of {of})" if of > 1 else ""
    weight = p.spec.vitals.weight_lb
    obs = observation_text(sim, p.id)
    # Where the dose stands shows on the step tabs; the observation, once running, here.
    return (f"<b>Order{which}:</b> {esc(short_name(d.product.code))} \u00b7 "
            f"<b>{d.ordered_ml:g} mL</b> \u00b7 {cat.route}<br>For {esc(p.name)} \u00b7 "
            f"{age_words(sim, p)} \u00b7 {weight:g} lb"
            + (f" \u00b7 <b>{obs}</b>" if obs else f" \u00b7 {status_words(sim, d)}"))


def status_words(sim: Simulation, d: DoseState) -> str:
    """Where the dose stands, in words."""
    if d.status == DoseStatus.GIVEN:
        return f"given at {clock(d.given_t or sim.now)}" + ("" if d.documented
                                                             else ", not yet documented")
    if d.status == DoseStatus.HELD:
        return "held: the provider was told"
    return "drawn up, in hand" if d.status == DoseStatus.PREPARED else "to prepare"


def allergy_html(sim: Simulation, p: PatientState) -> str:
    """The chart's allergies; once asked, what the patient answered; the check's findings."""
    chart = ", ".join(p.spec.allergies) or "none known (NKA)"
    out = [f"<b>The chart says:</b> {esc(chart)}"]
    pm = meds(sim).patients.get(p.id)
    if pm is None or pm.checked is None:
        out.append("Not checked yet. Read the chart, then ask the patient (a child's "
                   "parent) about allergies to medicines, foods, latex, gelatin, yeast.")
        return "<br>".join(out)
    if pm.checked == "asked":
        told = [a for a in pm.known_allergies if a not in p.spec.allergies]
        said = ", ".join(told) if told else "nothing more than the chart"
        out.append(f"<b>Asked, they answer:</b> \u201c{esc(said)}\u201d")
    else:
        out.append("You read the chart only: the patient was not asked.")
    for f in allergy_findings(sim, p.id) or []:
        out.append("\u2022 " + esc(f.text))
    return "<br>".join(out)


def vis_html(sim: Simulation, p: PatientState, d: DoseState, edition: str | None) -> str:
    """The VIS on hand for the product, and whether it was given (and to whom)."""
    cat = CATALOGUE[d.product.code]
    if not cat.vaccine:
        return f"{esc(cat.name)} is not a vaccine: there is no VIS to give."
    out = [f"<b>VIS:</b> {esc(cat.vis)}, edition {edition or 'unknown'} (the copy on hand)",
           f"{esc(p.name)} is {age_words(sim, p)}. The VIS goes to the patient, or to the "
           "parent or legal representative of a minor, before the dose."]
    if d.vis_t is not None:
        out.append(f"<b>Given</b> to the {esc(d.vis_to or 'patient')} at {clock(d.vis_t)}.")
    return "<br>".join(out)


def observation_text(sim: Simulation, pid: str) -> str:
    """'Under observation: 12 min left', or '' when none runs."""
    left = observation_left(sim, pid)
    return "" if left is None else f"Under observation: {math.ceil(left / 60)} min left"
