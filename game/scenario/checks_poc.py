"""Cross-checks of the point-of-care section against the rest of the scenario: results for
patients and tests that exist, and a kit for every point-of-care test ordered."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from game.clinical.poc import POC_TESTS
from game.scenario.errors import Problem

if TYPE_CHECKING:
    from game.scenario.checks import Parts
    from game.scenario.poc import PocSetup


def poc_checks(s: Parts) -> list[Problem]:
    """Every problem of the poc section that involves another part."""
    out: list[Problem] = []
    poc = s.poc
    kits = poc.kits if poc is not None else []
    ids = Counter(k.id for k in kits)
    run = {t for k in kits for t in k.tests}
    for i, k in enumerate(kits):
        if ids[k.id] > 1:
            out.append(Problem(("poc", "kits", i, "id"), f"kit id '{k.id}' is used more than "
                                                          "once"))
        if s.date is not None and k.expires < s.date:
            out.append(Problem(("poc", "kits", i, "expires"),
                               f"lot {k.lot} expired on {k.expires}, before the day "
                               f"({s.date}): put a lot in date on the counter"))
        last = k.qc.last_run
        if s.date is not None and last is not None and last > s.date:
            out.append(Problem(("poc", "kits", i, "qc", "last_run"),
                               f"the last QC {last} is after the day ({s.date})"))
    out += _result_shapes(poc)
    orders = {p.id: p.orders.labs for _, p in s.patients}
    for i, p in s.patients:
        for j, code in enumerate(p.orders.labs):
            if poc is not None and code in POC_TESTS and code not in run:
                out.append(Problem(("patients", i, "orders", "labs", j),
                                   f"{code} is ordered but no kit in poc.kits runs it"))
    if poc is None:
        return out
    for pid, tests in poc.results.items():
        if pid not in orders:
            out.append(Problem(("poc", "results", pid), f"no patient '{pid}' today"))
            continue
        for code in tests:
            if code not in orders[pid]:
                out.append(Problem(("poc", "results", pid, code),
                                   f"{code} is not in {pid}'s orders.labs"))
    return out


WANTS = {"qualitative": "reading", "quantitative": "value", "dipstick": "pads"}


def _result_shapes(poc: PocSetup | None) -> list[Problem]:
    """Each result gives what its test reads out: a cassette a reading, an analyzer a value,
    a strip its pads (a strip with none given reads normal on every pad)."""
    out: list[Problem] = []
    for pid, tests in (poc.results if poc is not None else {}).items():
        for code, r in tests.items():
            kind = POC_TESTS[code].kind
            given = {"reading": r.reading is not None, "value": r.value is not None,
                     "pads": bool(r.pads)}
            extra = [f for f, v in given.items() if v and f != WANTS[kind]]
            if extra or (kind != "dipstick" and not given[WANTS[kind]]):
                out.append(Problem(("poc", "results", pid, code),
                                   f"a {POC_TESTS[code].short} result gives a "
                                   f"{WANTS[kind]} only" + (f", not {' or '.join(extra)}"
                                                            if extra else "")))
    return out
