"""What the medication concern puts on the table: for a patient after the exam, each step of
each ordered dose (through the medication form), the release from observation and first aid."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from game.clinical.vaccines import CATALOGUE, OBSERVE_MINUTES
from game.scenario.types import clock
from game.sim.rules.base import GroupKind, Offer
from game.sim.rules.medications.commands import (
    CheckAllergies,
    DocumentMedication,
    EndObservation,
    FirstAid,
    GiveMedication,
    GiveVis,
    HoldMedication,
    PrepareDose,
)
from game.sim.rules.medications.look import fainted, observation_left, short_name, unit_problem
from game.sim.rules.medications.state import DoseState, DoseStatus, meds
from game.sim.state import Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import StaffState

FORM = "medication"


def _dose_offers(sim: Simulation, actor: StaffState, d: DoseState) -> Iterator[Offer]:
    pid, code = d.patient, d.product.code
    what = short_name(code)
    cat = CATALOGUE[code]
    if d.status == DoseStatus.GIVEN:
        if not d.documented:
            yield Offer(GroupKind.PATIENT, pid, DocumentMedication(patient=pid,
                                                                   product=d.product.id),
                        f"Document {what}…", "Product, dose, route, site, lot, manufacturer, "
                        "VIS edition and dates.", form=FORM, key="m", station="workstation")
        return
    if not d.open:
        return
    if cat.vaccine and d.vis_t is None:
        yield Offer(GroupKind.PATIENT, pid, GiveVis(patient=pid, product=d.product.id),
                    f"Give the {what} VIS…", "The current Vaccine Information Statement, "
                    "before the dose.", form=FORM, key="m")
    if d.status == DoseStatus.ORDERED:
        problem = unit_problem(sim, d.product.storage)
        warn = f" Careful: {problem}." if problem else ""
        yield Offer(GroupKind.PATIENT, pid, PrepareDose(patient=pid, product=d.product.id,
                                                        dose_ml=d.ordered_ml),
                    f"Prepare {what}…", f"Take the vial, check the label, draw up "
                    f"{d.ordered_ml:g} mL.{warn}", form=FORM, key="m",
                    station="fridge" if d.product.storage != "cabinet" else "lab")
    elif meds(sim).syringes.get(actor.id) == d.key:
        yield Offer(GroupKind.PATIENT, pid, GiveMedication(
            patient=pid, product=d.product.id, route=cat.route, site="deltoid", needle_in=1.0),
                    f"Give {what}…", "Two identifiers, route, site and needle; the needle "
                    "into the sharps container.", form=FORM, key="m")
    yield Offer(GroupKind.PATIENT, pid, HoldMedication(patient=pid, product=d.product.id,
                                                       reason="allergy"),
                f"Hold {what}…", "Do not give it: tell the provider why.", form=FORM)


def offers(sim: Simulation, actor: StaffState) -> Iterator[Offer]:
    """The medication steps of the patients after the exam; release; first aid."""
    state = meds(sim)
    for pid, pm in state.patients.items():
        p = sim.world.patients[pid]
        if fainted(sim, pid):
            yield Offer(GroupKind.PATIENT, pid, FirstAid(patient=pid),
                        f"First aid for {p.spec.name.last}", "They fainted: lie them down, "
                        "raise the legs, stay until they recover.", key="a")
        left = observation_left(sim, pid)
        if left is not None:
            yield Offer(GroupKind.PATIENT, pid, EndObservation(patient=pid),
                        f"Let {p.spec.name.last} go now",
                        f"Under observation until {clock(pm.observe_until or sim.now)} "
                        f"({OBSERVE_MINUTES} min after a vaccine, ACIP).")
        if p.status != Status.EXAM_DONE:
            # a dose given is documented at the workstation, even after the patient left
            for d in pm.doses.values():
                if d.status == DoseStatus.GIVEN:
                    yield from _dose_offers(sim, actor, d)
            continue
        if pm.checked != "asked" and any(d.open for d in pm.doses.values()):
            yield Offer(GroupKind.PATIENT, pid, CheckAllergies(patient=pid),
                        "Check allergies…", "In the chart and by asking, against the "
                        "products' components.", form=FORM, key="m")
        for d in pm.doses.values():
            yield from _dose_offers(sim, actor, d)
