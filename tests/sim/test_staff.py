"""A team of staff: actors on commands, roles, a patient with one staff member at a time,
coworkers played by a policy, and the team that matters."""

from __future__ import annotations

import copy
import json

import pytest

from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.scenario.models import Scenario
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.results import Accepted, Rejected
from game.sim.runner import play_commands, play_policy
from tests.sim.conftest import Driver, patient_dict, scenario_dict

TEAM_DAY = json.loads((SCENARIOS / "team_day.json").read_text(encoding="utf-8"))
TEAM = [{"id": "ma1", "name": "Rosa Delacroix, CMA", "role": "ma", "controlled_by": "player"},
        {"id": "ma2", "name": "Kenji Tanaka, RMA", "role": "ma", "controlled_by": "player"},
        {"id": "desk", "name": "Beverly Hargrove", "role": "front_desk",
         "controlled_by": "player"}]


def team_day(make, staff: list[dict[str, str]] = TEAM, **top):
    data = scenario_dict(**top)
    data["clinic"] = {**data["clinic"], "staff": staff}
    return make(data)


def played(data: dict, seed: int = 1, policy: str = "reference") -> Simulation:
    sim = Simulation(Scenario.model_validate(data), seed)
    play_policy(sim, POLICIES[policy]())
    return sim


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_team_day_passes_with_an_a_for_the_reference_bot(seed: int) -> None:
    sim = played(TEAM_DAY, seed)
    assert sim.score().grade == "A", sim.score()
    actors = {e.actor for e in sim.ledger.entries if e.actor}
    assert {"ma1", "ma2", "desk"} <= actors  # both MAs and the coworker did their part


def test_the_same_day_with_one_ma_fails_the_team_matters() -> None:
    data = copy.deepcopy(TEAM_DAY)
    data["clinic"]["staff"] = [m for m in data["clinic"]["staff"] if m["id"] != "ma2"]
    score = played(data).score()
    assert not score.passed, score


def test_the_front_desk_does_no_clinical_work_and_says_why(make) -> None:
    d = team_day(make, patients=[patient_dict("ann", "08:00")])
    d.arrive("ann")
    checked = d.sim.submit(c.CheckIn(actor="desk", patient="ann", identifiers=["name", "dob"]))
    assert isinstance(checked, Accepted)
    d.sim.advance(d.sim.world.staff["desk"].busy_until)
    refused = d.sim.submit(c.RoomPatient(actor="desk", patient="ann", room="exam1"))
    assert refused == Rejected("Beverly Hargrove works the front desk: that is a medical "
                               "assistant's job.")
    assert d.sim.submit(c.RoomPatient(actor="ma1", patient="ann", room="exam1")).ok
    [identity] = [e for e in d.sim.ledger.entries if "two identifiers" in e.reason]
    assert identity.actor == "desk"


def test_a_patient_is_with_one_staff_member_at_a_time(make) -> None:
    d = team_day(make, patients=[patient_dict("ann", "08:00")])
    d.check_in_well("ann")
    d.sim.advance(d.sim.lead.busy_until)
    assert d.sim.submit(c.RoomPatient(actor="ma1", patient="ann", room="exam1")).ok
    d.sim.advance(d.sim.world.staff["ma1"].busy_until)
    assert d.sim.submit(c.MeasureVitals(actor="ma1", patient="ann")).ok
    other = d.sim.submit(c.ReviewHistory(actor="ma2", patient="ann"))
    assert isinstance(other, Rejected)
    assert other.reason.startswith("Kenji Nakamura is with Rosa Delacroix, CMA for another ")
    queued = d.sim.submit(c.ReviewHistory(actor="ma1", patient="ann"))  # the same MA: queued
    assert queued.ok and d.sim.world.staff["ma1"].queue


def test_an_unknown_actor_or_a_clocked_out_one_is_refused(make) -> None:
    d = team_day(make, patients=[])
    assert d.sim.submit(c.ClockOut(actor="ghost")) == Rejected(
        "There is no staff member 'ghost' today.")
    assert d.sim.submit(c.ClockOut(actor="desk")).ok
    assert not d.sim.finished  # the rest of the team is still here
    d.sim.advance(d.sim.now + 600)
    assert d.sim.submit(c.CompleteTask(actor="desk", task="open-fridge")) == Rejected(
        "Beverly Hargrove has clocked out.")
    assert d.sim.submit(c.ClockOut(actor="ma1")).ok and d.sim.submit(c.ClockOut(actor="ma2")).ok
    d.sim.advance(d.sim.now + 600)
    assert d.sim.finished  # the last one out ends the day


def test_a_coworker_plays_their_role_by_themselves(make) -> None:
    staff = [TEAM[0], {**TEAM[2], "controlled_by": "reference"}]
    d = team_day(make, staff=staff, patients=[patient_dict("ann", "08:00")])
    d.wait_for(lambda: d.patient("ann").status.value == "waiting")
    assert d.patient("ann").checked_in_t is not None
    desk = [e for e in d.sim.ledger.entries if e.actor == "desk"]
    assert desk and all(e.actor != "ma1" for e in desk)


def test_commands_without_an_actor_go_to_the_first_ma_the_player_directs(make) -> None:
    staff = [TEAM[2], TEAM[1], TEAM[0]]  # the desk first: the lead is still an MA
    d = team_day(make, staff=staff, patients=[])
    assert d.sim.lead.id == "ma2"
    assert d.sim.submit(c.CompleteTask(task="open-stock-exam2")).ok
    assert d.sim.world.staff["ma2"].busy_until > d.sim.now


def test_a_team_day_replays_to_the_same_digest() -> None:
    sim = Simulation(Scenario.model_validate(TEAM_DAY), 4)
    from game.sim.runner import submit_logged

    record: list = []
    bot = POLICIES["reference"]()
    while not sim.finished:
        acted = False
        for actor in (None, "ma2"):
            if sim.is_free(actor) and (cmd := bot.choose(sim, actor)) is not None:
                acted = submit_logged(sim, cmd, record).ok or acted
        if not acted:
            sim.advance(sim.now + 60)
    again = Simulation(Scenario.model_validate(TEAM_DAY), 4)
    play_commands(again, record)
    assert again.digest() == sim.digest() and again.score() == sim.score()


def test_a_team_needs_an_ma_and_a_player(tmp_path) -> None:
    data = copy.deepcopy(TEAM_DAY)
    data["clinic"]["staff"] = [{**m, "role": "front_desk", "controlled_by": "reference"}
                               for m in data["clinic"]["staff"]]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    from game.scenario.errors import InputError

    with pytest.raises(InputError) as err:
        load_scenario(path)
    text = str(err.value)
    assert "clinic.staff" in text and "no medical assistant" in text
    assert "directed by the player" in text


def test_driver_still_plays_a_one_ma_day_as_before(make) -> None:
    d: Driver = make(scenario_dict(patients=[patient_dict("ann", "08:00")]))
    assert list(d.sim.world.staff) == ["ma"] and d.sim.lead.name == "You"
