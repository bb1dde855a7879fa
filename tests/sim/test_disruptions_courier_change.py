"""The courier's time changes: the box leaves at the new time (not the old), with its
warning before it, and what could have been ready for it and was not sent is scored."""

from __future__ import annotations

from typing import Any

from game.scenario.types import seconds
from game.sim.rules.disruptions.courier_change import moves
from game.sim.rules.lab_courier import courier_state, next_pickup
from tests.sim.disruptions_day import about, event, play_until, sim_of


def _courier_notices(sim: Any) -> list[tuple[int, str]]:
    return [(n.t, n.text) for n in sim.notices
            if n.text.startswith(("The courier left", "The courier comes at"))]


def test_the_lab_call_moves_the_pickup_and_the_box_leaves_at_the_new_time() -> None:
    sim = play_until(sim_of(), "12:59")
    assert next_pickup(sim) == seconds("16:00")
    sim = play_until(sim, "13:01")
    assert any(n.t == seconds("13:00") and n.text == (
        "The lab calls (the driver's route has changed): the 16:00 courier comes earlier, at "
        "15:15. Have the specimens packed by then.") for n in sim.notices)
    assert next_pickup(sim) == seconds("15:15") and sim.pickups == [seconds("12:00"),
                                                                     seconds("15:15")]
    sim = play_until(sim, None)
    times = [t for t, _ in _courier_notices(sim)]
    assert seconds("15:00") in times and seconds("15:15") in times  # its warning, then it
    assert seconds("15:45") not in times and seconds("16:00") not in times  # old ones stale
    assert courier_state(sim).done == 2


def test_the_reference_has_everything_ready_for_the_moved_courier() -> None:
    sim = play_until(sim_of(), None)
    got = about(sim, "went with the moved courier")
    assert len(got) == 1 and got[0].points == got[0].max == 2
    assert got[0].competency == "I.P.2.b" and got[0].category == "flow"
    assert moves(sim).moves[0].judged


def test_a_tube_that_could_have_been_ready_and_stayed_is_named() -> None:
    # The reference works until just after the thyroid patient's draw, then nobody does
    # anything: her tube, drawn in time, is not in the box at 15:15.
    sim = play_until(sim_of(), None, until=lambda s: any(
        sp.patient == "r11-hollis" for sp in s.world.specimens))
    play_until(sim, "15:16", "idle")
    got = about(sim, "could have been ready for the moved 15:15 courier")
    assert len(got) == 1 and got[0].points == 0 and "Grace Hollis" in got[0].reason
    assert "30 minutes to clot" in got[0].note


def _later(d: dict[str, Any]) -> None:
    event(d, "courier_change").update(to="16:15", reason=None)


def test_a_pickup_moved_later_comes_later() -> None:
    sim = play_until(sim_of(_later), None)
    assert any(n.t == seconds("13:00") and n.text == "The lab calls: the 16:00 courier comes "
               "later, at 16:15. Have the specimens packed by then." for n in sim.notices)
    times = [t for t, text in _courier_notices(sim) if text.startswith("The courier left")]
    assert times == [seconds("12:00"), seconds("16:15")]


def test_a_day_ended_before_the_lab_called_misses_the_step() -> None:
    sim = play_until(sim_of(), "12:30", "idle")
    sim.finish()
    got = about(sim, "and the day ended before the lab called")
    assert len(got) == 1 and got[0].points == 0
