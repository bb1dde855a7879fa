"""What a form, a hint or a bot may read about medications without restating a rule: the
doses ordered, a vial's label, what the allergy check found, whether a unit's log allows
its vials, why a dose must be held, the right site and needle, and the observation left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from game.clinical.vaccines import (
    CATALOGUE,
    COMPONENT_WORDS,
    NOT_A_CONTRAINDICATION,
    Choice,
    choice,
    components_in,
    minor,
)
from game.scenario.meds import Product
from game.sim.rules.checklist import FREEZER_RANGE_C, FRIDGE_RANGE_C
from game.sim.rules.disruptions.fridge_alarm import alarm_problem
from game.sim.rules.medications.commands import HoldReason, MedRecord
from game.sim.rules.medications.state import DoseState, meds

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import PatientState


def short_name(code: str) -> str:
    """A product as the checkout lists it: "influenza vaccine", "vitamin B12"."""
    return CATALOGUE[code].name.split(",")[0].split(" (")[0]


@dataclass(frozen=True)
class Label:
    """What the vial's label says, with today's verdict on each date."""

    name: str
    code: str
    lot: str
    manufacturer: str
    expires: str
    expired: bool
    multi_dose: bool
    beyond_use: str | None
    past_beyond_use: bool
    storage: str
    vis_edition: str | None
    route: str
    dose_ml: tuple[float, float]


def label(sim: Simulation, product: Product) -> Label:
    """The label of a product on hand."""
    cat, day = CATALOGUE[product.code], sim.scenario.date
    bud = product.beyond_use
    return Label(cat.name, product.code, product.lot, product.manufacturer,
                 product.expires.isoformat(), product.expires < day, product.multi_dose,
                 bud.isoformat() if bud else None, bud is not None and bud < day,
                 product.storage, product.vis_edition.isoformat() if product.vis_edition
                 else None, cat.route, cat.dose_ml)


def doses_of(sim: Simulation, pid: str) -> list[DoseState]:
    """The patient's ordered doses, in the order's order."""
    pm = meds(sim).patients.get(pid)
    return [] if pm is None else list(pm.doses.values())


def open_doses(sim: Simulation, p: PatientState) -> list[str]:
    """The doses still to give (not given, not held), as the checkout lists them."""
    return [short_name(d.product.code) for d in doses_of(sim, p.id) if d.open]


def unit_problem(sim: Simulation, storage: str) -> str | None:
    """Why a unit's vials may not be used now: no opening log yet, a reading out of the
    CDC's range (Storage and Handling Toolkit), or an alarm since (a scripted event) that the
    vaccine coordinator has not cleared; None when today's log shows it in range."""
    if storage == "cabinet":
        return None  # room temperature: nothing to log
    if alarmed := alarm_problem(sim, storage):
        return alarmed
    logs = [t for t in sim.world.tasks.values()
            if t.phase == "opening" and t.task.kind == "log_fridge"]
    done = [t for t in logs if t.done_t is not None and t.done_t <= sim.now]
    if not done:
        return f"the {storage} has not been logged today"
    task = done[-1].task
    reading = task.fridge_c if storage == "fridge" else task.freezer_c
    low, high = FRIDGE_RANGE_C if storage == "fridge" else FREEZER_RANGE_C
    assert reading is not None
    if not low <= reading <= high:
        return f"the {storage} read {reading} C today (it must be {low:g} to {high:g} C)"
    return None


def all_allergies(p: PatientState) -> list[str]:
    """The chart's allergies and those the patient tells when asked."""
    told = p.spec.medication_notes.allergies_told if p.spec.medication_notes else []
    return [*p.spec.allergies, *told]


@dataclass(frozen=True)
class Finding:
    """One allergy the check found, and what it means for the doses ordered."""

    allergy: str
    products: tuple[str, ...]  # the ordered products that contain it
    hold: bool  # a reason to hold them
    text: str


def allergy_findings(sim: Simulation, pid: str) -> list[Finding] | None:
    """What the allergy check found (None before the check): each known allergy against the
    components of the ordered products (CDC Vaccine Excipient Summary; ACIP 2023-24 on egg)."""
    pm = meds(sim).patients.get(pid)
    if pm is None or pm.checked is None:
        return None
    out = []
    for allergy in pm.known_allergies:
        comps = components_in([allergy])
        hit = tuple(short_name(d.product.code) for d in pm.doses.values()
                    if CATALOGUE[d.product.code].components & comps)
        hold = bool(hit) and bool(comps - NOT_A_CONTRAINDICATION)
        if hold:
            text = f"{allergy}: in the {', '.join(hit)}. Hold and tell the provider."
        elif hit:
            text = (f"{allergy}: not a reason to hold the {', '.join(hit)} (ACIP, from the "
                    "2023-24 season): give it and observe as usual.")
        else:
            text = f"{allergy}: in none of today's products."
        out.append(Finding(allergy, hit, hold, text))
    return out


def hold_reason(sim: Simulation, d: DoseState) -> HoldReason | None:
    """Why a dose must be held now, or None: a component the patient is allergic to, a unit
    not logged or out of range, an expired product, a multi-dose vial past its beyond-use
    date."""
    p = sim.world.patients[d.patient]
    code, day = d.product.code, sim.scenario.date
    if CATALOGUE[code].components & components_in(all_allergies(p)) - NOT_A_CONTRAINDICATION:
        return "allergy"
    if d.product.expires < day:
        return "expired"
    if d.product.beyond_use is not None and d.product.beyond_use < day:
        return "beyond_use"
    if unit_problem(sim, d.product.storage):
        return "storage"
    return None


def right_choice(sim: Simulation, d: DoseState) -> Choice:
    """The right route, sites and needles for this dose (CDC needle and site table)."""
    p = sim.world.patients[d.patient]
    return choice(d.product.code, p.spec.dob, sim.scenario.date, p.spec.vitals.weight_lb)


def vis_recipient(sim: Simulation, pid: str) -> Literal["patient", "parent"]:
    """Who receives the VIS: a parent for a child under 18, else the patient."""
    return "parent" if minor(sim.world.patients[pid].spec.dob, sim.scenario.date) else "patient"


def record_of(sim: Simulation, d: DoseState) -> MedRecord:
    """What a complete record of a given dose says."""
    pr, day = d.product, sim.scenario.date
    vaccine = CATALOGUE[pr.code].vaccine
    return MedRecord(product=pr.code, dose_ml=d.prepared_ml, route=d.route,  # type: ignore[arg-type]
                     site=d.site, lot=pr.lot, manufacturer=pr.manufacturer,  # type: ignore[arg-type]
                     vis_edition=pr.vis_edition if vaccine else None,
                     vis_given=day if vaccine and d.vis_t is not None else None,
                     date_given=day)


def observation_left(sim: Simulation, pid: str) -> int | None:
    """Seconds of observation left after a vaccine (None when none is running)."""
    pm = meds(sim).patients.get(pid)
    if pm is None or pm.observe_until is None or pm.released_early:
        return None
    left = pm.observe_until - sim.now
    return left if left > 0 else None


def fainted(sim: Simulation, pid: str) -> bool:
    """The patient fainted and nobody has helped yet."""
    pm = meds(sim).patients.get(pid)
    return pm is not None and pm.fainted_t is not None and not pm.aided


__all__ = ["COMPONENT_WORDS", "Finding", "Label", "allergy_findings", "doses_of", "fainted",
           "hold_reason", "label", "observation_left", "open_doses", "record_of",
           "right_choice", "unit_problem", "vis_recipient"]
