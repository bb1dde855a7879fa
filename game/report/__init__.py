"""The end-of-day report: its model and its JSON, HTML, CSV and text forms."""
