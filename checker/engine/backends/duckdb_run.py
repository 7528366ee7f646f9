"""Queries compiled ahead of their run.

Ibis turns an expression into SQL in Python: 30-100 ms for each of an audit's passes, 0.4 s
for all nine at 10M events. Run one after another (see `checker.engine.in_turn`), the backend
would sit idle while each next query compiles. There a thread of its own compiles them in
order while the backend runs the one before, and the runner only runs them.

Backend-specific by nature: on DuckDB the compiled SQL runs on the connection the way Ibis'
own ``to_pyarrow`` runs it (its pre-execute hooks register the in-memory tables a query
reads, and its converter gives the result Ibis' types), so the results are the same. Other
backends run the expression as it is.

A query is compiled once a process (`sql_of`), keyed by its shape (see
`checker.engine.backends.query_shape`): the tables an audit makes are named in the order it
makes them (`checker.engine.backends.duckdb_tables`), so a process that audits again and
again with one playbook (a test run, a service) compiles each of its queries once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import ibis
import ibis.expr.types as ir
import pyarrow as pa
from ibis.backends.duckdb import Backend as DuckDBBackend

from checker.engine.backends.query_shape import shape
from checker.memo import Memo


def compiled(con: ibis.BaseBackend, expr: ir.Table) -> Callable[[], pa.Table]:
    """How to run ``expr`` on ``con``, with the SQL compiled now (pure Python: no call on
    the connection, so it may run on any thread while the connection works)."""
    if not isinstance(con, DuckDBBackend):
        return expr.to_pyarrow
    sql, hooked = query_of(con, expr)

    def run() -> pa.Table:
        # Imported here, not above: it imports pandas (0.2-0.3 s), which the session imports
        # on a thread of its own while the first query runs (`checker.engine.backends.duckdb`).
        from ibis.backends.duckdb.converter import DuckDBPyArrowData

        _register(con, expr, hooked)
        result = con.con.sql(sql).to_arrow_table()
        return expr.__pyarrow_result__(result, data_mapper=DuckDBPyArrowData)

    return run


KEPT = 64  # compiled queries kept (each a few tens of kilobytes of SQL)
COMPILED: Memo[tuple[type, Hashable], str] = Memo(KEPT)


def sql_of(con: ibis.BaseBackend, expr: ir.Table) -> str:
    """``expr``'s SQL on ``con`` (DuckDB), compiled once for expressions of one shape (see
    `checker.engine.backends.query_shape`: the SQL is a function of the shape alone)."""
    return query_of(con, expr)[0]


def query_of(con: ibis.BaseBackend, expr: ir.Table) -> tuple[str, bool]:
    """`sql_of` ``expr``, and whether Ibis' pre-execute hooks have anything to do for it
    (in-memory tables or UDFs to register: see `checker.engine.backends.query_shape.HOOKED`;
    walking a large expression to find none costs a few milliseconds a query)."""
    table = expr.as_table()
    try:
        found = shape(table.op())
    except RecursionError:  # deeper than Python's stack: compiled, not kept
        return con.compile(table), True
    key = (type(con.compiler), found)  # the SQL is the compiler's too
    return COMPILED.get(key, lambda: con.compile(table)), found.hooked


def ready(con: ibis.BaseBackend, expr: ir.Table) -> str:
    """`sql_of` ``expr``, with what the query reads registered on ``con`` (run on the
    connection's thread, just before the query)."""
    sql, hooked = query_of(con, expr)
    _register(con, expr, hooked)
    return sql


def _register(con: ibis.BaseBackend, expr: ir.Table, hooked: bool) -> None:
    """Ibis' pre-execute hooks for ``expr`` on ``con`` (they register the in-memory tables
    and UDFs it reads), when its shape says they have work, or a table read from a stream
    might be read again (the hooks warn of that)."""
    if hooked or con._record_batch_readers_consumed:
        con._run_pre_execute_hooks(expr)
