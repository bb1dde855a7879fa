"""The vaccine catalogue and the CDC needle and site table at their boundaries, each row
naming its source; and the allergy words against the components."""

from __future__ import annotations

import datetime as dt

import pytest

from game.clinical.vaccines import (
    CATALOGUE,
    SITE_TABLE,
    Age,
    choice,
    components_in,
    conflicts,
    for_age,
    minor,
    needle_text,
)

DAY = dt.date(2026, 12, 1)


def born(years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    """The birth date of someone exactly that old on DAY (then `days` more days old)."""
    total = DAY.year * 12 + DAY.month - 1 - (12 * years + months)
    dob = dt.date(total // 12, total % 12 + 1, DAY.day)
    return dob - dt.timedelta(days=days)


def day_before(dob: dt.date) -> dt.date:
    """A birth one day later: the same age less one day."""
    return dob + dt.timedelta(days=1)


# (product, birth date, given?, source)
AGES = [
    ("FLU_IIV", day_before(born(months=6)), False, "CDC child schedule: from 6 months"),
    ("FLU_IIV", born(months=6), True, "CDC child schedule: from 6 months"),
    ("MMR", day_before(born(months=12)), False, "CDC child schedule: MMR from 12 months"),
    ("MMR", born(months=12), True, "CDC child schedule: MMR at 12-15 months"),
    ("VAR", day_before(born(months=12)), False, "CDC child schedule: varicella from 12 months"),
    ("HPV", day_before(born(years=9)), False, "CDC: HPV from 9 years"),
    ("HPV", born(years=9), True, "CDC: HPV from 9 years"),
    ("HPV", born(years=45, days=364), True, "CDC adult schedule: HPV through 45 years"),
    ("HPV", born(years=46), False, "CDC adult schedule: HPV through 45 years"),
    ("TDAP", day_before(born(years=10)), False, "Boostrix insert: from 10 years"),
    ("TDAP", born(years=10), True, "Boostrix insert: from 10 years"),
    ("HEPB_PED", born(years=19, days=364), True, "Engerix-B insert: 0.5 mL through 19 years"),
    ("HEPB_PED", born(years=20), False, "Engerix-B insert: 1.0 mL from 20 years"),
    ("HEPB_ADULT", born(years=20), True, "Engerix-B insert: 1.0 mL from 20 years"),
    ("PCV", born(days=41), False, "CDC child schedule: PCV from 6 weeks"),
    ("PCV", born(days=42), True, "CDC child schedule: PCV from 6 weeks"),
    ("B12", day_before(born(years=18)), False, "the game gives B12 to adults only"),
    ("PPD", born(days=10), True, "Tubersol insert: any age"),
]


@pytest.mark.parametrize(("code", "dob", "given", "source"), AGES,
                         ids=[f"{a[0]}-{a[1]}" for a in AGES])
def test_a_product_is_given_only_at_the_catalogue_ages(code: str, dob: dt.date, given: bool,
                                                        source: str) -> None:
    assert for_age(code, dob, DAY) is given, source


# (route, birth date, weight lb, sites in order, needles at the first site, source)
SITES = [
    ("IM", born(days=27), 8.0, ["vastus_lateralis"], (0.625,), "CDC: neonates, 5/8 in"),
    ("IM", born(days=28), 9.0, ["vastus_lateralis"], (1.0,), "CDC: infants 1-12 months, 1 in"),
    ("IM", born(months=11, days=29), 20.0, ["vastus_lateralis"], (1.0,),
     "CDC: 11 months 29 days is still an infant"),
    ("IM", born(months=12), 21.0, ["vastus_lateralis", "deltoid"], (1.0, 1.25),
     "CDC: toddlers 1-2 y, vastus 1-1.25 in or deltoid"),
    ("IM", born(years=2, months=11), 30.0, ["vastus_lateralis", "deltoid"], (1.0, 1.25),
     "CDC: 2 years is still a toddler"),
    ("IM", born(years=3), 32.0, ["deltoid", "vastus_lateralis"], (0.625, 1.0),
     "CDC: children 3-10 y, deltoid 5/8-1 in"),
    ("IM", born(years=18, months=11), 120.0, ["deltoid"], (0.625, 1.0),
     "CDC: adolescents 11-18 y, deltoid 5/8-1 in"),
    ("IM", born(years=19), 129.9, ["deltoid"], (1.0, 0.625),
     "CDC: adults under 130 lb, 1 in (5/8 in with the skin stretched)"),
    ("IM", born(years=19), 130.0, ["deltoid"], (1.0,), "CDC: adults 130-152 lb, 1 in"),
    ("IM", born(years=40), 152.9, ["deltoid"], (1.0,), "CDC: adults 130-152 lb, 1 in"),
    ("IM", born(years=40), 153.0, ["deltoid"], (1.0, 1.5), "CDC: adults 153 lb and over"),
    ("SC", born(months=11, days=29), 20.0, ["thigh"], (0.625,),
     "CDC: subcutaneous under 12 months, the thigh"),
    ("SC", born(months=12), 21.0, ["triceps", "thigh"], (0.625,),
     "CDC: subcutaneous from 12 months, over the triceps"),
    ("ID", born(years=30), 150.0, ["forearm"], (0.375, 0.5), "CDC TST: the inner forearm"),
]


@pytest.mark.parametrize(("route", "dob", "lb", "sites", "needles", "source"), SITES,
                         ids=[f"{s[0]}-{s[1]}-{s[2]}" for s in SITES])
def test_the_site_and_needle_for_age_and_weight(route: str, dob: dt.date, lb: float,
                                                sites: list[str], needles: tuple[float, ...],
                                                source: str) -> None:
    code = {"IM": "FLU_IIV", "SC": "MMR", "ID": "PPD"}[route]
    got = choice(code, dob, DAY, lb)
    assert got.route == route
    assert [s for s, _ in got.sites] == sites, source
    assert got.needles(sites[0]) == needles, source
    assert got.needles("forearm" if route != "ID" else "deltoid") == (), source


def test_every_row_and_product_names_its_source() -> None:
    assert all("CDC" in row.source for row in SITE_TABLE)
    assert all(p.source for p in CATALOGUE.values())
    assert all(p.vis for p in CATALOGUE.values() if p.vaccine)
    assert not any(p.vis for p in CATALOGUE.values() if not p.vaccine)


def test_a_leap_day_birthday_counts_on_the_last_day_of_february() -> None:
    assert Age(12).reached(dt.date(2024, 2, 29), dt.date(2025, 2, 28))
    assert not Age(12).reached(dt.date(2024, 2, 29), dt.date(2025, 2, 27))


@pytest.mark.parametrize(("dob", "is_minor"), [(born(years=17, months=11), True),
                                                (born(years=18), False)])
def test_the_vis_goes_to_a_parent_until_18(dob: dt.date, is_minor: bool) -> None:
    assert minor(dob, DAY) is is_minor


@pytest.mark.parametrize(("code", "allergies", "found", "source"), [
    ("MMR", ["Gelatin (anaphylaxis)"], {"gelatin"}, "CDC Excipient Summary: MMR has gelatin"),
    ("MMR", ["neomycin ointment rash"], {"neomycin"}, "CDC Excipient Summary: neomycin"),
    ("HPV", ["baker's yeast (throat swelling)"], {"yeast"}, "Gardasil 9: yeast"),
    ("TDAP", ["latex gloves (hives)"], {"latex"}, "Boostrix: latex tip caps"),
    ("FLU_IIV", ["eggs (hives)"], set(), "ACIP 2023-24: egg allergy is no reason to hold"),
    ("FLU_IIV", ["eggplant"], set(), "whole words only"),
    ("PCV", ["penicillin (hives)"], set(), "nothing in PCV"),
])
def test_an_allergy_conflicts_with_a_component(code: str, allergies: list[str],
                                               found: set[str], source: str) -> None:
    assert conflicts(code, allergies) == found, source


def test_an_egg_allergy_is_seen_but_never_a_conflict() -> None:
    assert components_in(["Eggs (hives)"]) == {"egg"}
    assert components_in(["eggplant"]) == set()


@pytest.mark.parametrize(("inches", "text"), [(0.625, "5/8 in"), (1.0, "1 in"),
                                              (1.5, "1 1/2 in"), (0.375, "3/8 in")])
def test_needles_read_as_the_box_says(inches: float, text: str) -> None:
    assert needle_text(inches) == text
