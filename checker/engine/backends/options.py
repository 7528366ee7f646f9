"""What the command line chooses about the backend, importable without any backend (so that
``huitou check --help`` imports neither Ibis, DuckDB nor PySpark)."""

from __future__ import annotations

from dataclasses import dataclass

ENGINES = ("duckdb", "spark")
DEFAULT_SPARK_MASTER = "local[*]"
DEFAULT_MEMORY_LIMIT = "3GB"  # DuckDB spills to the scratch folder beyond it


@dataclass(frozen=True)
class EngineOptions:
    """What the command line says about the backend."""

    engine: str = "duckdb"
    memory_limit: str | None = None  # DuckDB's
    spark_master: str = DEFAULT_SPARK_MASTER
