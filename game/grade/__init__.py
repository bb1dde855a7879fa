"""`clinic-day grade`: replay a class's session logs, verify each, and write a gradebook."""
