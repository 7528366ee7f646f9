"""Rows of one schema, read a batch at a time and as often as needed: an Arrow table in memory,
or a file on disk (Parquet, or an LZ4-compressed Arrow file) read batch by batch, never whole.

This is how millions of findings pass from the engine through the report writers without all
of them being in memory at once: the engine's sorted findings are a Parquet file, the
report's findings an Arrow file written from it, and every reader (the exit code, a baseline,
the writers) streams it. A file made for the audit is removed when the last `Batches` that
reads it is gone.
"""

from __future__ import annotations

import os
import tempfile
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

BATCH = 65_536  # rows read at a time
AHEAD = 4  # batches being worked on while the one before is used
Open = Callable[[int], Iterator[pa.RecordBatch]]  # batches of at most that many rows


In = TypeVar("In")
Out = TypeVar("Out")


class _Owned:
    """A temporary file, removed when this object is collected (or the process ends)."""

    __slots__ = ("__weakref__", "path")

    def __init__(self, path: Path) -> None:
        self.path = path
        weakref.finalize(self, path.unlink, missing_ok=True)


def temporary_file(suffix: str, folder: Path | None = None) -> tuple[Path, object]:
    """A new empty file (in ``folder``, default the system's temporary folder) and the
    object whose life it lives: the file goes when that object does."""
    fd, name = tempfile.mkstemp(prefix="huitou-", suffix=suffix, dir=folder)
    os.close(fd)
    path = Path(name)
    return path, _Owned(path)


class Batches:
    """Rows of ``schema``, re-readable a batch at a time. ``len`` is counted on first use
    when it was not known (a filtered source)."""

    __slots__ = ("_keep", "_num_rows", "_open", "schema")

    def __init__(self, schema: pa.Schema, num_rows: int | None, open_: Open, keep: object) -> None:
        self.schema = schema
        self._num_rows = num_rows
        self._open = open_
        self._keep = keep  # what must live while this does: the table, the file, the source

    @classmethod
    def of(cls, table: pa.Table) -> Batches:
        """The rows of a table in memory."""
        return cls(table.schema, table.num_rows, lambda size: _sliced(table, size), table)

    @classmethod
    def parquet(cls, path: Path, owner: object = None) -> Batches:
        """The rows of a Parquet file (``owner``: the object the file lives as long as)."""
        meta = pq.read_metadata(path)

        def read(size: int) -> Iterator[pa.RecordBatch]:
            with pq.ParquetFile(path) as f:
                yield from f.iter_batches(batch_size=size, use_threads=True)

        return cls(meta.schema.to_arrow_schema(), meta.num_rows, read, owner)

    @classmethod
    def written(
        cls, batches: Iterable[pa.RecordBatch], schema: pa.Schema, folder: Path | None = None
    ) -> Batches:
        """``batches`` written to a temporary Arrow file (LZ4), read back from it."""
        path, owner = temporary_file(".arrow", folder)
        rows = 0
        options = pa.ipc.IpcWriteOptions(compression="lz4")
        with (
            pa.OSFile(str(path), "wb") as sink,
            pa.ipc.new_file(sink, schema, options=options) as w,
        ):
            for batch in batches:
                if batch.num_rows:
                    w.write_batch(batch)
                    rows += batch.num_rows

        def read(size: int) -> Iterator[pa.RecordBatch]:
            with pa.OSFile(str(path), "rb") as source:
                reader = pa.ipc.open_file(source)
                for i in range(reader.num_record_batches):
                    yield from _sliced(reader.get_batch(i), size)

        return cls(schema, rows, read, owner)

    def batches(self, size: int = BATCH) -> Iterator[pa.RecordBatch]:
        """The rows in order, at most ``size`` at a time, none empty."""
        for batch in self._open(size):
            if batch.num_rows:
                yield batch

    def __iter__(self) -> Iterator[pa.RecordBatch]:
        return self.batches()

    def __len__(self) -> int:
        if self._num_rows is None:
            self._num_rows = sum(b.num_rows for b in self.batches())
        return self._num_rows

    @property
    def column_names(self) -> list[str]:
        return self.schema.names

    def read_all(self) -> pa.Table:
        """Every row, in memory (for small results and tests)."""
        return pa.Table.from_batches(list(self.batches()), schema=self.schema)

    def map(self, fn: Callable[[pa.RecordBatch], pa.RecordBatch], schema: pa.Schema) -> Batches:
        """Each batch through ``fn`` (rows in, the same rows out, as ``schema``), when read."""
        return Batches(schema, self._num_rows, lambda size: (fn(b) for b in self._open(size)), self)

    def filter(self, keep: Callable[[pa.RecordBatch], pa.Array]) -> Batches:
        """The rows ``keep`` marks true, in order, when read."""

        def read(size: int) -> Iterator[pa.RecordBatch]:
            for batch in self._open(size):
                yield batch.filter(keep(batch))

        return Batches(self.schema, None, read, self)


def _sliced(rows: pa.Table | pa.RecordBatch, size: int) -> Iterator[pa.RecordBatch]:
    """``rows`` at most ``size`` at a time (views of their memory, no copy)."""
    if isinstance(rows, pa.RecordBatch):
        for start in range(0, rows.num_rows, size):
            yield rows.slice(start, size)
        return
    yield from rows.to_batches(max_chunksize=size)


def mapped_ahead(fn: Callable[[In], Out], items: Iterable[In], ahead: int = AHEAD) -> Iterator[Out]:
    """``fn`` of each item, in order, up to ``ahead`` items worked on at a time on a thread
    pool while the caller uses the one before (Arrow's kernels run outside the GIL); never
    more than that in memory."""
    with ThreadPoolExecutor(max(2, os.cpu_count() or 1)) as pool:
        pending: deque[Future[Out]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
