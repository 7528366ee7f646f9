"""The tables an audit keeps on DuckDB: named in the order they are made, filled from SQL
compiled once a process, their schema asked of the database once per schema, not per table.

Ibis' own ``Table.cache()`` names each table at random, compiles its query, generates the
column definitions and the INSERT statement, and then asks DuckDB for the table's schema:
costs of each table, not of its rows, paid three to five times an audit. Here the names
count up per connection (``huitou_t_1``, ...: a second audit in the same process builds the
same expressions over the same names, so its queries compile once, see
`checker.engine.backends.duckdb_run.sql_of`), the column definitions and the schema DuckDB
stores for them are worked out once per schema, and the table is the same as Ibis makes it:
created from the expression's schema, then filled.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Iterator

import ibis
import ibis.expr.operations as ops
import ibis.expr.schema as sch
import ibis.expr.types as ir

from checker.engine import cache
from checker.engine.backends.duckdb_run import ready
from checker.memo import Memo

# By the connection's identity: Ibis' connections compare equal when their parameters do
# (two in-memory databases are "equal"), and each must count its own tables.
_COUNTERS: dict[int, Iterator[int]] = {}
TEMP = ops.Namespace(catalog="temp", database="main")  # where DuckDB keeps temp tables
_COLUMNS: Memo[sch.Schema, str] = Memo(64)
_STORED: Memo[sch.Schema, sch.Schema] = Memo(64)


def table_name(con: ibis.BaseBackend, prefix: str = "huitou_t") -> str:
    """A name no other table of ``con`` has: ``prefix`` and the next number of ``con``."""
    counter = _COUNTERS.get(id(con))
    if counter is None:
        counter = _COUNTERS[id(con)] = itertools.count(1)
        weakref.finalize(con, _COUNTERS.pop, id(con), None)  # before its id can be reused
    return f"{prefix}_{next(counter)}"


def materialize(con: ibis.BaseBackend, expr: ir.Table) -> ir.Table:
    """``expr`` copied into a temp table of ``con``, held for the session (see
    `checker.engine.cache`): what ``expr.cache()`` makes, made for less."""
    schema = expr.schema()
    if schema.null_fields:  # Ibis' own refusal, with its message
        return cache.materialize(expr)
    name = table_name(con)
    query = ready(con, expr)  # the in-memory tables it reads registered
    # The names are ours, the column types and the query Ibis'; no value is pasted in.
    con.raw_sql(f'CREATE TEMP TABLE "{name}" ({_column_defs(schema)})')
    stored = _STORED.get(schema, lambda: con.get_schema(name, catalog="temp", database="main"))
    table = cache.hold(
        ops.DatabaseTable(name, schema=stored, source=con, namespace=TEMP).to_expr(),
        lambda: con.raw_sql(f'DROP TABLE IF EXISTS temp.main."{name}"'),
    )
    con.raw_sql(f'INSERT INTO "{name}" {query}')
    return table


def _column_defs(schema: sch.Schema) -> str:
    return _COLUMNS.get(
        schema, lambda: ", ".join(c.sql("duckdb") for c in schema.to_sqlglot_column_defs("duckdb"))
    )
