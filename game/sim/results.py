"""What a command returns: Accepted (started), Queued (waits for the staff member) or Rejected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Accepted:
    """The staff member does it; it keeps them busy for `seconds` (walking included)."""

    seconds: int
    message: str

    ok = True


@dataclass(frozen=True)
class Queued:
    """The staff member is busy: the command waits in their queue, at `position` (1 = next)."""

    position: int
    message: str

    ok = True


@dataclass(frozen=True)
class Rejected:
    """It cannot be done now; nothing changed."""

    reason: str

    ok = False


Result = Accepted | Queued | Rejected
