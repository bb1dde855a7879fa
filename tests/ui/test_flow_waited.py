"""The queue's minutes waited are the simulation's: the same number the walk-out message gives."""

from __future__ import annotations

import json
import re

from game.scenario.models import Scenario
from game.sim.engine import Simulation
from game.sim.state import Status
from game.ui.day.needs import need_of, patience_left
from tests.sim.conftest import patient_dict, scenario_dict


def test_queue_and_walk_out_message_agree_for_an_early_patient() -> None:
    data = scenario_dict(patients=[patient_dict("early", "08:00", arrival={"kind": "early"},
                                                patience_minutes=35)])
    sim = Simulation(Scenario.model_validate_json(json.dumps(data), strict=True), 3)
    p = sim.world.patients["early"]
    assert p.arrival_t is not None and p.arrival_t < p.appt_t
    sim.advance(p.arrival_t)
    need = need_of(sim, p)
    assert need is not None and need.label == "check in"
    assert sim.now - need.since == 0  # early: nothing waited yet
    assert p.give_up_t is not None
    last = p.give_up_t - 1
    sim.advance(last)
    need = need_of(sim, p)
    assert need is not None and need.note == "losing patience"
    shown = (sim.now - need.since) // 60  # what the queue row prints
    assert shown == p.waited(sim.now) // 60 == 34
    assert patience_left(p, sim.now) == 1
    sim.advance(p.give_up_t)
    assert p.status == Status.LEFT
    [msg] = [n.text for n in sim.notices if "walked out" in n.text]
    assert re.search(r"after waiting 35 minutes", msg), msg
