"""Materialised intermediate tables, released when the audit session ends."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ibis.expr.types as ir

_HELD: ContextVar[list[tuple[ir.Table, Callable[[], None]]] | None] = ContextVar(
    "huitou_cached", default=None
)


def hold(table: ir.Table, release: Callable[[], None]) -> ir.Table:
    """Track a table the session must release (``release`` drops it)."""
    held = _HELD.get()
    if held is not None:
        held.append((table, release))
    return table


def materialize(expr: ir.Table) -> ir.Table:
    """``expr.cache()`` (a temp table on DuckDB, a cached DataFrame on Spark), tracked."""
    table = expr.cache()
    return hold(table, table.release)


def begin() -> object:
    return _HELD.set([])


def detach(token: object) -> Callable[[], None]:
    """End the session's tracking (in its own context); returns what drops its tables,
    newest first, to be run there or elsewhere."""
    held = list(reversed(_HELD.get() or []))
    _HELD.reset(token)  # type: ignore[arg-type]

    def drop() -> None:
        for _, release_table in held:
            release_table()

    return drop
