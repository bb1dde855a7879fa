"""The forms the day scene can open, by key: FORMS[key](ctx, sim, subject, submit, rect)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from game.ui.forms.base import Form
from game.ui.forms.call import CallForm
from game.ui.forms.check_in import CheckInForm
from game.ui.forms.checklist import ChecklistForm
from game.ui.forms.checkout import CheckoutForm
from game.ui.forms.ecg import EcgForm
from game.ui.forms.lab import LabForm
from game.ui.forms.medication import MedicationForm
from game.ui.forms.poc import PocForm
from game.ui.forms.ringing import RingingCard
from game.ui.forms.schedule import ScheduleForm
from game.ui.forms.supplies import SuppliesForm
from game.ui.forms.vitals import VitalsForm
from game.ui.forms.walk_in import WalkInForm

# Read-only: the table is data, not state.
FORMS: Mapping[str, type[Form]] = MappingProxyType({
    "check_in": CheckInForm,
    "vitals": VitalsForm,
    "lab": LabForm,
    "schedule": ScheduleForm,
    "checkout": CheckoutForm,
    "checklist": ChecklistForm,
    "call": CallForm,
    "walk_in": WalkInForm,
    "ringing": RingingCard,
    "poc": PocForm,
    "supplies": SuppliesForm,
    "ecg": EcgForm,
    "medication": MedicationForm,
})
