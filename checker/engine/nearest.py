"""The nearest matching row in a window: the value of the first (or last) row of the frame
that matches, through first/last value skipping NULLs.

Over rows ordered by time, "the earliest time among the following rows that match" is the
time of the first following row that matches. A window aggregate (``MIN ... FILTER``) finds
it by combining every frame's values; ``first_value(... IGNORE NULLS)`` reads it off the
next matching row, which DuckDB does in a fraction of the time. Ibis's PySpark compiler
writes first/last value skipping NULLs; the DuckDB backend's compiler is made to (see
`checker.engine.backends.duckdb`); other backends are refused (`checker.engine.backends`).
"""

from __future__ import annotations

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
