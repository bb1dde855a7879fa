"""Checkout: what the provider ordered and what is done, the referral, Check out."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from game.clinical.lab import LAB_TESTS
from game.sim.commands import CheckOut, ProcessReferral
from game.sim.state import PatientState
from game.sim.view import needed_tubes, specimens_of, unfinished_orders
from game.sim.view_poc import TestRun, runs_of
from game.ui.forms.kit import PAD, ROW, FormBase, Rows, keys_hint
from game.ui.kit.fmt import short_date

if TYPE_CHECKING:
    from game.sim.engine import Simulation

TIP_REFERRAL = "Send the referral the provider ordered (at the workstation)."
TIP_CHECK_OUT = ("The patient leaves and the room must be cleaned. Finish every order first: "
                 "tubes drawn and labeled, follow-up booked.")


def order_lines(sim: Simulation, p: PatientState, labeled: bool) -> list[str]:
    """One line per order with its state, in words."""
    orders = p.spec.orders
    lines = []
    # A test is a blood test when the simulation needs a venous tube for it: a point-of-care
    # test's specimen (capillary, urine, a swab) is no tube.
    tubes = set(needed_tubes(p))
    blood = [LAB_TESTS[c].name for c in orders.labs if LAB_TESTS[c].tube in tubes]
    if blood:
        state = ("drawn and labeled" if p.drawn and labeled else
                 "drawn, NOT labeled yet" if p.drawn else "NOT drawn yet")
        lines.append(f"<b>Blood tests</b> ({', '.join(blood)}): {state}")
    if "POC_GLUCOSE" in orders.labs:
        lines.append("<b>Fingerstick glucose</b>: " + ("reported" if p.poc_done
                                                       else "NOT done yet"))
    for r in runs_of(sim, p.id):
        lines.append(f"<b>{html.escape(r.test.short)}</b> (point of care): {poc_state(r)}")
    if orders.follow_up:
        fu = orders.follow_up
        when = (f"booked {short_date(p.follow_up[0])} {p.follow_up[1]}" if p.follow_up
                else "NOT booked yet (open the calendar)")
        lines.append(f"<b>Follow-up</b> in {fu.min_days}-{fu.max_days} days: {when}")
    if orders.referral:
        lines.append(f"<b>Referral</b> to {html.escape(orders.referral)}: "
                     + ("sent" if p.referral_done else "NOT sent yet"))
    if orders.assist:
        lines.append(f"<b>Procedure</b>: {html.escape(orders.assist)}")
    return lines or ["No orders: the patient can go."]


POC_STAGE = {"sent_to_lab": "sent to the reference lab", "done": "recorded in the chart",
             "read": "read, NOT recorded yet", "running": "running, NOT read yet",
             "collected": "collected, NOT run yet", "to_collect": "NOT collected yet"}


def poc_state(r: TestRun) -> str:
    """A point-of-care test's state as the checkout shows it."""
    return POC_STAGE[r.stage]


class CheckoutForm(FormBase):
    """The orders summary with their state; Process referral; Check out."""

    title = "Checkout"
    primary_label = "Check out"

    def build(self) -> None:
        """Heading, orders box, referral and check-out buttons."""
        p = self.p = self.sim.world.patients[self.subject]
        self.window.set_display_title(f"Checkout: {p.name}")
        w, h = self.size
        inner = w - 2 * PAD
        rows = Rows(gap=6)
        self.label(pygame.Rect(PAD, rows.take(22), inner, 22),
                   f"Orders for {p.name}", "heading",
                   tip=f"Reason for the visit: {p.spec.appointment.reason}")
        bottom = h - PAD - 32
        box_h = bottom - 6 - rows.y
        self.summary = self.box(pygame.Rect(PAD, rows.take(box_h), inner, box_h), "")
        left = PAD
        if p.spec.orders.referral:
            self.referral_button = self.button(pygame.Rect(PAD, bottom, 180, 32),
                                               "Process referral", self.referral, "r",
                                               TIP_REFERRAL)
            left += 186
        self.status_area(pygame.Rect(left, bottom - 8, w - PAD - 166 - left, 44),
                         keys_hint("check out", tab=False))
        self.go = self.button(pygame.Rect(w - PAD - 160, bottom, 160, ROW + 4),
                              "[Enter] Check out", self.primary, tip=TIP_CHECK_OUT)
        self.refresh()

    def refresh(self) -> None:
        """The orders and their state."""
        if self.closed:
            return
        tubes = specimens_of(self.sim, self.p.id)
        labeled = bool(tubes) and all(s.label_of is not None for s in tubes)
        self.show(self.summary, "<br>".join(order_lines(self.sim, self.p, labeled)))
        # Beside the button, what the simulation says is still owed (every concern's, the
        # ECG and medications included), in place of the keyboard hint.
        owed = unfinished_orders(self.sim, self.p)
        hint = (f"Still to do: {', '.join(owed)}" if owed
                else keys_hint("check out", tab=False))
        if hint != self.hint_text:
            self.hint_text = hint
            if not self.message:
                self.say("")

    def referral(self) -> None:
        """Send the referral."""
        self.do(ProcessReferral(patient=self.p.id))

    def primary(self) -> None:
        """Check the patient out; the form closes."""
        if self.do(CheckOut(patient=self.p.id)):
            self.close()
