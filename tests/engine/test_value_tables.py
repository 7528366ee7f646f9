"""`checker.engine.value_tables`: a table of values is named by its content, one object for
equal contents, so that queries joining it compile alike and may join it twice."""

from __future__ import annotations

import pyarrow as pa

from checker.engine.backends.duckdb import duckdb_session
from checker.engine.backends.query_shape import shape
from checker.engine.value_tables import value_table


def test_equal_contents_give_one_table_and_other_contents_another() -> None:
    one = value_table(pa.table({"year": pa.array([2024, 2025], pa.int64())}))
    again = value_table(pa.table({"year": pa.array([2024, 2025], pa.int64())}))
    other = value_table(pa.table({"year": pa.array([2025], pa.int64())}))
    assert again.op() is one.op() and one.get_name().startswith("huitou_values_")
    assert other.get_name() != one.get_name()
    assert shape(one.op()) is shape(again.op())


def test_a_query_may_join_the_same_values_twice() -> None:
    days = pa.table({"key": ["a", "b"], "n": pa.array([1, 2], pa.int64())})
    left, right = value_table(days), value_table(days.slice(0))
    joined = left.join(right.view(), "key")
    with duckdb_session() as (con, _):
        assert con.to_pyarrow(joined.count()).as_py() == 2


def test_a_table_no_expression_reads_is_not_kept() -> None:
    """Held weakly: once nothing reads a table of values, it goes (and equal values later
    make a new one, of the same name)."""
    import gc

    data = pa.table({"year": pa.array([1999], pa.int64())})
    name = value_table(data).get_name()
    gc.collect()
    again = value_table(data)
    assert again.get_name() == name
    assert value_table(data).op() is again.op()  # while one is in use: that one
