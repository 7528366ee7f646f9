"""The audit engine: rule kinds as Ibis expressions, run on DuckDB (or any Ibis backend)."""
