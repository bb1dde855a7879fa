"""The incoming-call card, played with real events: the phone rings, the clock stops, P
answers it live or Esc lets it ring; and the closing checklist's line for calls to return."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.load import LoadedScenario, load_scenario
from game.sim.commands import CompleteTask
from game.sim.view import AnswerCall, CallStatus, phone
from game.ui.context import AppContext
from game.ui.forms.call import CallForm
from game.ui.forms.checklist import ChecklistForm
from game.ui.forms.ringing import RingingCard
from game.ui.saves import Saves
from game.ui.scenes.day import DayScene
from game.ui.scenes.settings import SettingsOverlay
from tests.fuzz_settings import examples
from tests.ui.conftest import Driver

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "phone_morning.json"
FRAME = 1 / 60


@pytest.fixture(scope="module")
def phone_morning() -> LoadedScenario:
    """The test day: Ana Ruiz calls for a refill at 08:10, at the front desk."""
    return load_scenario(FIXTURE)


def start(driver: Driver, loaded: LoadedScenario, card: bool = True) -> DayScene:
    """A day with the card on (the default a player gets) or off, at 4x."""
    driver.ctx.settings.phone_stops_clock = card
    scene = driver.start(loaded)
    driver.key(pygame.K_3)  # 4x, as the player sets it
    assert scene.clock.speed == 4.0
    return scene


def until_ring(driver: Driver, scene: DayScene, call: str = "refill1") -> None:
    """Frames of the largest real step the clock takes (30 simulated s at 4x) until the call
    has rung or a form opened; then one more frame, where the card opens."""
    c = phone(scene.sim).calls[call]
    for _ in range(1000):
        if c.status != CallStatus.COMING or scene.form is not None:
            break
        driver.frame(dt=0.25)
    driver.frame()


def card_of(scene: DayScene) -> RingingCard:
    card = scene.form
    assert isinstance(card, RingingCard), card
    return card


def test_the_phone_rings_the_card_stops_the_clock_and_p_answers_live(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = start(driver, phone_morning)
    until_ring(driver, scene)
    card = card_of(scene)
    assert card.call.id == "refill1" and card.window.window_display_title == \
        "The phone is ringing"
    assert card.where.text == "Ringing at the front desk"
    pill = scene.floor.phone_rect
    assert pill is not None and not card.window.rect.colliderect(pill)  # the light shows
    # The frame that rang stopped at the ring: the whole 30 s are left to answer in.
    assert "Voicemail picks up in 30 s of clinic time" in card.body.html_text
    assert "(about 0.2 s of real time at 4x)" in card.body.html_text
    assert "Now: You are free to answer." in card.body.html_text
    assert card.answer_button.text == "[P] Answer" and card.answer_button.is_enabled
    t = scene.sim.now
    driver.frame(20, dt=0.25)  # five real seconds at 4x: ten minutes of a running day
    assert scene.sim.now == t and scene.clock.held
    assert "PHONE RINGING" in scene.text.drawn
    driver.key(pygame.K_p)
    form = scene.form
    assert isinstance(form, CallForm) and form.call.id == "refill1"
    assert "I need a refill of my lisinopril 10 mg." in form.words.html_text
    assert scene.log.log.commands[-1].command == AnswerCall(call="refill1")
    assert "Answered Ana Ruiz's call" in [e.reason for e in scene.sim.ledger.entries]


def test_esc_lets_it_ring_and_the_clock_runs_to_voicemail(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = start(driver, phone_morning)
    until_ring(driver, scene)
    card_of(scene)
    driver.key(pygame.K_ESCAPE)
    assert scene.form is None and driver.ctx.stack.top is scene  # no pause menu either
    assert scene.log.log.commands == []  # letting it ring is no command
    t = scene.sim.now
    driver.frame(8, dt=0.25)
    call = phone(scene.sim).calls["refill1"]
    assert scene.sim.now > t and call.status == CallStatus.VOICEMAIL
    assert scene.form is None  # the card is not opened again for that ring


def test_the_let_it_ring_button_closes_the_card(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = start(driver, phone_morning)
    until_ring(driver, scene)
    card = card_of(scene)
    assert card.let_ring.text == "[Esc] Let it ring"
    driver.click(card.let_ring.get_abs_rect().center)
    assert scene.form is None and not scene.clock.held


def test_with_the_setting_off_no_card_opens(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = start(driver, phone_morning, card=False)
    until_ring(driver, scene)
    assert phone(scene.sim).calls["refill1"].status == CallStatus.RINGING
    t = scene.sim.now
    driver.frame(1)
    assert "Ringing" in scene.text.drawn  # the light still does its job
    driver.frame(3, dt=0.25)
    assert scene.form is None and scene.sim.now > t


def test_a_ring_while_a_form_is_open_does_not_interrupt_it(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    driver.ctx.settings.clock_in_forms = True  # the day runs on while the checklist is open
    scene = start(driver, phone_morning)
    driver.key(pygame.K_t)
    checklist = scene.form
    assert isinstance(checklist, ChecklistForm)
    calls = phone(scene.sim).calls
    driver.run_until(scene, lambda: calls["refill1"].status != CallStatus.COMING)
    driver.frame(2)
    assert scene.form is checklist and not checklist.closed
    driver.key(pygame.K_ESCAPE)
    driver.frame(3)
    assert scene.form is None  # nor is the card opened later for that ring


def test_busy_the_answer_is_queued_and_the_call_form_opens_when_it_starts(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = start(driver, phone_morning)
    sim = scene.sim
    call = phone(sim).calls["refill1"]
    sim.advance(call.t - 60)
    assert scene.submit(CompleteTask(task="open-stock-exam2")).ok  # four minutes of stocking
    until_ring(driver, scene)
    card = card_of(scene)
    assert 'Now: You are busy with Stock Exam 2' in card.body.html_text
    assert card.answer_button.text == "[P] Answer when free"
    t = sim.now
    driver.frame(4, dt=0.25)
    assert sim.now == t  # busy or not, the card holds the clock until the player chooses
    driver.key(pygame.K_p)
    assert card.queued() and scene.form is card
    assert "Queued" in card.message
    assert "If it rings out first, the queued answer returns the voicemail." in \
        card.body.html_text
    assert card.let_ring.text == "[Esc] Close" and not card.answer_button.is_enabled
    driver.frame(4, dt=0.25)
    assert sim.now > t  # the MA must finish first: the clock runs
    assert call.status == CallStatus.VOICEMAIL  # the stocking outlasted the ring
    assert "It went to voicemail: the queued answer returns the call." in card.body.html_text
    for _ in range(40):
        if isinstance(scene.form, CallForm):
            break
        driver.frame(dt=0.25)
    form = scene.form
    assert isinstance(form, CallForm) and form.call.id == "refill1"
    assert call.status == CallStatus.ON_LINE
    assert "Returned Ana Ruiz's voicemail" in [e.reason for e in sim.ledger.entries]


def test_the_closing_checklist_names_the_calls_to_return(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = start(driver, phone_morning, card=False)
    sim = scene.sim
    sim.advance(phone(sim).calls["refill1"].t + 31)  # rung out: a voicemail waits
    assert phone(sim).calls["refill1"].status == CallStatus.VOICEMAIL
    scene.open_form("checklist", "closing")
    driver.frame()
    form = scene.form
    assert isinstance(form, ChecklistForm) and form.phone_line is not None
    assert form.phone_line.visible and form.phone_line.text == "[P] Return 1 call or message"
    driver.click(form.phone_line.get_abs_rect().center)
    assert form.closed and scene.form is None
    assert scene.selection == ("station", "phone")
    assert any("Return Ana Ruiz's voicemail" in c for c in scene.context.captions())


def test_the_checklist_line_hides_while_nothing_waits_and_p_selects_the_phone(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    scene = start(driver, phone_morning, card=False)
    sim = scene.sim
    scene.open_form("checklist", "closing")
    driver.frame()
    form = scene.form
    assert isinstance(form, ChecklistForm) and form.phone_line is not None
    assert not form.phone_line.visible  # nothing waits yet
    driver.key(pygame.K_p)
    assert scene.form is form and scene.selection is None  # a hidden line does nothing
    sim.advance(phone(sim).calls["spouse1"].t + 31)  # two rang out
    driver.frame()
    assert form.phone_line.visible and form.phone_line.text == \
        "[P] Return 2 calls and messages"
    driver.key(pygame.K_p)
    assert scene.selection == ("station", "phone") and scene.form is None


def test_the_setting_is_toggled_and_saved(driver: Driver, ctx: AppContext) -> None:
    ctx.settings.phone_stops_clock = True
    ctx.show_title()
    overlay = SettingsOverlay(ctx)
    ctx.push(overlay)
    driver.frame()
    assert overlay.ring_button is not None
    assert overlay.ring_button.text == "Phone: stop the clock when it rings (on)"
    driver.click(overlay.ring_button.get_abs_rect().center)
    assert not ctx.settings.phone_stops_clock
    assert overlay.ring_button.text == "Phone: stop the clock when it rings (off)"
    assert not Saves(root=ctx.saves.root).load_settings().phone_stops_clock  # saved at once
    driver.click(overlay.ring_button.get_abs_rect().center)
    assert Saves(root=ctx.saves.root).load_settings().phone_stops_clock


def test_a_bot_playing_the_day_meets_no_card(
        driver: Driver, phone_morning: LoadedScenario) -> None:
    driver.ctx.settings.phone_stops_clock = True
    scene = driver.start(phone_morning, autoplay="reference")
    calls = phone(scene.sim).calls
    driver.run_until(scene, lambda: calls["refill1"].status != CallStatus.COMING)
    driver.frame(3)
    assert not isinstance(scene.form, RingingCard)


# Whatever a player presses at the card, the clock only runs once they have chosen.
KEYS = st.sampled_from([pygame.K_p, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_SPACE,
                        pygame.K_TAB, pygame.K_1, pygame.K_4, pygame.K_a, pygame.K_h,
                        pygame.K_F1])


@settings(max_examples=examples(12), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keys=st.lists(KEYS, min_size=1, max_size=6), busy=st.booleans())
def test_any_keys_at_the_card(driver: Driver, phone_morning: LoadedScenario,
                              keys: list[int], busy: bool) -> None:
    scene = start(driver, phone_morning)
    sim = scene.sim
    call = phone(sim).calls["refill1"]
    sim.advance(call.t - 60)
    if busy:
        assert scene.submit(CompleteTask(task="open-stock-exam2")).ok
    until_ring(driver, scene)
    card = card_of(scene)
    for key in keys:
        if scene.form is not card or card.queued():
            break
        t = sim.now
        driver.key(key)
        if driver.ctx.stack.top is not scene:  # F1 opened help over the day: close it
            driver.key(pygame.K_F1)
        if scene.form is card and not card.queued():
            assert sim.now == t  # still deciding: the day waits
    answers = [tc.command for tc in scene.log.log.commands
               if isinstance(tc.command, AnswerCall)]
    assert all(a.call == "refill1" for a in answers) and len(answers) <= 1
    if answers and not busy:
        assert isinstance(scene.form, CallForm)  # answered live: the call form is open
    if scene.form is None:
        assert not scene.clock.held
    while driver.ctx.stack.scenes:
        driver.ctx.stack.pop()
