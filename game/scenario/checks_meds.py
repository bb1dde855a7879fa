"""Cross-checks of the medications section against the rest of the scenario: products the
catalogue knows, kept where they may be and in a unit the fridge log reads, and orders the
catalogue allows for the patient's age."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from game.clinical.vaccines import CATALOGUE, ages_text, for_age
from game.scenario.errors import PathPart, Problem

if TYPE_CHECKING:
    from game.scenario.checks import Parts
    from game.scenario.meds import Product


def _product_problems(s: Parts, i: int, pr: Product) -> list[Problem]:
    here: tuple[PathPart, ...] = ("medications", "products", i)
    out: list[Problem] = []
    known = CATALOGUE.get(pr.code)
    if known is None:
        return [Problem((*here, "code"), f"unknown product code '{pr.code}': known codes are "
                                         f"{', '.join(CATALOGUE)}")]
    if pr.storage not in known.storage:
        out.append(Problem((*here, "storage"), f"{known.name} is kept in the "
                           f"{' or '.join(sorted(known.storage))}, not the {pr.storage} "
                           "(package insert; CDC Storage and Handling Toolkit)"))
    if known.vaccine and pr.vis_edition is None:
        out.append(Problem((*here, "vis_edition"), f"{known.name} is a vaccine: give the "
                           "edition date of its Vaccine Information Statement"))
    if not known.vaccine and pr.vis_edition is not None:
        out.append(Problem((*here, "vis_edition"), f"{known.name} is not a vaccine: it has "
                                                   "no Vaccine Information Statement"))
    if pr.multi_dose and (pr.opened is None) != (pr.beyond_use is None):
        out.append(Problem((*here, "beyond_use" if pr.beyond_use is None else "opened"),
                           "an opened multi-dose vial needs both 'opened' and 'beyond_use'"))
    if not pr.multi_dose and (pr.opened is not None or pr.beyond_use is not None):
        out.append(Problem((*here, "multi_dose"), "only a multi-dose vial has an opened and a "
                                                  "beyond-use date"))
    if pr.opened is not None and pr.beyond_use is not None and pr.beyond_use < pr.opened:
        out.append(Problem((*here, "beyond_use"), f"the beyond-use date {pr.beyond_use} is "
                                                  f"before the vial was opened ({pr.opened})"))
    if s.date is not None and pr.opened is not None and pr.opened > s.date:
        out.append(Problem((*here, "opened"), f"the vial is opened {pr.opened}, after the "
                                              f"day ({s.date})"))
    logged = {u for _, t in s.opening_tasks if t.kind == "log_fridge" for u in ("fridge",
                                                                                "freezer")}
    if pr.storage != "cabinet" and pr.storage not in logged:
        out.append(Problem((*here, "storage"), f"no opening log_fridge task reads the "
                           f"{pr.storage}: nothing in it could be given today (CDC: read and "
                           "log every unit at the start of the day)"))
    return out


def med_checks(s: Parts) -> list[Problem]:
    """Every problem of the medications section and of the patients' medication orders."""
    out: list[Problem] = []
    products = s.medications.products if s.medications is not None else []
    ids = Counter(p.id for p in products)
    for i, pr in enumerate(products):
        if ids[pr.id] > 1:
            out.append(Problem(("medications", "products", i, "id"),
                               f"product id '{pr.id}' is used more than once"))
        out += _product_problems(s, i, pr)
    by_id = {p.id: p for p in products}
    for i, patient in s.patients:
        orders = patient.orders.medications
        seen: Counter[str] = Counter()
        for j, order in enumerate(orders):
            here: tuple[PathPart, ...] = ("patients", i, "orders", "medications", j)
            found = by_id.get(order.product)
            seen[order.product] += 1
            if seen[order.product] == 2:
                out.append(Problem((*here, "product"), f"'{order.product}' is ordered twice "
                                                       "for the same visit"))
            if found is None:
                if s.medications is not None:
                    known = ", ".join(by_id) or "none"
                    out.append(Problem((*here, "product"), f"unknown product "
                                       f"'{order.product}' (products on hand: {known})"))
                continue
            known_p = CATALOGUE.get(found.code)
            if known_p is None or s.date is None:
                continue
            if not for_age(found.code, patient.dob, s.date):
                out.append(Problem((*here, "product"), f"{known_p.name} is given "
                                   f"{ages_text(found.code)} ({known_p.source}); the patient, "
                                   f"born {patient.dob}, is not"))
                continue
            low, high = known_p.dose_ml
            if not low <= order.dose_ml <= high:
                allowed = f"{low} mL" if low == high else f"{low}-{high} mL"
                out.append(Problem((*here, "dose_ml"), f"{order.dose_ml} mL is out of the "
                                   f"catalogue's range for {known_p.name} at this age "
                                   f"({allowed})"))
        notes = patient.medication_notes
        if notes is not None and notes.allergies_told and not orders:
            out.append(Problem(("patients", i, "medication_notes"), "medication notes on a "
                               "patient with no medication ordered are never used"))
    return out
