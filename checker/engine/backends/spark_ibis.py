"""Ibis's PySpark backend, with two corrections the audit needs.

- Trimming: Ibis writes ``TRIM(' \\t\\n\\r\\v\\f' FROM x)``, and Spark's SQL reads ``\\v`` and
  ``\\f`` in a string literal as the letters ``v`` and ``f``, so ``'vip'.strip()`` gave
  ``'ip'``. Here the characters are given by their code (``CHR``), as DuckDB trims them.
- Results and in-memory tables: Ibis moves them through pandas, which turns a missing
  string into NaN (and then the text ``'NaN'``) and widens integers with NULLs to floats.
  Here they move as Arrow (``toArrow``, ``createDataFrame`` of an Arrow table) with Ibis's
  types, as on DuckDB.

And, in local mode, one change of cost: a cached table (``Table.cache()``, see
`checker.engine.cache`) is a local checkpoint, not a cached DataFrame. A cached DataFrame's
view keeps the whole plan that made it, and Spark analyses that plan again in every query that
reads the view: every pass reads the events, whose plan holds the reading and normalising of
every file. One query over them spent 2.6 s in Spark's analyser alone, and an audit of six
small files took 14.4 s; as checkpoints (a plan of one leaf: the rows themselves), 7 s, with
the same report (`benchmarks/README.md`). The checkpoint's rows are on the local disk, not in
the heap: kept in memory as rows, those of the 2M-event demo left too little of the JVM's
default 1 GB heap for the passes' aggregates, which ran out of it; on disk the audit took as
long as with cached DataFrames (83.6 s against 83.1 s). A checkpoint has no plan to compute
its rows again from: safe in local mode, where the driver is the only executor, but not on a
cluster, where an executor lost (or removed by dynamic allocation) would fail the audit;
there, and on Spark Connect, a cached table stays a cached DataFrame.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot.expressions as sge
from ibis.backends.pyspark import Backend as PySparkBackend
from ibis.backends.sql.compilers.pyspark import PySparkCompiler
from ibis.formats.pyarrow import PyArrowData

WHITESPACE = [ord(c) for c in string.whitespace]  # space, \t, \n, \r, \v, \f


class TrimmingPySparkCompiler(PySparkCompiler):
    """Ibis's PySpark compiler, trimming the whitespace characters by code."""

    def _whitespace(self) -> sge.Expression:
        codes = [sge.Chr(expressions=[sge.Literal.number(code)]) for code in WHITESPACE]
        return sge.Concat(expressions=codes, safe=True, coalesce=False)

    def visit_Strip(self, op: Any, *, arg: sge.Expression) -> sge.Expression:
        return sge.Trim(this=arg, expression=self._whitespace())


class ArrowPySparkBackend(PySparkBackend):
    """Ibis's PySpark backend with `TrimmingPySparkCompiler`, fetching results as Arrow;
    its cached tables are checkpoints where ``checkpoints`` is set (see above)."""

    compiler = TrimmingPySparkCompiler()
    checkpoints = False

    def _create_cached_table(self, name: str, expr: ir.Table) -> ir.Table:
        if not self.checkpoints:
            return super()._create_cached_table(name, expr)
        from pyspark import StorageLevel  # with Spark: only once a session runs

        query = self._session.sql(self.compile(expr))
        df = query.localCheckpoint(eager=True, storageLevel=StorageLevel.DISK_ONLY)
        df.createTempView(name)
        self._cached_dataframes[name] = df
        return self.table(name)

    def _drop_cached_table(self, name: str) -> None:
        if not self.checkpoints:
            return super()._drop_cached_table(name)
        self._session.catalog.dropTempView(name)
        # The checkpoint's rows are the blocks of the RDD under its one-leaf plan: freed now,
        # not when the JVM's garbage collector finds the RDD unreferenced, and waited for (a
        # session stopped right after would refuse a removal still queued).
        rdd = self._cached_dataframes.pop(name)._jdf.queryExecution().logical().rdd()
        rdd.unpersist(True)
        return None

    def _register_in_memory_table(self, op: Any) -> None:
        data = op.data.to_pyarrow(op.schema)
        df = self._session.createDataFrame(data.combine_chunks())
        df.createOrReplaceTempView(op.name)

    def to_pyarrow(
        self,
        expr: ir.Expr,
        /,
        *,
        params: Mapping[ir.Scalar, Any] | None = None,
        limit: int | str | None = None,
        **kwargs: Any,
    ) -> pa.Table:
        self._run_pre_execute_hooks(expr)
        table_expr = expr.as_table()
        sql = self.compile(table_expr, params=params, limit=limit, **kwargs)
        fetched = self._session.sql(sql).toArrow()
        schema = table_expr.schema()
        # Spark names the columns as the query does: given back as Ibis names them.
        table = PyArrowData.convert_table(fetched.rename_columns(schema.names), schema)
        return expr.__pyarrow_result__(table)


def connect(session: Any) -> ArrowPySparkBackend:
    """An Ibis connection to ``session``, caching as checkpoints in local mode."""
    if getattr(ibis.options, "pyspark", None) is None:  # as ``ibis.pyspark`` would
        ArrowPySparkBackend.register_options()
    con = ArrowPySparkBackend(session)
    con.reconnect()
    con.checkpoints = is_local(session)
    return con


def is_local(session: Any) -> bool:
    """Whether ``session`` runs in local mode: its driver is its only executor (a Spark
    Connect session is a client of a server: not local, whatever the server runs)."""
    if type(session).__module__.startswith("pyspark.sql.connect"):
        return False
    return local_master(str(session.sparkContext.master))


def local_master(master: str) -> bool:
    """``local``, ``local[N]``, ``local[*]`` or ``local[N,F]``: one JVM. Not
    ``local-cluster[...]``, whose executors run in JVMs of their own."""
    return master == "local" or master.startswith("local[")
