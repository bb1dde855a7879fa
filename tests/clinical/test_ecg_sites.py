"""The ECG's facts as a table: each electrode's site and each wrong site's effect, with the
source of every row."""

from __future__ import annotations

import pytest

from game.clinical.ecg import (
    ARTIFACTS,
    CORRECT,
    ELECTRODES,
    ONE_SPACE_HIGH,
    SITES,
    SOURCES,
    effect,
    is_right,
)

# electrode, site words, source (Kligfield et al., AHA 2007; domain facts "12-lead ECG")
STANDARD_ROWS = [
    ("RA", "right arm (wrist or forearm)", "aha"),
    ("LA", "left arm (wrist or forearm)", "aha"),
    ("RL", "right leg (ankle or lower leg)", "aha"),
    ("LL", "left leg (ankle or lower leg)", "aha"),
    ("V1", "4th intercostal space, right sternal border", "aha"),
    ("V2", "4th intercostal space, left sternal border", "aha"),
    ("V3", "midway between V2 and V4", "aha"),
    ("V4", "5th intercostal space, left midclavicular line", "aha"),
    ("V5", "left anterior axillary line, level with V4", "aha"),
    ("V6", "left midaxillary line, level with V4", "aha"),
]


@pytest.mark.parametrize(("electrode", "words", "source"), STANDARD_ROWS)
def test_each_electrode_has_its_standard_site(electrode, words, source):
    assert SITES[CORRECT[electrode]].name == words
    assert is_right(electrode, CORRECT[electrode])
    assert source in SOURCES


def test_the_table_covers_all_ten():
    assert [r[0] for r in STANDARD_ROWS] == list(ELECTRODES)


# electrode, wrong site, words the effect holds, source key
WRONG_ROWS = [
    ("V1", "r3", "incomplete right bundle branch block", "mistakes"),  # one space high
    ("V2", "l3", "incomplete right bundle branch block", "mistakes"),
    ("V1", "r2", "incomplete right bundle branch block", "mistakes"),  # two spaces high
    ("V1", "l4", "R-wave progression", "aha"),  # V1 and V2 swapped
    ("V4", "l4_mcl", "R-wave progression", "aha"),  # one space high
    ("V4", "l6_mcl", "R-wave progression", "aha"),  # one space low
    ("V5", "l6_aal", "R-wave progression", "aha"),  # following the interspace down
    ("V6", "l6_mal", "R-wave progression", "aha"),
    ("V3", "left_arm", "its view is lost", "aha"),
    ("RA", "left_arm", "dextrocardia", "reversal"),
    ("RA", "left_leg", "inferior infarct", "reversal"),
    ("LA", "left_leg", "easily missed", "reversal"),
    ("RA", "right_leg", "lead II becomes an almost flat line", "reversal"),
    ("LA", "right_leg", "lead III becomes an almost flat line", "reversal"),
    ("LL", "right_leg", "barely changes", "reversal"),
    ("RA", "r4", "every limb lead", "aha"),
]


@pytest.mark.parametrize(("electrode", "site", "words", "source"), WRONG_ROWS)
def test_each_wrong_site_says_what_it_does(electrode, site, words, source):
    assert not is_right(electrode, site)
    what, src = effect(electrode, site)
    assert words in what and src == source and src in SOURCES


def test_the_naive_error_is_one_space_high():
    for el, site in ONE_SPACE_HIGH.items():
        assert SITES[site].space == SITES[CORRECT[el]].space - 1


@pytest.mark.parametrize(("cause", "prevention", "fix"), [
    ("talking", "explained", "ask_still"),  # movement and talking (domain facts)
    ("shivering", "warm", "warm"),
    ("loose_lead", "skin", "reattach"),
    ("interference", "devices_away", "unplug"),
])
def test_each_artifact_has_its_prevention_and_fix(cause, prevention, fix):
    a = ARTIFACTS[cause]
    assert (a.prevention, a.fix) == (prevention, fix) and a.look and a.cue
