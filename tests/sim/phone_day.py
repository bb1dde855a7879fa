"""Small phone and walk-in days built from the phone test fixture, loaded as the CLI loads
them, and a few moves a player makes on the phone."""

from __future__ import annotations

import copy
import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from game.scenario.load import load_scenario
from game.scenario.models import Scenario
from game.scenario.types import seconds
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.results import Result
from game.sim.rules.phone.calls import phone
from game.sim.rules.phone.commands import AnswerCall, HandleCall, PhoneMessage
from game.sim.rules.phone.pad import complete
from game.sim.rules.phone.privacy import chart_of
from game.sim.rules.phone.state import CallState
from game.sim.runner import play_policy

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "phone_morning.json"
DAY = "2026-12-02"  # the fixture's date, a Wednesday


@cache
def _original() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def fixture() -> dict[str, Any]:
    """A fresh copy of the fixture's JSON, to edit."""
    data: dict[str, Any] = json.loads(_original())
    return data


def quiet() -> dict[str, Any]:
    """The fixture with no calls (and so no red flag waiting): a day to add calls to."""
    data = fixture()
    data["phone"] = {"calls": []}
    return data


def call(cid: str, time: str, kind: str = "third_party", patient: str = "c-ruiz",
         name: str = "Mark Ruiz", relation: str = "spouse", **fields: Any) -> dict[str, Any]:
    """A call's JSON (555-01xx numbers only)."""
    return {"id": cid, "time": time, "kind": kind, "patient": patient,
            "caller": {"name": name, "relation": relation, "number": "555-0170"},
            "words": "Can you tell me how she is doing?", **fields}


def chart(cid: str, first: str, last: str, dob: str, mrn: str, **fields: Any) -> dict[str, Any]:
    """A chart's JSON."""
    return {"id": cid, "name": {"first": first, "last": last}, "dob": dob, "mrn": mrn,
            "phone": "555-0192", **fields}


def load(data: dict[str, Any]) -> Scenario:
    """The day as `clinic-day run` loads it (the file loader, with every cross-check)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "day.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        return load_scenario(path).scenario


def sim_of(data: dict[str, Any], seed: int = 1) -> Simulation:
    """A simulation of the day."""
    return Simulation(load(data), seed)


def at(sim: Simulation, clock: str, plus: int = 0) -> None:
    """Advance to a clock time (plus some seconds)."""
    sim.advance(seconds(clock) + plus)


def free(sim: Simulation) -> None:
    """Wait until the lead MA is free."""
    sim.advance(max(sim.now, sim.lead.busy_until))


def state(sim: Simulation, cid: str) -> CallState:
    """A call's state."""
    return phone(sim).calls[cid]


def do(sim: Simulation, command: Any) -> Result:
    """Submit once the lead MA is free."""
    free(sim)
    return sim.submit(command)


def good_message(sim: Simulation, cid: str) -> PhoneMessage:
    """A complete, right message pad for the call."""
    c = state(sim, cid)
    return complete(c.spec, chart_of(sim, c.spec.patient), c.spec.words)


def handle(sim: Simulation, cid: str, action: str, **fields: Any) -> Result:
    """Deal with the call with a complete message."""
    return do(sim, HandleCall(call=cid, action=action,  # type: ignore[arg-type]
                              message=good_message(sim, cid), **fields))


def pick_up(sim: Simulation, cid: str) -> Result:
    """Answer (or return) the call once free."""
    return do(sim, AnswerCall(call=cid))


def entries(sim: Simulation, text: str) -> list[Any]:
    """Ledger entries whose reason contains the text."""
    return [e for e in sim.ledger.entries if text in e.reason]


def phone_notices(sim: Simulation, text: str = "") -> list[str]:
    """The phone's notices so far containing the text."""
    return [n.text for n in sim.notices if n.topic.value == "phone" and text in n.text]


def play_reference(sim: Simulation) -> Simulation:
    """The reference bot plays the rest of the day."""
    play_policy(sim, POLICIES["reference"]())
    return sim


def deep(data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy (for tables that edit a day several ways)."""
    return copy.deepcopy(data)
