"""How a call was dealt with, scored: the response against the table, and the message pad
field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.scenario.people import RED_FLAG_WORDS
from game.sim.rules.phone import pad
from game.sim.rules.phone.calls import (
    MESSAGE_POINTS,
    RESPONSE_STEP,
    caller_name,
    patient_of,
    red_flag_missed,
    what,
)
from game.sim.rules.phone.commands import HandleCall
from game.sim.rules.phone.privacy import chart_of
from game.sim.rules.phone.responses import DONE, KIND_WORDS, Grade, Judgement
from game.sim.rules.phone.state import CallState
from game.sim.scoring import LedgerKey, Step

if TYPE_CHECKING:
    from game.sim.engine import Simulation


def score_response(sim: Simulation, c: CallState, action: str, verdict: Judgement,
                   problems: tuple[str, ...]) -> None:
    """The response step, and the penalty of an unsafe or critical one."""
    who, pid = caller_name(c), patient_of(sim, c)
    _cat, pts, comp = RESPONSE_STEP[c.spec.kind]
    key = LedgerKey(c.id, Step.RESPONSE)
    grade, note = verdict.grade, verdict.note
    kind = KIND_WORDS[c.spec.kind]
    if c.spec.red_flag:
        kind = f"call about {RED_FLAG_WORDS[c.spec.red_flag]}"
    said = f"{who}'s {'portal message' if c.portal else kind}: {DONE[action]}"
    if grade == Grade.RIGHT and problems:
        sim.ledger.award(key, sim.now, pts // 2, f"{said}, but {'; '.join(problems)}",
                         "Book inside the window the caller asked for, at a time they can "
                         "keep.")
    elif grade == Grade.RIGHT:
        sim.ledger.award(key, sim.now, pts, said)
    else:
        sim.ledger.award(key, sim.now, max(1, pts // 2) if grade == Grade.PARTLY else 0, said,
                         note)
    if grade == Grade.UNSAFE:
        sim.ledger.penalty(sim.now, "safety", 2, verdict.competency or comp, pid, said, note)
    elif grade == Grade.CRITICAL:
        if c.spec.kind == "red_flag":
            red_flag_missed(sim, c, "was not told to call 911 at once")
        else:
            name = chart_of(sim, c.spec.patient).name.full
            told = (f"Told a caller who could not be verified as {name} about {name}'s chart"
                    if c.spec.caller.relation == "self" else
                    f"Told {who} (the patient's {c.spec.caller.relation}) about {name} "
                    "without the right to know")
            sim.ledger.penalty(sim.now, "safety", 5, "X.P.2", pid, told, note, critical=True)


def score_message(sim: Simulation, c: CallState, cmd: HandleCall) -> None:
    chart = chart_of(sim, c.spec.patient)
    wrong = pad.problems(cmd.message, c.spec, chart)
    total = pad.total_fields(c.spec)
    points = round(MESSAGE_POINTS * (total - len(wrong)) / total)
    key = LedgerKey(c.id, Step.MESSAGE)
    who = caller_name(c)
    if wrong:
        sim.ledger.award(key, sim.now, points, f"{who}'s message is missing: {', '.join(wrong)}",
                         "A message someone can act on names the caller and relation, the "
                         "patient and date of birth, a callback number and what they want.")
    else:
        sim.ledger.award(key, sim.now, points, f"Documented {who}'s {what(c)}")
