"""What a command returns: Accepted with how long it takes, or Rejected with the reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Accepted:
    """The MA does it; it keeps them busy for `seconds` (walking included)."""

    seconds: int
    message: str

    ok = True


@dataclass(frozen=True)
class Rejected:
    """It cannot be done now; nothing changed."""

    reason: str

    ok = False


Result = Accepted | Rejected
