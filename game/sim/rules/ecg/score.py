"""What the ECG earns: the preparation, each tracing (a repeat names the lead and its site, or
the artifact and its fix), the hand-off to the provider, and chest pain taken to the
provider before the tracing is finished."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.clinical.ecg import ARTIFACTS, FIX_WORDS, PREP_WORDS, misplacement_text
from game.sim.commands import valid_identifiers
from game.sim.notices import Tone, Topic
from game.sim.rules.ecg.state import EcgPatient, Tracing, ecg_state
from game.sim.scoring import Step, key
from game.words import count

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import PatientState

ECG_POINTS, HANDOFF_POINTS, ALERT_POINTS = 4, 2, 5
# "At once": the tracing reaches the provider within ten minutes of coming off the machine
# (the window the ACC/AHA guidelines give for a chest-pain patient's first ECG to be read).
HANDOFF_GRACE = 10 * 60
INTERPRET_NOTE = ("The MA hands the tracing over without reading it to the patient or "
                  "commenting on it: interpreting an ECG is the provider's, outside the MA's "
                  "scope of practice.")
PAIN_NOTE = ("Chest pain now is an emergency until the provider says otherwise: get the "
             "provider at once, before the ECG is finished, and stay with the patient "
             "(patient screening, MAERB I.P.3).")


def expect(sim: Simulation) -> None:
    """Every patient who comes with an ECG ordered: the tracing, the hand-off, and for chest
    pain, the provider got at once."""
    for pid in ecg_state(sim).patients:
        p = sim.world.patients[pid]
        order = p.spec.orders.ecg
        if p.spec.arrival.kind == "no_show" or order is None:
            continue
        exp = sim.ledger.expect_step
        exp(pid, Step.ECG, "clinical", ECG_POINTS, "I.P.2.a",
            f"{p.name}'s ECG was never recorded",
            "Record every ordered ECG before the patient leaves: supine, skin clean and dry, "
            "ten electrodes on their sites (AHA, Kligfield et al. 2007).")
        exp(pid, Step.ECG_HANDOFF, "clinical", HANDOFF_POINTS, "I.P.2.a",
            f"{p.name}'s ECG never reached the provider",
            "Hand the tracing to the provider at once. " + INTERPRET_NOTE)
        if order.chest_pain:
            exp(pid, Step.ECG_ALERT, "safety", ALERT_POINTS, "I.P.3",
                f"{p.name}'s chest pain was not taken to the provider", PAIN_NOTE)


def score_prep(sim: Simulation, p: PatientState, ids: Sequence[str],
               done: tuple[str, ...]) -> None:
    """Two identifiers and a supine patient; the other steps show on the tracing."""
    if valid_identifiers(ids) < 2:
        sim.ledger.penalty(
            sim.now, "safety", 2, "XII.P.1", p.id,
            f"Prepared {p.name} for an ECG without two identifiers",
            "Confirm full name and date of birth before any procedure: a tracing filed "
            "under the wrong patient is read as theirs (The Joint Commission "
            "NPSG.01.01.01).")
    if "supine" not in done:
        sim.ledger.penalty(
            sim.now, "clinical", 1, "I.P.2.a", p.id,
            f"{p.name}'s ECG was taken without lying them supine",
            "Record the standard 12-lead with the patient supine: sitting up shifts the "
            "heart's axis and the amplitudes, and the tracing no longer compares with "
            "earlier ones (AHA, Kligfield et al. 2007).")


def _artifact_note(cause: str) -> str:
    a = ARTIFACTS[cause]
    return (f"The tracing shows {a.look}, from {a.name}. Fix: "
            f"{FIX_WORDS[a.fix].lower()}, then record again. Prevent it while preparing: "
            f"{PREP_WORDS[a.prevention]}.")


def score_tracing(sim: Simulation, p: PatientState, e: EcgPatient, t: Tracing,
                  fix: str | None) -> None:
    """A usable tracing earns the ECG; a spoiled one must be repeated, and says why."""
    if t.usable:
        repeats = len(e.tracings) - 1
        sim.ledger.award(key(p.id, Step.ECG), sim.now, ECG_POINTS,
                         f"Recorded {p.name}'s 12-lead ECG"
                         + (f" (after {count(repeats, 'repeat')})" if repeats else ""))
        sim.notify(Tone.GOOD, f"{p.name}'s tracing is clean: hand it to the provider now.",
                   p.id, Topic.ECG)
        return
    problems, notes = [], []
    if t.misplaced:
        problems.append(f"{', '.join(t.misplaced)} on the wrong site")
        notes += [misplacement_text(el, site) for el, site in t.sites if el in t.misplaced]
        notes.append("Move each electrode to its site and record again.")
    if t.artifact:
        problems.append("artifact")
        notes.append(_artifact_note(t.artifact)
                     + (" The fix named did not remove it." if fix is not None else ""))
    sim.ledger.penalty(sim.now, "clinical", 1, "I.P.2.a", p.id,
                       f"{p.name}'s ECG must be repeated: {' and '.join(problems)}",
                       " ".join(notes))
    sim.notify(Tone.WARNING, f"{p.name}'s tracing must be repeated: "
               + " and ".join(problems) + ".", p.id, Topic.ECG)


def score_handoff(sim: Simulation, p: PatientState, e: EcgPatient) -> None:
    """Full points within the grace after the tracing; fewer after."""
    t = e.usable
    assert t is not None
    late = sim.now - t.t
    if late <= HANDOFF_GRACE:
        sim.ledger.award(key(p.id, Step.ECG_HANDOFF), sim.now, HANDOFF_POINTS,
                         f"Handed {p.name}'s ECG to the provider at once", INTERPRET_NOTE)
    else:
        sim.ledger.award(key(p.id, Step.ECG_HANDOFF), sim.now, 1,
                         f"Handed {p.name}'s ECG to the provider {late // 60} min after "
                         "it was recorded",
                         "Hand the tracing over the moment it is recorded: the provider "
                         "decides what it means while the patient is still here (an "
                         "arrhythmia or ischemia cannot wait). " + INTERPRET_NOTE)
    if e.alerted_t is None:
        score_alert(sim, p, e, recorded=False)


def score_alert(sim: Simulation, p: PatientState, e: EcgPatient, recorded: bool) -> None:
    """Chest pain: the provider told before the tracing is finished earns it; a tracing
    finished first is a critical error."""
    order = p.spec.orders.ecg
    k = key(p.id, Step.ECG_ALERT)
    if order is None or not order.chest_pain or not sim.ledger.is_open(k):
        return
    if not recorded:
        sim.ledger.award(k, sim.now, ALERT_POINTS,
                         f"Got the provider at once for {p.name}'s chest pain")
    elif e.alerted_t is None:
        _pain_missed(sim, p, "the ECG was finished before the provider was told")


def _pain_missed(sim: Simulation, p: PatientState, how: str) -> None:
    sim.ledger.award(key(p.id, Step.ECG_ALERT), sim.now, 0,
                     f"{p.name} had chest pain and {how}", PAIN_NOTE)
    sim.ledger.penalty(sim.now, "safety", ALERT_POINTS, "I.P.3", p.id,
                       f"{p.name}'s chest pain was not taken to the provider at once",
                       PAIN_NOTE, critical=True)
    sim.notify(Tone.BAD, f"{p.name} has chest pain and the provider was not told.", p.id,
               Topic.ECG)


def end_of_day(sim: Simulation) -> None:
    """A patient examined with chest pain whose provider was never told."""
    for pid, e in ecg_state(sim).patients.items():
        p = sim.world.patients[pid]
        if p.exam_end is not None and e.alerted_t is None \
                and sim.ledger.is_open(key(pid, Step.ECG_ALERT)):
            _pain_missed(sim, p, "the provider was never told")
