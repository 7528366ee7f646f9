"""The backends an audit runs on, behind one boundary (`checker.engine.backends.base`).

``duckdb`` (in-process, the default) and ``spark`` (Ibis's PySpark backend: local mode, a
cluster or Spark Connect). Any other engine or Ibis backend is refused by name.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from checker.engine.backends.options import DEFAULT_SPARK_MASTER, ENGINES, EngineOptions
from checker.errors import HuitouError, Problem

if TYPE_CHECKING:
    import ibis

    from checker.engine.backends.base import Backend

__all__ = ["DEFAULT_SPARK_MASTER", "ENGINES", "EngineOptions", "backend_for", "open_backend"]


def backend_for(con: ibis.BaseBackend, workdir: Path) -> Backend:
    """The backend of an Ibis connection. Only DuckDB and PySpark are known: on any other,
    a window's first/last value would not skip NULLs (`checker.engine.nearest`), so the
    results would be wrong, not slow."""
    if con.name == "duckdb":
        from checker.engine.backends.duckdb import DuckDB

        return DuckDB(con, workdir)
    if con.name == "pyspark":
        from checker.engine.backends.spark import Spark

        return Spark(con, workdir)
    from ibis.common.exceptions import UnsupportedBackendType

    raise UnsupportedBackendType(
        f"the audit runs on DuckDB or PySpark, not {con.name}: its first/last value "
        "would not skip NULLs"
    )


@contextmanager
def open_backend(options: EngineOptions, *, closer: Executor | None = None) -> Iterator[Backend]:
    """A session of ``options.engine``, closed on leaving (on ``closer`` for DuckDB)."""
    if options.engine == "duckdb":
        from checker.engine.backends.duckdb import duckdb_session

        with duckdb_session(options.memory_limit, closer=closer) as (con, workdir):
            yield backend_for(con, workdir)
    elif options.engine == "spark":
        from checker.engine.backends.spark import spark_session

        with spark_session(options.spark_master) as (con, workdir):
            yield backend_for(con, workdir)
    else:
        raise HuitouError(
            "Unsupported engine.",
            [Problem(f"{options.engine!r}: use one of {', '.join(ENGINES)}")],
        )
