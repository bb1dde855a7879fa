"""Clinic Day: a medical assistant's clinic day, as a game and a headless simulation."""

__version__ = "0.1.0"

# The version of the game's rules, the one place it is kept. Raise it with every change that
# can alter a day's outcome (a rule, a score, a duration, the world's randomness): a session
# log records it, and a log made under other rules is reported as such instead of as tampered.
# 2: judged ranges, order of draw and notes of issue 6; the log binds all of its fields.
# 3: a team of staff with queues; rules declared per concern (issue 7's shape).
# 4: the phone, portal messages and walk-ins; a concern may hold a staff member (a guard).
# 5: medications and vaccines, point-of-care tests, the ECG and supplies.
# 6: a patient's new insurance card is scored as reading the card (VIII.P.1).
# 7: scripted mid-day events (the provider late, a fridge alarm, the courier moved, a room
#    out of service), each a rule with its commands and score.
RULES_VERSION = 7
