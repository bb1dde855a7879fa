"""Medications and vaccines: allergies checked, the VIS given, the dose prepared from a
logged unit and given by the right route, site and needle, the needle into the sharps
container, 15 minutes of observation, the record; a held dose goes to the provider."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.vaccines import (
    CATALOGUE,
    NOT_A_CONTRAINDICATION,
    OBSERVE_MINUTES,
    components_in,
)
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import Rule, command, on
from game.sim.rules.common import no_patient, not_in_room
from game.sim.rules.medications.commands import (
    CheckAllergies,
    DocumentMedication,
    EndObservation,
    FirstAid,
    GiveMedication,
    GiveVis,
    HoldMedication,
    PrepareDose,
)
from game.sim.rules.medications.look import (
    all_allergies,
    hold_reason,
    open_doses,
    short_name,
    unit_problem,
    vis_recipient,
)
from game.sim.rules.medications.observe import (
    Faint,
    FaintUnattended,
    ObservationOver,
    check_first_aid,
    check_release,
    first_aid,
    guard,
    on_faint,
    on_over,
    on_unattended,
    release,
)
from game.sim.rules.medications.offers import offers
from game.sim.rules.medications.score import (
    NOTES,
    STEPS,
    dose_key,
    judge_give,
    resolve_held,
    score_allergy_step,
    score_record,
)
from game.sim.rules.medications.state import NAME, DoseState, DoseStatus, build, meds
from game.sim.scoring import Opportunity, Step, key
from game.sim.state import Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.state import PatientState, StaffState

AFTER_EXAM = frozenset({Status.EXAM_DONE})
HOLD_WORDS = {"allergy": "an allergy to a component", "storage": "the storage unit",
              "expired": "the product is expired", "beyond_use": "past the beyond-use date"}


def expect(sim: Simulation) -> None:
    """Every ordered dose: allergies, VIS (vaccines), dose, sharps, record; observation."""
    for pid, pm in meds(sim).patients.items():
        p = sim.world.patients[pid]
        if p.spec.arrival.kind == "no_show" or not pm.doses:
            continue
        cat, pts, comp = STEPS[Step.ALLERGY]
        sim.ledger.expect(key(pid, Step.ALLERGY), Opportunity(
            cat, pts, comp, pid, f"{p.name}'s allergies were never checked", NOTES[Step.ALLERGY]))
        vaccines = False
        for d in pm.doses.values():
            what = short_name(d.product.code)
            steps = [Step.DOSE, Step.SHARPS, Step.MED_RECORD]
            if CATALOGUE[d.product.code].vaccine:
                steps.insert(0, Step.VIS)
                vaccines = True
            for step in steps:
                cat, pts, comp = STEPS[step]
                sim.ledger.expect(dose_key(d, step), Opportunity(
                    cat, pts, comp, pid, f"{p.name}'s {what}: not done ({step.value})",
                    NOTES[step]))
        if vaccines:
            cat, pts, comp = STEPS[Step.OBSERVE]
            sim.ledger.expect(key(pid, Step.OBSERVE), Opportunity(
                cat, pts, comp, pid, f"{p.name} was not observed after a vaccine",
                NOTES[Step.OBSERVE]))


def _dose(sim: Simulation, pid: str, product: str) -> tuple[DoseState | None, str | None]:
    if missing := no_patient(sim, pid):
        return None, missing
    d = meds(sim).dose(pid, product)
    if d is None:
        return None, f"No '{product}' is ordered for {sim.world.patients[pid].name}."
    return d, None


def _open_dose(sim: Simulation, pid: str, product: str) -> tuple[DoseState | None, str | None]:
    if why := not_in_room(sim, pid, AFTER_EXAM):
        return None, why
    d, why = _dose(sim, pid, product)
    if d is None:
        return None, why
    if not d.open:
        return None, f"{sim.world.patients[pid].name}'s {short_name(d.product.code)} is " \
                     f"already {d.status.value}."
    return d, None


def check_allergies_ok(sim: Simulation, _a: StaffState, cmd: CheckAllergies) -> str | None:
    """After the exam, with doses to give; asking again only adds what the patient says."""
    if why := not_in_room(sim, cmd.patient, AFTER_EXAM):
        return why
    pm = meds(sim).patients.get(cmd.patient)
    name = sim.world.patients[cmd.patient].name
    if pm is None or not any(d.open for d in pm.doses.values()):
        return f"No medication is waiting to be given to {name}."
    if pm.checked == "asked" or (pm.checked == "chart" and not cmd.ask):
        return f"{name}'s allergies are already checked."
    return None


def check_allergies(sim: Simulation, actor: StaffState, cmd: CheckAllergies) -> Accepted:
    """Read the chart (and ask): what the MA learns is kept for the form and the score."""
    p = sim.world.patients[cmd.patient]
    pm = meds(sim).patients[p.id]
    pm.checked = "asked" if cmd.ask else "chart"
    pm.known_allergies = tuple(all_allergies(p) if cmd.ask else p.spec.allergies)
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.check_allergies
    return Accepted(secs, f"checking {p.name}'s allergies")


def check_vis(sim: Simulation, _a: StaffState, cmd: GiveVis) -> str | None:
    """A vaccine still to give, its VIS not yet given."""
    d, why = _open_dose(sim, cmd.patient, cmd.product)
    if d is None:
        return why
    if not CATALOGUE[d.product.code].vaccine:
        return f"{short_name(d.product.code)} is not a vaccine: it has no VIS."
    return "The VIS is already given." if d.vis_t is not None else None


def give_vis(sim: Simulation, actor: StaffState, cmd: GiveVis) -> Accepted:
    """Hand over the current VIS and answer questions; a child's goes to the parent."""
    d = meds(sim).dose(cmd.patient, cmd.product)
    assert d is not None
    p = sim.world.patients[cmd.patient]
    d.vis_to, d.vis_t = cmd.to, sim.now
    what = short_name(d.product.code)
    right = vis_recipient(sim, p.id)
    if cmd.to == right:
        sim.ledger.award(dose_key(d, Step.VIS), sim.now, 2, f"Gave the {what} VIS to "
                         f"{p.name if right == 'patient' else p.name + '’s parent'}")
    else:
        sim.ledger.award(dose_key(d, Step.VIS), sim.now, 1, f"Gave the {what} VIS to the "
                         f"{cmd.to}, not the {right}", NOTES[Step.VIS])
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.give_vis
    return Accepted(secs, f"giving {p.name} the VIS")


def check_prepare(sim: Simulation, actor: StaffState, cmd: PrepareDose) -> str | None:
    """An open dose, with empty hands."""
    d, why = _open_dose(sim, cmd.patient, cmd.product)
    if d is None:
        return why
    if d.status == DoseStatus.PREPARED:
        return "That dose is already drawn up."
    held = meds(sim).syringes.get(actor.id)
    if held is not None:
        return f"Give or hold the dose already drawn up ({held.split(':')[1]}) first."
    return None


def prepare(sim: Simulation, actor: StaffState, cmd: PrepareDose) -> Accepted:
    """Take the vial from its unit and draw up; the unit's log is judged when it is given."""
    d = meds(sim).dose(cmd.patient, cmd.product)
    assert d is not None
    d.status, d.prepared_ml, d.checks = DoseStatus.PREPARED, cmd.dose_ml, tuple(cmd.checks)
    d.unit_problem = unit_problem(sim, d.product.storage)
    meds(sim).syringes[actor.id] = d.key
    station = "fridge" if d.product.storage != "cabinet" else "lab"
    secs = sim.walk(actor, station) + sim.d.prepare_dose
    return Accepted(secs, f"preparing {short_name(d.product.code)}")


def check_give(sim: Simulation, actor: StaffState, cmd: GiveMedication) -> str | None:
    """The dose in hand, to a patient in a room after the exam."""
    if why := not_in_room(sim, cmd.patient, AFTER_EXAM):
        return why
    held = meds(sim).syringes.get(actor.id)
    if held is None or held.split(":", 1)[1] != cmd.product:
        return "Prepare the dose first: nothing of that is drawn up."
    owner = held.split(":", 1)[0]
    if owner != cmd.patient:
        return f"That dose was drawn up for {sim.world.patients[owner].name}."
    return None


def give(sim: Simulation, actor: StaffState, cmd: GiveMedication) -> Accepted:
    """Inject: every right is judged; a vaccine starts the 15-minute observation."""
    state = meds(sim)
    owner, product = state.syringes.pop(actor.id).split(":", 1)
    d = state.dose(owner, product)
    assert d is not None
    p = sim.world.patients[cmd.patient]
    secs = sim.walk(actor, f"room:{p.room}") + sim.d.inject
    d.status, d.given_t, d.given_to = DoseStatus.GIVEN, sim.now, p.id
    d.route, d.site, d.needle_in = cmd.route, cmd.site, cmd.needle_in
    score_allergy_step(sim, owner, state.patients[owner])
    judge_give(sim, d, cmd)
    pm = state.patients.get(p.id)
    if CATALOGUE[d.product.code].vaccine and pm is not None:
        until = sim.now + secs + 60 * OBSERVE_MINUTES
        pm.observe_until = max(pm.observe_until or 0, until)
        sim.schedule(until, ObservationOver(p.id))
    return Accepted(secs, f"giving {p.name} the {short_name(d.product.code)}")


def check_hold(sim: Simulation, _a: StaffState, cmd: HoldMedication) -> str | None:
    """An open dose."""
    return _open_dose(sim, cmd.patient, cmd.product)[1]


def hold(sim: Simulation, actor: StaffState, cmd: HoldMedication) -> Accepted:
    """Tell the provider; a hold without a true reason leaves the patient unprotected."""
    state = meds(sim)
    d = state.dose(cmd.patient, cmd.product)
    assert d is not None
    if state.syringes.get(actor.id) == d.key:
        del state.syringes[actor.id]
    p = sim.world.patients[d.patient]
    d.status, d.held = DoseStatus.HELD, cmd.reason
    what = short_name(d.product.code)
    score_allergy_step(sim, p.id, state.patients[p.id])
    right = hold_reason(sim, d)
    egg_only = (cmd.reason == "allergy" and right is None
                and components_in(all_allergies(p)) & NOT_A_CONTRAINDICATION
                & CATALOGUE[d.product.code].components)
    if right is not None:
        resolve_held(sim, d, f"Held {p.name}'s {what} for the provider: {HOLD_WORDS[right]}")
    else:
        why = ("An egg allergy is not a reason to hold an influenza vaccine (ACIP, from the "
               "2023-24 season): any age-appropriate influenza vaccine is given and observed "
               "as usual." if egg_only else
               f"Nothing stopped {what}: hold only for a true reason (an allergy to a "
               "component, the unit, the expiry or beyond-use date).")
        sim.ledger.award(dose_key(d, Step.DOSE), sim.now, 0, f"Held {p.name}'s {what} "
                         f"without a reason to ({HOLD_WORDS[cmd.reason]})", why)
        sim.ledger.penalty(sim.now, "clinical", 2, "I.P.4", p.id, f"{p.name} left without "
                           f"the {what} the provider ordered", why)
    sim.notify(Tone.INFO, f"Told the provider: {p.name}'s {what} held ({HOLD_WORDS[cmd.reason]}).",
               p.id, Topic.MEDICATION)
    secs = sim.walk(actor, "provider_office") + sim.d.document_medication
    return Accepted(secs, f"telling the provider about {p.name}'s {what}")


def check_document(sim: Simulation, _a: StaffState, cmd: DocumentMedication) -> str | None:
    """A dose given, not yet documented."""
    d, why = _dose(sim, cmd.patient, cmd.product)
    if d is None:
        return why
    if d.status != DoseStatus.GIVEN:
        return f"{short_name(d.product.code)} has not been given."
    return "That dose is already documented." if d.documented else None


def document(sim: Simulation, actor: StaffState, cmd: DocumentMedication) -> Accepted:
    """Write the record; each field is checked against what was given."""
    d = meds(sim).dose(cmd.patient, cmd.product)
    assert d is not None
    d.documented = True
    score_record(sim, d, cmd.record)
    secs = sim.walk(actor, "workstation") + sim.d.document_medication
    return Accepted(secs, f"documenting {short_name(d.product.code)}")


def unfinished(sim: Simulation, p: PatientState) -> list[str]:
    """The doses still to give, not the held ones."""
    return open_doses(sim, p)


RULE = Rule(
    NAME, state=build,
    commands=(command(CheckAllergies, check_allergies_ok, check_allergies, occupies_patient=True),
              command(GiveVis, check_vis, give_vis, occupies_patient=True),
              command(PrepareDose, check_prepare, prepare),
              command(GiveMedication, check_give, give, occupies_patient=True),
              command(HoldMedication, check_hold, hold),
              command(DocumentMedication, check_document, document),
              command(EndObservation, check_release, release, instant=True),
              command(FirstAid, check_first_aid, first_aid)),
    events=(on(ObservationOver, on_over), on(Faint, on_faint),
            on(FaintUnattended, on_unattended)),
    expect=expect, offers=offers, guard=guard, unfinished=unfinished)
