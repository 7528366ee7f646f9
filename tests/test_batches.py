"""`checker.batches`: rows read a batch at a time, from memory or from a file on disk."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from checker.batches import Batches, mapped_ahead, temporary_file

ROWS = pa.table({"n": pa.array(range(1000), pa.int64()), "s": [f"行{i}" for i in range(1000)]})


def _sources(tmp_path: Path) -> list[Batches]:
    pq.write_table(ROWS, tmp_path / "rows.parquet", row_group_size=300)
    return [
        Batches.of(ROWS),
        Batches.parquet(tmp_path / "rows.parquet"),
        Batches.written(ROWS.to_batches(max_chunksize=128), ROWS.schema),
    ]


def test_every_source_gives_the_rows_in_order_at_most_size_at_a_time(tmp_path: Path) -> None:
    for rows in _sources(tmp_path):
        assert len(rows) == 1000
        assert rows.schema == ROWS.schema
        sizes = [b.num_rows for b in rows.batches(97)]
        assert max(sizes) <= 97 and sum(sizes) == 1000 and 0 not in sizes
        assert rows.read_all().equals(ROWS)
        assert rows.read_all().equals(ROWS)  # read again: the same


def test_map_and_filter_apply_when_read(tmp_path: Path) -> None:
    for rows in _sources(tmp_path):
        doubled = rows.map(lambda b: b.set_column(0, "n", pc.multiply(b["n"], 2)), ROWS.schema)
        assert doubled.read_all()["n"].to_pylist() == [2 * i for i in range(1000)]
        odd = rows.filter(lambda b: pc.equal(pc.bit_wise_and(b["n"], 1), 1))
        assert len(odd) == 500
        assert odd.read_all()["s"][0].as_py() == "行1"


def test_a_written_file_goes_with_the_last_reader() -> None:
    rows = Batches.written(ROWS.to_batches(), ROWS.schema)
    path = Path(rows._keep.path)  # type: ignore[attr-defined]
    derived = rows.map(lambda b: b, ROWS.schema)
    assert path.exists()
    del rows
    gc.collect()
    assert path.exists()  # the derived rows still read it
    assert len(derived.read_all()) == 1000
    del derived
    gc.collect()
    assert not path.exists()


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    def broken() -> object:
        yield ROWS.to_batches()[0]
        raise ValueError("the source failed")

    with pytest.raises(ValueError, match="source failed"):
        Batches.written(broken(), ROWS.schema, tmp_path)  # type: ignore[arg-type]
    gc.collect()
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_live_as_long_as_their_owner(tmp_path: Path) -> None:
    path, owner = temporary_file(".x", tmp_path)
    assert path.parent == tmp_path and path.exists()
    del owner
    gc.collect()
    assert not path.exists()


def test_mapped_ahead_keeps_the_order_whatever_finishes_first() -> None:
    def slow_first(i: int) -> int:
        time.sleep(0.02 if i % 3 == 0 else 0)
        return i * i

    assert list(mapped_ahead(slow_first, range(20), ahead=3)) == [i * i for i in range(20)]
