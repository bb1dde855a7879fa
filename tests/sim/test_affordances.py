"""Affordances are what submit does: started now, queued while busy, or refused with the
same reason; and every command submit would start now is among them."""

from __future__ import annotations

import datetime as dt
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from game.clinical.lab import TUBES
from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.scenario.models import Scenario
from game.sim import commands as c
from game.sim.command_set import COMMAND_TYPES
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.results import Accepted, Queued, Rejected
from game.sim.rules import RULES
from game.sim.rules.base import Can
from game.sim.rules.phone.commands import HandleCall
from game.sim.rules.phone.responses import ACTIONS
from game.sim.rules.phone.rule import phone
from game.sim.rules.walk_ins import DECISIONS
from game.sim.scheduler import Event
from tests.fuzz_settings import examples

DAYS = {name: load_scenario(SCENARIOS / f"{name}.json").scenario
        for name in ("short_morning", "standard_day", "team_day")}
COMMANDS = COMMAND_TYPES
SUBJECTS = ("patient", "room", "task", "call", "place", "kit")


def subject(command: c.Command) -> tuple[str, str | None]:
    """A command's kind and what it is about, to find its affordance."""
    return command.type, next((getattr(command, f) for f in SUBJECTS
                               if isinstance(getattr(command, f, None), str)), None)


def state_of(sim: Simulation) -> str:
    """The world before a submit: a refused command must leave it as it was."""
    return sim.digest()


def check_answer(sim: Simulation, actor: str | None, command: c.Command, can: Can,
                 reason: str) -> None:
    """Submit and compare with what the affordance said."""
    member = sim.staff(actor)
    assert member is not None
    before, queued = state_of(sim), len(member.queue)
    result = sim.submit(command)
    if can == Can.NOW:
        assert isinstance(result, Accepted), (command, result)
    elif can == Can.WHEN_FREE:
        assert isinstance(result, Queued) and len(member.queue) == queued + 1, (command, result)
        assert reason.endswith(" is busy") or " busy " in reason  # what the queue waits for
    else:
        assert isinstance(result, Rejected) and result.reason == reason, (command, result)
        assert state_of(sim) == before, f"a refused {command.type} changed the world"


def random_command(draw: Any, scenario: Scenario, sim: Simulation,
                   actor: str | None) -> c.Command:
    """Any command of the union, about things the day has (or does not have)."""
    pids = [p.id for p in scenario.patients] + ["nobody"]
    rooms = [r.id for r in scenario.clinic.rooms] + ["nowhere"]
    tasks = [t.id for t in (*scenario.opening_tasks, *scenario.closing_tasks)] + ["none"]
    kind = draw(st.sampled_from(COMMANDS))
    fields: dict[str, Any] = {"actor": actor}
    props = kind.model_fields
    if "patient" in props:
        fields["patient"] = draw(st.sampled_from(pids))
    if "room" in props:
        fields["room"] = draw(st.sampled_from(rooms))
    if "task" in props:
        fields["task"] = draw(st.sampled_from(tasks))
    if "tubes" in props:
        fields["tubes"] = draw(st.lists(st.sampled_from(sorted(TUBES)), min_size=1, max_size=4))
    if "identifiers" in props:
        fields["identifiers"] = ["name", "dob"]
    if "call" in props:
        fields["call"] = draw(st.sampled_from(
            [*phone(sim).calls, "nocall"]))
    if "action" in props:
        fields["action"] = draw(st.sampled_from(sorted(ACTIONS)))
    if "decision" in props:
        fields["decision"] = draw(st.sampled_from(sorted(DECISIONS)))
    if kind is HandleCall and fields["action"] == "book":
        fields["date"] = scenario.date + dt.timedelta(days=draw(st.integers(1, 20)))
        fields["time"] = draw(st.sampled_from(["08:00", "09:15", "13:30", "16:45"]))
    if "position" in props:
        fields["position"] = draw(st.integers(1, 5))
    if kind is c.BookFollowUp:
        fields["date"] = scenario.date + dt.timedelta(days=draw(st.integers(1, 40)))
        fields["time"] = draw(st.sampled_from(["08:00", "09:15", "13:30", "16:45"]))
    if kind is c.RecordVitals:
        fields.update(systolic=120, diastolic=80, pulse=70, resp=16, temp_f=98.6, spo2=98,
                      weight_lb=150)
    if kind is c.LogFridge:
        fields.update(fridge_c=5.0, freezer_c=-20.0)
    # Any other required field (a kit, a product, a place, a choice): a value of its type,
    # an id among the day's own where it is a name.
    names = day_ids(scenario) + rooms + ["lab", "supply"]
    for name, f in props.items():
        if name not in fields and f.is_required():
            fields[name] = any_value(draw, f.annotation, names)
    try:
        return kind(**fields)
    except ValidationError:
        assume(False)  # a drawn number outside a field's bounds: not a command at all
        raise


def day_ids(scenario: Scenario) -> list[str]:
    """The ids of the day's kits and products, and test codes, for commands naming them."""
    data = scenario.model_dump()
    kits = [k["id"] for k in data["poc"].get("kits", []) if isinstance(k, dict)]
    products = [m["id"] for m in data["medications"].get("products", []) if isinstance(m, dict)]
    labs = sorted({t for p in scenario.patients for t in p.orders.labs})
    return [*kits, *products, *labs, "none"]


def any_value(draw: Any, ann: Any, names: list[str]) -> Any:
    """A value of a field's type: a literal's choice, a name, a number, a small model."""
    origin = get_origin(ann)
    if origin is Annotated:
        return any_value(draw, get_args(ann)[0], names)
    if origin is Literal:
        return draw(st.sampled_from(get_args(ann)))
    if origin in (Union, types.UnionType):
        return any_value(draw, draw(st.sampled_from(
            [a for a in get_args(ann) if a is not type(None)])), names)
    if origin is list:
        return [any_value(draw, get_args(ann)[0], names)
                for _ in range(draw(st.integers(0, 2)))]
    if origin is dict:
        k, v = get_args(ann)
        return {any_value(draw, k, names): any_value(draw, v, names)}
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return {n: any_value(draw, f.annotation, names)
                for n, f in ann.model_fields.items() if f.is_required()}
    if ann is bool:
        return draw(st.booleans())
    if ann in (int, float):
        return draw(st.integers(0, 10))
    if ann is dt.date:
        return draw(st.sampled_from([dt.date(2026, 12, 2), dt.date(2027, 1, 15)]))
    return draw(st.sampled_from(names))


@settings(max_examples=examples(12), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_submit_does_what_each_affordance_says(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(DAYS)), label="day")
    scenario = DAYS[name]
    sim = Simulation(scenario, data.draw(st.integers(1, 10_000), label="seed"))
    bot = POLICIES["reference"]()
    actors = [None, *[m.id for m in sim.world.staff.values() if m.player][1:]]
    for _ in range(data.draw(st.integers(20, 120), label="steps")):
        if sim.finished:
            break
        actor = data.draw(st.sampled_from(actors), label="actor")
        move = data.draw(st.integers(0, 9), label="move")
        if move <= 3:  # one of the affordances, whatever it says
            offered = sim.affordances(actor)
            if offered:
                a = data.draw(st.sampled_from(offered), label="affordance")
                check_answer(sim, actor, a.command, a.can, a.reason)
        elif move <= 5:  # any command: if it would start now, it was offered
            cmd = random_command(data.draw, scenario, sim, actor)
            if cmd.type in ("end_day",):
                continue  # ending the day is the pause menu's, not an affordance
            can, why = sim.can(cmd)
            if can != Can.NO:
                listed = {subject(a.command) for a in sim.affordances(actor)}
                assert subject(cmd) in listed, (cmd, "is possible but not offered")
            check_answer(sim, actor, cmd, can, why)
        elif move <= 7 and sim.is_free(actor):  # the day moves on as a good MA plays it
            cmd = bot.choose(sim, actor)
            if cmd is not None:
                assert sim.submit(cmd).ok
        else:
            sim.advance(sim.now + data.draw(st.integers(1, 1200), label="wait"))


def test_every_command_and_event_has_exactly_one_handler() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))  # a rule is known by its name (the bot's look-ups)
    commands = [rule_cmd.type for rule in RULES for rule_cmd in rule.commands]
    assert sorted(t.__name__ for t in commands) == sorted(t.__name__ for t in COMMANDS)
    assert len(commands) == len(set(commands))
    events = [e.type for rule in RULES for e in rule.events]
    assert len(events) == len(set(events))

    def kinds(cls: type) -> list[type]:
        return [k for sub in cls.__subclasses__() for k in (sub, *kinds(sub))]

    declared = {k for k in kinds(Event) if k.__module__.startswith("game.sim.rules")}
    assert declared and declared == set(events), declared ^ set(events)


def test_a_refused_command_names_the_same_reason_busy_or_not() -> None:
    sim = Simulation(DAYS["short_morning"], 1)
    cmd = c.MeasureVitals(patient="s01-nakamura")  # not roomed: impossible either way
    can, why = sim.can(cmd)
    assert can == Can.NO and "not in an exam room" in why
    assert sim.submit(c.CompleteTask(task="open-stock-exam2")).ok  # busy now
    assert sim.can(cmd) == (can, why)
    assert sim.submit(cmd) == Rejected(why)
