"""How a dose is scored: what each step is worth, the judgement of a dose given (the six
rights, the vial, the site and needle, the sharps), of a hold, and of the record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.vaccines import (
    CATALOGUE,
    GAUGES,
    NOT_A_CONTRAINDICATION,
    OBSERVE_MINUTES,
    ROUTE_NAMES,
    SITE_NAMES,
    components_in,
    needle_text,
)
from game.sim.commands import valid_identifiers
from game.sim.rules.medications.commands import LABEL_CHECKS, GiveMedication, MedRecord
from game.sim.rules.medications.look import (
    all_allergies,
    record_of,
    right_choice,
    short_name,
)
from game.sim.rules.medications.state import DoseState, PatientMeds, meds
from game.sim.scoring import LedgerKey, Step, key

if TYPE_CHECKING:
    from game.sim.engine import Simulation

DOSE_POINTS, RECORD_POINTS = 4, 2
NOTES = {
    Step.ALLERGY: "Check allergies before every medication, in the chart and by asking the "
                  "patient, against the product's components (CDC Vaccine Excipient Summary).",
    Step.VIS: "Give the current Vaccine Information Statement before every vaccine dose, to "
              "the parent or legal representative of a child (42 U.S.C. 300aa-26).",
    Step.DOSE: "The six rights (I.P.4): right patient, medication, dose, route, time and "
               "documentation; three label checks; the site and needle for age and size (CDC).",
    Step.SHARPS: "Put the needle straight into the sharps container, never recapped "
                 "(OSHA 29 CFR 1910.1030).",
    Step.OBSERVE: f"Keep a vaccinated patient seated {OBSERVE_MINUTES} minutes: adolescents "
                  "faint most often (ACIP General Best Practice Guidelines).",
    Step.MED_RECORD: "Record the product, dose, route, site, lot, manufacturer, the VIS edition "
                     "and the dates (42 U.S.C. 300aa-25).",
}
# step -> (category, points, competency)
STEPS: dict[Step, tuple[str, int, str]] = {
    Step.ALLERGY: ("safety", 2, "I.P.4"), Step.VIS: ("administrative", 2, "I.P.4"),
    Step.DOSE: ("clinical", DOSE_POINTS, "I.P.7"), Step.SHARPS: ("safety", 1, "III.P.10"),
    Step.OBSERVE: ("safety", 2, "I.P.7"), Step.MED_RECORD: ("administrative", RECORD_POINTS,
                                                            "X.P.3")}


def dose_key(d: DoseState, step: Step) -> LedgerKey:
    """The ledger key of one dose's step."""
    return LedgerKey(d.key, step)


def score_allergy_step(sim: Simulation, pid: str, pm: PatientMeds) -> None:
    """The allergy check, judged at the first dose given or held."""
    if pm.allergy_scored:
        return
    pm.allergy_scored = True
    name = sim.world.patients[pid].name
    k = key(pid, Step.ALLERGY)
    if pm.checked == "asked":
        sim.ledger.award(k, sim.now, 2, f"Checked {name}'s allergies in the chart and asked")
    elif pm.checked == "chart":
        sim.ledger.award(k, sim.now, 1, f"Checked {name}'s allergies in the chart only",
                         "Ask the patient too: an allergy may be missing from the chart.")
    else:
        sim.ledger.award(k, sim.now, 0, f"Gave {name} a medication without checking allergies")


def _penalty(sim: Simulation, pid: str, points: int, comp: str, reason: str, note: str,
             critical: bool = False) -> None:
    sim.ledger.penalty(sim.now, "safety", points, comp, pid, reason, note, critical)


def judge_give(sim: Simulation, d: DoseState, cmd: GiveMedication) -> None:
    """Everything a dose given gets right or wrong, each with its note."""
    into = sim.world.patients[cmd.patient]
    what = short_name(d.product.code)
    cat = CATALOGUE[d.product.code]
    problems: list[str] = []
    notes: list[str] = []
    chart = into.chart_id
    if chart not in (None, into.id) and valid_identifiers(cmd.identifiers) < 2:
        # The open chart is a same-named patient's: the order and allergies were theirs.
        other = sim.world.patients[chart or into.id]
        _penalty(sim, into.id, 6, "I.P.4", f"Gave {into.name} a {what} from the chart of "
                 f"{other.name} (born {other.spec.dob})", "A dose to the wrong patient: "
                 "identify every patient with two identifiers against the order before "
                 "giving anything (The Joint Commission NPSG.01.01.01). Tell the provider at "
                 "once.", critical=True)
        problems.append("the wrong patient")
    if valid_identifiers(cmd.identifiers) < 2:
        _penalty(sim, into.id, 2, "XII.P.1", f"Gave {into.name} the {what} without two "
                 "identifiers", "Ask the patient to state full name and date of birth and "
                 "match them to the order before every medication.")
    allergens = (cat.components & components_in(all_allergies(into))) - NOT_A_CONTRAINDICATION
    if allergens:
        _penalty(sim, into.id, 6, "I.P.4", f"Gave {into.name} the {what} though they are "
                 f"allergic to its {', '.join(sorted(allergens))}",
                 "An allergy to a component is a contraindication: check the chart and ask "
                 "before every dose, hold it and tell the provider. Watch for anaphylaxis "
                 "and be ready with the office's emergency protocol.", critical=True)
        problems.append("an allergen")
    day = sim.scenario.date
    if d.unit_problem:
        _penalty(sim, into.id, 3, "I.P.7", f"{into.name}'s {what} came from a unit where "
                 f"{d.unit_problem}", "A vaccine kept out of 2-8 C (fridge) or -50 to -15 C "
                 "(freezer), or from an unchecked unit, may not protect: the dose is counted "
                 "invalid and must be repeated, and the provider is told (CDC Storage and "
                 "Handling Toolkit).")
        problems.append("the storage unit")
    if d.product.expires < day or (d.product.beyond_use is not None
                                   and d.product.beyond_use < day):
        past = "expiry" if d.product.expires < day else "beyond-use date"
        _penalty(sim, into.id, 3, "I.P.7", f"Gave {into.name} the {what} past its {past}",
                 "An expired product or a multi-dose vial past its beyond-use date is an "
                 "invalid dose: it must be repeated, and the provider is told (CDC).")
        problems.append(f"past its {past}")
    right = right_choice(sim, d)
    if cmd.route != right.route:
        _penalty(sim, into.id, 3, "I.P.7", f"Gave {into.name}'s {what} {cmd.route} instead "
                 f"of {right.route}", f"{cat.name} is given {ROUTE_NAMES[right.route]}; by "
                 "another route it may not work or may hurt (an IM vaccine given under the "
                 "skin irritates and protects less): tell the provider, who may repeat it.")
        problems.append("the wrong route")
    elif not right.needles(cmd.site):
        good = " or ".join(SITE_NAMES[s] for s, _ in right.sites)
        _penalty(sim, into.id, 2, "I.P.5", f"Gave {into.name}'s {what} in the "
                 f"{SITE_NAMES[cmd.site]}", f"For this age the site is the {good} (CDC): "
                 "another site may injure a nerve or vessel, or the dose may not work and "
                 "must be repeated.")
        problems.append("the wrong site")
    elif cmd.needle_in not in right.needles(cmd.site):
        problems.append(f"a {needle_text(cmd.needle_in)} needle")
        ok = ", ".join(needle_text(n) for n in right.needles(cmd.site))
        notes.append(f"At the {SITE_NAMES[cmd.site]} for this age and weight use {ok} (CDC): "
                     "too short leaves the dose in fat, too long hits bone.")
    if cmd.route == right.route and cmd.needle_gauge not in GAUGES[right.route]:
        gauges = GAUGES[right.route]
        problems.append(f"a {cmd.needle_gauge}-gauge needle" if cmd.needle_gauge
                        else "no needle gauge chosen")
        notes.append(f"For a {ROUTE_NAMES[right.route]} injection choose a {min(gauges)}-"
                     f"{max(gauges)} gauge needle (CDC Needle Gauge and Length: IM 22-25, SC "
                     "23-25; a tuberculin skin test 26-27).")
    low, high = cat.dose_ml
    drawn = d.prepared_ml or 0
    if not low <= drawn <= high or abs(drawn - d.ordered_ml) > 1e-6:
        _penalty(sim, into.id, 3, "I.P.7", f"Gave {into.name} {drawn:g} mL of {what}; "
                 f"{d.ordered_ml:g} mL was ordered", "Draw up exactly the ordered dose: too "
                 "little must be repeated, too much is reported to the provider; never split "
                 "or combine doses.")
        problems.append("the wrong dose")
    missed: list[str] = [c for c in LABEL_CHECKS if c not in d.checks
              and (c != "beyond_use" or d.product.multi_dose)]
    if not cmd.label_check:
        missed.append("label_bedside")
    if missed:
        problems.append(f"{len(missed)} label check{'s' if len(missed) > 1 else ''} skipped")
        notes.append("Check the label three times (taking it, preparing it, at the bedside), "
                     "and the expiry, the lot and a multi-dose vial's beyond-use date.")
    serious = any(p in problems for p in ("the wrong patient", "an allergen", "the storage unit",
                                          "the wrong route", "the wrong site", "the wrong dose")
                  ) or any(p.startswith("past") for p in problems)
    points = 0 if serious else max(0, DOSE_POINTS - len(problems))
    said = f"Gave {into.name} {drawn:g} mL {what} {cmd.route} in the {SITE_NAMES[cmd.site]}"
    sim.ledger.award(dose_key(d, Step.DOSE), sim.now, points,
                     said + (f": {'; '.join(problems)}" if problems else ""), " ".join(notes))
    if cmd.sharps == "recapped":
        sim.ledger.award(dose_key(d, Step.SHARPS), sim.now, 0, f"Recapped the needle after "
                         f"{into.name}'s {what}")
        _penalty(sim, into.id, 2, "III.P.10", "Recapped a used needle", NOTES[Step.SHARPS]
                 + " Recapping is how needlestick injuries happen.")
    else:
        sim.ledger.award(dose_key(d, Step.SHARPS), sim.now, 1, "Needle straight into the "
                                                               "sharps container")
    if cat.vaccine and d.vis_t is None:
        sim.ledger.award(dose_key(d, Step.VIS), sim.now, 0, f"No VIS before {into.name}'s "
                                                            f"{what}")


def score_record(sim: Simulation, d: DoseState, rec: MedRecord) -> None:
    """The record, field by field, against what was given."""
    truth = record_of(sim, d)
    fields = ["product", "dose_ml", "route", "site", "lot", "manufacturer", "date_given"]
    if CATALOGUE[d.product.code].vaccine:
        fields += ["vis_edition", "vis_given"]
    wrong = [f for f in fields if getattr(rec, f) != getattr(truth, f)]
    name, what = sim.world.patients[d.patient].name, short_name(d.product.code)
    points = round(RECORD_POINTS * (len(fields) - len(wrong)) / len(fields))
    if wrong:
        sim.ledger.award(dose_key(d, Step.MED_RECORD), sim.now, points,
                         f"{name}'s {what} record is wrong or missing: "
                         f"{', '.join(f.replace('_', ' ') for f in wrong)}",
                         NOTES[Step.MED_RECORD])
    else:
        sim.ledger.award(dose_key(d, Step.MED_RECORD), sim.now, RECORD_POINTS,
                         f"Documented {name}'s {what}")


def resolve_held(sim: Simulation, d: DoseState, why: str) -> None:
    """A dose held for a true reason: its steps are done right by not giving it."""
    for step in (Step.DOSE, Step.SHARPS, Step.VIS, Step.MED_RECORD):
        _cat, pts, _comp = STEPS[step]
        sim.ledger.award(dose_key(d, step), sim.now, pts, why)
    pm = meds(sim).patients[d.patient]
    if not any(CATALOGUE[x.product.code].vaccine and x.status.value == "given"
               for x in pm.doses.values()) and not any(x.open for x in pm.doses.values()):
        sim.ledger.award(key(d.patient, Step.OBSERVE), sim.now, STEPS[Step.OBSERVE][1],
                         "No vaccine given: no observation needed")
