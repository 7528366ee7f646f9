"""The DuckDB backend: an in-process connection and its scratch folder (the session), the
IGNORE NULLS rewrite of its compiler, and its own way to read files and run queries."""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import ibis
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot.expressions as sge
from ibis.backends.sql.compilers.duckdb import DuckDBCompiler

from checker.engine import cache
from checker.engine.backends.base import Backend, Build, customers_file, no_customer_id
from checker.engine.backends.duckdb_read import open_logs, read_all, stack_in_order
from checker.engine.backends.duckdb_run import compiled
from checker.engine.backends.duckdb_tables import materialize
from checker.engine.backends.options import DEFAULT_MEMORY_LIMIT
from checker.errors import HuitouError, Problem
from checker.log.encoding import as_utf8

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
    except duckdb.OutOfMemoryException as exc:
        raise out_of_memory(memory_limit or DEFAULT_MEMORY_LIMIT, exc) from exc
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


def out_of_memory(limit: str, exc: Exception) -> HuitouError:
    """The audit needed more than DuckDB's memory limit allows, spilling included (a large
    log, or many findings in one pass): what to do about it."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return HuitouError(
        f"The audit ran out of memory: DuckDB needed more than --memory-limit {limit}.",
        [
            Problem(
                f"give it more, e.g. --memory-limit {_doubled(limit)} (this machine has "
                f"{_machine_gb()} GB; leave a third of it for the rest of the audit), or audit "
                f"fewer log files at once ({first})"
            )
        ],
    )


def _doubled(limit: str) -> str:
    """``limit`` twice over, as DuckDB writes sizes (the size itself when it is unusual)."""
    number = "".join(c for c in limit if c.isdigit() or c == ".")
    unit = limit[len(number) :].strip() or "B"
    try:
        return f"{float(number) * 2:g}{unit}"
    except ValueError:
        return limit


def _machine_gb() -> int:
    """The machine's memory in GB (0 when it cannot be told)."""
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    except (ValueError, OSError, AttributeError):
        return 0


def _told(done: Future[None]) -> None:
    """A close that failed elsewhere is told, not lost (the results are whole by then)."""
    if (exc := done.exception()) is not None:
        warnings.warn(f"closing the audit's database failed: {exc!r}", RuntimeWarning, stacklevel=1)


class NullSkippingDuckDBCompiler(DuckDBCompiler):
    """Ibis's DuckDB compiler, but a window's first and last value skip NULLs, as Ibis's
    PySpark compiler already writes them (``FIRST(x) IGNORE NULLS``): the same expression
    then means the same on both backends (see `checker.engine.nearest`)."""

    def visit_FirstValue(self, op: Any, *, arg: sge.Expression) -> sge.Expression:
        return sge.IgnoreNulls(this=self.f.first_value(arg))

    def visit_LastValue(self, op: Any, *, arg: sge.Expression) -> sge.Expression:
        return sge.IgnoreNulls(this=self.f.last_value(arg))


class DuckDB(Backend):
    """The audit on an in-process DuckDB connection (see `duckdb_session`)."""

    name = "duckdb"

    def __init__(self, con: ibis.BaseBackend, workdir: Path) -> None:
        super().__init__(con, workdir)
        if not isinstance(con.compiler, NullSkippingDuckDBCompiler):
            con.compiler = NullSkippingDuckDBCompiler()

    def read_logs(
        self,
        paths: list[Path],
        aliases: dict[str, str],
        build: Build,
        on_rows: Callable[[int], None] | None = None,
    ) -> ir.Table:
        con, workdir = self.con, self.workdir
        return read_all(  # the one read of the input files
            lambda mode: cache.hold(
                *stack_in_order(
                    con, open_logs(con, paths, aliases, workdir, mode), build, paths, on_rows
                )
            )
        )

    def read_customers(self, path: Path) -> ir.Table:
        # A small file: read by one thread, which also copes with quoted line breaks.
        t = self.con.read_csv(
            as_utf8(customers_file(path), self.workdir),
            all_varchar=True,
            header=True,
            null_padding=True,
            parallel=False,
        )
        if "customer_id" not in t.columns:
            raise no_customer_id(t.columns, path)
        return t.mutate(line=(ibis.row_number() + 2).cast("int64"))

    def runner(self, expr: ir.Table) -> Callable[[], pa.Table]:
        return compiled(self.con, expr)

    def materialize(self, expr: ir.Table) -> ir.Table:
        return materialize(self.con, expr)
