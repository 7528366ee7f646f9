"""Materialised intermediate tables, released when the audit session ends."""

from __future__ import annotations

from contextvars import ContextVar

import ibis.expr.types as ir

_HELD: ContextVar[list[ir.Table] | None] = ContextVar("huitou_cached", default=None)


def materialize(expr: ir.Table) -> ir.Table:
    """``expr.cache()`` (a temp table on DuckDB, a cached DataFrame on Spark), tracked."""
    table = expr.cache()
    held = _HELD.get()
    if held is not None:
        held.append(table)
    return table


def drop(table: ir.Table) -> None:
    """Release a materialised table early (nothing may read it afterwards)."""
    held = _HELD.get()
    if held is not None:
        held[:] = [t for t in held if t is not table]
    table.release()


def begin() -> object:
    return _HELD.set([])


def release(token: object) -> None:
    for table in reversed(_HELD.get() or []):
        table.release()
    _HELD.reset(token)  # type: ignore[arg-type]
