"""`clinic-day watch LOG`: a student's saved session replayed in the window for the instructor."""
