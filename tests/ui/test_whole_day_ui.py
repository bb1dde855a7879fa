"""A whole short_morning day played through the UI alone: real keys, typing and clicks."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable

import pygame

from game.clinical.vitals import Reading, abnormal_signs
from game.headless import replay
from game.scenario.types import WEEKDAYS, clock, seconds
from game.sim.commands import RecordVitals
from game.sim.log import load_log, log_digest
from game.sim.results import Rejected, Result
from game.sim.rules.lab import needed_tubes
from game.sim.state import Status
from game.ui import app
from game.ui.day.needs import Need
from game.ui.forms.check_in import CheckInForm
from game.ui.forms.checklist import ChecklistForm
from game.ui.forms.checkout import CheckoutForm
from game.ui.forms.lab import LabForm
from game.ui.forms.ringing import RingingCard
from game.ui.forms.schedule import ScheduleForm
from game.ui.forms.vitals import FLAGS, VitalsForm
from game.ui.scenes.day import DayScene
from game.ui.scenes.debrief import DebriefScene

IDLE_DT = 0.25  # real seconds per waiting frame: the clock's cap, 30 simulated s at 4x
MAX_STEPS = 5000
DONE = (Status.CHECKED_OUT, Status.LEFT, Status.NO_SHOW)
CAPTION = re.compile(r"^\[(\w)\] (.*)$")
# Queue needs met by one context-panel button: the need's label -> the button's label.
BUTTONS = {"vitals": "Measure vitals", "history": "Review history", "pack tubes": "Pack ",
           "centrifuge": "Centrifuge", "chart": "Complete chart", "referral": "Send referral",
           "no-show?": "Mark no-show", "escalate": "Escalate", "assist provider": "Assist",
           "disinfect": "Disinfect"}


class Stuck(AssertionError):
    """The player could not go on."""


class Player:
    """Looks at the screen, presses keys, types and clicks; never calls submit itself."""

    def __init__(self, driver, scene: DayScene, results: list[Result]) -> None:
        self.driver, self.scene, self.sim = driver, scene, scene.sim
        self.results = results  # what the simulation answered, to fail fast on a refusal
        self.cards = 0  # incoming-call cards met (and let ring)
        self.forms = {"check in": self.check_in, "record vitals": self.record_vitals,
                      "labs": self.labs, "follow-up": self.follow_up,
                      "checkout": self.checkout, "room": self.room}

    # --- what the player sees -----------------------------------------------------------
    def where(self) -> str:
        """Where the player is, for a failure message."""
        s, form = self.scene, self.scene.form
        toasts = s.toasts.texts()
        return (f"at {clock(self.sim.now)}: selection {s.selection}, form "
                f"{type(form).__name__ if form else None}"
                f"{f' saying {form.message!r}' if form is not None else ''}, last toast "
                f"{toasts[-1] if toasts else None!r}, queue "
                f"{[(n.patient, n.label) for n in s.queue.refresh(force=True)]}")

    def fail(self, why: str) -> Stuck:
        return Stuck(f"{why} {self.where()}")

    def buttons(self) -> dict[str, str]:
        """The context panel's buttons: label -> shortcut letter, as shown on screen."""
        return {m[2]: m[1].lower() for c in self.scene.context.captions()
                if (m := CAPTION.match(c))}

    # --- the player's hands -------------------------------------------------------------
    def key(self, key: int | str, mod: int = 0) -> None:
        self.driver.key(ord(key) if isinstance(key, str) else key, mod)

    def type(self, text: str) -> None:
        for ch in text:
            self.driver.post(pygame.TEXTINPUT, text=ch)

    def wait(self, done: Callable[[], bool], what: str, limit: int = 400) -> None:
        """Big frames until something holds (a form open while the MA is busy lets time run)."""
        for _ in range(limit):
            if done():
                return
            self.driver.frame(dt=IDLE_DT)
        raise self.fail(f"waited in vain for {what}")

    def wait_free(self) -> None:
        self.wait(lambda: self.sim.is_free(), "the MA to be free")

    def accepted(self, before: int) -> None:
        """Fail at once when what was just sent was refused."""
        if len(self.results) > before and isinstance(self.results[-1], Rejected):
            raise self.fail(f"refused: {self.results[-1].reason}")

    def press(self, label: str) -> bool:
        """The panel button whose label starts so, by its key; False if it is not offered."""
        letter = next((k for text, k in self.buttons().items() if text.startswith(label)), None)
        if letter is None:
            return False
        before = len(self.results)
        self.key(letter)
        self.accepted(before)
        return True

    def select(self, sel: tuple[str, str]) -> bool:
        """Tab through the queue until the item is selected."""
        for _ in range(len(self.scene.queue.refresh(force=True)) + 2):
            if self.scene.selection == sel:
                return True
            self.key(pygame.K_TAB)
        return self.scene.selection == sel

    def open(self, label: str, cls: type):
        if not self.press(label):
            raise self.fail(f"no '{label}' button")
        form = self.scene.form
        if not isinstance(form, cls):
            raise self.fail(f"'{label}' did not open the {cls.__name__}")
        return form

    def enter(self, form) -> None:
        """Enter: the form's main action; it closes when the simulation accepts."""
        before = len(self.results)
        self.key(pygame.K_RETURN)
        self.accepted(before)
        if not form.closed:
            raise self.fail(f"{type(form).__name__} stayed open")

    def form_click(self, widget) -> None:
        """A form's button that submits a command, clicked; then the time it takes."""
        before = len(self.results)
        self.driver.click(widget.get_abs_rect().center)
        if len(self.results) == before:
            raise self.fail(f"'{widget.text}' sent nothing")
        self.accepted(before)
        self.wait_free()

    def form_key(self, form, key: str) -> None:
        """A form's shortcut that submits a command, then the time it takes."""
        before = len(self.results)
        self.key(key)
        if len(self.results) == before:
            raise self.fail(f"'{key}' sent nothing")
        self.accepted(before)
        self.wait_free()

    # --- one decision -------------------------------------------------------------------
    def step(self) -> bool:
        """Do the next thing; False once the debrief is showing."""
        scene, sim = self.scene, self.sim
        if isinstance(scene.ctx.stack.top, DebriefScene):
            return False
        if isinstance(scene.form, RingingCard):
            self.cards += 1
            self.key(pygame.K_ESCAPE)  # this player lets the phone ring
            if scene.form is not None:
                raise self.fail("Esc did not close the ringing card")
            return True
        if scene.form is not None:
            raise self.fail("a form was left open")
        if not sim.is_free() or sim.lead.clocked_out:
            self.driver.frame(dt=IDLE_DT)
            return True
        if sim.phase == "opening" and self.checklist_left("opening"):
            self.checklist()
            return True
        if any(self.meet(n) for n in scene.queue.refresh(force=True)):
            return True
        if all(p.status in DONE for p in sim.world.patients.values()):
            if not self.checklist_left("closing"):
                self.key(pygame.K_BACKSPACE)  # nothing selected: the day's own buttons
                if not self.press("Clock out"):
                    raise self.fail("no Clock out button")
                return True
            if scene.queue._checklist_left():  # the closing checklist has begun
                self.checklist()
                return True
        self.driver.frame(dt=IDLE_DT)
        return True

    def checklist_left(self, phase: str) -> bool:
        return any(t.phase == phase and t.done_t is None for t in self.sim.world.tasks.values())

    def meet(self, need: Need) -> bool:
        """Select the need's patient or room and do what it waits for, if possible now."""
        handler = self.forms.get(need.label)
        if handler is None and need.label not in BUTTONS:
            return False  # nothing for the MA yet (provider, clotting, spinning)
        if not self.select(need.selection):
            return False
        if handler is not None:
            return handler(need.patient)
        return self.press(BUTTONS[need.label])

    # --- the forms, by keyboard ---------------------------------------------------------
    def checklist(self) -> None:
        """T; type what the thermometers show; click each Done (digits are speed keys)."""
        self.key("t")  # T works whatever is selected
        form = self.scene.form
        if not isinstance(form, ChecklistForm):
            raise self.fail("T did not open the checklist")
        for i, block in enumerate(form.fridges):
            if block.task.done_t is not None:
                continue
            fridge, freezer = form.thermometers[2 * i: 2 * i + 2]
            for shown in (fridge, freezer):
                self.key(pygame.K_TAB)
                self.type(shown.text.split()[0])
            c = [float(w.text.split()[0]) for w in (fridge, freezer)]
            if not (2 <= c[0] <= 8 and -50 <= c[1] <= -15):
                self.key("q", pygame.KMOD_LALT)  # out of CDC range: report it
            self.form_key(form, pygame.K_RETURN)
        for ts, button, _ in list(form.rows):
            if ts.done_t is None:
                self.form_click(button)
        if not form.closed:
            raise self.fail("the checklist stayed open")

    def check_in(self, pid: str) -> bool:
        """Two identifiers, eligibility, what the patient said, the copay shown."""
        form = self.open("Check in", CheckInForm)
        self.key("n")
        self.key("d")
        said = form.speech.html_text
        if "new insurance card" in said:
            self.key("s")
        self.key("e")
        answer = form.answer_good.text or form.answer_bad.text
        copay = "0"
        if "INACTIVE" in answer:
            self.key("i")
        elif m := re.search(r"copay \$([\d.,]+)", answer):
            copay = m[1]
        else:
            raise self.fail(f"no copay in the eligibility answer {answer!r}")
        if "I moved" in said:
            self.key("u")
        self.key(pygame.K_TAB)  # the copay field
        self.type(copay)
        self.enter(form)
        return True

    def room(self, pid: str) -> bool:
        """A clean room if one is free (a dirty one is disinfected first, as its own need)."""
        room = next((t for t in self.buttons() if t.startswith("Room in") and "(clean" in t),
                    None)
        return room is not None and self.press(room)

    def record_vitals(self, pid: str) -> bool:
        """Allergies first; each device value, Tab between fields; Alt+key ticks abnormal signs."""
        form = self.open("Record vitals", VitalsForm)
        if "not reviewed" in form.history.text:
            # Before recording: a recorded patient is ready, and a free provider goes in.
            self.form_key(form, "h")
        shown = [w.text for w in form.readings]
        systolic, diastolic = shown[0].split("/")
        values = dict(zip(("systolic", "diastolic", "pulse", "resp", "temp_f", "spo2",
                           "weight_lb", "height_in"), (systolic, diastolic, *shown[1:]),
                          strict=True))
        for attr in form.fields:
            self.key(pygame.K_TAB)
            self.type(values[attr])
        p = self.sim.world.patients[pid]
        assert p.measured is not None
        keys = {name: key for name, _, key in FLAGS}
        for sign in sorted(abnormal_signs(p.measured, p.age_years)):
            self.key(keys[sign], pygame.KMOD_LALT)
        self.enter(form)
        return True

    def labs(self, pid: str) -> bool:
        """Tubes clicked in the order of draw, two identifiers, draw, label."""
        form = self.open("Labs", LabForm)
        p = self.sim.world.patients[pid]
        self.key("n")
        self.key("d")
        if needed_tubes(p) and not p.drawn:
            for code in needed_tubes(p):  # the order of draw, clicked on the rack
                self.driver.click(form.tubes[code].get_abs_rect().center)
            self.form_key(form, pygame.K_RETURN)
            self.form_key(form, "l")
        if "POC_GLUCOSE" in p.spec.orders.labs and not p.poc_done:
            self.form_key(form, "f")
        self.key(pygame.K_ESCAPE)
        return True

    def follow_up(self, pid: str) -> bool:
        """A free slot inside the provider's window that suits what the patient said."""
        form = self.open("Book follow-up", ScheduleForm)
        av = self.sim.world.patients[pid].spec.availability
        for _ in range(12):
            for row, cells in enumerate(form.cells):
                time = form.times[row + form.offset]
                for day, cell in zip(form.days(), cells, strict=True):
                    if (cell.is_enabled and form.in_window(day)
                            and WEEKDAYS[day.weekday()] in av.weekdays
                            and seconds(av.earliest or "00:00") <= seconds(time)
                            and seconds(time) <= seconds(av.latest or "23:59")):
                        self.driver.click(cell.get_abs_rect().center)
                        if form.selected != (day, time):
                            raise self.fail(f"clicking {day} {time} did not choose it")
                        self.enter(form)
                        return True
            self.key(pygame.K_PAGEDOWN)
        raise self.fail("no slot suits the patient")

    def checkout(self, pid: str) -> bool:
        form = self.open("Check out", CheckoutForm)
        p = self.sim.world.patients[pid]
        if p.spec.orders.referral and not p.referral_done:
            self.form_key(form, "r")
        self.enter(form)
        return True


def test_a_whole_day_through_the_ui(driver, short_morning, monkeypatch) -> None:
    driver.ctx.settings.phone_stops_clock = True  # every ring opens its card, as by default
    scene = driver.start(short_morning, seed=1)
    sim = scene.sim
    assert scene.autoplay_bot is None
    app_file = app.__file__
    sent: list[tuple[int, object]] = []
    results: list[Result] = []
    real_submit = sim.submit

    def spy(command):  # every command reaching the simulation, whoever sent it
        stack = inspect.stack(0)
        from_event = any(f.function == "dispatch" and f.filename == app_file for f in stack)
        assert from_event, f"{command} did not come from an event dispatched by the App"
        sent.append((sim.now, command))
        results.append(real_submit(command))
        return results[-1]

    monkeypatch.setattr(sim, "submit", spy)
    player = Player(driver, scene, results)
    player.key(pygame.K_3)
    assert scene.clock.speed == 4.0
    for _ in range(MAX_STEPS):
        if not player.step():
            break
    else:
        raise player.fail(f"the day did not end in {MAX_STEPS} steps")

    assert isinstance(driver.ctx.stack.top, DebriefScene)
    report = scene.report
    assert player.cards, "no call rang: the card was never met"
    assert report["score"]["passed"] and report["score"]["total"] >= 80, report["score"]
    assert report["critical_errors"] == []
    assert driver.ctx.stack.top.report is report
    assert [p["outcome"] for p in report["patients"]] == ["seen"] * 5  # nobody is a no-show
    assert not [r for r in results if isinstance(r, Rejected)]
    for _, c in sent:  # typed digit by digit, exactly what the devices showed
        if isinstance(c, RecordVitals):
            assert Reading(c.systolic, c.diastolic, c.pulse, c.resp, c.temp_f, c.spo2,
                           c.weight_lb, c.height_in) == sim.world.patients[c.patient].measured
    log = load_log(scene.log.path)
    assert [(tc.t, tc.command) for tc in log.commands] == sent
    assert log.commands == scene.log.log.commands
    assert log.final_digest == log_digest(log, report["digest"])
    assert replay(scene.log.path, None, None) == 0

