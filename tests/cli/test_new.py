"""`clinic-day new` as an instructor meets it: a valid day that lints clean, the traps its
difficulty asks for (and none above it), the same file for the same options, and clear
refusals."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.clinical.vaccines import CATALOGUE, NOT_A_CONTRAINDICATION, components_in
from game.clinical.vitals import age_on, crisis_reasons
from game.lint import lint
from game.newday import DIFFICULTIES, Trap, build, command, generate, traps_of
from game.scenario.load import load_scenario
from game.scenario.models import Scenario
from game.sim.engine import Simulation
from game.sim.policies import POLICIES
from game.sim.rules.phone.privacy import permission
from game.sim.rules.vitals_device import true_reading
from game.sim.runner import play_policy
from tests.cli.test_cli import main
from tests.fuzz_settings import examples


def scenario_of(data: dict[str, Any]) -> Scenario:
    """The day as the game's loader reads it."""
    return Scenario.model_validate_json(json.dumps(data), strict=True)


def traps_in(s: Scenario) -> set[Trap]:
    """The traps a day holds, found in the day itself (not in what the generator says)."""
    found: set[Trap] = set()
    products = {p.id: p for p in s.medications.products}
    for p in s.patients:
        for order in p.orders.medications:
            parts = CATALOGUE[products[order.product].code].components
            if (parts & components_in(p.allergies)) - NOT_A_CONTRAINDICATION:
                found.add(Trap.ALLERGY)
        if p.insurance.status == "inactive":
            found.add(Trap.INACTIVE)
        if crisis_reasons(true_reading(p), age_on(p.dob, s.date)):
            found.add(Trap.CRISIS)
        if p.walk_in is not None and p.walk_in.red_flag is not None:
            found.add(Trap.RED_FLAG)
    names: dict[tuple[str, str], set[object]] = {}
    for p in s.patients:
        names.setdefault((p.name.first, p.name.last), set()).add(p.dob)
    if any(len(dobs) > 1 for dobs in names.values()):
        found.add(Trap.SAME_NAME)
    sim = Simulation(s, 1)  # the simulation's own rule of who may be told
    if any(not permission(sim, c).allowed for c in s.phone.calls):
        found.add(Trap.CALLER)
    return found


@pytest.mark.parametrize(("difficulty", "said"), [("introductory", "an introductory day"),
                                                 ("challenging", "a challenging day")])
def test_the_day_is_named_in_plain_english(tmp_path: Path, difficulty: str, said: str) -> None:
    day = tmp_path / "d.json"
    code, out, _ = main("new", str(day), "--difficulty", difficulty, "--patients", "4")
    assert code == 0 and out.startswith(f"wrote {day}: {said} at ")


def test_the_default_day_is_written_valid_with_its_traps_and_next_steps(tmp_path: Path) -> None:
    day = tmp_path / "my_day.json"
    code, out, err = main("new", str(day))
    assert (code, err) == (0, "")
    assert out.startswith(f"wrote {day}: a standard day at ")
    assert "12 scheduled patients, 2 providers, 1 MA, 8 exam rooms (seed 1, id my_day)" in out
    for trap in traps_of("standard"):
        assert f"  {trap.value}" in out
    for step in (f"clinic-day validate {day}", f"clinic-day lint {day} --strict",
                 f"clinic-day play {day}", "clinic-day schema -o"):
        assert step in out
    code, out, _ = main("validate", str(day))
    assert code == 0 and out.startswith(f"ok  {day}")
    s = load_scenario(day).scenario
    assert (s.id, s.difficulty, len(s.patients), len(s.providers)) == ("my_day", "standard",
                                                                      12, 2)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("seed", [1, 2])
def test_every_difficulty_lints_clean_with_strict(difficulty: str, seed: int) -> None:
    findings, table = lint(scenario_of(generate(12, 2, 1, difficulty, seed)), 2)  # type: ignore[arg-type]
    assert [f.render("day.json") for f in findings] == []
    reference, naive = (line.split()[1::2] for line in table.splitlines()[1:3])
    assert min(map(int, reference)) >= 80 and max(map(int, naive)) < 70


@pytest.mark.parametrize("patients, providers, mas", [(1, 1, 1), (12, 2, 1), (40, 2, 2)])
def test_every_size_lints_clean_with_strict(patients: int, providers: int, mas: int) -> None:
    s = scenario_of(generate(patients, providers, mas, "challenging", 3))
    findings, _ = lint(s, 2)
    assert [f.render("day.json") for f in findings] == []
    assert len([p for p in s.patients if p.walk_in is None]) == patients


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("seed", [1, 5, 9])
def test_each_trap_is_in_the_day_that_asks_for_it_and_none_above_it(difficulty: str,
                                                                     seed: int) -> None:
    made = build(12, 2, 1, difficulty, seed)  # type: ignore[arg-type]
    assert traps_in(scenario_of(made.data)) == set(traps_of(difficulty))  # type: ignore[arg-type]
    assert {t.trap for t in made.traps} == set(traps_of(difficulty))  # type: ignore[arg-type]
    assert made.missed == []


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_calls_and_walk_ins_bring_no_trap_of_a_harder_day(difficulty: str) -> None:
    s = scenario_of(generate(20, 2, 2, difficulty, 4, calls=40, walk_ins=8))  # type: ignore[arg-type]
    assert traps_in(s) == set(traps_of(difficulty))  # type: ignore[arg-type]


def test_a_day_too_small_for_a_pair_says_so_and_sets_the_rest() -> None:
    made = build(1, 1, 1, "challenging", 1)
    assert made.missed == ["same-name pair: it needs two adult patients"]
    assert traps_in(scenario_of(made.data)) == set(traps_of("challenging")) - {Trap.SAME_NAME}


def test_the_reference_bot_handles_every_trap_and_the_naive_bot_falls_into_each() -> None:
    made = build(12, 2, 1, "challenging", 1)
    s = scenario_of(made.data)
    where = {t.trap: t.where for t in made.traps}

    def patient_at(path: str) -> str:
        return s.patients[int(path.split("[")[1].split("]")[0])].id

    call = s.phone.calls[int(where[Trap.CALLER].split("[")[1].rstrip("]"))]
    critical_for = {Trap.ALLERGY: patient_at(where[Trap.ALLERGY]),
                    Trap.SAME_NAME: patient_at(where[Trap.SAME_NAME]),
                    Trap.CRISIS: patient_at(where[Trap.CRISIS]),
                    Trap.CALLER: call.patient,
                    Trap.RED_FLAG: patient_at(where[Trap.RED_FLAG])}
    inactive = patient_at(where[Trap.INACTIVE])
    ledgers = {}
    for bot in ("reference", "naive"):
        sim = Simulation(s, 1)
        play_policy(sim, POLICIES[bot]())
        ledgers[bot] = sim.ledger.entries
    assert [e.reason for e in ledgers["reference"] if e.critical] == []
    naive_critical = {e.patient for e in ledgers["naive"] if e.critical}
    assert set(critical_for.values()) <= naive_critical
    verified = [e for e in ledgers["reference"] if e.patient == inactive
                and e.competency == "VIII.P.2" and e.points > 0]
    assert verified and "inactive" in verified[0].reason
    assert not [e for e in ledgers["naive"] if e.patient == inactive
                and e.competency == "VIII.P.2" and e.points > 0]


def test_the_same_options_write_the_same_bytes_and_another_seed_another_day(
        tmp_path: Path) -> None:
    files = [tmp_path / "a" / "day.json", tmp_path / "b" / "day.json", tmp_path / "c" / "day.json"]
    for f, seed in zip(files, ("4", "4", "5"), strict=True):
        f.parent.mkdir()
        assert main("new", str(f), "--seed", seed, "--calls", "10", "--walk-ins", "2",
                    "--difficulty", "challenging")[0] == 0
    assert files[0].read_bytes() == files[1].read_bytes()
    assert files[0].read_bytes() != files[2].read_bytes()


def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path) -> None:
    day = tmp_path / "day.json"
    day.write_text("my own day", encoding="utf-8")
    code, out, err = main("new", str(day))
    assert (code, out) == (1, "")
    assert f"{day} already exists" in err and "--force" in err
    assert day.read_text(encoding="utf-8") == "my own day"
    code, out, _ = main("new", str(day), "--force")
    assert code == 0 and load_scenario(day).scenario.patients


@pytest.mark.parametrize("args, message", [
    (["--patients", "0"], "--patients must be from 1 to 120"),
    (["--patients", "121", "--mas", "6", "--providers", "10"], "--patients must be from 1 to 120"),
    (["--providers", "11"], "--providers must be from 1 to 10 (the scenario format's limit)"),
    (["--mas", "0"], "--mas must be from 1 to 6"),
    (["--mas", "7"], "--mas must be from 1 to 6"),
    (["--seed", "-1"], "--seed must be from 0 to 2147483647"),
    (["--calls", "61"], "--calls must be from 0 to 60"),
    (["--walk-ins", "-1"], "--walk-ins must be from 0 to 20"),
    (["--patients", "21"], "21 patients are more than 1 MA can bring through a day "
                           "(about 20 patients each): use --mas 2, or fewer patients"),
    (["--patients", "15", "--walk-ins", "6"], "15 patients and 6 walk-ins are more than 1 MA"),
    (["--patients", "10", "--calls", "48"], "four calls counting as one patient"),
    (["--providers", "4"], "4 providers need at least 2 MAs: one MA rooms patients for at "
                           "most 3 providers (use --mas 2, or fewer --providers)"),
    (["--patients", "45", "--mas", "3"], "45 patients are more than 2 providers can see in "
                                         "a day (about 22 each): use --providers 3, or fewer"),
    (["--difficulty", "hard"], "invalid choice: 'hard'"),
    (["--patients", "twelve"], "invalid int value: 'twelve'"),
])
def test_bad_numbers_say_what_is_wrong_and_write_nothing(args: list[str], message: str,
                                                         tmp_path: Path) -> None:
    day = tmp_path / "day.json"
    code, out, err = main("new", str(day), *args)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert not day.exists()


def test_an_unwritable_place_says_why(tmp_path: Path) -> None:
    code, _, err = main("new", str(tmp_path / "no" / "day.json"))
    assert code == 1 and f"the folder {tmp_path / 'no'} does not exist" in err
    code, _, err = main("new", str(tmp_path))
    assert code == 1 and f"{tmp_path} is a folder" in err
    (tmp_path / "a_file").write_text("", encoding="utf-8")
    code, _, err = main("new", str(tmp_path / "a_file" / "day.json"))
    assert code == 1 and f"{tmp_path / 'a_file'} is a file, not a folder" in err
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("this user can write into a read-only folder (root)")
        code, _, err = main("new", str(locked / "day.json"))
        assert code == 1 and f"cannot write {locked / 'day.json'}" in err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_a_failed_write_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(command, "write_text_atomic", full)
    code, out, err = main("new", str(tmp_path / "day.json"))
    assert (code, out) == (1, "")
    assert f"cannot write {tmp_path / 'day.json'}: No space left on device" in err


@pytest.mark.parametrize("name, day_id", [("My Day 3.json", "my-day-3"),
                                          ("week_2.json", "week_2"), ("???.json", None)])
def test_the_day_is_named_after_its_file(name: str, day_id: str | None, tmp_path: Path) -> None:
    assert main("new", str(tmp_path / name), "--patients", "2")[0] == 0
    s = load_scenario(tmp_path / name).scenario
    assert s.id == (day_id or "new-standard-2p-s1")


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(patients=st.integers(-2, 45), providers=st.integers(0, 12), mas=st.integers(0, 7),
       difficulty=st.sampled_from([*DIFFICULTIES, "easy"]), seed=st.integers(-3, 2**32),
       calls=st.integers(-1, 70), walk_ins=st.integers(-1, 25))
def test_any_options_write_a_valid_day_or_say_what_is_wrong(
        patients: int, providers: int, mas: int, difficulty: str, seed: int, calls: int,
        walk_ins: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    day = tmp_path_factory.mktemp("new") / "day.json"
    code, out, err = main("new", str(day), "--patients", str(patients), "--providers",
                          str(providers), "--mas", str(mas), "--difficulty", difficulty,
                          "--seed", str(seed), "--calls", str(calls), "--walk-ins",
                          str(walk_ins))
    assert "Traceback" not in err
    if code == 0:
        s = load_scenario(day).scenario
        assert len([p for p in s.patients if p.walk_in is None]) == patients
        assert len(s.clinic.staff or [None]) == mas and s.difficulty == difficulty
        assert out.startswith(f"wrote {day}")
    else:
        assert code == 2 and "error:" in err and not day.exists()
