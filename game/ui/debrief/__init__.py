"""The debrief screen's parts: its layout and drawing, teaching notes and the timeline."""
