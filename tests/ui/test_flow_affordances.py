"""What the panel and the queue suggest for rooming is what `submit` accepts, on random days
played with random choices among those suggestions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.clinical.vitals import abnormal_signs
from game.paths import SCENARIOS
from game.scenario.load import load_scenario
from game.sim import commands as c
from game.sim.engine import Simulation
from game.sim.policies.naive import NaivePolicy
from game.sim.policies.reference import ReferencePolicy
from game.sim.rules.base import Can
from game.sim.state import PatientState, Status
from game.ui.day.actions import Action, patient_actions
from game.ui.day.needs import need_of
from tests.fuzz_settings import examples

DAYS = {name: load_scenario(SCENARIOS / f"{name}.json").scenario
        for name in ("short_morning", "standard_day")}
# The panel's rooming buttons, and the queue's word for each.
ROOMING = (c.MeasureVitals, c.ReviewHistory, c.SignalReady, c.Escalate)
QUEUE_BUTTON = {"vitals": "Measure vitals", "history": "Review history",
                "record vitals": "Record vitals", "provider": None}


def rooming_offers(sim: Simulation) -> list[tuple[PatientState, Action]]:
    """Every rooming button the panel shows as possible now, over every patient."""
    out = []
    for p in sim.world.patients.values():
        for a in patient_actions(sim, p.id):
            if a.can == Can.NOW and (isinstance(a.command, ROOMING) or a.form == "vitals"):
                out.append((p, a))
    return out


def recorded(p: PatientState, careful: bool) -> c.RecordVitals:
    """What the vitals form submits when the device's readings are typed in."""
    m = p.measured
    assert m is not None, f"'Record vitals' offered for {p.id} before a measurement"
    flags = sorted(abnormal_signs(m, p.age_years)) if careful else []
    return c.RecordVitals(patient=p.id, systolic=m.systolic, diastolic=m.diastolic,
                          pulse=m.pulse, resp=m.resp, temp_f=m.temp_f, spo2=m.spo2,
                          weight_lb=m.weight_lb, height_in=m.height_in, abnormal=flags)


def check_queue(sim: Simulation) -> None:
    """A roomed patient's queue step is one of the panel's buttons for them."""
    for p in sim.world.patients.values():
        if p.status not in (Status.ROOMED, Status.READY):
            continue
        need = need_of(sim, p)
        assert need is not None
        if need.label == "escalate":  # a crisis comes before any rooming step
            assert any(a.command == c.Escalate(patient=p.id) for a in patient_actions(sim, p.id))
            continue
        want = QUEUE_BUTTON.get(need.label, "")
        if want:
            labels = [a.label for a in patient_actions(sim, p.id)]
            assert any(lab.startswith(want) for lab in labels), (need.label, labels)
        assert (need.label == "provider") == p.door_flag


def check_flow(sim: Simulation) -> None:
    """The provider is only ever with a patient whose rooming was done, signalled or urgent."""
    for p in sim.world.patients.values():
        if p.exam_start is not None:
            assert (p.history_reviewed and p.recorded is not None) or p.skipped \
                or p.escalated_t is not None, p.id


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_rooming_suggestions_are_accepted_by_submit(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(DAYS)), label="day")
    seed = data.draw(st.integers(1, 10_000), label="seed")
    bot = data.draw(st.sampled_from([ReferencePolicy, NaivePolicy]), label="bot")()
    sim = Simulation(DAYS[name], seed)
    for _ in range(1500):
        if sim.finished:
            break
        check_queue(sim)
        check_flow(sim)
        if not sim.is_free():
            sim.advance(sim.lead.busy_until)
            continue
        offers = rooming_offers(sim)
        if offers and data.draw(st.integers(0, 2), label="mine") == 0:
            p, action = data.draw(st.sampled_from(offers), label="offer")
            cmd = action.command or recorded(p, data.draw(st.booleans(), label="careful"))
            result = sim.submit(cmd)
            assert result.ok, (action.label, result)
            continue
        cmd = bot.choose(sim)
        if cmd is None or not sim.submit(cmd).ok:
            nxt = sim.next_event_time()
            sim.advance(min(sim.now + 60, nxt) if nxt is not None and nxt > sim.now
                        else sim.now + 60)
    check_flow(sim)
