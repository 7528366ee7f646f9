"""`checker.engine.event_ids`: every row's id, read once; a finding's id looked up by seq."""

from __future__ import annotations

from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from checker.engine.audit import run_engine
from checker.engine.backends.duckdb import duckdb_session
from checker.engine.event_ids import EventIds
from checker.playbook.load import load_playbook

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def _ids(seqs: list[list[int]], ids: list[list[str | None]]) -> EventIds:
    """Ids in pieces, as a backend returns them (in the pieces' order)."""
    return EventIds(
        [
            pa.record_batch({"seq": pa.array(s, pa.int64()), "event_id": pa.array(i, pa.string())})
            for s, i in zip(seqs, ids, strict=True)
        ]
    )


@pytest.mark.parametrize(
    ("seqs", "ids"),
    [
        ([[2, 3, 4], [5, 10_000_000_002]], [["e2", "e3", "e4"], ["e5", "f2"]]),
        # out of input order (another backend): sorted first
        ([[5, 3], [10_000_000_002, 2, 4]], [["e5", "e3"], ["f2", "e2", "e4"]]),
        ([[2, 3, 4, 5, 10_000_000_002]], [["e2", "e3", "e4", "e5", "f2"]]),
        # pieces without gaps (found by distance), asked past their ends
        ([[2, 3, 4, 5], [10_000_000_002]], [["e2", "e3", "e4", "e5"], ["f2"]]),
    ],
)
def test_each_seq_finds_its_rows_id(seqs: list[list[int]], ids: list[list[str]]) -> None:
    index = _ids(seqs, ids)
    assert len(index) == 5
    asked = pa.array([4, 10_000_000_002, 2, None, 6, 1, 5, 4, 10_000_000_003], pa.int64())
    expected = ["e4", "f2", "e2", None, None, None, "e5", "e4", None]
    assert index.of(asked).to_pylist() == expected
    assert index.of(pa.array([], pa.int64())).to_pylist() == []


def test_no_rows_no_ids() -> None:
    index = EventIds([])
    assert len(index) == 0 and index.growing()
    assert index.of(pa.array([2, None], pa.int64())).to_pylist() == [None, None]


@pytest.mark.parametrize(
    ("ids", "growing"),
    [
        ([["a1", "a2"], ["a3"]], True),
        ([["a1", "a3"], ["a2"]], False),  # distinct, but that is not proven here
        ([["a1", "a2"], ["a2"]], False),  # across pieces
        ([["a1", None], ["a3"]], False),
        ([["a1"], []], True),
    ],
)
def test_only_ids_that_grow_in_input_order_prove_themselves_distinct(
    ids: list[list[str | None]], growing: bool
) -> None:
    seqs, at = [], 2
    for piece in ids:
        seqs.append(list(range(at, at + len(piece))))
        at += len(piece)
    assert _ids(seqs, ids).growing() is growing


def test_read_keeps_input_order() -> None:
    rows = ibis.memtable(pa.table({"seq": [3, 2, 4], "event_id": ["b", "a", "c"]}))
    with duckdb_session():
        index = EventIds.read(rows)
    assert index.of(pa.array([2, 3, 4], pa.int64())).to_pylist() == ["a", "b", "c"]
    assert index.growing()


def test_findings_read_off_a_pass_carry_their_rows_id() -> None:
    """In the demo's audit, a finding with a line has its row's event id (as written, or
    FILE:LINE), and one about the customer alone has none."""
    pb = load_playbook()
    with duckdb_session() as (con, workdir):
        result = run_engine(
            con, workdir, [DEMO / "events.csv"], pb, customers=DEMO / "customers.csv"
        )
        events = con.to_pyarrow(result.prepared.events.select("seq", "event_id", "line"))
    by_line = dict(zip(events["line"].to_pylist(), events["event_id"].to_pylist(), strict=True))
    rows = result.findings.read_all().to_pylist()
    assert any(r["line"] is not None for r in rows) and any(r["line"] is None for r in rows)
    for r in rows:
        if r["line"] is None:
            assert r["event_id"] is None or r["rule"] in _TABLE_RULES, r
        else:
            assert r["event_id"] == by_line[r["line"]], r


# Kinds that join or aggregate give their findings' ids themselves (outcome tables).
_TABLE_RULES = {"cadence.birthday-greeting", "cadence.holiday-greeting", "integrity.promise-kept"}


@pytest.mark.parametrize("content", [[None, "ts|purchase|1", None], [None, None, None]])
def test_contents_by_seq_whether_any_row_has_one(content: list[str | None]) -> None:
    piece = pa.record_batch(
        {
            "seq": pa.array([2, 3, 5], pa.int64()),  # a gap: found by a search
            "event_id": pa.array(["e2", None, "e5"], pa.string()),
            "content": pa.array(content, pa.string()),
        }
    )
    given = [piece]
    index = EventIds(given)
    assert given == []  # taken: each piece goes once what is kept of it is copied
    asked = pa.array([3, 5, 4, None], pa.int64())
    assert index.contents(asked).to_pylist() == [content[1], None, None, None]
    assert index.of(asked).to_pylist() == [None, "e5", None, None]


def test_a_row_without_an_id_is_known_by_its_place() -> None:
    """With the files' names, a row the log gave no id has ``FILE:LINE`` (as
    `checker.log.ids.default_ids` writes it in a query); a row with one keeps it, and a seq
    with no row stays NULL."""
    piece = pa.record_batch(
        {
            "seq": pa.array([2, 3, 10_000_000_004], pa.int64()),
            "event_id": pa.array([None, "e3", None], pa.string()),
        }
    )
    index = EventIds([piece], ["a.csv", "logs/b.csv"])
    asked = pa.array([3, 2, 10_000_000_004, 7, None], pa.int64())
    assert index.of(asked).to_pylist() == ["e3", "a.csv:2", "logs/b.csv:4", None, None]
    assert index.given() == 1
    assert not index.growing() and not index.all_by_place()  # mixed: proves nothing


@pytest.mark.parametrize(
    ("files", "by_place"), [(["a.csv", "b.csv"], True), (["a.csv", "a.csv"], False)]
)
def test_places_prove_themselves_distinct_unless_two_files_share_a_name(
    files: list[str], by_place: bool
) -> None:
    index = _ids([[2, 3], [10_000_000_002]], [[None, None], [None]])
    assert not index.all_by_place()  # without the names: unknown
    index = EventIds(
        [
            pa.record_batch(
                {"seq": pa.array([2, 3], pa.int64()), "event_id": pa.nulls(2, pa.string())}
            ),
            pa.record_batch(
                {"seq": pa.array([10_000_000_002]), "event_id": pa.nulls(1, pa.string())}
            ),
        ],
        files,
    )
    assert index.given() == 0 and index.all_by_place() is by_place
    assert index.of(pa.array([10_000_000_002], pa.int64())).to_pylist() == [f"{files[1]}:2"]
