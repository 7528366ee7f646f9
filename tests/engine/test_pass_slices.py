"""`checker.engine.pass_queries.slices`: a query's result read a few groups at a time."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from checker.engine.pass_queries import slices


def _result(lengths: list[int]) -> pa.Table:
    found = [list(range(n)) for n in lengths]
    return pa.table(
        {"g": list(range(len(lengths))), "found": pa.array(found, pa.list_(pa.int64()))}
    )


@given(st.lists(st.integers(0, 9), max_size=30), st.integers(1, 12))
def test_slices_cover_the_groups_in_order_each_within_the_size(
    lengths: list[int], size: int
) -> None:
    result = _result(lengths)
    parts = list(slices(result, "found", size))
    assert pa.concat_tables(parts).equals(result)
    for part in parts:
        held = [len(v) for v in part["found"].to_pylist()]
        assert sum(held) <= size or sum(1 for n in held if n) == 1  # a larger group: alone
    assert all(p.num_rows for p in parts) or len(parts) == 1


def test_an_empty_result_is_one_empty_slice() -> None:
    parts = list(slices(_result([]), "found", 5))
    assert [p.num_rows for p in parts] == [0]


def test_slices_are_as_large_as_they_may_be() -> None:
    parts = list(slices(_result([2, 2, 2, 7, 1, 1]), "found", 4))
    assert [p["g"].to_pylist() for p in parts] == [[0, 1], [2], [3], [4, 5]]
