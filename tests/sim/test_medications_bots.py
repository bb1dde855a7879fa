"""The bots on the medications test day and the immunization clinic: the reference does it
all right, the naive one skips the allergy question, the VIS and the observation, idle
gives nothing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.scenario.load import load_scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.rules.medications.state import DoseStatus, meds
from game.sim.runner import play_policy

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "medications_day.json"
CLINIC = ROOT / "scenarios" / "immunization_clinic.json"


@cache
def played(path: Path, policy: str, seed: int = 1) -> Simulation:
    sim = Simulation(load_scenario(path).scenario, seed)
    play_policy(sim, POLICIES[policy]())
    assert sim.finished
    return sim


def reasons(sim: Simulation, pid: str | None = None) -> str:
    return " | ".join(e.reason for e in sim.ledger.entries if pid is None or e.patient == pid)


def statuses(sim: Simulation) -> dict[str, str]:
    return {d.key: d.status.value for pm in meds(sim).patients.values()
            for d in pm.doses.values()}


@pytest.mark.parametrize("path", [FIXTURE, CLINIC], ids=["fixture", "clinic"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_reference_gets_an_a_and_gives_every_dose_it_should(path: Path, seed: int) -> None:
    sim = played(path, "reference", seed)
    score = sim.score()
    assert score.grade == "A" and not score.critical_errors, score
    med = [e for e in sim.ledger.entries if e.competency in ("I.P.4", "I.P.5", "I.P.7",
                                                             "III.P.10", "I.P.13")]
    assert med and all(e.points == e.max for e in med), [e.reason for e in med
                                                          if e.points < e.max]
    assert all(s in (DoseStatus.GIVEN, DoseStatus.HELD) for s in statuses(sim).values())


def test_the_reference_holds_the_allergy_trap_and_gives_the_egg_allergic_patient() -> None:
    sim = played(CLINIC, "reference")
    s = statuses(sim)
    assert s["i06-achterberg:hepb-adult"] == "held"
    assert s["i06-achterberg:flu-sdv"] == "given"
    assert s["i05-albright:flu-sdv"] == "given"
    assert "Observed Dylan Marchetti 15 minutes" in reasons(sim, "i04-marchetti")
    assert "VIS to Mateo Quintero’s parent" in reasons(sim, "i07-quintero")


def test_the_naive_bot_shows_the_mistakes() -> None:
    sim = played(CLINIC, "naive")
    said = reasons(sim)
    assert "Gave Samuel Achterberg the hepatitis B vaccine though they are allergic to its " \
        "yeast" in said
    assert "without checking allergies" in said
    assert "No VIS before" in said
    assert "Dylan Marchetti fainted" in said
    assert "Let Dylan Marchetti go" in said
    assert sim.score().critical_errors
    assert played(CLINIC, "reference").score().total - sim.score().total >= 20


def test_the_idle_bot_gives_nothing() -> None:
    sim = played(FIXTURE, "idle")
    assert set(statuses(sim).values()) == {"ordered"}
    assert "Gave" not in reasons(sim)


def test_busy_monday_holds_the_flu_shot_for_the_out_of_range_fridge_not_the_egg() -> None:
    sim = played(ROOT / "scenarios" / "busy_monday.json", "reference")
    s = statuses(sim)
    assert s["m17-delgado:flu-peds"] == "held"
    dose = meds(sim).dose("m17-delgado", "flu-peds")
    assert dose is not None and dose.held == "storage"
    assert s["m02-abernathy:mmr-peds"] == s["m02-abernathy:var-peds"] == "given"
