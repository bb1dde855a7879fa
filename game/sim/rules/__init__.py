"""The rules of the clinic day, one module per concern: this list is all the engine knows.

Order matters where rules react to the same moment: after every change the door flags go up
before the providers pick patients, and the coworkers choose last, seeing both.
"""

from __future__ import annotations

from game.sim.rules import (
    checklist,
    checkout,
    disruptions,
    door,
    ecg,
    end_early,
    front_desk,
    lab,
    lab_courier,
    medications,
    paperwork,
    phone,
    poc,
    provider,
    rooming,
    setup,
    staff,
    supplies,
    walk_ins,
)
from game.sim.rules.base import Rule

RULES: tuple[Rule, ...] = (
    setup.RULE,
    checklist.RULE,
    front_desk.RULE,
    rooming.RULE,
    door.RULE,
    provider.RULE,
    lab.RULE,
    lab_courier.RULE,
    medications.RULE,
    poc.RULE,
    ecg.RULE,
    checkout.RULE,
    paperwork.RULE,
    phone.RULE,
    walk_ins.RULE,
    supplies.RULE,
    *disruptions.RULES,
    staff.RULE,
    end_early.RULE,
)

__all__ = ["RULES", "Rule"]
