"""Consequences of point-of-care steps in a real simulation: no QC, failed QC, early and late
reads, a wrong collection, units and flags, and a result the provider must hear now."""

from __future__ import annotations

from game.sim.rules.checkout import unfinished_orders
from game.sim.rules.poc.commands import CollectPoc, ReadPoc, RecordPoc, RunQc, StartPoc
from game.sim.rules.poc.state import poc, run_key
from tests.sim.poc_day import fixture, free, sim_of, until_exam_done

STREP = "s03-adeyemi"  # the fixture's positive rapid strep (kit "strep": QC fails once)
HCG = "s05-fischer"  # a positive urine hCG (kit "hcg": QC not due)
IDS = ["name", "dob"]


def _entries(sim, text):  # type: ignore[no-untyped-def]
    return [e for e in sim.ledger.entries if text in e.reason]


def _qc(sim, kit):  # type: ignore[no-untyped-def]
    while poc(sim).kits[kit].qc != "passed":
        assert sim.submit(RunQc(kit=kit)).ok
        free(sim)


def _collect_start(sim, pid, test, how):  # type: ignore[no-untyped-def]
    assert sim.submit(CollectPoc(patient=pid, test=test, collection=how, identifiers=IDS)).ok
    free(sim)
    assert sim.submit(StartPoc(patient=pid, test=test)).ok
    free(sim)


def test_strep_done_right_scores_every_step_and_lets_the_patient_go() -> None:
    sim = sim_of()
    until_exam_done(sim, STREP)
    assert "rapid strep" in unfinished_orders(sim, sim.world.patients[STREP])
    _qc(sim, "strep")  # the bot ran it at opening: the first run failed, the repeat passed
    assert _entries(sim, "Ran and logged QC on the strep kit")[0].points == 2
    _collect_start(sim, STREP, "POC_STREP", "tonsils_pharynx")
    r = poc(sim).runs[run_key(STREP, "POC_STREP")]
    assert r.started_t is not None
    sim.advance(r.started_t + 300)
    assert sim.submit(ReadPoc(patient=STREP, test="POC_STREP")).ok
    free(sim)
    assert sim.submit(RecordPoc(patient=STREP, test="POC_STREP", reading="positive",
                                abnormal=True)).ok
    assert _entries(sim, "Read Tunde Adeyemi's Rapid strep at 5:00")[0].points == 2
    assert _entries(sim, "with units and flag")[-1].points == 3
    assert "rapid strep" not in unfinished_orders(sim, sim.world.patients[STREP])


def _failing() -> dict:  # type: ignore[type-arg]
    data = fixture()
    for k in data["poc"]["kits"]:
        if k["id"] == "strep":
            k["qc_today"] = "fail"
    return data


def test_a_failed_qc_makes_the_result_unreportable_until_qc_passes() -> None:
    sim = sim_of(_failing())
    until_exam_done(sim, STREP)
    assert poc(sim).kits["strep"].qc == "failed"
    assert any("FAILED" in n.text for n in sim.notices)
    _collect_start(sim, STREP, "POC_STREP", "tonsils_pharynx")
    assert _entries(sim, "without a passing QC")[0].competency == "I.P.10"
    r = poc(sim).runs[run_key(STREP, "POC_STREP")]
    assert r.started_t is not None
    sim.advance(r.started_t + 300)
    assert sim.submit(ReadPoc(patient=STREP, test="POC_STREP")).ok
    free(sim)
    refused = sim.submit(RecordPoc(patient=STREP, test="POC_STREP", reading="positive"))
    assert not refused.ok and "in its window first" in refused.reason  # type: ignore[union-attr]
    assert not r.collected  # a swab is used up: collect again after QC passes


def test_no_kit_passing_qc_all_day_sends_the_specimen_to_the_lab() -> None:
    sim = sim_of(_failing())
    until_exam_done(sim, STREP)  # the bot ran the controls twice at opening: both failed
    sent = RecordPoc(patient=STREP, test="POC_STREP", send_to_lab=True)
    assert _entries(sim, "Ran QC on the strep kit: it failed")[0].points == 2
    assert "failed twice" in sim.can(RunQc(kit="strep"))[1]
    assert sim.submit(CollectPoc(patient=STREP, test="POC_STREP",
                                 collection="tonsils_pharynx", identifiers=IDS)).ok
    free(sim)
    assert sim.submit(sent).ok
    assert "rapid strep" not in unfinished_orders(sim, sim.world.patients[STREP])


def test_reading_early_or_late_is_invalid_and_repeated() -> None:
    for offset, word in ((179, "early"), (601, "late")):
        sim = sim_of()
        until_exam_done(sim, HCG)
        _collect_start(sim, HCG, "POC_HCG", "clean_catch")
        r = poc(sim).runs[run_key(HCG, "POC_HCG")]
        assert r.started_t is not None
        sim.advance(r.started_t + offset)
        assert sim.submit(ReadPoc(patient=HCG, test="POC_HCG")).ok
        [e] = _entries(sim, f"Urine hCG {word}")
        assert e.points == -1 and "repeated" in e.note
        assert r.started_t is None and r.collected  # the urine cup is still there


def test_a_wrong_collection_scores_nothing_and_must_be_collected_again() -> None:
    sim = sim_of()
    until_exam_done(sim, STREP)
    assert sim.submit(CollectPoc(patient=STREP, test="POC_STREP", collection="tongue_cheeks",
                                 identifiers=IDS)).ok
    [e] = _entries(sim, "Collected Tunde Adeyemi's Rapid strep")
    assert e.points == 0 and "false negative" in e.note
    free(sim)
    assert "Collect" in sim.can(StartPoc(patient=STREP, test="POC_STREP"))[1]


def test_a_positive_hcg_not_told_to_the_provider_is_a_safety_penalty() -> None:
    sim = sim_of()
    until_exam_done(sim, HCG)
    _collect_start(sim, HCG, "POC_HCG", "clean_catch")
    r = poc(sim).runs[run_key(HCG, "POC_HCG")]
    assert r.started_t is not None
    sim.advance(r.started_t + 200)
    assert sim.submit(ReadPoc(patient=HCG, test="POC_HCG")).ok
    free(sim)
    assert sim.submit(RecordPoc(patient=HCG, test="POC_HCG", reading="positive",
                                abnormal=True, tell_provider=False)).ok
    [e] = _entries(sim, "provider was not told now")
    assert e.category == "safety" and "live vaccines" in e.note


def test_an_analyzer_value_without_units_or_flag_loses_points() -> None:
    sim = sim_of()
    pid = "s01-nakamura"  # HbA1c 7.2 %
    until_exam_done(sim, pid)
    _collect_start(sim, pid, "POC_A1C", "wipe_first_drop")
    r = poc(sim).runs[run_key(pid, "POC_A1C")]
    assert r.started_t is not None
    assert "still running" in sim.can(ReadPoc(patient=pid, test="POC_A1C"))[1]
    sim.advance(r.started_t + 360)
    assert sim.submit(ReadPoc(patient=pid, test="POC_A1C")).ok
    free(sim)
    assert sim.submit(RecordPoc(patient=pid, test="POC_A1C", value=7.2, units="")).ok
    [e] = _entries(sim, "Recorded Kenji Nakamura's HbA1c")
    assert e.points == 1 and "units" in e.reason and "not flagged" in e.reason
