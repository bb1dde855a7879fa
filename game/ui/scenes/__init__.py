"""The screens, one Scene each (title, day, debrief, overlays); parts in title/, day/, debrief/."""
