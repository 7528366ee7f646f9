"""Columns of sorted findings: runs of equal keys, a text repeated over each run, and a check
that rows are in order. Arrow kernels and buffers, no Python object per row."""

from __future__ import annotations

from array import array
from itertools import pairwise

import pyarrow as pa
import pyarrow.compute as pc

Column = pa.Array | pa.ChunkedArray
MAX_CHUNK = 1 << 20  # rows per chunk of a repeated text


def runs(columns: list[Column]) -> list[tuple[int, int]]:
    """(start, length) of each run of consecutive rows equal in all ``columns``."""
    n = len(columns[0]) if columns else 0
    if n == 0:
        return []
    changes = [pc.not_equal(c[1:], c[:-1]) for c in columns]
    change = changes[0]
    for more in changes[1:]:
        change = pc.or_(change, more)
    starts = [0, *(i + 1 for i in pc.indices_nonzero(change).to_pylist()), n]
    return [(a, b - a) for a, b in pairwise(starts)]


def repeated(texts: list[str], lengths: list[int]) -> pa.ChunkedArray:
    """``texts[k]`` repeated ``lengths[k]`` times, in order: a string column built from its
    buffers (a ``take`` from the texts copies value by value, several times slower)."""
    chunks = []
    for text, length in zip(texts, lengths, strict=True):
        raw = text.encode("utf-8")
        step = max(1, min(MAX_CHUNK, (2**31 - 1) // max(len(raw), 1)))
        for start in range(0, length, step):
            n = min(step, length - start)
            width = len(raw)
            offsets = array("i", range(0, (n + 1) * width, width) if width else [0] * (n + 1))
            chunks.append(
                pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(raw * n))
            )
    return pa.chunked_array(chunks, pa.string())


def out_of_order(keys: pa.Table) -> bool:
    """Whether some row sorts before the one above it, comparing ``keys``' columns in turn
    (ascending; the columns hold no nulls)."""
    if keys.num_rows < 2:
        return False
    tie = None  # rows equal to the row above in every column so far
    for column in keys.columns:
        above, row = column[:-1], column[1:]
        worse = pc.greater(above, row)
        if pc.any(worse if tie is None else pc.and_(tie, worse)).as_py():
            return True
        same = pc.equal(above, row)
        tie = same if tie is None else pc.and_(tie, same)
        if not pc.any(tie).as_py():
            return False
    return False
