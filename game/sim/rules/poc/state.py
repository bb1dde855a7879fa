"""The point-of-care part of the world: each kit's lot and QC today, each ordered test's run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from game.clinical.poc import POC_TESTS, PocTest
from game.scenario.poc import PocCodeName, PocKit, PocResult

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NAME = "poc"


@dataclass
class KitState:
    """A kit on the counter: its lot and where its QC stands today."""

    id: str
    spec: PocKit
    lot: str
    qc: str  # "passed" (or not due today), "due", "failed"
    runs: int = 0  # QC runs of the current lot today
    spare_opened: bool = False


@dataclass
class TestRun:
    """One ordered test of one patient, from collection to the chart."""

    patient: str
    code: PocCodeName
    spec: PocResult  # what the test will show
    collected: bool = False  # a usable specimen is at hand
    started_t: int | None = None  # when the timer started
    kit: str | None = None
    reportable: bool = False  # the kit's QC had passed when it started
    reads: int = 0
    read_t: int | None = None  # a valid reading was taken then
    done: bool = False  # recorded, or sent to the lab
    sent_to_lab: bool = False

    @property
    def test(self) -> PocTest:
        """The test's data."""
        return POC_TESTS[self.code]

    @property
    def stage(self) -> str:
        """Where the run stands, furthest first: sent_to_lab, done, read, running,
        collected or to_collect (the window words each its own way)."""
        if self.sent_to_lab:
            return "sent_to_lab"
        if self.done:
            return "done"
        if self.read_t is not None:
            return "read"
        if self.started_t is not None:
            return "running"
        return "collected" if self.collected else "to_collect"


@dataclass
class PocState:
    """Kits by id, and runs by "patient:test"."""

    kits: dict[str, KitState] = field(default_factory=dict)
    runs: dict[str, TestRun] = field(default_factory=dict)


def run_key(pid: str, code: str) -> str:
    """The key of a patient's test, also the subject of its ledger steps."""
    return f"{pid}:{code}"


def build(sim: Simulation) -> PocState:
    """Each kit with its QC due or not today, and a run for every ordered test."""
    s = sim.scenario
    out = PocState()
    for k in s.poc.kits:
        last = k.qc.last_run
        due = k.qc.new_lot or last is None or (s.date - last).days >= k.qc.every_days
        out.kits[k.id] = KitState(k.id, k, k.lot, "due" if due else "passed")
    for p in s.patients:
        for code in p.orders.labs:
            if code in POC_TESTS:
                name = cast(PocCodeName, code)
                spec = s.poc.results.get(p.id, {}).get(name)
                out.runs[run_key(p.id, code)] = TestRun(p.id, name, spec or PocResult())
    return out


def poc(sim: Simulation) -> PocState:
    """The point-of-care part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, PocState)
    return part


def runs_of(sim: Simulation, pid: str) -> list[TestRun]:
    """A patient's point-of-care tests, in the order they were ordered."""
    return [r for r in poc(sim).runs.values() if r.patient == pid]


def kits_for(sim: Simulation, code: str) -> list[KitState]:
    """The kits that run a test, those whose QC has passed first."""
    kits = [k for k in poc(sim).kits.values() if code in k.spec.tests]
    return sorted(kits, key=lambda k: k.qc != "passed")


def qc_resolvable(k: KitState) -> bool:
    """Whether more QC can still make the kit pass today (a repeat, or the lot in stock)."""
    if k.qc == "passed":
        return True
    if k.spec.spare_lot is not None and not k.spare_opened:
        return True
    return k.spec.qc_today != "fail" or k.spare_opened or k.runs < 2


def qc_blocked(sim: Simulation, code: str) -> bool:
    """No kit that runs the test can pass QC today: its specimens go to the lab."""
    kits = kits_for(sim, code)
    return all(k.qc == "failed" and not qc_resolvable(k) for k in kits)


def value_of(run: TestRun) -> float:
    """The value an analyzer shows (the scenario's, or the test's usual one)."""
    v = run.spec.value if run.spec.value is not None else run.test.normal_value
    assert v is not None
    return v
