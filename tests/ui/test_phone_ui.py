"""The phone, the inbox and a walk-in played through the window with real events."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.scenario.load import LoadedScenario, load_scenario
from game.sim.state import Status
from game.sim.view import CallStatus, phone
from game.ui.context import AppContext
from game.ui.forms.call import CallForm
from game.ui.forms.walk_in import WalkInForm
from game.ui.scenes.day import DayScene
from tests.ui.conftest import Driver

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "phone_morning.json"


@pytest.fixture(scope="module")
def phone_morning() -> LoadedScenario:
    """The test day with calls, a portal message and a walk-in."""
    return load_scenario(FIXTURE)


def type_into(driver: Driver, widget: object, text: str) -> None:
    """Click a text field and type, as SDL sends typed text."""
    driver.click(widget.get_abs_rect().center)  # type: ignore[attr-defined]
    driver.post(pygame.TEXTINPUT, text=text)


def pick(driver: Driver, form: CallForm, relation: str) -> None:
    """Open the relation dropdown and click an option."""
    driver.click(form.pad.relation.get_abs_rect().center)
    items = form.pad.relation.current_state.options_selection_list.item_list_container.elements
    option = next(e for e in items if getattr(e, "text", "") == relation)
    driver.click(option.get_abs_rect().center)
    driver.frame(2)


def toasts(scene: DayScene) -> list[str]:
    """The texts of the message strip."""
    return [t.text for t in scene.toasts.items]


def ring(driver: Driver, scene: DayScene, call: str) -> None:
    """Run the day until that call rings, then pause."""
    calls = phone(scene.sim).calls
    driver.run_until(scene, lambda: calls[call].status == CallStatus.RINGING)
    scene.clock.paused = True
    driver.frame()


def test_the_phone_rings_and_a_call_is_answered_and_documented(
        driver: Driver, ctx: AppContext, phone_morning: LoadedScenario,
        monkeypatch: pytest.MonkeyPatch) -> None:
    played: list[str] = []
    monkeypatch.setattr(ctx.sounds, "play", lambda name: played.append(name) or True)
    scene = driver.start(phone_morning)
    ring(driver, scene, "refill1")
    assert played.count("phone") == 1  # one ring, one sound
    # The phone at its station says it rings in a word, not only in colour.
    tips = [tip for _r, tip, sel in scene.floor.hits if sel == ("station", "phone")]
    assert tips and tips[0].startswith("The phone is ringing")
    assert "Ringing" in scene.text.drawn
    driver.key(pygame.K_p)  # P selects the phone from anywhere
    assert scene.selection == ("station", "phone")
    assert scene.context.captions() == ["[P] Answer the phone"]
    driver.key(pygame.K_p)  # P again answers it: the call panel opens on the caller
    form = scene.form
    assert isinstance(form, CallForm) and form.call.id == "refill1"
    assert "I need a refill of my lisinopril 10 mg." in form.words.html_text
    assert "They answer" not in form.chart.html_text  # nothing before Verify
    type_into(driver, form.pad.fields["caller"], "Ana Ruiz")
    driver.click(form.choices["book"].get_abs_rect().center)  # a refill asks for no visit
    assert form.message == "Ana Ruiz is not asking for an appointment."
    assert not form.closed and form.pad.fields["caller"].get_text() == "Ana Ruiz"
    driver.click(form.verify.get_abs_rect().center)
    driver.run_until(scene, lambda: scene.sim.is_free())
    scene.clock.paused = True
    driver.frame()
    assert "This is Ana Ruiz. My date of birth is March 2, 1984." in form.chart.html_text
    assert "DOB 03/02/1984" in form.chart.html_text
    assert "Luis Ruiz (sibling)" in form.chart.html_text
    pick(driver, form, "self")
    type_into(driver, form.pad.fields["patient"], "ruiz")
    assert form.pad.found.text == "Chart: RUIZ, Ana (MRN-9001)"
    for field, text in (("dob", "03/02/1984"), ("callback", "555-0170"),
                        ("medication", "lisinopril 10 mg daily"),
                        ("text", "Refill request, please call her back")):
        type_into(driver, form.pad.fields[field], text)
    driver.click(form.choices["route"].get_abs_rect().center)
    assert form.closed
    driver.frame(2)
    reasons = [e.reason for e in scene.sim.ledger.entries]
    assert "Answered Ana Ruiz's call" in reasons
    assert "Ana Ruiz's refill request: routed to the provider" in reasons
    assert "Documented Ana Ruiz's call" in reasons
    assert "+3: Documented Ana Ruiz's call" in toasts(scene)
    assert phone(scene.sim).calls["refill1"].status == CallStatus.DONE


def test_a_red_flag_caller_is_told_to_call_911_from_the_keyboard(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = driver.start(phone_morning)
    calls = phone(scene.sim).calls
    driver.run_until(scene, lambda: calls["red1"].status != CallStatus.COMING)
    scene.clock.paused = True
    driver.frame()
    if calls["red1"].status != CallStatus.RINGING:
        pytest.skip("the MA was busy when it rang")  # pragma: no cover
    driver.key(pygame.K_p)
    driver.key(pygame.K_p)
    form = scene.form
    assert isinstance(form, CallForm)
    assert "My chest is tight and my left arm is numb." in form.words.html_text
    driver.key(pygame.K_e)  # [E] Call 911, no field has the keyboard
    assert form.closed  # still answering: it waits in the queue, then is done
    driver.run_until(scene, lambda: calls["red1"].status == CallStatus.DONE)
    assert any(e.reason.endswith("told to call 911, the provider told")
               for e in scene.sim.ledger.entries)


def test_a_portal_message_opens_from_the_inbox_with_the_chart(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = driver.start(phone_morning)
    calls = phone(scene.sim).calls
    driver.run_until(scene, lambda: calls["mom1"].status == CallStatus.INBOX)
    scene.clock.paused = True
    driver.frame()
    pill = next(r for r, _t, sel in scene.floor.hits if sel == ("station", "inbox"))
    driver.click(pill.center)
    assert scene.selection == ("station", "inbox")
    caption = next(c for c in scene.context.captions() if "June Park" in c)
    button = scene.context.buttons[scene.context.captions().index(caption)]
    driver.click(button.get_abs_rect().center)
    form = scene.form
    assert isinstance(form, CallForm) and form.call.id == "mom1"
    assert "Are Milo's strep results back?" in form.words.html_text
    assert "PARK, Milo" in form.chart.html_text  # the portal account is verified
    assert not form.verify.is_enabled and not form.hold.is_enabled
    driver.click(form.choices["route"].get_abs_rect().center)
    assert form.closed
    assert calls["mom1"].status == CallStatus.DONE


def test_a_walk_in_shows_their_complaint_and_is_screened_through_the_form(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = driver.start(phone_morning)
    rosa = scene.sim.world.patients["w-walkin"]
    assert "Rosa Diaz" not in [scene.queue.name(n) for n in scene.queue.refresh(force=True)]
    driver.run_until(scene, lambda: rosa.status == Status.ARRIVED)
    scene.clock.paused = True
    driver.frame()
    bubble = next((r, t) for r, t, sel in scene.floor.hits
                  if sel == ("patient", rosa.id) and "says" in t)
    assert "I cut my hand on a can yesterday" in bubble[1]
    driver.click(bubble[0].center)
    assert scene.selection == ("patient", rosa.id)
    assert "[W] Screen walk-in\u2026" in scene.context.captions()
    driver.key(pygame.K_w)
    form = scene.form
    assert isinstance(form, WalkInForm)
    assert "I cut my hand on a can yesterday" in form.speech.html_text
    driver.click(form.decisions["fit_in"].get_abs_rect().center)
    assert form.closed
    assert rosa.screened == "fit_in"
    assert any(e.reason == "Screened walk-in Rosa Diaz: fit them into an open slot today"
               for e in scene.sim.ledger.entries)
