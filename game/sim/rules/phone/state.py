"""The phone's part of the world: every call of the day and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from game.scenario.phone import CallContent


class CallStatus(StrEnum):
    """Where a call stands."""

    COMING = "coming"  # not yet rung (or arrived, for a portal message)
    RINGING = "ringing"
    ON_LINE = "on_line"  # a staff member is talking to the caller
    ON_HOLD = "on_hold"
    VOICEMAIL = "voicemail"  # a message waits to be returned
    INBOX = "inbox"  # a portal message waits at the workstation
    DONE = "done"


@dataclass
class CallState:
    """One call (or portal message) as the day unfolds."""

    id: str
    spec: CallContent
    t: int  # when it rings or arrives
    status: CallStatus = CallStatus.COMING
    staff: str | None = None  # who has the caller on the line
    answered_t: int | None = None
    voicemail_t: int | None = None  # when it went to voicemail (or the caller hung up)
    hold_until: int | None = None  # a caller on hold hangs up then
    verified: bool = False  # the MA asked who is calling and checked the chart
    moves: list[str] = field(default_factory=list)  # what was done on the line, in order
    action: str | None = None  # how the call was dealt with
    done_t: int | None = None

    @property
    def portal(self) -> bool:
        """A portal message: no ringing, no hold, from the patient's own account."""
        return self.spec.channel == "portal"

    @property
    def open(self) -> bool:
        """Waiting for someone: ringing, on hold, a voicemail or a message in the inbox."""
        return self.status in (CallStatus.RINGING, CallStatus.ON_HOLD, CallStatus.VOICEMAIL,
                               CallStatus.INBOX)


WAITING = frozenset({CallStatus.RINGING, CallStatus.ON_HOLD, CallStatus.VOICEMAIL,
                     CallStatus.INBOX})


@dataclass
class PhoneState:
    """The day's calls, in the order they come, with the two look-ups asked on every
    command: who is on the line with whom, and which calls wait for someone."""

    calls: dict[str, CallState] = field(default_factory=dict)
    lines: dict[str, str] = field(default_factory=dict)  # staff id -> the call on the line
    waiting: dict[str, None] = field(default_factory=dict)  # waiting calls, as they came

    def on_line_with(self, staff: str) -> CallState | None:
        """The call a staff member is on, if any."""
        cid = self.lines.get(staff)
        return None if cid is None else self.calls[cid]

    def move(self, c: CallState, status: CallStatus, staff: str | None = None) -> None:
        """Change a call's status (and who has it on the line), keeping the look-ups."""
        if c.staff is not None:
            self.lines.pop(c.staff, None)
        c.status, c.staff = status, staff
        if staff is not None:
            self.lines[staff] = c.id
        if status in WAITING:
            self.waiting[c.id] = None
            # keep the order calls came in (a call back on hold goes back to its place)
            self.waiting = dict.fromkeys(sorted(self.waiting, key=lambda k: self.calls[k].t))
        else:
            self.waiting.pop(c.id, None)
