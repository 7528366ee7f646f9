"""`checker.engine.backends.duckdb_tables`: an audit's tables on DuckDB hold what Ibis'
own cache holds, with the same schema, under names counted per connection, and go when the
session ends."""

from __future__ import annotations

from datetime import datetime

import ibis
import pyarrow as pa

from checker.engine.backends.duckdb import duckdb_session
from checker.engine.backends.duckdb_tables import materialize, table_name


def _source() -> ibis.Table:
    t = ibis.memtable(
        pa.table(
            {
                "key": pa.array([3, 1, None], pa.int64()),
                "ts": [datetime(2025, 3, 3, 10), None, datetime(2025, 3, 4)],
                "text": ["a", None, "c"],
            }
        )
    )
    return t.mutate(small=(t.key % 2).cast("int8"), day=t.ts.date(), tag=ibis.literal("x"))


def _tables(con: ibis.BaseBackend) -> set[str]:
    return {row[0] for row in con.raw_sql("SELECT table_name FROM duckdb_tables()").fetchall()}


def test_a_table_holds_what_ibis_cache_holds_with_its_schema() -> None:
    with duckdb_session() as (con, _):
        expr = _source()
        ours, theirs = materialize(con, expr), expr.cache()
        assert ours.schema() == theirs.schema()
        assert ours.order_by("key").to_pyarrow().equals(theirs.order_by("key").to_pyarrow())
        again = materialize(con, expr)  # a second table, the schema known by then
        assert again.schema() == theirs.schema() and again.count().to_pyarrow().as_py() == 3


def test_names_count_up_per_connection_and_the_tables_go_with_the_session() -> None:
    with duckdb_session() as (one, _), duckdb_session() as (two, _):
        first = materialize(one, _source()).get_name().rsplit(".", 1)[-1]
        assert first == "huitou_t_1"
        assert table_name(one, "huitou_rows") == "huitou_rows_2"
        assert materialize(two, _source()).get_name().endswith("huitou_t_1")
        assert first in _tables(one)
    with duckdb_session() as (con, _):
        materialize(con, _source())
        kept = _tables(con)
    assert kept == {"huitou_t_1"}


def test_two_connections_that_ibis_calls_equal_count_their_own_tables() -> None:
    """Ibis' in-memory connections compare equal; each still starts at 1, so that equal
    audits on them name their tables alike (and compile alike)."""
    one, two = ibis.duckdb.connect(), ibis.duckdb.connect()
    assert one == two and one is not two
    assert table_name(one) == "huitou_t_1" and table_name(one) == "huitou_t_2"
    assert table_name(two) == "huitou_t_1"
    one.disconnect()
    two.disconnect()
