"""`checker.report.runs`: runs of equal keys, repeated texts, and the order check."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.report import runs as R


def test_runs_split_where_any_column_changes() -> None:
    rule = pa.chunked_array([["a", "a"], ["a", "b", "b"]])
    status = pa.array(["v", "v", "p", "p", "p"])
    assert R.runs([rule, status]) == [(0, 2), (2, 1), (3, 2)]
    assert R.runs([rule]) == [(0, 3), (3, 2)]
    assert R.runs([pa.array([], pa.string())]) == []


@given(st.lists(st.tuples(st.text(max_size=6), st.integers(min_value=0, max_value=9)), max_size=8))
def test_repeated_is_each_text_as_often_as_asked(pairs: list[tuple[str, int]]) -> None:
    out = R.repeated([t for t, _ in pairs], [n for _, n in pairs])
    out.validate(full=True)
    assert out.type == pa.string()
    assert out.to_pylist() == [t for t, n in pairs for _ in range(n)]


def test_repeated_splits_long_runs_into_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(R, "MAX_CHUNK", 3)
    out = R.repeated(["问候", ""], [7, 4])
    assert [len(c) for c in out.chunks] == [3, 3, 1, 3, 1]
    assert out.to_pylist() == ["问候"] * 7 + [""] * 4


@pytest.mark.parametrize(
    ("rows", "out"),
    [
        ([], False),
        ([(1, "b")], False),
        ([(0, "z"), (1, "a"), (1, "b"), (1, "b")], False),
        ([(1, "a"), (0, "z")], True),  # the first column goes down
        ([(0, "b"), (0, "a")], True),  # a tie on the first, the second goes down
        ([(0, "b"), (1, "a")], False),  # the second goes down, but not in a tie
        ([(0, "a"), (1, "b"), (1, "c"), (2, "a"), (2, "a")], False),
    ],
)
def test_out_of_order_compares_the_columns_in_turn(rows: list[tuple[int, str]], out: bool) -> None:
    keys = pa.table(
        {"n": [r[0] for r in rows], "s": [r[1] for r in rows]},
        schema=pa.schema([("n", pa.int64()), ("s", pa.string())]),
    )
    assert R.out_of_order(keys) is out


@given(st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["", "a", "b", "中"])), max_size=12))
def test_out_of_order_agrees_with_python(rows: list[tuple[int, str]]) -> None:
    keys = pa.table(
        {
            "n": pa.array([r[0] for r in rows], pa.int64()),
            "s": pa.array([r[1] for r in rows], pa.string()),
        }
    )
    assert R.out_of_order(keys) is (rows != sorted(rows))
