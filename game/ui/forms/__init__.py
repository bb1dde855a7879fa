"""The forms the player fills in: check-in, vitals, lab, scheduling, checkout, checklists."""
