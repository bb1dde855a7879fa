"""The deterministic clinic-day simulation; it imports no pygame and reads no wall clock."""
