"""A bot playing the player's staff in the window (`clinic-day play --autoplay POLICY`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.sim.runner import player_staff

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.engine import Simulation
    from game.sim.policies.base import Policy


class Autoplay:
    """Asks the policy for each free staff member the player directs; after it chose to
    wait, it asks again once the world changes or half a minute passes (as the headless
    runner looks again each simulated minute), not every frame."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.waited: tuple[int, int] | None = None

    def step(self, sim: Simulation, submit: Callable[[Command], Any]) -> None:
        """Let the bot act now if it has something to do."""
        stamp = (sim.revision, sim.now // 30)
        if stamp == self.waited:
            return
        acted = False
        for actor in player_staff(sim):
            if sim.is_free(actor) and (cmd := self.policy.choose(sim, actor)) is not None:
                submit(cmd)
                acted = True
        self.waited = None if acted else stamp
