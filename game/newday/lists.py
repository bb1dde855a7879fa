"""The fictional lists a new day is drawn from (names, visits and their plans, insurance,
history, the phone, the traps), read from the JSON files shipped in game/newday/data."""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from game.clinical.lab import LAB_TESTS
from game.clinical.poc import POC_TESTS
from game.clinical.vaccines import CATALOGUE, components_in
from game.newday.schedule import DAY
from game.scenario.errors import json_path
from game.scenario.meds import Lot
from game.scenario.people import RedFlag
from game.scenario.types import ClockTime, Day, Ident, OneLine, Weekday

FILES = ("people", "visits", "insurance", "history", "phone", "traps")
# The format's own one-line text, short enough that what the generator joins to it (a name
# after a contact's, a vaccine after a reason) still fits the format's 500 characters.
Line = Annotated[str, Field(min_length=1, max_length=200), OneLine]
NamePart = Annotated[str, Field(min_length=1, max_length=60), OneLine]  # the format's limit
Short = Annotated[str, Field(min_length=1, max_length=100), OneLine]
Names = Annotated[list[Line], Field(min_length=1)]
TRAP_YEARS = 20  # every trap patient is at least this old (game.newday.traps)


class _Data(BaseModel):
    """A data file's part: no unknown keys, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class People(_Data):
    """Names of patients, providers, MAs, contacts, pharmacies and practices."""

    about: str
    first_names: Annotated[list[NamePart], Field(min_length=2)]
    last_names: Annotated[list[NamePart], Field(min_length=2)]
    providers: Annotated[list[Line], Field(min_length=10)]  # the format's 10 providers
    mas: Annotated[list[Line], Field(min_length=20)]  # the format's 20 staff
    contacts: Annotated[list[NamePart], Field(min_length=1)]
    pharmacies: Names
    clinics: Annotated[list[Short], Field(min_length=1)]


class VisitKind(_Data):
    """A visit type, its calendar length and how often adults and children book it."""

    id: Ident
    name: Line
    minutes: int = Field(ge=5, le=240)
    adult_weight: int = Field(ge=0)
    child_weight: int = Field(ge=0)


class Plan(_Data):
    """What the provider may order for a reason: labs, a follow-up window, a referral, an
    assist."""

    labs: list[str] = Field(default_factory=list, max_length=12)
    follow_up: tuple[int, int] | None = None
    referral: Line | None = None
    assist: Line | None = None

    @field_validator("labs")
    @classmethod
    def _known(cls, labs: list[str]) -> list[str]:
        unknown = [c for c in labs if c not in LAB_TESTS]
        if unknown:
            raise ValueError(f"unknown lab code(s) {', '.join(unknown)}")
        kits = [c for c in labs if c in POC_TESTS]
        if kits:  # a new day has no point-of-care kits; the glucose meter needs none
            raise ValueError(f"{', '.join(kits)} needs a kit in poc.kits, which a new day "
                             "does not have")
        if len(set(labs)) != len(labs):
            raise ValueError("a test is listed twice")
        return labs

    @field_validator("follow_up")
    @classmethod
    def _window(cls, window: tuple[int, int] | None) -> tuple[int, int] | None:
        if window is not None and not 1 <= window[0] <= window[1] <= 365:
            raise ValueError("a follow-up window is [min_days, max_days] within 1-365")
        return window


class Reason(_Data):
    """A reason for a visit, who it is for, and the plans that go with it."""

    visit_type: Ident
    reason: Line
    ages: Literal["any", "adult", "child"] = "any"
    plans: Annotated[list[Plan], Field(min_length=1)]


class Visits(_Data):
    """The visit types and the reasons for them."""

    about: str
    visit_types: Annotated[list[VisitKind], Field(min_length=1)]
    reasons: Annotated[list[Reason], Field(min_length=1)]


class PlanName(_Data):
    """An insurance plan and the prefix of its member numbers."""

    name: Line
    prefix: Annotated[str, Field(pattern=r"^[A-Z]{2,6}$")]


class Insurance(_Data):
    """Plans and copays."""

    about: str
    plans: Annotated[list[PlanName], Field(min_length=1)]
    copays: Annotated[list[Annotated[int, Field(ge=0, le=1000)]], Field(min_length=1)]


class Availability(_Data):
    """When a patient can come back, as the format writes it."""

    weekdays: Annotated[list[Weekday], Field(min_length=1)] | None = None
    earliest: ClockTime | None = None
    latest: ClockTime | None = None
    note: Line

    @model_validator(mode="after")
    def _order(self) -> Availability:
        if self.earliest and self.latest and self.latest < self.earliest:
            raise ValueError("latest is before earliest")
        return self


class History(_Data):
    """Allergies, medications, availability and patience a chart may have."""

    about: str
    allergies: Names
    medications: Names
    availability: Annotated[list[Availability], Field(min_length=1)]
    patience_minutes: Annotated[list[Annotated[int, Field(ge=5, le=240)]], Field(min_length=1)]


class Flagged(_Data):
    """Words with the red flag behind them."""

    flag: RedFlag
    words: Line


class Phone(_Data):
    """What callers and walk-ins say."""

    about: str
    call_words: dict[Literal["appointment", "reschedule", "cancel", "refill", "result",
                             "third_party"], Names]
    red_flags: Annotated[list[Flagged], Field(min_length=1)]
    walk_in_complaints: Names
    walk_in_red_flags: Annotated[list[Flagged], Field(min_length=1)]
    unauthorized_words: Names

    @field_validator("call_words")
    @classmethod
    def _every_kind(cls, words: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = {"appointment", "reschedule", "cancel", "refill", "result",
                   "third_party"} - set(words)
        if missing:
            raise ValueError(f"no words for {', '.join(sorted(missing))}")
        return words


class AllergyVaccine(_Data):
    """A vaccine to order and the chart allergy to one of its components that holds it."""

    code: str
    product: Ident
    dose_ml: float = Field(gt=0, le=10)
    min_years: int = Field(ge=0, le=80)
    allergy: Line
    reason: Line
    lot: Lot
    manufacturer: Line
    expires: Day
    vis_edition: Day

    @field_validator("code")
    @classmethod
    def _a_vaccine(cls, code: str) -> str:
        if code not in CATALOGUE or not CATALOGUE[code].vaccine:
            raise ValueError(f"{code!r} is not a vaccine of the catalogue")
        return code


class Traps(_Data):
    """The allergy trap's vaccines and the words of a crisis visit."""

    about: str
    allergy_vaccines: Annotated[list[AllergyVaccine], Field(min_length=1)]
    crisis_reasons: Names


class Lists(_Data):
    """Everything a new day is drawn from."""

    people: People
    visits: Visits
    insurance: Insurance
    history: History
    phone: Phone
    traps: Traps


class ListsError(Exception):
    """A data file of the lists is missing or wrong: which file, where in it, and why."""


def _check(lists: Lists) -> list[str]:
    """What the files' types cannot say: references between them."""
    out: list[str] = []
    kinds = {v.id for v in lists.visits.visit_types}
    for i, r in enumerate(lists.visits.reasons):
        if r.visit_type not in kinds:
            out.append(f"visits.json: reasons[{i}].visit_type: unknown visit type "
                       f"{r.visit_type!r} (known: {', '.join(sorted(kinds))})")
    for needed, why in (("follow_up", "follow-ups and the calls' visits"),
                        ("acute", "walk-ins")):
        if needed not in kinds:
            out.append(f"visits.json: visit_types: an {needed!r} type is needed for {why}")
    for age, weight in (("adult", "adult_weight"), ("child", "child_weight")):
        booked = {v.id for v in lists.visits.visit_types if getattr(v, weight) > 0}
        given = {r.visit_type for r in lists.visits.reasons if r.ages in ("any", age)}
        for kind in sorted(booked - given):
            out.append(f"visits.json: visit_types: {kind!r} is booked for a {age} but no "
                       f"reason is for one")
    ids = [v.id for v in lists.visits.visit_types]
    for kind in sorted({k for k in ids if ids.count(k) > 1}):
        out.append(f"visits.json: visit_types: {kind!r} is listed twice")
    for age, weight in (("adult", "adult_weight"), ("child", "child_weight")):
        if not any(getattr(v, weight) for v in lists.visits.visit_types):
            out.append(f"visits.json: visit_types: no visit type is booked for a {age} "
                       f"({weight} is 0 on every one)")
    for i, v in enumerate(lists.traps.allergy_vaccines):
        out += [f"traps.json: allergy_vaccines[{i}].{w}" for w in _vaccine_problems(v)]
    return out


def _vaccine_problems(v: AllergyVaccine) -> list[str]:
    """What would make the allergy trap's vaccine something else than a dose to hold."""
    product = CATALOGUE[v.code]
    out = []
    if not (product.components & components_in([v.allergy])):
        out.append(f"allergy: {v.allergy!r} names none of the {v.code} components "
                   f"({', '.join(sorted(product.components)) or 'it has none'})")
    if not product.dose_ml[0] <= v.dose_ml <= product.dose_ml[1]:
        out.append(f"dose_ml: {v.code} is given {product.dose_ml[0]}-{product.dose_ml[1]} mL")
    if not v.min_years <= TRAP_YEARS:
        out.append(f"min_years: trap patients may be as young as {TRAP_YEARS}")
    if not product.least.reached(DAY.replace(year=DAY.year - v.min_years), DAY) \
            or product.under is not None:
        out.append(f"min_years: {v.code} is not given at every age from {v.min_years} "
                   f"(from {product.least}"
                   + (f", under {product.under})" if product.under else ")"))
    if v.expires <= DAY:
        out.append(f"expires: {v.expires} is not after the day, {DAY}")
    return out


def _read(folder: Traversable, name: str) -> object:
    file = folder / f"{name}.json"
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ListsError(f"{name}.json: cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ListsError(f"{name}.json:{exc.lineno}: not JSON: {exc.msg}") from None


def load_lists(folder: Traversable | None = None) -> Lists:
    """The lists from a folder of data files (default: the shipped ones); ListsError names
    every problem with its file and JSON path."""
    where = folder if folder is not None else resources.files("game.newday") / "data"
    raw = {name: _read(where, name) for name in FILES}
    try:
        # Validated as JSON text: strict mode then reads dates from their ISO strings.
        lists = Lists.model_validate_json(json.dumps(raw))
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            file, *inside = e["loc"]
            problems.append(f"{file}.json: {json_path(tuple(inside))}: "
                            f"{e['msg']}")
        raise ListsError("\n".join(problems)) from None
    problems = _check(lists)
    if problems:
        raise ListsError("\n".join(problems))
    return lists
