"""The debrief's timeline: what the MA did when, and each patient's wait, built from the report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What the MA was doing, by the first words of the simulation's activity message or by the
# command type in a session log. Each kind gets its own row, so position (not only colour)
# tells them apart.
KINDS: tuple[tuple[str, str], ...] = (
    ("desk", "Front desk"), ("rooming", "Rooming & vitals"), ("lab", "Lab"),
    ("provider", "Provider"), ("tasks", "Open & close"),
)
_MESSAGE_KINDS = (
    ("checking in", "desk"), ("checking out", "desk"), ("marking", "desk"),
    ("booking", "desk"), ("processing", "desk"), ("completing", "desk"),
    ("rooming", "rooming"), ("taking", "rooming"), ("recording", "rooming"),
    ("reviewing", "rooming"), ("drawing", "lab"), ("labeling", "lab"), ("testing", "lab"),
    ("centrifuging", "lab"), ("packing", "lab"), ("assisting", "provider"),
    ("alerting", "provider"),
)
_COMMAND_KINDS = {
    "check_in": "desk", "mark_no_show": "desk", "check_out": "desk", "book_follow_up": "desk",
    "process_referral": "desk", "complete_chart": "desk", "room_patient": "rooming",
    "measure_vitals": "rooming", "record_vitals": "rooming", "review_history": "rooming",
    "draw_blood": "lab", "label_specimens": "lab", "fingerstick": "lab", "centrifuge": "lab",
    "pack_specimens": "lab", "escalate": "provider", "assist_provider": "provider",
}
LOG_TICK = 120  # seconds drawn for a command from a log, whose duration is unknown
LONG_WAIT_MINUTES = 20  # satisfaction drops past a 20-minute wait (MGMA 2016)


def activity_kind(message: str) -> str:
    """The row an MA activity belongs on."""
    text = message.lower()
    return next((kind for prefix, kind in _MESSAGE_KINDS if text.startswith(prefix)), "tasks")


def clock_seconds(text: str | None) -> int | None:
    """Seconds since midnight of 'HH:MM', or None."""
    if not text or len(text) < 5 or text[2] != ":":
        return None
    try:
        return int(text[:2]) * 3600 + int(text[3:5]) * 60
    except ValueError:
        return None


def hhmm(t: int) -> str:
    """HH:MM of seconds since midnight."""
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}"


@dataclass(frozen=True)
class Span:
    """A stretch of time on a lane: kind decides the look, label is for the tooltip."""

    start: int
    end: int
    kind: str
    label: str


@dataclass(frozen=True)
class Mark:
    """A moment on a lane: an appointment, a critical error, a walk-out."""

    t: int
    kind: str
    label: str


@dataclass
class Lane:
    """One row of the timeline."""

    key: str
    label: str
    spans: list[Span] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    outcome: str = ""  # the words at the end of a patient's row
    alarm: bool = False  # the outcome deserves attention (long wait, walked out)
    title: str = ""  # the first line of the tooltip


@dataclass
class TimelineModel:
    """Lanes for the MA (one per activity kind) and one per patient, over a time range."""

    start: int
    end: int
    ma_lanes: list[Lane]
    patient_lanes: list[Lane]
    source: str  # where the MA's activities came from: report, log, or none
    criticals: list[Mark] = field(default_factory=list)  # drawn across the MA's rows

    @property
    def lanes(self) -> list[Lane]:
        """Every lane, top to bottom."""
        return self.ma_lanes + self.patient_lanes


def _ma_spans(report: dict[str, Any], log_path: Path | None) -> tuple[list[Span], str]:
    acts = report.get("ma_activities")
    if isinstance(acts, list) and acts:
        return [Span(int(a["start_t"]), int(a["end_t"]), activity_kind(a["activity"]),
                     str(a["activity"])) for a in acts], "report"
    commands = _log_commands(log_path)
    if commands:
        return [Span(t, t + LOG_TICK, _COMMAND_KINDS.get(kind, "tasks"), kind.replace("_", " "))
                for t, kind in commands], "log"
    return [], "none"


def _log_commands(log_path: Path | None) -> list[tuple[int, str]]:
    if log_path is None:
        return []
    try:
        data = json.loads(Path(log_path).read_text(encoding="utf-8"))
        return [(int(c["t"]), str(c["command"]["type"])) for c in data.get("commands", [])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


def _patient_lane(p: dict[str, Any], criticals: list[dict[str, Any]]) -> Lane:
    appt = clock_seconds(p.get("appointment"))
    name = str(p.get("name") or p.get("id"))
    lane = Lane(str(p.get("id")), f"{p.get('appointment', '')}  {name}")
    lane.title = f"{name}, appointment {p.get('appointment', '?')}"
    arrived, start = p.get("arrived_t"), p.get("exam_start_t")
    end, left = p.get("exam_end_t"), p.get("left_t")
    wait = p.get("wait_minutes")
    outcome = p.get("outcome", "")
    if appt is not None:
        lane.marks.append(Mark(appt, "appointment", f"appointment {hhmm(appt)}"))
    stop = start if start is not None else left
    if wait is not None and stop is not None:
        wait_from = max(stop - 60 * wait, arrived if arrived is not None else 0)
        if arrived is not None and arrived < wait_from:
            lane.spans.append(Span(arrived, wait_from, "early", "arrived early"))
        lane.spans.append(Span(wait_from, stop, "wait", f"waited {wait} min"))
    elif wait is not None and appt is not None:  # an older report: no times, only the wait
        lane.spans.append(Span(appt, appt + 60 * wait, "wait", f"waited {wait} min"))
    if start is not None:
        finish = end if end is not None else start + 15 * 60
        lane.spans.append(Span(start, finish, "exam", "with the provider"))
    if outcome == "left_without_being_seen":
        lane.marks.append(Mark(left if left is not None else stop or appt or 0, "left",
                               "left without being seen"))
        lane.outcome, lane.alarm = "left", True
    elif outcome == "no_show":
        lane.outcome = "no-show"
    elif outcome == "sent_elsewhere":  # a walk-in sent to urgent care or the emergency room
        lane.outcome = "sent elsewhere"
    elif outcome in ("never_arrived", "still_in_clinic"):
        lane.outcome, lane.alarm = outcome.replace("_", " "), True
    elif wait is not None:
        lane.outcome = f"{wait} min"
        lane.alarm = wait > LONG_WAIT_MINUTES
    for c in criticals:
        if c.get("patient") == p.get("id"):
            lane.marks.append(Mark(int(c["t"]), "critical", str(c.get("reason", ""))))
    return lane


def build_timeline(report: dict[str, Any], opens: int | None = None,
                   closes: int | None = None, log_path: Path | None = None) -> TimelineModel:
    """The timeline of a finished day, from the report (and the session log if need be)."""
    spans, source = _ma_spans(report, log_path)
    ma_lanes = [Lane(kind, label, [s for s in spans if s.kind == kind]) for kind, label in KINDS]
    criticals = [c for c in report.get("critical_errors", []) if isinstance(c.get("t"), int)]
    critical_marks = [Mark(int(c["t"]), "critical", str(c.get("reason", ""))) for c in criticals]
    patients = sorted(report.get("patients", []),
                      key=lambda p: (clock_seconds(p.get("appointment")) or 0, str(p.get("id"))))
    patient_lanes = [_patient_lane(p, criticals) for p in patients]
    times = [t for lane in ma_lanes + patient_lanes
             for t in [*(s.start for s in lane.spans), *(s.end for s in lane.spans),
                       *(m.t for m in lane.marks)]] + [m.t for m in critical_marks]
    ended = clock_seconds(report.get("ended_at"))
    times += [t for t in (opens, closes, ended) if t is not None]
    lo, hi = (min(times), max(times)) if times else (8 * 3600, 17 * 3600)
    start = lo // 3600 * 3600
    end = max(start + 3600, -(-hi // 3600) * 3600)
    return TimelineModel(start, end, ma_lanes, patient_lanes, source, critical_marks)
