"""The nearest matching row in a window: the value of the first (or last) row of the frame
that matches, through first/last value skipping NULLs.

Over rows ordered by time, "the earliest time among the following rows that match" is the
time of the first following row that matches. A window aggregate (``MIN ... FILTER``) finds
it by combining every frame's values; ``first_value(... IGNORE NULLS)`` reads it off the
next matching row, which DuckDB does in a fraction of the time.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from checker.engine.context import stamp
from checker.lazy import lazy

if TYPE_CHECKING:
    import ibis.expr.types as ir

ibis = lazy("ibis")  # imported by the first expression built (the registry's words need none)


def first_where(value: ir.Value, where: ir.BooleanValue, window: Any) -> ir.Value:
    """``value`` of the first row of ``window``'s frame where ``where`` holds (NULL: none).
    ``value`` must not be NULL where ``where`` holds."""
    return ibis.ifelse(where, value, ibis.null(value.type())).first().over(window)


def last_where(value: ir.Value, where: ir.BooleanValue, window: Any) -> ir.Value:
    """``value`` of the last row of ``window``'s frame where ``where`` holds (NULL: none).
    ``value`` must not be NULL where ``where`` holds."""
    return ibis.ifelse(where, value, ibis.null(value.type())).last().over(window)


def last_of_either(
    ts: ir.TimestampValue, first: ir.BooleanValue, second: ir.BooleanValue, window: Any
) -> ir.IntegerValue:
    """Of the rows of ``window``'s frame in ``first`` or ``second``, the last one, as its
    time's stamp (`checker.engine.context.stamp`): positive when that row is in ``first``
    and not in ``second``, negative otherwise; NULL when there is none. "The last trigger
    comes after the last reset" is then one window, not two (a positive value), and the
    stamp gives the trigger's time. ``first`` and ``second`` must not be NULL."""
    at = stamp(ts)
    return last_where(ibis.ifelse(first & ~second, at, -at), first | second, window)


@cache
def _null_skipping_compiler() -> type:
    """Ibis's DuckDB compiler, but a window's first and last value skip NULLs, as Ibis's
    PySpark compiler already writes them (``FIRST(x) IGNORE NULLS``): the same expression
    then means the same on both backends. (Defined on first use: it subclasses a class of
    Ibis's DuckDB backend, which the rule kinds' words must not import.)"""
    import sqlglot.expressions as sge
    from ibis.backends.sql.compilers.duckdb import DuckDBCompiler

    class NullSkippingDuckDBCompiler(DuckDBCompiler):
        def visit_FirstValue(self, op: Any, *, arg: sge.Expression) -> sge.Expression:
            return sge.IgnoreNulls(this=self.f.first_value(arg))

        def visit_LastValue(self, op: Any, *, arg: sge.Expression) -> sge.Expression:
            return sge.IgnoreNulls(this=self.f.last_value(arg))

    return NullSkippingDuckDBCompiler


def __getattr__(name: str) -> Any:
    if name == "NullSkippingDuckDBCompiler":
        return _null_skipping_compiler()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def adapt(con: Any) -> None:
    """Make ``con`` compile a window's first/last value skipping NULLs, which `first_where`
    and `last_where` rely on. Ibis's PySpark compiler does already; a backend that is
    neither is refused by name (its results would be wrong, not slow)."""
    if con.name == "duckdb":
        compiler = _null_skipping_compiler()
        if not isinstance(con.compiler, compiler):
            con.compiler = compiler()
    elif con.name != "pyspark":
        from ibis.common.exceptions import UnsupportedBackendType

        raise UnsupportedBackendType(
            f"the audit runs on DuckDB or PySpark, not {con.name}: its first/last value "
            "would not skip NULLs"
        )
