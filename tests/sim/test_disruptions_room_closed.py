"""A room goes out of service: nobody is roomed there, the patient in it is moved (or waits,
unseen), the provider does not examine there, and it is back in service at its time."""

from __future__ import annotations

from typing import Any

from game.scenario.types import seconds
from game.sim.commands import (
    CheckOut,
    DrawBlood,
    Escalate,
    MeasureVitals,
    ReviewHistory,
    RoomPatient,
)
from game.sim.rules.base import Can
from game.sim.rules.disruptions.room_closed import (
    MovePatient,
    closures,
    guard,
    out_of_service,
)
from game.sim.state import Status
from tests.sim.disruptions_day import about, event, play_until, sim_of

WHY = "Exam 1 is out of service (water is leaking from the ceiling over the exam table) " \
      "until 13:30"


def test_the_patient_in_it_is_moved_at_once_and_nobody_is_roomed_there() -> None:
    sim = play_until(sim_of(), "11:00")
    c = closures(sim).rooms["exam1"]
    occupant = c.occupant
    assert occupant is not None  # someone was in Exam 1 when it closed
    name = sim.world.patients[occupant].name
    assert any(n.text == f"{WHY}: move {name} to another room." for n in sim.notices)
    samples = []
    for t in ("11:10", "11:45", "12:30", "13:15"):
        play_until(sim, t)
        samples.append(sim.world.rooms["exam1"].patient)
    assert samples == [None] * 4
    moved = about(sim, f"Moved {name} from Exam 1 (out of service) to")
    assert len(moved) == 1 and moved[0].points == moved[0].max == 3
    assert moved[0].competency == "XII.P.4"
    assert sim.world.patients[occupant].room != "exam1"


def test_rooming_there_is_refused_and_its_affordance_says_why() -> None:
    sim = play_until(sim_of(), "11:00")
    play_until(sim, None, until=lambda s: bool(s.patients_in(Status.WAITING)))
    pid = sim.patients_in(Status.WAITING)[0].id
    if sim.world.rooms["exam1"].patient is None:
        assert sim.can(RoomPatient(patient=pid, room="exam1")) == (
            Can.NO, f"{WHY}: choose another room.")
    offers = [a for a in sim.affordances(where=lambda o: o.subject == pid)
              if isinstance(a.offer.command, RoomPatient)
              and a.offer.command.room == "exam1"]
    assert offers and all(a.can == Can.NO and WHY in a.reason for a in offers)


def test_left_in_it_the_patient_is_not_seen_until_it_reopens() -> None:
    sim = play_until(sim_of(), "11:00", "naive")
    occupant = closures(sim).rooms["exam1"].occupant
    assert occupant is not None
    p = sim.world.patients[occupant]
    play_until(sim, None, "naive")
    assert p.exam_start is not None and p.exam_start >= seconds("13:30")
    got = about(sim, f"{p.name} waited in Exam 1 until it was back in service at 13:30")
    assert len(got) == 1 and got[0].points == 0 and "move the patient" in got[0].note
    assert any(n.t == seconds("13:30") and n.text == "Exam 1 is back in service."
               for n in sim.notices)


def test_nothing_but_getting_out_is_started_for_the_patient_in_it() -> None:
    sim = play_until(sim_of(), "10:59")
    occupant = sim.world.rooms["exam1"].patient
    assert occupant is not None
    sim.advance(seconds("11:00"))
    p = sim.world.patients[occupant]
    lead = sim.lead
    for cmd in (MeasureVitals(patient=p.id), ReviewHistory(patient=p.id),
                DrawBlood(patient=p.id, identifiers=["name", "dob"], tubes=["lavender"])):
        assert guard(sim, lead, cmd) == f"{WHY}: move {p.name} to another room first."
    for cmd in (CheckOut(patient=p.id), Escalate(patient=p.id),
                MovePatient(patient=p.id, room="exam3")):
        assert guard(sim, lead, cmd) is None  # getting out, and emergencies, never wait
    moves = [a for a in sim.affordances(where=lambda o: o.subject == p.id)
             if isinstance(a.offer.command, MovePatient)]
    assert {a.offer.command.room for a in moves} == {"exam2", "exam3", "exam4"}


def test_the_move_command_says_why_not() -> None:
    sim = play_until(sim_of(), "10:59")
    occupant = sim.world.rooms["exam1"].patient
    assert occupant is not None
    name = sim.world.patients[occupant].name
    assert sim.can(MovePatient(patient=occupant, room="exam3"))[1] == (
        f"Exam 1 is in service: {name} stays where they are.")
    sim.advance(seconds("11:00"))
    assert sim.can(MovePatient(patient=occupant, room="exam1"))[1] == (
        f"{name} is already in Exam 1.")
    assert sim.can(MovePatient(patient=occupant, room="exam9"))[1] == "There is no room 'exam9'."
    busy = next((r for r in sim.world.rooms.values() if r.patient and r.id != "exam1"), None)
    if busy is not None:
        assert sim.can(MovePatient(patient=occupant, room=busy.id))[1] == (
            f"{busy.name} is occupied.")


def test_moving_into_a_room_not_disinfected_is_an_infection_control_error() -> None:
    sim = play_until(sim_of(), "10:59")
    occupant = sim.world.rooms["exam1"].patient
    assert occupant is not None
    sim.advance(seconds("11:00"))
    play_until(sim, None, "idle", until=lambda s: s.is_free())
    dirty = next(r for r in sim.world.rooms.values() if r.patient is None and not r.clean
                 and out_of_service(sim, r.id) is None)
    assert sim.submit(MovePatient(patient=occupant, room=dirty.id)).ok
    bad = about(sim, f"into {dirty.name} before it was disinfected")
    assert len(bad) == 1 and bad[0].points == -3 and bad[0].category == "safety"


def _at_quiet_time(d: dict[str, Any]) -> None:
    event(d, "room_out_of_service").update(at="07:45", until=None)


def test_an_empty_room_earns_the_step_and_stays_closed_all_day() -> None:
    sim = play_until(sim_of(_at_quiet_time), None)
    got = about(sim, "Exam 1 was empty when it went out of service")
    assert len(got) == 1 and got[0].points == 3
    assert out_of_service(sim, "exam1") is not None
    assert not any(p.room == "exam1" for p in sim.world.patients.values())
    assert any(n.text == "Exam 1 is out of service (water is leaking from the ceiling over "
               "the exam table) for the rest of the day: room nobody there."
               for n in sim.notices)
