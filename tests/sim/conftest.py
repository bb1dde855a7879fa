"""Builders for small scenarios and a driver that plays commands the way a player would."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.scenario.models import Scenario
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.results import Result
from game.sim.state import PatientState

ROOT = Path(__file__).resolve().parents[2]
# The short morning without its phone: the small days built here test the other concerns, and
# a call would hold the MA (or keep the last of the team from clocking out before closing).
BASE = {k: v for k, v in json.loads((ROOT / "scenarios" / "short_morning.json").read_text(
    encoding="utf-8")).items() if k not in ("phone", "charts")}


def scenario_dict(**top: Any) -> dict[str, Any]:
    """A copy of the short morning with top-level keys replaced."""
    data = copy.deepcopy(BASE)
    data.update(top)
    return data


def patient_dict(pid: str, time: str, **fields: Any) -> dict[str, Any]:
    """A plain adult patient with normal vitals, based on the first patient of the base day."""
    p = copy.deepcopy(BASE["patients"][0])
    p.update(id=pid, mrn=f"MRN-{pid.upper()}", phone=f"555-01{len(pid):02d}")
    p["appointment"] = {**p["appointment"], "time": time}
    p.pop("orders", None)
    for key, value in fields.items():
        p[key] = value
    return p


class Driver:
    """Plays commands on a simulation, waiting for the MA to be free first."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim

    def do(self, command: c.Command) -> Result:
        """Wait until the MA is free, then submit."""
        self.sim.advance(self.sim.lead.busy_until)
        return self.sim.submit(command)

    def wait_for(self, pred: Callable[[], bool], limit: int = 12 * 3600) -> None:
        """Advance minute by minute until the condition holds."""
        while not pred():
            assert self.sim.now < limit and not self.sim.finished, "condition never held"
            self.sim.advance(self.sim.now + 60)

    def patient(self, pid: str) -> PatientState:
        """A patient's state."""
        return self.sim.world.patients[pid]

    def arrive(self, pid: str) -> PatientState:
        """Advance until the patient is here."""
        p = self.patient(pid)
        self.wait_for(lambda: p.status.value != "scheduled")
        return p

    def check_in_well(self, pid: str) -> Result:
        """A correct check-in."""
        p = self.arrive(pid)
        ins = p.spec.insurance
        return self.do(c.CheckIn(
            patient=pid, identifiers=["name", "dob"], verify_insurance=True,
            scan_new_card=ins.status == "new_card", inform_self_pay=ins.status == "inactive",
            copay=0 if ins.status == "inactive" else ins.copay,
            update_demographics=p.spec.demographics_changed))

    def record(self, pid: str, abnormal: list[str] | None = None, **changes: Any) -> Result:
        """Record what the device showed (with any values changed), flagging as told."""
        m = self.patient(pid).measured
        assert m is not None
        values = {"systolic": m.systolic, "diastolic": m.diastolic, "pulse": m.pulse,
                  "resp": m.resp, "temp_f": m.temp_f, "spo2": m.spo2,
                  "weight_lb": m.weight_lb, "height_in": m.height_in}
        values.update(changes)
        return self.do(c.RecordVitals(patient=pid, abnormal=abnormal or [], **values))

    def room_and_vitals(self, pid: str, room: str = "exam1") -> None:
        """Room, measure, review and record faithfully, flags included."""
        from game.clinical.vitals import abnormal_signs

        assert self.do(c.RoomPatient(patient=pid, room=room)).ok
        assert self.do(c.MeasureVitals(patient=pid)).ok
        p = self.patient(pid)
        assert self.do(c.ReviewHistory(patient=pid)).ok
        assert p.measured is not None
        assert self.record(pid, sorted(abnormal_signs(p.measured, p.age_years))).ok

    def entries(self, patient: str | None = None, text: str = "") -> list[Any]:
        """Ledger entries about a patient whose reason contains some text."""
        return [e for e in self.sim.ledger.entries
                if (patient is None or e.patient == patient) and text in e.reason]


@pytest.fixture
def make() -> Callable[..., Driver]:
    """Build a driver on a scenario dict (default: the short morning)."""

    def build(data: dict[str, Any] | None = None, seed: int = 1) -> Driver:
        scenario = Scenario.model_validate_json(json.dumps(data or scenario_dict()),
                                                strict=True)
        return Driver(Simulation(scenario, seed))

    return build


def through_exam(d: Driver, pid: str, room: str = "exam1") -> PatientState:
    """Check in, room, vitals, and wait for the provider to finish."""
    from game.sim.state import Status

    d.check_in_well(pid)
    d.room_and_vitals(pid, room)
    p = d.patient(pid)
    d.wait_for(lambda: p.status == Status.EXAM_DONE)
    return p
