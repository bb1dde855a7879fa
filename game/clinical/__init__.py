"""Clinical and front-office reference data, kept as data with its sources."""
