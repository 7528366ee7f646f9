"""Ibis's PySpark backend, with two corrections the audit needs.

- Trimming: Ibis writes ``TRIM(' \\t\\n\\r\\v\\f' FROM x)``, and Spark's SQL reads ``\\v`` and
  ``\\f`` in a string literal as the letters ``v`` and ``f``, so ``'vip'.strip()`` gave
  ``'ip'``. Here the characters are given by their code (``CHR``), as DuckDB trims them.
- Results and in-memory tables: Ibis moves them through pandas, which turns a missing
  string into NaN (and then the text ``'NaN'``) and widens integers with NULLs to floats.
  Here they move as Arrow (``toArrow``, ``createDataFrame`` of an Arrow table) with Ibis's
  types, as on DuckDB.
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
    """Ibis's PySpark backend with `TrimmingPySparkCompiler`, fetching results as Arrow."""

    compiler = TrimmingPySparkCompiler()

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
    """An Ibis connection to ``session``."""
    if getattr(ibis.options, "pyspark", None) is None:  # as ``ibis.pyspark`` would
        ArrowPySparkBackend.register_options()
    con = ArrowPySparkBackend(session)
    con.reconnect()
    return con
