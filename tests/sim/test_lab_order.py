"""Order of draw, tube by tube: only tubes drawn after a later-order tube are compromised."""

from __future__ import annotations

import copy
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.clinical.lab import CARRYOVER_EFFECTS, TUBES, carried_into, carryover_effect
from game.sim import commands as c
from game.sim.results import Rejected
from tests.fuzz_settings import examples
from tests.sim.conftest import Driver, patient_dict, scenario_dict, through_exam

IDS: list = ["name", "dob"]
EVERY_TEST = ["BCX", "PT_INR", "CMP", "HEP_PANEL", "AMMONIA", "CBC", "GLUCOSE"]
CODES = list(TUBES)


def drawn_patient(make, labs: list[str]) -> Driver:
    data = scenario_dict(patients=[patient_dict("lab", "08:00", orders={"labs": labs})])
    data["courier"] = {"pickups": ["11:30"]}
    d = make(data)
    through_exam(d, "lab")
    d.sim.advance(d.sim.lead.busy_until)
    return d


def later_tube_came_first(seq: list[str], i: int) -> bool:
    return any(TUBES[seq[j]].order > TUBES[seq[i]].order for j in range(i))


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(CODES), min_size=1, max_size=10))
def test_a_tube_is_compromised_exactly_when_a_later_tube_precedes_it(seq):
    for i, carried in enumerate(carried_into(seq)):
        assert bool(carried) == later_tube_came_first(seq, i)
        assert all(TUBES[src].order > TUBES[seq[i]].order for src in carried)
        assert set(carried) <= set(seq[:i])


def test_every_wrong_pair_has_a_carryover_fact():
    for src, into in itertools.permutations(CODES, 2):
        if TUBES[src].order > TUBES[into].order:
            assert (TUBES[src].group, TUBES[into].group) in CARRYOVER_EFFECTS
            assert TUBES[into].name in carryover_effect(src, into)


@pytest.fixture(scope="module")
def ready_sim():
    """One patient with every tube ordered, the exam done: copied for each example."""
    import json

    from game.scenario.models import Scenario
    from game.sim.engine import Simulation

    data = scenario_dict(patients=[patient_dict("lab", "08:00", orders={"labs": EVERY_TEST})])
    d = Driver(Simulation(Scenario.model_validate_json(json.dumps(data), strict=True), 1))
    through_exam(d, "lab")
    d.sim.advance(d.sim.lead.busy_until)
    return d.sim


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.sampled_from([*CODES, "purple", "lavendar", "gold-top"]), min_size=1,
                max_size=10))
def test_the_draw_never_raises_and_judges_each_tube(ready_sim, seq):
    sim = copy.deepcopy(ready_sim)
    result = sim.submit(c.DrawBlood(patient="lab", identifiers=IDS, tubes=seq))
    unknown = [t for t in seq if t not in TUBES]
    if unknown:
        assert isinstance(result, Rejected)
        assert f"Unknown tube(s): {unknown[0]}" in result.reason
        assert "lavender" in result.reason  # it lists the tubes there are
        assert not sim.world.specimens
        return
    assert result.ok
    kept = {s.tube: s for s in sim.world.specimens}
    assert list(kept) == list(dict.fromkeys(seq))  # one tube of each kind, in draw order
    for tube, s in kept.items():
        first = seq.index(tube)
        assert bool(s.carried_from) == later_tube_came_first(seq, first)
    wasted = [e for e in sim.ledger.entries if "Wasted draw" in e.reason]
    assert bool(wasted) == (len(seq) != len(set(seq)))
    [collect] = [e for e in sim.ledger.entries if e.reason.startswith("Drew")]
    good = [t for t in CODES if t in kept and not kept[t].carried_from]  # every tube is needed
    assert collect.points == 3 * len(good) // len(CODES)


def test_tubes_drawn_before_the_mistake_are_good(make):
    d = drawn_patient(make, ["PT_INR", "CMP", "CBC"])
    assert d.do(c.DrawBlood(patient="lab", identifiers=IDS,
                            tubes=["light_blue", "lavender", "gold"])).ok
    state = {s.tube: s.carried_from for s in d.sim.world.specimens}
    assert state == {"light_blue": (), "lavender": (), "gold": ("lavender",)}
    [collect] = d.entries("lab", "Drew")
    assert collect.points == 2  # two of three tubes usable
    assert "gold top (SST) after the lavender top" in collect.reason
    assert "potassium" in collect.note and "comprehensive metabolic panel" in collect.note
    assert "prothrombin" not in collect.note  # the light blue was drawn first: not recollected


def test_edta_before_citrate_invalidates_coagulation(make):
    d = drawn_patient(make, ["PT_INR", "CBC"])
    d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["lavender", "light_blue"]))
    [collect] = d.entries("lab", "Drew")
    assert "EDTA (lavender top) carried into the light blue top" in collect.note
    assert "coagulation results (PT/INR, PTT) invalid" in collect.note
    assert "prothrombin time / INR" in collect.note


def test_a_duplicate_tube_is_a_wasted_draw(make):
    d = drawn_patient(make, ["CBC"])
    assert d.do(c.DrawBlood(patient="lab", identifiers=IDS, tubes=["lavender", "lavender"])).ok
    [wasted] = d.entries("lab", "Wasted draw")
    assert wasted.points == -1 and "1 extra lavender top" in wasted.reason
    assert wasted.competency == "I.P.2.b"
    assert len(d.sim.world.specimens) == 1
    assert d.entries("lab", "correct order of draw")[0].points == 3
