"""The reference bot: a competent MA who does every step, in a sensible order."""

from __future__ import annotations

from game.sim.policies.bot import Bot, Style


class ReferencePolicy(Bot):
    """Careful, thorough and quick: should pass every shipped scenario."""

    def __init__(self) -> None:
        super().__init__("reference", Style(careful=True, checklists=True, paperwork=True))
