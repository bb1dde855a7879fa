"""The front-desk check-in: listen to the patient, identify, verify insurance, collect the copay."""

from __future__ import annotations

import html

import pygame

from game.sim.commands import CheckIn
from game.sim.state import PatientState
from game.sim.view import Can, chart_opened
from game.ui.forms.identify import chosen, identifier_ticks
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, keys_hint
from game.ui.forms.parse import FieldError, dollars
from game.ui.kit.fmt import chart_date, money, spoken_date, spoken_time

SEARCHABLE = frozenset({"name", "dob", "mrn", "phone"})

TIP_ELIGIBILITY = ("Ask the payer whether the plan is active for today's date of service and "
                   "what the copay is. It takes time when you check the patient in.")
TIP_SCAN = "Scan the front and back of the patient's new insurance card into the chart."
TIP_SELF_PAY = ("When coverage has ended, tell the patient before the visit that it will be "
                "self-pay, or that they can bring proof of current coverage.")
TIP_COPAY = ("Copays are collected at the time of service: type the dollars you collect "
             "(leave empty or type 0 if none).")
TIP_DEMOGRAPHICS = "Update the address and phone in the chart when the patient has moved."
TIP_CHECK_IN = "Check the patient in with what you ticked; they then wait to be roomed."


class CheckInForm(FormBase):
    """What the patient says on the left, the chart the search opens on the right."""

    title = "Check-in"
    primary_label = "Check in"

    def build(self) -> None:
        """Speech and chart boxes, identifier ticks, insurance, copay, Check in."""
        self.p: PatientState = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Check-in: {self.p.name}")
        self.verified = False
        w, h = self.size
        col = (w - 3 * PAD) // 2
        right = 2 * PAD + col
        below = 2 * 24 + ROW + 24 + ROW + 22 + 32 + 6 * 5 + PAD
        rows = Rows(gap=5)
        top = rows.take(22)
        self.label(pygame.Rect(PAD, top, col, 22), "At the desk, the patient says", "heading")
        self.label(pygame.Rect(right, top, col, 22), "Chart the search opens", "heading")
        box_h = h - rows.y - below
        top = rows.take(box_h)
        self.speech = self.box(pygame.Rect(PAD, top, col, box_h), "")
        self.chart = self.box(pygame.Rect(right, top, col, box_h), "")
        top = rows.take(2 * 24)
        third = (w - 2 * PAD) // 3
        self.ids = identifier_ticks(self, PAD, top + 2, (third, third, third), 24)
        top = rows.take(ROW)
        self.check_button = self.button(pygame.Rect(PAD, top, 190, ROW), "Check eligibility",
                                        self.check_eligibility, "e", TIP_ELIGIBILITY)
        self.answer_good = self.label(pygame.Rect(PAD + 198, top, w - 206 - PAD, ROW), "", "good")
        self.answer_bad = self.label(pygame.Rect(PAD + 198, top, w - 206 - PAD, ROW), "", "error")
        top = rows.take(24)
        self.scan = self.tick((PAD, top + 2), "Scan new card", "s", TIP_SCAN)
        self.self_pay = self.tick((PAD + 190, top + 2), "Inform patient of self-pay", "i",
                                  TIP_SELF_PAY)
        top = rows.take(ROW)
        self.label(pygame.Rect(PAD, top, 132, ROW), "Copay collected $", tip=TIP_COPAY)
        self.copay = self.entry(pygame.Rect(PAD + 134, top, 84, ROW), TIP_COPAY)
        self.demographics = self.tick((PAD + 240, top + 4), "Update address/phone", "u",
                                      TIP_DEMOGRAPHICS)
        bottom = h - PAD - 32
        self.status_area(pygame.Rect(PAD, rows.y, w - 3 * PAD - 150, h - PAD - rows.y),
                         keys_hint("check in"))
        self.go = self.button(pygame.Rect(w - PAD - 150, bottom, 150, 32), "[Enter] Check in",
                              self.primary, tip=TIP_CHECK_IN)
        self.refresh()

    # --- what the player sees ----------------------------------------------------------
    def speech_html(self) -> str:
        """The patient's words, growing as the MA asks for identifiers."""
        spec = self.p.spec
        said = [f"Hi, I'm {spec.name.full}. I have {spoken_time(spec.appointment.time)} "
                "appointment."]
        if spec.demographics_changed:
            said.append("I moved last month \u2014 new address and phone.")
        if spec.insurance.status == "new_card":
            said.append("I have a new insurance card.")
        if self.ids["dob"].checked:
            said.append(f"My date of birth is {spoken_date(spec.dob)}.")
        if self.ids["phone"].checked:
            said.append(f"My phone number is {spec.phone}.")
        if self.ids["mrn"].checked:
            said.append(f"Here is my clinic card. (It shows MRN {spec.mrn}.)")
        if self.ids["room_number"].checked:
            said.append("My room number? I haven't been taken to a room yet.")
        return "<br>".join(f"\u201c{html.escape(s, quote=False)}\u201d" for s in said)

    def chart_html(self) -> str:
        """The chart the search opens: the sim's choice for the ticked identifiers."""
        ids = chosen(self.ids)
        if not SEARCHABLE & set(ids):
            return ("No chart open yet. Tick what you verify with the patient: "
                    "the chart search uses it.")
        other = self.sim.world.patients[chart_opened(self.sim, self.p, list(ids))].spec
        appt = other.appointment
        lines = [f"<b>{html.escape(other.name.last.upper())}, {html.escape(other.name.first)}"
                 "</b>",
                 f"DOB {chart_date(other.dob)}",
                 f"MRN {other.mrn}",
                 f"Phone {html.escape(other.phone)}",
                 f"Appointment today {appt.time}",
                 f"Plan {html.escape(other.insurance.plan)}"]
        return "<br>".join(lines)

    def eligibility(self) -> tuple[str, bool]:
        """The payer's answer (and whether it is good news), once checked."""
        ins = self.p.spec.insurance
        if not self.verified:
            return "", True
        if ins.status == "inactive":
            return "INACTIVE: coverage ended", False
        if ins.status == "new_card" and not self.scan.checked:
            return "Card on file not valid: new card needed", False
        if ins.status == "new_card":
            return f"New card scanned: active \u00b7 copay {money(ins.copay)}", True
        return f"Active today \u00b7 copay {money(ins.copay)}", True

    def refresh(self) -> None:
        """Update the speech, the chart and the eligibility answer when they change."""
        if self.closed:
            return
        self.show(self.speech, self.speech_html())
        self.show(self.chart, self.chart_html())
        answer, good = self.eligibility()
        self.show(self.answer_good, answer if good else "")
        self.show(self.answer_bad, "" if good else answer)
        # Whether the check-in can still be done is the simulation's answer, not the form's.
        can, why = self.sim.can(CheckIn(patient=self.p.id))
        self.enable(self.go, can != Can.NO)
        if can == Can.NO:
            self.say(why)

    # --- actions ----------------------------------------------------------------------
    def check_eligibility(self) -> None:
        """Ask the payer: reveals the answer; the time is spent at check-in."""
        self.verified = True
        self.refresh()

    def primary(self) -> None:
        """Check the patient in with what was ticked and typed."""
        try:
            copay = dollars(self.copay.get_text())
        except FieldError as exc:
            self.say(str(exc))
            self.focus(self.copay)
            return
        command = CheckIn(patient=self.p.id, identifiers=chosen(self.ids),
                          verify_insurance=self.verified, scan_new_card=self.scan.checked,
                          inform_self_pay=self.self_pay.checked, copay=copay,
                          update_demographics=self.demographics.checked)
        if self.do(command):
            self.close()
