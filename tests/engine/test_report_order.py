"""`checker.engine.report_order`: the backend sorts findings as the report lists them."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pyarrow as pa

from checker.engine.backends.duckdb import duckdb_session
from checker.engine.outcomes import OUTCOME_SCHEMA
from checker.engine.report_order import (
    in_report_order,
    in_report_order_here,
    named_ahead,
    shown_customers,
)

FILES = ["z.csv", "a.csv"]  # file 0 sorts after file 1 by name


def _rows(rows: list[tuple]) -> pa.Table:
    names = ["rule", "status", "customer_id", "ts", "file_no", "line"]
    data = {n: [r[i] for r in rows] for i, n in enumerate(names)}
    schema = OUTCOME_SCHEMA.to_pyarrow()
    table = pa.table({f.name: data.get(f.name, [None] * len(rows)) for f in schema}, schema)
    return table


T1, T2 = datetime(2025, 3, 1, 9), datetime(2025, 3, 2, 9)


def test_violations_first_then_rule_file_name_line_customer_time() -> None:
    t1, t2 = T1, T2
    rows = [
        ("r.b", "violation", "c1", t1, 0, 5),
        ("r.a", "pending", "c1", t1, 1, 2),
        ("r.b", "violation", "c1", t1, 1, 9),
        ("r.b", "violation", "c2", t2, None, None),
        ("r.b", "violation", "c1", t2, None, None),
        ("r.b", "violation", "c1", None, None, None),
        ("r.a", "violation", "c9", t1, 0, 1),
    ]
    with duckdb_session() as (con, _):
        out = in_report_order(con, _rows(rows), FILES)
    got = list(
        zip(
            *(out[n].to_pylist() for n in ("rule", "status", "customer_id", "file_no", "line")),
            strict=True,
        )
    )
    assert got == [
        ("r.a", "violation", "c9", 0, 1),
        ("r.b", "violation", "c1", None, None),  # no file: first; then no time first
        ("r.b", "violation", "c1", None, None),
        ("r.b", "violation", "c2", None, None),
        ("r.b", "violation", "c1", 1, 9),  # a.csv before z.csv
        ("r.b", "violation", "c1", 0, 5),
        ("r.a", "pending", "c1", 1, 2),
    ]
    assert out["ts"].to_pylist()[1:4] == [None, t2, t2]


def test_customers_are_named_once_per_distinct_id() -> None:
    asked: list[list[str]] = []

    def names(ids: pa.Array) -> pa.Array:
        asked.append(ids.to_pylist())
        return pa.array(["n-" + str(9 - int(i[1:])) for i in ids.to_pylist()], pa.string())

    ids = pa.chunked_array([["c1", "c2"], ["c1", "c3"]])
    assert shown_customers(ids, names).to_pylist() == ["n-8", "n-7", "n-8", "n-6"]
    assert asked == [["c1", "c2", "c3"]]
    assert shown_customers(ids, None).to_pylist() == ["c1", "c2", "c1", "c3"]


def test_customers_named_ahead_are_looked_up_and_others_named_when_asked() -> None:
    asked: list[list[str]] = []

    def names(ids: pa.Array) -> pa.Array:
        asked.append(ids.to_pylist())
        return pa.array(["n-" + i for i in ids.to_pylist()], pa.string())

    with ThreadPoolExecutor(1) as pool:
        lookup = named_ahead(names, pa.array(["c1", "c2", "c3"]), pool)
        assert lookup(pa.array(["c3", "c1"])).to_pylist() == ["n-c3", "n-c1"]
        assert lookup(pa.array(["c2", "c9", "c1"])).to_pylist() == ["n-c2", "n-c9", "n-c1"]
        # every customer, in the order given: the names as worked out
        assert lookup(pa.array(["c1", "c2", "c3"])).to_pylist() == ["n-c1", "n-c2", "n-c3"]
    assert asked == [["c1", "c2", "c3"], ["c9"]]


def test_sorted_here_as_the_backend_sorts() -> None:
    """Spark's findings are sorted by Arrow in this process: the same order as DuckDB's,
    evidence included (strings by their bytes: Chinese after ASCII)."""
    rows = [
        ("r.b", "violation", "c1", T1, 0, 5, "b"),
        ("r.b", "violation", "c1", T1, 0, 5, "客户"),
        ("r.b", "violation", "c1", T1, 0, 5, "a"),
        ("r.a", "pending", "c1", T1, 1, 2, "x"),
        ("r.b", "violation", "C1", None, None, None, "x"),
        ("r.b", "violation", "c1", T2, 1, 9, "x"),
        ("r.a", "violation", "c9", T1, 0, 1, "x"),
    ]
    table = _rows([r[:6] for r in rows]).append_column("evidence", pa.array([r[6] for r in rows]))
    with duckdb_session() as (con, _):
        duck = in_report_order(con, table, FILES)
    assert in_report_order_here(table, FILES).equals(duck)
