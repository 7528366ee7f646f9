"""`checker.engine.backends.query_shape`: expressions built alike on two connections have
one shape (so one compile); anything their SQL depends on makes another."""

from __future__ import annotations

from datetime import datetime

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pytest

from checker.engine.backends import query_shape
from checker.engine.backends.duckdb import duckdb_session
from checker.engine.backends.duckdb_run import sql_of
from checker.engine.backends.query_shape import Shape, shape


def _query(t: ir.Table, day: int = 1, name: str = "n") -> ir.Table:
    late = t.filter(t.ts > datetime(2025, 3, day))
    return late.group_by("key").aggregate(**{name: late.count()}).order_by("key")


def _table(con: ibis.BaseBackend, name: str = "events", **extra: str) -> ir.Table:
    schema = {"key": "string", "ts": "timestamp", **extra}
    con.create_table(name, schema=ibis.schema(schema), temp=True)
    return con.table(name)


def test_the_same_query_on_two_connections_has_one_shape() -> None:
    with duckdb_session() as (one, _), duckdb_session() as (two, _):
        a, b = _query(_table(one)), _query(_table(two))
        assert a.op() != b.op()  # bound to different connections: not equal to Ibis
        assert shape(a.op()) is shape(b.op())
        assert sql_of(one, a) == sql_of(two, b) == one.compile(a)


def test_what_the_sql_depends_on_changes_the_shape() -> None:
    with duckdb_session() as (con, _):
        t = _table(con)
        base = shape(_query(t).op())
        assert shape(_query(t, day=2).op()) is not base  # a literal
        assert shape(_query(t, name="m").op()) is not base  # a column's name
        assert shape(_query(_table(con, "other")).op()) is not base  # the table's name
        assert shape(_query(_table(con, "wider", extra="int64")).op()) is not base


def test_in_memory_tables_are_known_by_name_and_schema() -> None:
    data = pa.table({"key": ["a"], "ts": [datetime(2025, 3, 2)]})
    one = ibis.memtable(data)
    again = ibis.memtable(data)  # another name
    assert shape(_query(one).op()) is not shape(_query(again).op())
    assert shape(_query(one).op()) is shape(_query(one).op())


def test_a_deep_graph_that_shares_its_parts_is_shaped_node_by_node(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each step reads every column of the step before: visited path by path, the first
    table would be reached 2**40 times. Each node is shaped once, and a shape hashes by
    identity (its parts hold shapes, not nested copies), so hashing it is linear too."""
    t = ibis.table({"a": "int64", "b": "int64"}, name="t")
    for _ in range(40):
        t = t.select(a=t.a + t.b, b=t.a * t.b)
    shaped: list[object] = []
    interned = query_shape._interned

    def counted(parts: tuple[object, ...], hooked: bool) -> Shape:
        shaped.append(parts)
        return interned(parts, hooked)

    monkeypatch.setattr(query_shape, "_interned", counted)
    first = shape(t.op())
    assert len(shaped) < 10 * 40  # a few nodes a step: linear, not 2**40
    assert Shape.__hash__ is object.__hash__ and Shape.__eq__ is object.__eq__
    assert all(isinstance(p, Shape) for p in first.parts[1:] if not isinstance(p, tuple))
    assert shape(t.op()) is first


def test_a_query_of_in_memory_data_is_prepared_on_every_connection() -> None:
    """A shape knows whether Ibis' pre-execute hooks have work (an in-memory table to
    register); SQL reused on a new connection still finds its in-memory table there."""
    from checker.engine.backends.duckdb_run import compiled

    data = ibis.memtable(pa.table({"key": ["a", "b"], "ts": [datetime(2025, 3, 2)] * 2}))
    query = _query(data)
    assert shape(query.op()).hooked
    with duckdb_session() as (one, _), duckdb_session() as (two, _):
        assert not shape(_query(_table(one)).op()).hooked
        first = compiled(one, query)()
        assert compiled(two, query)().equals(first)  # the same SQL, registered on `two`
        assert first["n"].to_pylist() == [1, 1]
