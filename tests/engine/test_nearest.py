"""`checker.engine.nearest`: the first/last matching row of a window, on the real backend,
equal to the window aggregates it replaces (``MIN``/``MAX ... FILTER``) over ordered rows."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import ibis
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ibis.common.exceptions import UnsupportedBackendType

from checker.engine.backends import backend_for
from checker.engine.backends.duckdb import NullSkippingDuckDBCompiler, duckdb_session
from checker.engine.nearest import first_where, last_where
from tests.hypothesis_profiles import examples

ROWS = st.lists(
    st.tuples(st.sampled_from(["c1", "c2"]), st.integers(0, 20), st.booleans()), max_size=30
)


@settings(max_examples=examples(60), deadline=None)
@given(rows=ROWS)
def test_nearest_match_is_the_min_or_max_over_ordered_rows(rows: list[tuple]) -> None:
    schema = ibis.schema({"customer": "string", "ts": "int64", "seq": "int64", "hit": "boolean"})
    t = ibis.memtable(  # from Arrow, not a dict: no pandas conversion
        pa.table(
            {
                "customer": [r[0] for r in rows],
                "ts": [r[1] for r in rows],
                "seq": list(range(len(rows))),
                "hit": [r[2] for r in rows],
            },
            schema=schema.to_pyarrow(),
        )
    )
    ahead = ibis.window(group_by=t.customer, order_by=[t.ts, t.seq], rows=(1, None))
    behind = ibis.window(group_by=t.customer, order_by=[t.ts, t.seq], rows=(None, -1))
    q = t.select(
        "seq",
        first=first_where(t.ts, t.hit, ahead),
        first_agg=t.ts.min(where=t.hit).over(ahead),
        last=last_where(t.ts * 100 + t.seq, t.hit, behind),
        last_agg=(t.ts * 100 + t.seq).max(where=t.hit).over(behind),
    )
    with duckdb_session() as (con, _):
        backend_for(con, Path())
        out = con.to_pyarrow(q).to_pylist()
    for row in out:
        assert (row["first"], row["last"]) == (row["first_agg"], row["last_agg"]), row


def test_the_nearest_match_skips_nulls_on_duckdb_and_on_spark() -> None:
    t = ibis.table({"c": "string", "ts": "timestamp", "hit": "boolean"}, name="t")
    w = ibis.window(group_by=t.c, order_by=t.ts, rows=(1, None))
    q = t.select(n=first_where(t.ts, t.hit, w), p=last_where(t.ts, t.hit, w))
    duckdb_sql = NullSkippingDuckDBCompiler().to_sqlglot(q).sql("duckdb")
    assert "FIRST_VALUE(" in duckdb_sql and "LAST_VALUE(" in duckdb_sql
    assert duckdb_sql.count("IGNORE NULLS") == 2
    assert ibis.to_sql(q, dialect="pyspark").count("IGNORE NULLS") == 2


def test_a_session_is_adapted_once_and_other_backends_are_refused() -> None:
    with duckdb_session() as (con, workdir):
        backend_for(con, workdir)
        compiler = con.compiler
        assert isinstance(compiler, NullSkippingDuckDBCompiler)
        assert backend_for(con, workdir).con.compiler is compiler
    with pytest.raises(UnsupportedBackendType, match="sqlite"):
        backend_for(SimpleNamespace(name="sqlite"), Path())  # type: ignore[arg-type]
