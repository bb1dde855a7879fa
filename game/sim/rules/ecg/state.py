"""The ECG's part of the world: for each patient with an ECG ordered, the preparation, where
the electrodes are, every tracing recorded, and when the provider was told and handed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NAME = "ecg"


@dataclass
class Tracing:
    """One 12-lead recording: when it came off the machine, the artifact it shows (its
    cause) and the electrodes that were on a wrong site."""

    t: int
    artifact: str | None = None
    misplaced: tuple[str, ...] = ()
    sites: tuple[tuple[str, str], ...] = ()  # (electrode, site) as placed, for the report

    @property
    def usable(self) -> bool:
        """The provider can read it: no artifact, every electrode on its site."""
        return self.artifact is None and not self.misplaced


@dataclass
class EcgPatient:
    """Where one patient's ECG stands."""

    prepared_t: int | None = None
    prep: tuple[str, ...] = ()  # the preparation steps done (PrepareEcg's fields)
    artifact: str | None = None  # the artifact's cause still active (not prevented or fixed)
    sites: dict[str, str] = field(default_factory=dict)
    fresh: bool = False  # the electrodes were placed since the last tracing
    tracings: list[Tracing] = field(default_factory=list)
    alerted_t: int | None = None  # the provider told of chest pain
    handed_t: int | None = None
    pain_noticed: bool = False  # the player was told of the chest pain

    @property
    def last(self) -> Tracing | None:
        """The latest tracing, if any."""
        return self.tracings[-1] if self.tracings else None

    @property
    def usable(self) -> Tracing | None:
        """The latest tracing when the provider can read it."""
        last = self.last
        return last if last is not None and last.usable else None


@dataclass
class EcgState:
    """Every ordered ECG of the day, by patient id."""

    patients: dict[str, EcgPatient] = field(default_factory=dict)


def build(sim: Simulation) -> EcgState:
    """One entry per patient whose orders include an ECG."""
    return EcgState({p.id: EcgPatient() for p in sim.world.patients.values()
                     if p.spec.orders.ecg is not None})


def ecg_state(sim: Simulation) -> EcgState:
    """The ECG's part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, EcgState)
    return part


def ecg_of(sim: Simulation, pid: str) -> EcgPatient | None:
    """A patient's ECG, when one is ordered."""
    return ecg_state(sim).patients.get(pid)
