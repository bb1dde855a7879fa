"""The medications' part of the world: each ordered dose and where it stands, each patient's
allergy check, observation and fainting, and the syringe each staff member holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from game.scenario.meds import Product

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NAME = "medications"


class DoseStatus(StrEnum):
    """Where an ordered dose is."""

    ORDERED = "ordered"
    PREPARED = "prepared"  # drawn up, in a staff member's hand
    GIVEN = "given"
    HELD = "held"  # not given: the provider was told why


@dataclass
class DoseState:
    """One ordered dose."""

    patient: str
    product: Product
    ordered_ml: float
    status: DoseStatus = DoseStatus.ORDERED
    vis_to: str | None = None  # "patient" or "parent", once the VIS was given
    vis_t: int | None = None
    prepared_ml: float | None = None
    checks: tuple[str, ...] = ()
    unit_problem: str | None = None  # why the vial should not have been taken, when taken
    given_t: int | None = None
    given_to: str | None = None  # whom it went into (another patient: the wrong patient)
    route: str | None = None
    site: str | None = None
    needle_in: float | None = None
    held: str | None = None  # the hold's reason
    documented: bool = False

    @property
    def key(self) -> str:
        """The ledger subject of the dose's steps: patient and product."""
        return f"{self.patient}:{self.product.id}"

    @property
    def open(self) -> bool:
        """Still to give (or hold)."""
        return self.status in (DoseStatus.ORDERED, DoseStatus.PREPARED)


@dataclass
class PatientMeds:
    """One patient's medication visit."""

    doses: dict[str, DoseState] = field(default_factory=dict)  # by product id
    checked: str | None = None  # "chart" or "asked", once allergies were checked
    known_allergies: tuple[str, ...] = ()  # what the MA learned in the check
    allergy_scored: bool = False
    observe_until: int | None = None
    released_early: bool = False
    fainted_t: int | None = None
    aided: bool = False


@dataclass
class MedsState:
    """Every patient's doses, and the syringe in each staff member's hand."""

    patients: dict[str, PatientMeds] = field(default_factory=dict)
    syringes: dict[str, str] = field(default_factory=dict)  # staff id -> "patient:product"

    def dose(self, patient: str, product: str) -> DoseState | None:
        """A patient's ordered dose of a product, if there is one."""
        pm = self.patients.get(patient)
        return None if pm is None else pm.doses.get(product)


def meds(sim: Simulation) -> MedsState:
    """The medications' part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, MedsState)
    return part


def build(sim: Simulation) -> MedsState:
    """A dose for every order on today's patients."""
    products = {p.id: p for p in sim.scenario.medications.products}
    state = MedsState()
    for p in sim.scenario.patients:
        if not p.orders.medications:
            continue
        pm = PatientMeds()
        for o in p.orders.medications:
            if o.product in products:  # validation guarantees it; a test day may not
                pm.doses[o.product] = DoseState(p.id, products[o.product], o.dose_ml)
        state.patients[p.id] = pm
    return state
