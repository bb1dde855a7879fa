"""The text of the context panel: a patient's chart summary, a station's state, the day's tasks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.clinical.lab import LAB_TESTS, TUBES
from game.clinical.vitals import Reading
from game.scenario.types import clock
from game.sim.state import PatientState, Status
from game.sim.view import starts_at
from game.sim.view_ecg import ecg_of
from game.sim.view_meds import DoseStatus, doses_of, short_name
from game.sim.view_poc import runs_of
from game.ui.day.floor_geometry import TITLES
from game.ui.day.needs import need_of, patience_left
from game.ui.day.phone_lines import phone_lines
from game.ui.forms.supplies import supply_lines
from game.ui.kit.fmt import time_left

if TYPE_CHECKING:
    from game.sim.engine import Simulation

# A line is (style, text); styles: title, sub, text, label, muted, good, warn, bad, gap.
Line = tuple[str, str]
STATUS_WORDS = {
    Status.SCHEDULED: "expected", Status.ARRIVED: "at the front desk, not checked in",
    Status.WAITING: "checked in, in the waiting room", Status.ROOMED: "in an exam room",
    Status.READY: "ready for the provider", Status.WITH_PROVIDER: "with the provider",
    Status.EXAM_DONE: "exam done: orders to carry out", Status.CHECKED_OUT: "checked out",
    Status.LEFT: "walked out", Status.NO_SHOW: "no-show",
    Status.SENT_ELSEWHERE: "sent elsewhere (urgent care or the emergency room)",
}


def vitals_text(r: Reading) -> str:
    """One line of vital signs."""
    h = f", Ht {r.height_in:g} in" if r.height_in else ""
    return (f"BP {r.systolic}/{r.diastolic}, P {r.pulse}, R {r.resp}, T {r.temp_f:g} F, "
            f"SpO2 {r.spo2}%, Wt {r.weight_lb:g} lb{h}")


def patient_lines(sim: Simulation, p: PatientState) -> list[Line]:
    """The chart summary the MA needs at a glance."""
    s = p.spec
    prov = sim.world.providers.get(s.appointment.provider)
    out: list[Line] = [("title", p.name)]
    if p.status in (Status.SCHEDULED, Status.ARRIVED, Status.NO_SHOW):
        # Before check-in the MA knows a face and a name: the chart is opened at the desk,
        # by the identifiers the player verifies there (two patients may share a name).
        out.append(("muted", "Not checked in: the chart opens at check-in, from the "
                             "identifiers you verify"))
    else:
        # The chart the MA opened at check-in: after a name-only search it may be another
        # patient's, and an attentive player can catch the date of birth that does not fit.
        chart = sim.world.patients[p.chart_id or p.id]
        c = chart.spec
        out += [
            ("sub", f"DOB {c.dob:%m/%d/%Y} · {int(chart.age_years)} y · MRN {c.mrn}"),
            ("text", (f"Walk-in ({starts_at(chart)})" if chart.walk_in
                      else f"Appointment {clock(chart.appt_t)}")
             + f" with {prov.spec.name if prov else '?'}"),
            ("text", f"Reason: {c.appointment.reason}"),
            ("bad" if c.allergies else "text",
             f"Allergies: {', '.join(c.allergies) or 'none known (NKA)'}"),
            ("text", f"Medications: {', '.join(c.medications) or 'none'}"),
        ]
    out += [
        ("gap", ""),
        ("label", f"Status: {STATUS_WORDS[p.status]}"
         + (f" ({sim.world.rooms[p.room].name})" if p.room and p.status != Status.CHECKED_OUT
            else "")),
    ]
    need = need_of(sim, p)
    if need is not None:
        out.append(("warn" if need.urgent else "text", f"Next: {need.label}"
                    + (f" — {need.note}" if need.note else "")))
    left = patience_left(p, sim.now)
    if left is not None:
        out.append(("warn" if left <= 600 else "muted",
                    f"Patience: about {max(0, left) // 60} min before walking out"))
    if p.measured is not None and p.recorded is None:
        # the devices show their readings once the measurement is finished
        shown = (f"Device shows: {vitals_text(p.measured)}" if sim.now >= p.busy_until
                 else "Measuring...")
        out.append(("text", shown))
    if p.recorded is not None:
        flags = ", ".join(p.flagged) or "none"
        out.append(("text", f"Charted: {vitals_text(p.recorded)}; flagged: {flags}"))
    if p.crisis and p.escalated_t is None:
        out.append(("bad", "CRISIS READING: escalate to the provider now."))
    if p.history_reviewed:
        out.append(("good", "History reviewed"))
    if p.exam_end is not None:
        out += _orders(sim, p)
    out += _tubes(sim, p)
    return out


# A dose's line by where it stands, in words (never colour alone).
MED_LINE = {
    DoseStatus.ORDERED: lambda name, d: ("text", f"To do: {name}"),
    DoseStatus.PREPARED: lambda name, d: ("text", f"Drawn up, to give: {name}"),
    DoseStatus.GIVEN: lambda name, d: ("good" if d.documented else "text",
                                       f"Given: {name}" + ("" if d.documented
                                                           else " (to document)")),
    DoseStatus.HELD: lambda name, d: ("warn", f"Held, provider told: {name}"),
}


def _orders(sim: Simulation, p: PatientState) -> list[Line]:
    o = p.spec.orders
    out: list[Line] = [("gap", ""), ("label", "Orders")]
    # A point-of-care test is done when the simulation says it is recorded (or sent out),
    # not when blood is drawn.
    poc_done: dict[str, bool] = {r.code: r.done for r in runs_of(sim, p.id)}
    for code in o.labs:
        done = p.poc_done if code == "POC_GLUCOSE" else poc_done.get(code, p.drawn)
        out.append(("good" if done else "text",
                    f"{'Done' if done else 'To do'}: {LAB_TESTS[code].name} ({code})"))
    if o.ecg is not None:
        e = ecg_of(sim, p.id)
        handed = e is not None and e.handed_t is not None
        out.append(("good" if handed else "text", "Done: 12-lead ECG, handed to the provider"
                    if handed else f"To do: 12-lead ECG ({o.ecg.reason})"))
    for d in doses_of(sim, p.id):
        name = f"{short_name(d.product.code)} {d.ordered_ml:g} mL"
        out.append(MED_LINE[d.status](name, d))
    if o.follow_up:
        booked = f"booked {p.follow_up[0]:%a %d %b} {p.follow_up[1]}" if p.follow_up else "to book"
        out.append(("good" if p.follow_up else "text", f"Follow-up in {o.follow_up.min_days}-"
                     f"{o.follow_up.max_days} days ({o.follow_up.visit_type}): {booked}"))
    if o.referral:
        out.append(("good" if p.referral_done else "text",
                     f"Referral to {o.referral}: {'sent' if p.referral_done else 'to send'}"))
    if not (o.labs or o.follow_up or o.referral or o.ecg or o.medications):
        out.append(("muted", "No orders: check the patient out."))
    if p.status == Status.CHECKED_OUT:
        out.append(("good" if p.chart_done else "text",
                    f"Chart: {'complete' if p.chart_done else 'to complete'}"))
    return out


def _tubes(sim: Simulation, p: PatientState) -> list[Line]:
    tubes = [s for s in sim.world.specimens if s.patient == p.id]
    if not tubes:
        return []
    out: list[Line] = [("label", "Specimens")]
    for s in tubes:
        state = ("shipped" if s.shipped else "in courier box" if s.packed else
                 "spun" if s.spun_at is not None else "unlabeled" if s.label_of is None
                 else "labeled")
        out.append(("bad" if s.rejected else "text", f"{TUBES[s.tube].name}: {state}"
                     + (f" — rejected: {s.rejected}" if s.rejected else "")))
    return out


def station_lines(sim: Simulation, station: str) -> list[Line]:
    """What is at a station now."""
    w = sim.world
    if station.startswith("room:"):
        room = w.rooms[station[5:]]
        who = w.patients[room.patient].name if room.patient else "nobody"
        state = (("text", "In use") if room.patient else
                 ("good", "Clean (disinfected)") if room.clean else
                 ("bad", "Dirty: disinfect before the next patient"))
        return [("title", room.name), state, ("good" if room.stocked else "warn",
                              "Stocked" if room.stocked else "Not stocked"),
                *supply_lines(sim, station), ("text", f"Patient: {who}")]
    if station in ("phone", "inbox"):
        return phone_lines(sim, station)
    out: list[Line] = [("title", TITLES[station])]
    if station == "front_desk":
        names = [p.name for p in w.patients.values() if p.status == Status.ARRIVED]
        out.append(("text", f"At the desk: {', '.join(names) or 'nobody'}"))
    elif station == "waiting_room":
        names = [p.name for p in w.patients.values() if p.status == Status.WAITING]
        out.append(("text", f"Waiting: {', '.join(names) or 'nobody'}"))
    elif station == "lab":
        nxt = next((t for t in sim.pickups if t >= sim.now), None)
        out.append(("text", f"Next courier: {clock(nxt) if nxt is not None else 'none today'}"))
        for s in w.specimens:
            if not s.shipped:
                out.append(("text", f"{w.patients[s.patient].name}: {TUBES[s.tube].name}, "
                             + ("packed" if s.packed else "spun" if s.spun_at else "drawn "
                                + clock(s.drawn_t))))
    elif station == "provider_office":
        for prov in w.providers.values():
            pat = w.patients.get(prov.patient or "")
            out.append(("text", f"{prov.spec.name}: " + (f"with {pat.name}" if pat else
                                                          "available")))
    elif station == "fridge":
        out.append(vaccine_line(sim))
    if station in ("supply", "lab"):
        out += supply_lines(sim, station)
    if station in ("workstation", "fridge", "supply"):
        out += task_lines(sim)
    return out


def vaccine_line(sim: Simulation) -> Line:
    """Whether vaccines may be given: only from a unit checked today and in range (CDC)."""
    logs = [t for t in sim.world.tasks.values()
            if t.phase == "opening" and t.task.kind == "log_fridge"]
    if not logs:
        return ("text", "Vaccines: no fridge check on today's list")
    if any(t.done_t is None for t in logs):
        return ("warn", "Vaccines: not to be used until today's temperatures are logged")
    if sim.world.vaccines_usable:
        return ("good", "Vaccines: usable (fridge and freezer in range)")
    return ("bad", "Vaccines: DO NOT USE (out-of-range temperature)")


def task_lines(sim: Simulation) -> list[Line]:
    """The opening and closing checklists with what is done."""
    out: list[Line] = []
    for phase in ("opening", "closing"):
        tasks = [t for t in sim.world.tasks.values() if t.phase == phase]
        if tasks:
            out += [("gap", ""), ("label", f"{phase.capitalize()} tasks")]
        for t in tasks:
            if t.done_t is not None and t.done_t > sim.now:  # started, still under way
                out.append(("text", f"Doing now: {t.task.label}"))
            else:
                out.append(("good" if t.done_t is not None else "text",
                            ("Done: " if t.done_t is not None else "To do: ") + t.task.label))
    return out


def day_lines(sim: Simulation, actor: str | None = None) -> list[Line]:
    """Nothing selected: the day, the team (on a team day) and the checklists."""
    s = sim.scenario
    return [("title", s.title), ("sub", f"{s.clinic.name} · {s.clinic.opens}–{s.clinic.closes}"),
            ("muted", "Click a patient, a room or a station, or press Tab to select the next "
             "patient who needs you."), *team_lines(sim, actor), *task_lines(sim)]


def team_lines(sim: Simulation, actor: str | None) -> list[Line]:
    """Who is on the team, what each is doing and has queued; whom the player directs."""
    staff = list(sim.world.staff.values())
    if len(staff) < 2:
        return []
    directed = sim.staff(actor) or sim.lead
    out: list[Line] = [("label", "Team"), ("muted", "Commands go to the ringed token: click "
                                           "another staff token, or press ` to switch.")]
    for m in staff:
        state = ("clocked out" if m.clocked_out else f"busy {time_left(m.busy_until - sim.now)}"
                 f": {m.activity}" if m.busy_until > sim.now else "free")
        queued = f" (+{len(m.queue)} queued)" if m.queue else ""
        who = f"{m.name}{' (coworker)' if not m.player else ''}"
        if m is directed:
            out.append(("label", f"{who} (you direct): {state}{queued}"))
        else:
            out.append(("text", f"{who}: {state}{queued}"))
    return out
