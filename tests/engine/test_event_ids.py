"""`checker.engine.event_ids`: a finding read off a pass gets its row's event id by seq."""

from __future__ import annotations

import ibis
import pyarrow as pa

from checker.engine.event_ids import with_event_ids
from checker.engine.session import duckdb_session


def test_only_findings_named_by_their_row_take_its_id() -> None:
    events = ibis.memtable({"seq": [2, 3, 4], "event_id": ["e2", "e3", "e4"]})
    found = pa.table(
        {
            "rule": ["named", "about-customer", "named", "outcome-table", "outcome-table"],
            "event_id": pa.array([None, None, None, "given", None], pa.string()),
            "line": pa.array([3, None, 4, 9, None], pa.int64()),
            # Row 3 names one finding and carries another about its customer alone.
            "seq": pa.array([3, 3, 4, None, None], pa.int64()),
        }
    )
    with duckdb_session() as (con, _):
        out = con.to_pyarrow(with_event_ids(ibis.memtable(found), events))
    got = sorted(zip(out["rule"].to_pylist(), out["event_id"].to_pylist(), strict=True), key=repr)
    assert "seq" not in out.column_names
    assert got == sorted(
        [
            ("named", "e3"),
            ("about-customer", None),
            ("named", "e4"),
            ("outcome-table", "given"),
            ("outcome-table", None),
        ],
        key=repr,
    )
