"""The 12-lead ECG as data: the ten electrodes and their sites, the wrong sites a student may
choose and what each does to the tracing, and the artifacts with their causes and fixes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

# Sources, named by the key each fact below carries:
AHA = ("Kligfield P, et al. Recommendations for the standardization and interpretation of "
       "the electrocardiogram, part I. Circulation 2007;115:1306-1324 (AHA/ACCF/HRS)")
MISTAKES = ("Garcia-Niebla J, et al. Technical mistakes during the acquisition of the "
            "electrocardiogram. Ann Noninvasive Electrocardiol 2009;14:389-403")
HIGH_V1 = ("Rajaganeshan R, et al. Accuracy in ECG lead placement among technicians, nurses, "
           "general physicians and cardiologists. Int J Clin Pract 2008;62:65-70")
REVERSAL = ("Batchvarov VN, Malik M, Camm AJ. Incorrect electrode cable connection during "
            "electrocardiographic recording. Europace 2007;9:1081-1090")
SOURCES: dict[str, str] = {"aha": AHA, "mistakes": MISTAKES, "high_v1": HIGH_V1,
                           "reversal": REVERSAL}

Electrode = Literal["RA", "LA", "RL", "LL", "V1", "V2", "V3", "V4", "V5", "V6"]
ELECTRODES: tuple[Electrode, ...] = get_args(Electrode)
LIMB: frozenset[str] = frozenset({"RA", "LA", "RL", "LL"})

SiteId = Literal["right_arm", "left_arm", "right_leg", "left_leg",
                 "r2", "l2", "r3", "l3", "r4", "l4", "v3", "l4_mcl", "l5_mcl", "l6_mcl",
                 "l5_aal", "l6_aal", "l5_mal", "l6_mal"]
SITE_IDS: tuple[SiteId, ...] = get_args(SiteId)


@dataclass(frozen=True)
class Site:
    """A place an electrode can go: its words, whether it is on a limb, and its height on
    the chest (the intercostal space: 2-6; 0 on a limb)."""

    id: SiteId
    name: str
    limb: bool = False
    space: int = 0


SITES: dict[str, Site] = {s.id: s for s in (
    Site("right_arm", "right arm (wrist or forearm)", limb=True),
    Site("left_arm", "left arm (wrist or forearm)", limb=True),
    Site("right_leg", "right leg (ankle or lower leg)", limb=True),
    Site("left_leg", "left leg (ankle or lower leg)", limb=True),
    Site("r2", "2nd intercostal space, right sternal border", space=2),
    Site("l2", "2nd intercostal space, left sternal border", space=2),
    Site("r3", "3rd intercostal space, right sternal border", space=3),
    Site("l3", "3rd intercostal space, left sternal border", space=3),
    Site("r4", "4th intercostal space, right sternal border", space=4),
    Site("l4", "4th intercostal space, left sternal border", space=4),
    Site("v3", "midway between V2 and V4", space=4),
    Site("l4_mcl", "4th intercostal space, left midclavicular line", space=4),
    Site("l5_mcl", "5th intercostal space, left midclavicular line", space=5),
    Site("l6_mcl", "6th intercostal space, left midclavicular line", space=6),
    Site("l5_aal", "left anterior axillary line, level with V4", space=5),
    Site("l6_aal", "left anterior axillary line, below V4's level", space=6),
    Site("l5_mal", "left midaxillary line, level with V4", space=5),
    Site("l6_mal", "left midaxillary line, below V4's level", space=6),
)}

# Where each electrode goes (AHA: Kligfield 2007; domain facts "12-lead ECG").
STANDARD: dict[Electrode, SiteId] = {
    "RA": "right_arm", "LA": "left_arm", "RL": "right_leg", "LL": "left_leg",
    "V1": "r4", "V2": "l4", "V3": "v3", "V4": "l5_mcl", "V5": "l5_aal", "V6": "l5_mal"}
CORRECT: dict[str, str] = {str(e): str(s) for e, s in STANDARD.items()}  # by any string

# The most common placement error: V1 and V2 one intercostal space too high (Rajaganeshan
# 2008 found V1 and V2 placed too high more often than any other mistake).
ONE_SPACE_HIGH: dict[Electrode, SiteId] = {"V1": "r3", "V2": "l3"}

# Limb reversals by the pair of electrodes that traded limbs (Batchvarov 2007).
_LIMB_SWAPS: dict[frozenset[str], str] = {
    frozenset({"RA", "LA"}): "lead I turns upside down and II trades places with III, aVR "
                             "with aVL: it can look like a heart on the right (dextrocardia)",
    frozenset({"RA", "LL"}): "lead II turns upside down and the other limb leads rearrange: "
                             "it can look like an inferior infarct",
    frozenset({"LA", "LL"}): "lead III turns upside down and I trades places with II: a "
                             "subtle change that is easily missed",
    frozenset({"RA", "RL"}): "lead II becomes an almost flat line",
    frozenset({"LA", "RL"}): "lead III becomes an almost flat line",
    frozenset({"LL", "RL"}): "the tracing barely changes (the right-leg electrode is only the "
                             "ground), but the electrodes are still on the wrong limbs",
}


def is_right(electrode: str, site: str) -> bool:
    """Whether an electrode is on its standard site."""
    return CORRECT.get(electrode) == site


def effect(electrode: str, site: str) -> tuple[str, str]:
    """What an electrode on a wrong site does to the tracing, and the source's key."""
    right = SITES[CORRECT[electrode]]
    here = SITES[site]
    owner = next((e for e, s in CORRECT.items() if s == site), None)
    if electrode in LIMB:
        if not here.limb:
            return ("a limb electrode on the chest changes every limb lead derived from it",
                    "aha")
        assert owner is not None
        return _LIMB_SWAPS[frozenset({electrode, owner})], "reversal"
    if here.limb:
        return f"{electrode} records from the limb instead of the chest: its view is lost", "aha"
    if electrode in ("V1", "V2") and here.space < right.space and site in ("r2", "l2", "r3",
                                                                             "l3"):
        return ("placed too high, V1 and V2 show an rSr' and inverted T waves that mimic an "
                "incomplete right bundle branch block or an old anterior infarct", "mistakes")
    return ("R-wave progression across the chest leads looks wrong: it can mimic or hide an "
            "anterior infarct", "aha")


def misplacement_text(electrode: str, site: str) -> str:
    """The teaching line for one misplaced electrode: where it was, where it goes, and why."""
    what, _src = effect(electrode, site)
    return (f"{electrode} was at the {SITES[site].name}; it goes at the "
            f"{SITES[CORRECT[electrode]].name}: {what}.")


ArtifactCause = Literal["talking", "shivering", "loose_lead", "interference"]
ARTIFACT_CAUSES: tuple[ArtifactCause, ...] = get_args(ArtifactCause)
Fix = Literal["ask_still", "warm", "reattach", "unplug"]
FIXES: tuple[Fix, ...] = get_args(Fix)


@dataclass(frozen=True)
class Artifact:
    """Noise on a tracing: what causes it, how it looks, what the MA notices, what prevents
    it during the preparation, and what fixes it before recording again."""

    cause: ArtifactCause
    name: str
    look: str
    cue: str
    prevention: str  # the PrepareEcg field that prevents it
    fix: Fix


# Causes and looks: domain facts (movement, talking, shivering, loose electrodes, electrical
# interference) and Garcia-Niebla 2009 on each kind of noise.
ARTIFACTS: dict[str, Artifact] = {a.cause: a for a in (
    Artifact("talking", "talking and moving",
             "irregular, jagged noise from the muscles (somatic tremor)",
             "The patient keeps chatting and shifting on the table.", "explained", "ask_still"),
    Artifact("shivering", "shivering in a cold room",
             "fine, fast irregular noise from shivering muscles",
             "The patient is cold and shivering.", "warm", "warm"),
    Artifact("loose_lead", "a loose electrode",
             "a wandering baseline that drops out in the leads that share the electrode",
             "The patient's skin is damp with lotion.", "skin", "reattach"),
    Artifact("interference", "electrical interference",
             "a thick, regular fuzz on every lead (60-cycle interference)",
             "A fan and a phone charger are plugged in beside the table.", "devices_away",
             "unplug"),
)}

FIX_WORDS: dict[str, str] = {
    "ask_still": "Ask the patient to lie still, breathe normally and not talk",
    "warm": "Warm the patient: a blanket, a warmer room",
    "reattach": "Clean and dry the skin and press on a fresh electrode",
    "unplug": "Unplug nearby devices and move cables off power cords",
}
PREP_WORDS: dict[str, str] = {
    "supine": "lying supine",
    "skin": "skin clean and dry at every site",
    "explained": "the test explained; asked to lie still and not talk",
    "warm": "warm (a blanket, a warm room)",
    "devices_away": "nearby electrical devices unplugged or moved away",
}
