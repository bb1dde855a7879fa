"""Medications and vaccines as data: the products the game knows (ages, doses, routes,
components, storage, VIS) and the CDC's table of needle and site by age and weight.

Sources, each named on its row: CDC immunization schedules (child and adult, 2024), the
package inserts, CDC "Vaccine Administration: Needle Gauge and Length" and "Vaccine
Administration: Intramuscular (IM) Injection" job aids, CDC "Vaccine Excipient Summary",
the CDC Vaccine Storage and Handling Toolkit, and ACIP's General Best Practice Guidelines
and influenza recommendations for 2023-24. Check each row against its source before a
release: schedules change every year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Route = Literal["IM", "SC", "ID"]
Site = Literal["deltoid", "vastus_lateralis", "triceps", "thigh", "forearm"]
Storage = Literal["fridge", "freezer", "cabinet"]  # cabinet: room temperature, no log
Component = Literal["gelatin", "neomycin", "yeast", "latex", "egg"]

ROUTES: tuple[Route, ...] = ("IM", "SC", "ID")
SITES: tuple[Site, ...] = ("deltoid", "vastus_lateralis", "triceps", "thigh", "forearm")
SITE_NAMES: dict[str, str] = {"deltoid": "deltoid", "vastus_lateralis": "vastus lateralis",
                              "triceps": "fatty tissue over the triceps",
                              "thigh": "fatty tissue of the anterolateral thigh",
                              "forearm": "inner forearm"}
ROUTE_NAMES: dict[str, str] = {"IM": "intramuscular", "SC": "subcutaneous",
                               "ID": "intradermal"}
# Needle lengths in inches the supply cart holds (CDC Needle Gauge and Length).
NEEDLES: tuple[float, ...] = (0.375, 0.5, 0.625, 1.0, 1.25, 1.5)
# Needle gauges by route, the usual first. IM 22-25 gauge and SC 23-25 gauge at every age
# (CDC Vaccine Administration: Needle Gauge and Length; Immunize.org "Administering
# Vaccines: Dose, Route, Site, and Needle Size"); intradermal tuberculin skin test 26-27
# gauge on a tuberculin syringe (CDC Mantoux Tuberculin Skin Test fact sheet).
GAUGES: dict[str, tuple[int, ...]] = {"IM": (25, 24, 23, 22), "SC": (25, 24, 23),
                                      "ID": (27, 26)}
GAUGE_CHOICES: tuple[int, ...] = (21, 22, 23, 25, 27)  # what the cart offers to choose from
OBSERVE_MINUTES = 15  # ACIP General Best Practice Guidelines: 15 minutes after a vaccine
# CDC Vaccine Storage and Handling Toolkit (2024): a refrigerator keeps vaccines at 2-8 C
# (aim 5 C), a freezer at -50 to -15 C; any reading outside is a temperature excursion.
STORAGE_RANGE_C: dict[str, tuple[float, float]] = {"fridge": (2.0, 8.0),
                                                   "freezer": (-50.0, -15.0)}
ADULT_YEARS = 19  # CDC needle table: "adolescents 11-18 years", "adults 19 years and older"
MINOR_YEARS = 18  # the VIS goes to the parent or legal representative of a minor

# Words in an allergy list that name a component (CDC "Vaccine Excipient Summary").
COMPONENT_WORDS: dict[Component, tuple[str, ...]] = {
    "gelatin": ("gelatin", "gelatine"), "neomycin": ("neomycin",),
    "yeast": ("yeast", "baker's yeast"), "latex": ("latex",), "egg": ("egg", "eggs")}
# An egg allergy is no reason to hold an influenza vaccine (ACIP, from the 2023-24 season):
# the component is listed so the check can say so, never to hold the dose.
NOT_A_CONTRAINDICATION: frozenset[Component] = frozenset({"egg"})


@dataclass(frozen=True)
class Age:
    """An age as the schedules give it: whole calendar months, or days for the youngest."""

    months: int = 0
    days: int = 0

    def reached(self, dob: dt.date, on: dt.date) -> bool:
        """Whether someone born on `dob` is at least this old on `on` (a birthday counts)."""
        if self.days:
            return on >= dob + dt.timedelta(days=self.days)
        total = dob.month - 1 + self.months
        year, month = dob.year + total // 12, total % 12 + 1
        day = min(dob.day, _month_days(year, month))
        return on >= dt.date(year, month, day)

    def __str__(self) -> str:
        if self.days:
            return f"{self.days // 7} weeks" if self.days % 7 == 0 else f"{self.days} days"
        if self.months == 0:
            return "birth"
        return f"{self.months // 12} years" if self.months % 12 == 0 else f"{self.months} months"


def _month_days(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def years(n: int) -> Age:
    """An age of n whole years."""
    return Age(months=12 * n)


def aged(dob: dt.date, on: dt.date, least: Age, under: Age | None) -> bool:
    """At least `least` and (if given) not yet `under` on the day."""
    return least.reached(dob, on) and (under is None or not under.reached(dob, on))


@dataclass(frozen=True)
class Product:
    """One product of the catalogue: what it is, for whom, how much, how and where kept."""

    code: str
    name: str  # what the order and the label say
    vaccine: bool  # a vaccine needs the VIS, the 15-minute observation and the registry record
    route: Route
    dose_ml: tuple[float, float]  # the catalogue's range for one dose, mL
    least: Age  # the youngest age it is given at
    under: Age | None  # given only before this age (None: no upper limit)
    components: frozenset[Component]
    storage: frozenset[Storage]  # where it may be kept
    vis: str  # the VIS it needs ("" for a medication)
    source: str


CATALOGUE: dict[str, Product] = {p.code: p for p in (
    Product("FLU_IIV", "influenza vaccine, inactivated (IIV)", True, "IM", (0.5, 0.5), Age(6),
            None, frozenset({"egg"}), frozenset({"fridge"}), "Influenza (inactivated)",
            "CDC child and adult schedules 2024; ACIP influenza 2023-24 (egg allergy: give "
            "any age-appropriate vaccine); package inserts (0.5 mL from 6 months)"),
    Product("TDAP", "Tdap vaccine", True, "IM", (0.5, 0.5), years(10), None,
            frozenset({"latex"}), frozenset({"fridge"}), "Tdap (tetanus, diphtheria, "
            "pertussis)", "CDC schedules 2024 (routine at 11-12 y, each pregnancy); Boostrix "
            "insert (from 10 y; latex in some syringe tip caps)"),
    Product("HPV", "HPV vaccine (9-valent)", True, "IM", (0.5, 0.5), years(9), years(46),
            frozenset({"yeast"}), frozenset({"fridge"}), "HPV (human papillomavirus)",
            "CDC schedules 2024 (routine at 11-12 y, from 9 y; through 45 y); Gardasil 9 insert "
            "(yeast protein)"),
    Product("MMR", "MMR vaccine", True, "SC", (0.5, 0.5), Age(12), None,
            frozenset({"gelatin", "neomycin"}), frozenset({"fridge", "freezer"}),
            "MMR (measles, mumps, rubella)", "CDC child schedule 2024 (12-15 months and "
            "4-6 y); M-M-R II insert (gelatin, neomycin; fridge or freezer)"),
    Product("VAR", "varicella vaccine", True, "SC", (0.5, 0.5), Age(12), None,
            frozenset({"gelatin", "neomycin"}), frozenset({"freezer"}),
            "Varicella (chickenpox)", "CDC child schedule 2024 (12-15 months and 4-6 y); "
            "Varivax insert (gelatin, neomycin; frozen)"),
    Product("HEPB_PED", "hepatitis B vaccine, pediatric", True, "IM", (0.5, 0.5), Age(), years(20),
            frozenset({"yeast"}), frozenset({"fridge"}), "Hepatitis B",
            "CDC child schedule 2024; Engerix-B insert (0.5 mL through 19 y; yeast)"),
    Product("HEPB_ADULT", "hepatitis B vaccine, adult", True, "IM", (1.0, 1.0), years(20), None,
            frozenset({"yeast"}), frozenset({"fridge"}), "Hepatitis B",
            "CDC adult schedule 2024; Engerix-B insert (1.0 mL from 20 y; yeast)"),
    Product("PCV", "pneumococcal conjugate vaccine", True, "IM", (0.5, 0.5), Age(days=42), None,
            frozenset(), frozenset({"fridge"}), "Pneumococcal conjugate (PCV)",
            "CDC schedules 2024 (from 6 weeks); package inserts (0.5 mL)"),
    Product("B12", "vitamin B12 (cyanocobalamin) 1,000 mcg/mL", False, "IM", (1.0, 1.0), years(18),
            None, frozenset(), frozenset({"cabinet"}), "",
            "Cyanocobalamin injection insert (1,000 mcg IM; store at 20-25 C); adults in the "
            "game"),
    Product("PPD", "tuberculin skin test (PPD) 5 TU/0.1 mL", False, "ID", (0.1, 0.1), Age(), None,
            frozenset(), frozenset({"fridge"}), "",
            "Tubersol insert (0.1 mL intradermal, read at 48-72 hours); CDC TST fact sheet"),
)}


@dataclass(frozen=True)
class SiteRow:
    """One row of the site and needle table: who it is for and what is right for them."""

    route: Route
    least: Age
    under: Age | None  # exclusive
    min_lb: float  # weight band (adults), pounds, inclusive
    max_lb: float | None  # exclusive
    sites: tuple[tuple[Site, tuple[float, ...]], ...]  # site, needles (in); preferred first
    source: str


CDC_NEEDLE = "CDC Vaccine Administration: Needle Gauge and Length (2023)"
# Ages: newborn up to 28 days, 1-12 months, 1-2 y (12 months to the day before the 3rd
# birthday), 3-10 y, 11-18 y, adults 19 y and older by weight.
SITE_TABLE: tuple[SiteRow, ...] = (
    SiteRow("IM", Age(), Age(days=28), 0, None, (("vastus_lateralis", (0.625,)),),
            CDC_NEEDLE + ": neonates (first 28 days), vastus 5/8 in"),
    SiteRow("IM", Age(days=28), Age(12), 0, None, (("vastus_lateralis", (1.0,)),),
            CDC_NEEDLE + ": infants 1-12 months, vastus 1 in"),
    SiteRow("IM", Age(12), years(3), 0, None,
            (("vastus_lateralis", (1.0, 1.25)), ("deltoid", (0.625, 1.0))),
            CDC_NEEDLE + ": toddlers 1-2 y, vastus 1-1.25 in (deltoid 5/8-1 in)"),
    SiteRow("IM", years(3), years(11), 0, None,
            (("deltoid", (0.625, 1.0)), ("vastus_lateralis", (1.0, 1.25))),
            CDC_NEEDLE + ": children 3-10 y, deltoid 5/8-1 in (vastus 1-1.25 in)"),
    SiteRow("IM", years(11), years(ADULT_YEARS), 0, None, (("deltoid", (0.625, 1.0)),),
            CDC_NEEDLE + ": adolescents 11-18 y, deltoid 5/8-1 in"),
    SiteRow("IM", years(ADULT_YEARS), None, 0, 130, (("deltoid", (1.0, 0.625)),),
            CDC_NEEDLE + ": adults under 130 lb, 1 in (5/8 in with the skin stretched)"),
    SiteRow("IM", years(ADULT_YEARS), None, 130, 153, (("deltoid", (1.0,)),),
            CDC_NEEDLE + ": adults 130-152 lb, 1 in"),
    SiteRow("IM", years(ADULT_YEARS), None, 153, None, (("deltoid", (1.0, 1.5)),),
            CDC_NEEDLE + ": adults 153 lb and over, 1-1.5 in (1.5 in for women over 200 lb "
            "and men over 260 lb)"),
    SiteRow("SC", Age(), Age(12), 0, None, (("thigh", (0.625,)),),
            CDC_NEEDLE + ": subcutaneous under 12 months, the thigh, 5/8 in"),
    SiteRow("SC", Age(12), None, 0, None, (("triceps", (0.625,)), ("thigh", (0.625,))),
            CDC_NEEDLE + ": subcutaneous from 12 months, over the triceps, 5/8 in"),
    SiteRow("ID", Age(), None, 0, None, (("forearm", (0.375, 0.5)),),
            "CDC Tuberculin Skin Testing fact sheet: 3/8-1/2 in, inner forearm"),
)


@dataclass(frozen=True)
class Choice:
    """What is right for one patient and one product: sites (preferred first) and needles."""

    route: Route
    sites: tuple[tuple[Site, tuple[float, ...]], ...]  # site and needles, preferred first
    source: str

    def needles(self, site: str) -> tuple[float, ...]:
        """The right needle lengths at a site (none: the site is wrong)."""
        return next((n for s, n in self.sites if s == site), ())

    @property
    def best(self) -> tuple[Site, float]:
        """The preferred site and its first needle."""
        site, needles = self.sites[0]
        return site, needles[0]


def site_row(route: Route, dob: dt.date, on: dt.date, weight_lb: float) -> SiteRow:
    """The row of the site and needle table for a route, a birth date, a day and a weight."""
    for row in SITE_TABLE:
        if row.route != route or not aged(dob, on, row.least, row.under):
            continue
        if weight_lb < row.min_lb or (row.max_lb is not None and weight_lb >= row.max_lb):
            continue
        return row
    raise ValueError(f"no site row for {route} born {dob} on {on}, {weight_lb} lb")


def choice(code: str, dob: dt.date, on: dt.date, weight_lb: float) -> Choice:
    """The right route, sites and needles for a product given to this patient today."""
    product = CATALOGUE[code]
    row = site_row(product.route, dob, on, weight_lb)
    return Choice(product.route, row.sites, row.source)


def for_age(code: str, dob: dt.date, on: dt.date) -> bool:
    """Whether the catalogue gives this product at this age."""
    p = CATALOGUE[code]
    return aged(dob, on, p.least, p.under)


def ages_text(code: str) -> str:
    """The product's ages as an author reads them: "from 6 months", "9 years to 46 years"."""
    p = CATALOGUE[code]
    return f"from {p.least}" if p.under is None else f"from {p.least}, before {p.under}"


def minor(dob: dt.date, on: dt.date) -> bool:
    """Under 18: the VIS goes to the parent or legal representative."""
    return not years(MINOR_YEARS).reached(dob, on)


def components_in(allergies: list[str] | tuple[str, ...]) -> set[Component]:
    """The components an allergy list names, by whole words (e.g. "eggs (hives)" is egg)."""
    found: set[Component] = set()
    for text in allergies:
        words = set(re.findall(r"[a-z']+", text.lower()))
        for comp, names in COMPONENT_WORDS.items():
            if any(n in words or (" " in n and n in text.lower()) for n in names):
                found.add(comp)
    return found


def conflicts(code: str, allergies: list[str] | tuple[str, ...]) -> set[Component]:
    """The product's components the patient is allergic to that are a reason to hold it."""
    return set(CATALOGUE[code].components & components_in(allergies)) - NOT_A_CONTRAINDICATION


def needle_text(inches: float) -> str:
    """A needle length as the box says it: 5/8 in, 1 in, 1 1/2 in."""
    whole, frac = int(inches), inches - int(inches)
    fracs = {0.375: "3/8", 0.5: "1/2", 0.625: "5/8", 0.25: "1/4"}
    part = fracs.get(round(frac, 3), "")
    if whole and part:
        return f"{whole} {part} in"
    return f"{part or whole} in"
