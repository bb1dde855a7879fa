"""The vaccine fridge or freezer alarms (a scripted event). What the MA must do comes from
the CDC's Vaccine Storage and Handling Toolkit (2024), "Temperature excursions": label the
unit's vaccines "DO NOT USE" and keep them at the right temperature in a working unit (never
discard them unasked), record the excursion (the unit, the time, the reading), tell the
supervisor or primary vaccine coordinator, and give no dose from that unit until the
coordinator, having asked the manufacturers, clears it. A dose drawn from the alarmed unit
is judged by the medications rule (`unit_problem`): a safety error, the dose invalid."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from game.clinical.vaccines import STORAGE_RANGE_C
from game.scenario.events import FridgeAlarm
from game.scenario.types import ClockTime, clock, seconds
from game.sim.commands import BaseCommand
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import GroupKind, Offer, Rule, command, on
from game.sim.rules.checklist import LOG_TOLERANCE_C
from game.sim.rules.common import about_minutes
from game.sim.rules.disruptions.common import event_key, events_of, late_words, prompt_points
from game.sim.scheduler import Event
from game.sim.scoring import Opportunity, Step
from game.sim.state import StaffState

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation

NAME = "fridge alarm"
QUARANTINE_POINTS = 3
RECORD_POINTS = 3
TIME_TOLERANCE = 5 * 60  # the excursion's time as recorded: within five minutes of the alarm
CDC = "CDC Vaccine Storage and Handling Toolkit, 2024"
QUARANTINE_NOTE = (
    "When a vaccine unit alarms, label its vaccines 'DO NOT USE' at once and keep them at the "
    "right temperature in a working unit; never discard them before the manufacturer says "
    f"so, and give no dose from them until the vaccine coordinator clears them ({CDC}).")
RECORD_NOTE = (
    "Record every temperature excursion (the unit, the time it alarmed, the reading) and tell "
    "the supervisor or primary vaccine coordinator at once: the coordinator asks the "
    f"manufacturers whether the vaccines can still be used ({CDC}).")
Unit = Literal["fridge", "freezer"]  # the units that can alarm (the cabinet has no range)


class QuarantineVaccines(BaseCommand):
    """Label an alarmed unit's vaccines "do not use" and move them to a working unit."""

    type: Literal["quarantine_vaccines"] = "quarantine_vaccines"
    unit: Unit = Field(description="The unit that alarmed: fridge or freezer.")


class ReportFridgeAlarm(BaseCommand):
    """Record a temperature excursion (the unit, when it alarmed, the reading) and tell the
    vaccine coordinator."""

    type: Literal["report_fridge_alarm"] = "report_fridge_alarm"
    unit: Unit = Field(description="The unit that alarmed: fridge or freezer.")
    reading_c: float = Field(ge=-90, le=50, description="The reading the unit showed, C.")
    time: ClockTime = Field(description="When the unit alarmed, HH:MM.")


@dataclass
class Alarm:
    """One unit's alarm and what the MA did about it."""

    unit: Unit
    start: int
    reading_c: float
    cleared_after: int | None  # seconds from the report to the coordinator's all-clear
    began: bool = False
    quarantined_t: int | None = None
    reported_t: int | None = None
    cleared_t: int | None = None

    @property
    def blocking(self) -> bool:
        """The unit's vaccines may not be used now."""
        return self.began and self.cleared_t is None


@dataclass
class AlarmState:
    """The day's alarms by unit, and which unit each product is kept in."""

    alarms: dict[str, Alarm] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # product id -> storage unit


@dataclass(frozen=True)
class AlarmSounds(Event):
    """The unit's thermometer reads out of range."""

    unit: str


@dataclass(frozen=True)
class VaccinesCleared(Event):
    """The coordinator has heard from the manufacturers: the vaccines may be used."""

    unit: str


def build(sim: Simulation) -> AlarmState:
    """An alarm for every fridge_alarm event of the day."""
    st = AlarmState(units={p.id: p.storage for p in sim.scenario.medications.products})
    for ev in events_of(sim, FridgeAlarm):
        st.alarms.setdefault(ev.unit, Alarm(
            ev.unit, seconds(ev.at), ev.reading_c,
            None if ev.cleared_after_minutes is None else 60 * ev.cleared_after_minutes))
    return st


def alarms(sim: Simulation) -> AlarmState:
    """The alarms' part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, AlarmState)
    return part


def alarm_problem(sim: Simulation, storage: str) -> str | None:
    """Why a unit's vaccines may not be used now because it alarmed, or None."""
    a = alarms(sim).alarms.get(storage)
    if a is None or not a.blocking:
        return None
    return (f"the {storage} alarmed at {clock(a.start)} reading {a.reading_c:g} C: its "
            "vaccines are 'do not use' until the vaccine coordinator clears them")


def start(sim: Simulation) -> None:
    """Each alarm sounds at its time."""
    for a in alarms(sim).alarms.values():
        sim.schedule(a.start, AlarmSounds(a.unit))


def expect(sim: Simulation) -> None:
    """Every alarm: its vaccines quarantined, the excursion recorded and reported."""
    for a in alarms(sim).alarms.values():
        sim.ledger.expect(event_key(f"alarm:{a.unit}", Step.QUARANTINE), Opportunity(
            "safety", QUARANTINE_POINTS, "XII.P.4", None,
            f"The alarmed {a.unit}'s vaccines were never labeled 'do not use'",
            QUARANTINE_NOTE))
        sim.ledger.expect(event_key(f"alarm:{a.unit}", Step.EXCURSION), Opportunity(
            "administrative", RECORD_POINTS, "X.P.3", None,
            f"The {a.unit}'s temperature excursion was never recorded or reported",
            RECORD_NOTE))


def on_alarm(sim: Simulation, event: AlarmSounds) -> None:
    """The alarm: the MA is told what it means."""
    a = alarms(sim).alarms[event.unit]
    a.began = True
    low, high = STORAGE_RANGE_C[a.unit]
    sim.notify(Tone.BAD, f"The vaccine {a.unit} alarms: it reads {a.reading_c:g} C (it must "
               f"be {low:g} to {high:g} C). Label its vaccines 'do not use', move them to a "
               "working unit, record the excursion and tell the vaccine coordinator.", None,
               Topic.DISRUPTION)


def on_cleared(sim: Simulation, event: VaccinesCleared) -> None:
    """The all-clear: the unit's vaccines may be given again."""
    a = alarms(sim).alarms[event.unit]
    a.cleared_t = sim.now
    sim.notify(Tone.GOOD, f"The vaccine coordinator has checked with the manufacturers: the "
               f"{a.unit}'s vaccines may be used again.", None, Topic.DISRUPTION)


def _alarm(sim: Simulation, unit: str) -> tuple[Alarm | None, str | None]:
    a = alarms(sim).alarms.get(unit)
    if a is None or not a.began:
        return None, f"The {unit} has not alarmed: its vaccines are in range."
    return a, None


def check_quarantine(sim: Simulation, _actor: StaffState, cmd: QuarantineVaccines) -> str | None:
    """An alarmed unit whose vaccines are not yet labeled."""
    a, why = _alarm(sim, cmd.unit)
    if a is None:
        return why
    if a.quarantined_t is not None:
        return f"The {a.unit}'s vaccines are already labeled 'do not use'."
    if a.cleared_t is not None:
        return f"The {a.unit}'s vaccines have been cleared for use."
    return None


def quarantine(sim: Simulation, actor: StaffState, cmd: QuarantineVaccines) -> Accepted:
    """Label every vaccine of the unit and move them, kept cold, to a working unit."""
    a = alarms(sim).alarms[cmd.unit]
    a.quarantined_t = sim.now
    secs = sim.walk(actor, "fridge") + sim.d.quarantine_vaccines
    sim.ledger.award(event_key(f"alarm:{a.unit}", Step.QUARANTINE), sim.now,
                     prompt_points(QUARANTINE_POINTS, a.start, sim.now),
                     f"Labeled the {a.unit}'s vaccines 'do not use' and moved them to a "
                     "working unit" + late_words(a.start, sim.now))
    return Accepted(secs, f"quarantining the {a.unit}'s vaccines")


def check_report(sim: Simulation, _actor: StaffState, cmd: ReportFridgeAlarm) -> str | None:
    """An alarmed unit whose excursion is not yet recorded."""
    a, why = _alarm(sim, cmd.unit)
    if a is None:
        return why
    return f"The {a.unit}'s excursion is already recorded." if a.reported_t is not None \
        else None


def report(sim: Simulation, actor: StaffState, cmd: ReportFridgeAlarm) -> Accepted:
    """Write the excursion record and call the coordinator; each field is checked."""
    a = alarms(sim).alarms[cmd.unit]
    a.reported_t = sim.now
    secs = sim.walk(actor, "workstation") + sim.d.report_fridge_alarm
    wrong = []
    if abs(cmd.reading_c - a.reading_c) > LOG_TOLERANCE_C:
        wrong.append(f"the reading ({cmd.reading_c:g} C, not {a.reading_c:g} C)")
    if abs(seconds(cmd.time) - a.start) > TIME_TOLERANCE:
        wrong.append(f"the time ({cmd.time}, not {clock(a.start)})")
    points = max(0, prompt_points(RECORD_POINTS, a.start, sim.now) - len(wrong))
    sim.ledger.award(event_key(f"alarm:{a.unit}", Step.EXCURSION), sim.now, points,
                     f"Recorded the {a.unit}'s excursion and told the vaccine coordinator"
                     + late_words(a.start, sim.now)
                     + (f"; wrong in the record: {', '.join(wrong)}" if wrong else ""))
    if a.cleared_after is not None and a.cleared_t is None:
        sim.schedule(sim.now + secs + a.cleared_after, VaccinesCleared(a.unit))
    sim.notify(Tone.INFO, f"The {a.unit}'s excursion is recorded and the vaccine coordinator "
               "is asking the manufacturers; its vaccines stay 'do not use' until they "
               "answer.", None, Topic.DISRUPTION, actor.id)
    return Accepted(secs, f"reporting the {a.unit}'s excursion")


def guard(sim: Simulation, _actor: StaffState, cmd: Command) -> str | None:
    """A labeled vial is not drawn up: the label says "do not use"."""
    if cmd.type != "prepare_dose":
        return None
    st = alarms(sim)
    product = getattr(cmd, "product", None)
    a = st.alarms.get(st.units.get(product, "")) if isinstance(product, str) else None
    if a is None or a.quarantined_t is None or not a.blocking:
        return None
    return (f"The {a.unit}'s vaccines are labeled 'do not use' since the alarm at "
            f"{clock(a.start)}: hold the dose and tell the provider, until the vaccine "
            "coordinator clears them.")


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """While a unit's alarm is unanswered: quarantine at the fridge, report at the desk."""
    for a in alarms(sim).alarms.values():
        if not a.blocking:
            continue
        if a.quarantined_t is None:
            yield Offer(GroupKind.STATION, "fridge", QuarantineVaccines(unit=a.unit),
                        f"Label the {a.unit}'s vaccines 'do not use'",
                        f"The {a.unit} alarmed: label its vaccines and move them to a working "
                        f"unit ({about_minutes(sim.d.quarantine_vaccines)}).", key="q")
        if a.reported_t is None:
            yield Offer(GroupKind.STATION, "workstation", ReportFridgeAlarm(
                unit=a.unit, reading_c=a.reading_c, time=clock(a.start)),
                f"Record the {a.unit}'s excursion",
                f"Write down the unit, the time ({clock(a.start)}) and the reading "
                f"({a.reading_c:g} C), and tell the vaccine coordinator "
                f"({about_minutes(sim.d.report_fridge_alarm)}).", key="x")


RULE = Rule(
    NAME, state=build,
    commands=(command(QuarantineVaccines, check_quarantine, quarantine),
              command(ReportFridgeAlarm, check_report, report)),
    events=(on(AlarmSounds, on_alarm), on(VaccinesCleared, on_cleared)),
    start=start, expect=expect, offers=offers, guard=guard)
