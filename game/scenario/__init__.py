"""The scenario file format: models, loading with friendly errors, and the JSON Schema."""
