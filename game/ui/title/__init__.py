"""The title screen's parts: the catalogue of bundled days, and its layout and drawing."""
