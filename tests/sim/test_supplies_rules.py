"""Supplies in a real simulation: what a command uses comes from its room first expiring
first, an empty room costs a walk, an empty supply room refuses the command with the reason,
an expired item is a mistake, and closing counts and restocks each place to par."""

from __future__ import annotations

import pytest

from game.sim import commands as c
from game.sim.rules.base import Can
from game.sim.rules.checklist import closing_starts
from game.sim.rules.supplies import CountStock, DiscardExpired, Restock, supplies
from game.sim.rules.supplies.inventory import inventory_key
from tests.sim.supplies_helpers import day, do, exam_done, shelf, sim_of

PID = "s05-fischer"  # CBC ordered: a draw uses gloves and a lavender tube


def _draw(sim):
    return c.DrawBlood(patient=PID, identifiers=["name", "dob"], tubes=["lavender"])


def test_a_stocked_room_supplies_the_draw_without_a_walk():
    data = day()
    shelf(data, "exam1", "gloves").update(count=4, lots=[])
    sim = sim_of(data)
    exam_done(sim, PID, "exam1")
    before = supplies(sim).count("supply", "gloves")
    result = sim.submit(_draw(sim))
    assert result.ok and "fetching" not in result.message
    st = supplies(sim)
    assert st.count("exam1", "gloves") == 3 and st.count("supply", "gloves") == before
    assert st.count("exam1", "tube_lavender") == 1


def test_an_empty_room_costs_a_walk_to_the_supply_room_a_notice_and_one_small_penalty():
    full, empty = day(), day()
    shelf(full, "exam1", "gloves").update(count=4, lots=[])
    shelf(empty, "exam1", "gloves").update(count=0, lots=[])
    for data in (full, empty):
        data["patients"][4]["orders"] = {"labs": ["CBC", "POC_GLUCOSE"]}
    sims = []
    for data in (full, empty):
        sim = sim_of(data)
        exam_done(sim, PID, "exam1")
        sims.append((sim, sim.submit(_draw(sim))))
    (_, stocked), (sim, walked) = sims
    walk = sim.layout.steps("room:exam1", "supply") * 2 * sim.d.walk_per_step
    assert walked.seconds == stocked.seconds + walk
    assert "fetching exam gloves" in walked.message
    assert any("Exam 1 is out of exam gloves: fetched from the supply room" in n.text
               for n in sim.notices)
    walks = [e for e in sim.ledger.entries if "ran out of exam gloves" in e.reason]
    assert [(e.category, e.points, e.competency) for e in walks] == [("flow", -1, "VI.P.4")]
    assert "Restock a room when it runs low" in walks[0].note
    assert supplies(sim).count("supply", "gloves") == 19
    # A second use from the same empty shelf walks again but is not penalised again.
    sim.advance(sim.lead.busy_until)
    second = sim.submit(c.Fingerstick(patient=PID, identifiers=["name", "dob"]))
    assert second.ok and "fetching exam gloves" in second.message
    assert len([e for e in sim.ledger.entries if "ran out of" in e.reason]) == 1


def test_an_empty_supply_room_refuses_the_command_with_the_reason_everywhere():
    data = day()
    shelf(data, "exam1", "gloves").update(count=0, lots=[])
    shelf(data, "supply", "gloves").update(count=0, lots=[])
    sim = sim_of(data)
    exam_done(sim, PID, "exam1")
    can, why = sim.can(_draw(sim))
    assert can == Can.NO
    assert why.startswith("The supply room is out of exam gloves: draw blood needs 1 pair")
    assert "Check the patient out" in why
    result = sim.submit(_draw(sim))
    assert not result.ok and result.reason == why
    # The affordances grey the lab's draw with the same reason; checkout stays open.
    affs = sim.affordances(where=lambda o: o.subject == PID)
    draws = [a for a in affs if isinstance(a.offer.command, c.DrawBlood)]
    assert draws and all(a.can == Can.NO and a.reason == why for a in draws)
    out = [a for a in affs if isinstance(a.offer.command, c.CheckOut)]
    assert out and out[0].can == Can.NOW


def test_the_bot_checks_out_a_patient_the_supply_room_cannot_serve_and_the_day_ends():
    from game.sim.policies import POLICIES
    from game.sim.runner import play_policy

    data = day()
    for place in ("exam1", "exam2", "supply"):
        shelf(data, place, "tube_lavender").update(count=0, lots=[])
    sim = sim_of(data)
    play_policy(sim, POLICIES["reference"]())
    assert sim.finished and sim.lead.clocked_out
    p = sim.world.patients[PID]
    assert p.status.value == "checked_out" and not p.drawn
    assert any("without: blood draw" in e.reason for e in sim.ledger.entries)


def test_an_expired_lot_is_used_first_and_costs_a_penalty_that_says_what_it_means():
    sim = sim_of()  # Exam 2 holds one expired pair (lot G-1907) before four in date
    exam_done(sim, PID, "exam2")
    do(sim, _draw(sim))
    bad = [e for e in sim.ledger.entries if e.reason.startswith("Used expired")]
    assert len(bad) == 1
    e = bad[0]
    assert (e.category, e.points, e.competency, e.patient) == ("safety", -2, "VI.P.4", PID)
    assert "lot G-1907, expired 2026-11-30" in e.reason
    assert "barrier" in e.note and "discard expired stock" in e.note
    assert [(lot.lot, lot.count) for lot in supplies(sim).shelf("exam2", "gloves").lots] == [
        ("G-2291", 4)]


def test_discarding_expired_stock_first_leaves_only_in_date_lots():
    sim = sim_of()
    do(sim, DiscardExpired(place="exam2"))
    assert any("pulled 1 expired unit of exam gloves (lot G-1907" in n.text for n in sim.notices)
    assert supplies(sim).count("exam2", "gloves") == 4
    exam_done(sim, PID, "exam2")
    do(sim, _draw(sim))
    assert not any(e.reason.startswith("Used expired") for e in sim.ledger.entries)


@pytest.mark.parametrize(("lots", "left"), [
    # (source: domain.md VI.P.4, first expiring first used) the earlier date goes first,
    # whatever order the file lists the lots in; a lot without a date goes last
    ([("B", 2, "2027-06-30"), ("A", 2, "2027-01-31")], [("A", 1), ("B", 2)]),
    ([("N", 2, None), ("A", 1, "2027-01-31")], [("N", 2)]),
    ([("A", 1, "2027-01-31"), ("B", 1, "2027-01-31")], [("B", 1)]),  # same date: by lot id
])
def test_first_expiring_first_used(lots, left):
    data = day()
    shelf(data, "exam1", "gloves").update(
        count=sum(n for _, n, _ in lots),
        lots=[{"lot": lot, "count": n, **({"expires": d} if d else {})} for lot, n, d in lots])
    sim = sim_of(data)
    exam_done(sim, PID, "exam1")
    do(sim, _draw(sim))
    assert [(lot.lot, lot.count) for lot in supplies(sim).shelf("exam1", "gloves").lots] == left


def test_restock_fills_a_room_to_par_from_in_date_stock_and_refuses_at_par():
    data = day()
    shelf(data, "supply", "gloves")["lots"] = [
        {"lot": "OLD", "count": 5, "expires": "2026-11-01"},
        {"lot": "G-2291", "count": 15, "expires": "2027-06-30"}]
    sim = sim_of(data)
    do(sim, Restock(place="exam1"))
    st = supplies(sim)
    assert st.count("exam1", "gloves") == 4
    assert [(x.lot, x.count) for x in st.shelf("supply", "gloves").lots] == [("OLD", 5),
                                                                           ("G-2291", 12)]
    assert not any(lot.lot == "OLD" for lot in st.shelf("exam1", "gloves").lots)
    do(sim, Restock(place="exam2"))  # its other shelves are under par too
    # Exam 2 keeps its own expired lot on the shelf until it is discarded
    can, why = sim.can(Restock(place="exam1"))
    assert (can, why) == (Can.NO, "Exam 1 is at par: nothing to restock.")


def test_counting_is_a_closing_task_then_each_place_is_restocked_and_scored():
    sim = sim_of()
    can, why = sim.can(CountStock(place="exam1"))
    assert can == Can.NO and "part of closing" in why
    assert sim.can(Restock(place="supply"))[1].startswith("Count the supply room first")
    sim.advance(closing_starts(sim))
    for place in ("exam1", "exam2", "supply"):
        do(sim, CountStock(place=place))
    assert sim.can(CountStock(place="exam1"))[1] == "Exam 1 is already counted."
    assert any("Counted Exam 1: exam gloves 1 of 4" in n.text for n in sim.notices)
    do(sim, Restock(place="exam1"))
    do(sim, Restock(place="supply"))
    assert supplies(sim).ordered["gloves"] == 40 - supplies(sim).count("supply", "gloves")
    sim.finish()
    got = {e.reason: (e.points, e.max, e.competency) for e in sim.ledger.entries
           if e.competency == "VI.P.4" and e.max == 2 and "task" not in e.reason}
    assert got["Counted Exam 1 and restocked it to par"] == (2, 2, "VI.P.4")
    assert got["Counted the supply room and placed the order"] == (2, 2, "VI.P.4")
    assert got["Counted Exam 2; left under par: exam gloves, table paper, lavender-top tube, "
               "glucose test strip"][0] == 1


def test_a_place_never_counted_is_missed_at_the_end_of_the_day():
    sim = sim_of()
    sim.finish()
    missed = [e for e in sim.ledger.entries if e.reason.startswith("Closing inventory not done")]
    assert len(missed) == 3 and all(e.points == 0 and e.max == 2 for e in missed)
    assert {e.reason for e in missed} == {
        "Closing inventory not done: Exam 1 was never counted",
        "Closing inventory not done: Exam 2 was never counted",
        "Closing inventory not done: the supply room was never counted"}
    assert not sim.ledger.is_open(inventory_key("exam1"))
