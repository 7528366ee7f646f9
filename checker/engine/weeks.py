"""The week an outcome is counted in for the weekly trends (see `checker.trends`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ibis.expr.types as ir

WEEK = "week"  # the column of the engine's counts that holds it


def week_of(ts: ir.TimestampValue) -> ir.DateValue:
    """The Monday of ``ts``'s ISO week, a date. DuckDB's and Spark's ``date_trunc('week')``
    both start the week on Monday; ``ts`` is a local time in the playbook's zone, so the week
    is the shop's."""
    return ts.truncate("W").cast("date")
