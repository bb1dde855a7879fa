"""The provider runs late (a scripted event): from its time no exam starts for its minutes
(an exam under way is finished first). Told of the delay, the waiting patients wait it out
without losing patience, and the desk tells each patient of that provider who checks in
while it lasts; untold, they walk out as their patience runs out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from game.scenario.events import ProviderLate
from game.scenario.types import Ident, clock, seconds
from game.sim.commands import BaseCommand
from game.sim.notices import Tone, Topic
from game.sim.results import Accepted
from game.sim.rules.base import ANY_ROLE, GroupKind, Offer, Rule, command, on
from game.sim.rules.common import about_minutes
from game.sim.rules.disruptions.common import event_key, events_of, late_words, prompt_points
from game.sim.rules.front_desk import WALKOUT_WARNING, PatienceOut, PatienceWarning
from game.sim.scheduler import Event
from game.sim.scoring import Opportunity, Step
from game.sim.state import StaffState, Status

if TYPE_CHECKING:
    from game.sim.engine import Simulation

NAME = "provider late"
TOLD_POINTS = 3
NOTE = ("When the provider runs late, tell the patients waiting (and each one who checks in) "
        "about how long the delay will be, and offer to reschedule: an explained wait is "
        "borne, an unexplained one is what makes patients walk out (AHRQ, The CAHPS "
        "Ambulatory Care Improvement Guide, 2017: keep patients informed of delays).")


class TellWaitingPatients(BaseCommand):
    """Tell the waiting room that a provider runs late, for about how long, and offer to
    reschedule; the desk tells each of that provider's patients who checks in meanwhile."""

    type: Literal["tell_waiting_patients"] = "tell_waiting_patients"
    provider: Ident = Field(description="The id of the provider who runs late.")


@dataclass
class Delay:
    """One provider's delay and what the waiting room was told."""

    provider: str
    start: int
    end: int
    reason: str | None
    began: bool = False
    told_t: int | None = None
    told: list[str] = field(default_factory=list)  # patients who wait it out, in order told


@dataclass
class LateState:
    """The day's delays, by provider (one each: validation sees to it)."""

    delays: dict[str, Delay] = field(default_factory=dict)


@dataclass(frozen=True)
class ProviderHeldUp(Event):
    """The provider's delay begins."""

    provider: str


@dataclass(frozen=True)
class ProviderBack(Event):
    """The provider's delay is over: exams start again."""

    provider: str


def build(sim: Simulation) -> LateState:
    """A delay for every provider_late event of the day."""
    st = LateState()
    for ev in events_of(sim, ProviderLate):
        if ev.provider in sim.world.providers:  # validation guarantees it; a test day may not
            start = seconds(ev.at)
            st.delays.setdefault(ev.provider, Delay(ev.provider, start, start + 60 * ev.minutes,
                                                    ev.reason))
    return st


def late(sim: Simulation) -> LateState:
    """The delays' part of the world."""
    part = sim.world.parts[NAME]
    assert isinstance(part, LateState)
    return part


def _name(sim: Simulation, provider: str) -> str:
    return sim.world.providers[provider].spec.name


def start(sim: Simulation) -> None:
    """Each delay begins at its time."""
    for d in late(sim).delays.values():
        sim.schedule(d.start, ProviderHeldUp(d.provider))


def expect(sim: Simulation) -> None:
    """The waiting room is to be told of every delay."""
    for d in late(sim).delays.values():
        sim.ledger.expect(event_key(f"late:{d.provider}", Step.DELAY_TOLD), Opportunity(
            "experience", TOLD_POINTS, "V.P.3", None,
            f"The waiting patients were never told that {_name(sim, d.provider)} was running "
            "late", NOTE))


def on_held_up(sim: Simulation, event: ProviderHeldUp) -> None:
    """No exam starts until the delay is over: it is a break nobody planned."""
    d = late(sim).delays[event.provider]
    d.began = True
    prov = sim.world.providers[d.provider]
    prov.breaks_t = (*prov.breaks_t, (d.start, d.end))
    sim.schedule(d.end, ProviderBack(d.provider))
    why = f" ({d.reason})" if d.reason else ""
    sim.notify(Tone.WARNING, f"{prov.spec.name} is running {(d.end - d.start) // 60} minutes "
               f"late{why}: no exam starts before {clock(d.end)}. Tell the waiting patients.",
               None, Topic.DISRUPTION)


def on_back(sim: Simulation, event: ProviderBack) -> None:
    """The provider takes patients again (the dispatcher runs after every event)."""
    sim.notify(Tone.INFO, f"{_name(sim, event.provider)} is back: exams start again.", None,
               Topic.DISRUPTION)


def _open(sim: Simulation, d: Delay) -> bool:
    return d.began and d.told_t is None and sim.now < d.end


def check_tell(sim: Simulation, _actor: StaffState, cmd: TellWaitingPatients) -> str | None:
    """While a delay lasts, once."""
    if cmd.provider not in sim.world.providers:
        return f"There is no provider '{cmd.provider}' today."
    name = _name(sim, cmd.provider)
    d = late(sim).delays.get(cmd.provider)
    if d is None or not d.began:
        return f"{name} is on time: there is no delay to tell anyone about."
    if d.told_t is not None:
        return f"The waiting patients already know that {name} runs late."
    if sim.now >= d.end:
        return f"{name} is back: there is no delay to tell anyone about."
    return None


def tell(sim: Simulation, actor: StaffState, cmd: TellWaitingPatients) -> Accepted:
    """Tell the waiting room; the patients who know wait out the delay."""
    d = late(sim).delays[cmd.provider]
    d.told_t = sim.now
    name = _name(sim, d.provider)
    secs = sim.walk(actor, "waiting_room") + sim.d.tell_waiting_patients
    _extend(sim, d)
    sim.ledger.award(event_key(f"late:{d.provider}", Step.DELAY_TOLD), sim.now,
                     prompt_points(TOLD_POINTS, d.start, sim.now),
                     f"Told the waiting patients that {name} runs late"
                     + late_words(d.start, sim.now))
    sim.notify(Tone.INFO, f"Told the waiting room: {name} runs about "
               f"{max(1, -(-(d.end - sim.now) // 60))} minutes late, and anyone may reschedule.",
               None, Topic.DISRUPTION, actor.id)
    return Accepted(secs, f"telling the waiting room that {name} runs late")


def _extend(sim: Simulation, d: Delay) -> None:
    """Each of the provider's patients waiting unroomed, once told, waits out the rest of the
    delay on top of their patience (a later give-up time supersedes the queued events)."""
    for p in sim.patients_in(Status.ARRIVED, Status.WAITING):
        if p.spec.appointment.provider != d.provider or p.id in d.told or p.give_up_t is None:
            continue
        d.told.append(p.id)
        p.give_up_t += max(0, d.end - sim.now)
        sim.schedule(max(sim.now, p.give_up_t - WALKOUT_WARNING), PatienceWarning(p.id))
        sim.schedule(p.give_up_t, PatienceOut(p.id))


def after_change(sim: Simulation) -> None:
    """A patient who checks in while an announced delay lasts is told at the desk."""
    for d in late(sim).delays.values():
        if d.told_t is not None and sim.now < d.end:
            _extend(sim, d)


def offers(sim: Simulation, _actor: StaffState) -> Iterator[Offer]:
    """While a delay nobody has announced lasts: tell the waiting room."""
    for d in late(sim).delays.values():
        if _open(sim, d):
            name = _name(sim, d.provider)
            yield Offer(GroupKind.DAY, "", TellWaitingPatients(provider=d.provider),
                        f"Tell the waiting room: {name} runs late",
                        f"{name} is held up until {clock(d.end)}: tell the waiting patients "
                        f"how long, and offer to reschedule "
                        f"({about_minutes(sim.d.tell_waiting_patients)}).", key="w")


RULE = Rule(
    NAME, state=build,
    commands=(command(TellWaitingPatients, check_tell, tell, roles=ANY_ROLE),),
    events=(on(ProviderHeldUp, on_held_up), on(ProviderBack, on_back)),
    start=start, expect=expect, after_change=after_change, offers=offers)
