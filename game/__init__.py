"""Clinic Day: a medical assistant's clinic day, as a game and a headless simulation."""

__version__ = "0.1.0"
