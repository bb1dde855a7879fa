"""The naive bot: first come, first served, and every verification step skipped."""

from __future__ import annotations

from game.sim.policies.bot import Bot, Style


class NaivePolicy(Bot):
    """Gets patients through but cuts the corners a new MA cuts; its mistakes fill the ledger."""

    def __init__(self) -> None:
        super().__init__("naive", Style(careful=False, checklists=False, paperwork=False))
