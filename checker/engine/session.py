"""The audit's DuckDB session: an in-process connection, its scratch folder, and its close."""

from __future__ import annotations

import contextlib
import importlib
import shutil
import tempfile
import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from pathlib import Path

from checker.engine import cache
from checker.errors import HuitouError, Problem
from checker.lazy import lazy

# Imported on first use: `huitou check --help` reads DEFAULT_MEMORY_LIMIT from here.
duckdb = lazy("duckdb")
ibis = lazy("ibis")

DEFAULT_MEMORY_LIMIT = "3GB"  # DuckDB spills to the scratch folder beyond it
RESULT_CONVERTER = "ibis.backends.duckdb.converter"


def _connect(scratch: str, memory_limit: str | None) -> ibis.BaseBackend:
    try:
        con = ibis.duckdb.connect(
            temp_directory=scratch, memory_limit=memory_limit or DEFAULT_MEMORY_LIMIT
        )
    except duckdb.Error as exc:
        raise HuitouError(
            "Bad --memory-limit.",
            [Problem(f"{memory_limit!r}: {exc}; write e.g. 2GB or 512MB")],
        ) from exc
    con.raw_sql("SET enable_progress_bar = false")  # a constant setting, no data
    # Ibis converts every result with a module that imports pandas (0.17 s): imported on a
    # thread now, while the first (long) query runs, not after it.
    threading.Thread(target=_import_quietly, args=(RESULT_CONVERTER,), daemon=True).start()
    return con


def _import_quietly(module: str) -> None:
    """Import ``module`` ahead; a failure is left for the import where it is needed."""
    with contextlib.suppress(Exception):
        importlib.import_module(module)


@contextmanager
def duckdb_session(
    memory_limit: str | None = None,
    *,
    closer: Executor | None = None,
) -> Iterator[tuple[ibis.BaseBackend, Path]]:
    """An in-process DuckDB connection and a scratch folder (spill files, transcoded input).

    On leaving, the session's tables are dropped and the database closes, so its memory goes
    back before a report is built from the results; with ``closer``, that happens there (a
    thread: the report is built meanwhile; shutting ``closer`` down waits for it)."""
    scratch = tempfile.mkdtemp(prefix="huitou-")
    try:
        con = _connect(scratch, memory_limit)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    token = cache.begin()
    try:
        yield con, Path(scratch)
    finally:
        drop = cache.detach(token)

        def close() -> None:
            try:
                try:
                    drop()
                finally:
                    con.disconnect()
            finally:
                shutil.rmtree(scratch, ignore_errors=True)

        if closer is None:
            close()
        else:
            closer.submit(close).add_done_callback(_told)


def _told(done: Future[None]) -> None:
    """A close that failed elsewhere is told, not lost (the results are whole by then)."""
    if (exc := done.exception()) is not None:
        warnings.warn(f"closing the audit's database failed: {exc!r}", RuntimeWarning, stacklevel=1)
