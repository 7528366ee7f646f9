"""Every audited row's event id, read once, and the ids of the findings looked up by seq.

A tally (see `checker.engine.tally`) collects a finding with the seq of the row it was read
off, not with the row's event id: a string that a window pass would otherwise carry through
its sort for every one of its rows, to keep it for the few with a finding. The ids of all
rows are read once instead, as soon as the log is written (one column; a finding's id is
found by its seq as each pass's result is read: by its distance from the first row of the
piece it falls in, or, where a piece has gaps, a binary search). Read in input order, they also
prove themselves distinct when they only grow, as exports number their events: no sort or
hash table of every id.

A row without an id of its own is known by its place, ``FILE:LINE`` (`checker.log.ids`):
that id is not read from the backend but written here, for a finding's row only. The query
then names no file: it is the same for every audit with one playbook and one kind of log
(compiled once a process, see `checker.engine.backends.query_shape`), and a log without ids
costs no string per row.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from checker.log.ids import at_place
from checker.log.places import place

if TYPE_CHECKING:
    from checker.engine.backends.base import Fetch


class EventIds:
    """The ``event_id`` of every row by its ``seq`` (the input position), kept in the pieces
    the backend returned them in: a copy of millions of ids into one array costs more than
    the lookups save (fresh memory is dear). Each piece's ids are copied out of it alone
    (a small copy at a time), so that the rest of the piece goes: the backend hands a
    piece's columns over together, and a column kept would keep every one. A piece whose
    seqs have no gap keeps no seqs (its first and its length say them all), and a log whose
    rows all have ids keeps no contents: at 10M rows, 120 MB less for the whole audit."""

    def __init__(self, given: list[pa.RecordBatch], files: list[str] | None = None) -> None:
        """``given``: the pieces (``seq``, ``event_id``: NULL where the row has none, maybe
        ``content``), taken: the list is emptied, and each piece goes once what is kept of it
        is copied. ``files``: the log files' names by ``file_no``, for the id of a row
        without one (None: such a row's id is NULL)."""
        self._files = files
        pieces = [p for p in given if p.num_rows]
        given.clear()
        seqs = [p.column("seq").to_numpy() for p in pieces]  # int64 without NULL: no copy
        if not _in_order(seqs):  # a backend that does not keep input order: sorted here
            pieces = pa.Table.from_batches(pieces).sort_by("seq").combine_chunks().to_batches()
            seqs = [p.column("seq").to_numpy() for p in pieces]
        self._firsts = np.array([s[0] for s in seqs], np.int64)
        self._lengths = np.array([len(s) for s in seqs], np.int64)
        # A piece whose seqs have no gap (a file's rows, as written) finds a row by its
        # distance from the piece's first seq (None here); others by a binary search.
        self._seqs = [None if int(s[-1] - s[0]) == len(s) - 1 else s.copy() for s in seqs]
        del seqs  # views into the pieces
        # What identifies a row without an id of its own (see `checker.engine.identity`):
        # kept only where some row has one.
        with_contents = any(
            "content" in p.schema.names and p["content"].null_count < len(p) for p in pieces
        )
        self._ids: list[pa.Array] = []
        self._contents: list[pa.Array] | None = [] if with_contents else None
        pieces.reverse()
        while pieces:  # each piece goes as soon as what is kept of it is copied
            piece = pieces.pop()
            self._ids.append(pa.concat_arrays([piece["event_id"]]))
            if self._contents is not None:
                self._contents.append(pa.concat_arrays([piece["content"]]))
            del piece

    @classmethod
    def read(
        cls, rows: ir.Table, files: list[str] | None = None, fetch: Fetch = ir.Table.to_pyarrow
    ) -> EventIds:
        """The ids of ``rows`` (``seq``, ``event_id`` as the log gives it, and ``content``
        where it has one: see `checker.engine.identity.with_content`): one query, in input
        order, run by ``fetch``; ``files`` as for `EventIds`."""
        wanted = [c for c in ("seq", "event_id", "content") if c in rows.columns]
        return cls(fetch(rows.select(*wanted)).to_batches(), files)

    def __len__(self) -> int:
        return int(self._lengths.sum())

    def given(self) -> int:
        """How many rows have an id of their own."""
        return len(self) - sum(ids.null_count for ids in self._ids)

    def growing(self) -> bool:
        """Every row has an id, each greater than the one before in input order (which
        proves them distinct; False proves nothing)."""
        ids = pa.chunked_array(self._ids, pa.string())
        if ids.null_count:
            return False
        return len(ids) < 2 or bool(pc.all(pc.greater(ids[1:], ids[:-1])).as_py())

    def all_by_place(self) -> bool:
        """No row has an id of its own, and the files' names differ: every id is its row's
        place, ``FILE:LINE``, so they are distinct (False proves nothing)."""
        files = self._files
        return files is not None and self.given() == 0 and len(set(files)) == len(files)

    def contents(self, seq: pa.Array) -> pa.Array:
        """What identifies the row at each ``seq`` when the log gave it no ``event_id`` (its
        own time, event and order); NULL where the log gave one (or no such row)."""
        if self._contents is None:
            return pa.nulls(len(seq), pa.string())
        return self.of(seq, self._contents)

    def of(self, seq: pa.Array, column: list[pa.Array] | None = None) -> pa.Array:
        """The event id of the row at each ``seq`` (NULL: a NULL seq, or no such row), or
        the value of another ``column`` (in the same pieces)."""
        values = self._ids if column is None else column
        found, exists = self._lookup(seq, values)
        if column is None and self._files is not None and found.null_count:
            found = self._by_place(seq, found, exists)
        return found

    def _by_place(self, seq: pa.Array, found: pa.Array, exists: np.ndarray) -> pa.Array:
        """``found`` ids with ``FILE:LINE`` where a row that ``exists`` has no id of its
        own (the rest as they are)."""
        missing = pc.and_(pc.is_null(found), pa.array(exists))
        file_no, line = place(pc.fill_null(seq, 0))
        return pc.if_else(missing, at_place(file_no, line, self._files or []), found)

    def _lookup(self, seq: pa.Array, values: list[pa.Array]) -> tuple[pa.Array, np.ndarray]:
        """The value of ``values`` (in the pieces) at each ``seq`` (NULL: no such row), and
        whether each has a row."""
        wanted = pc.fill_null(seq, -1).to_numpy(zero_copy_only=False)
        piece = np.searchsorted(self._firsts, wanted, side="right") - 1  # -1: before all
        # Grouped by piece: a stable sort of small numbers (a radix sort when they fit in
        # 16 bits, several times faster than a sort of 64-bit ones).
        pieces = len(self._firsts)
        small = piece.astype(np.int16) if pieces < 2**15 else piece
        order = np.argsort(small, kind="stable")
        bounds = np.searchsorted(piece[order], np.arange(pieces + 1))
        rows, found = [], []
        for k, (lo, hi) in enumerate(itertools.pairwise(bounds)):
            if lo == hi:
                continue
            at = order[lo:hi]
            seqs = self._seqs[k]
            if seqs is None:  # dense: wanted >= the piece's first seq, by the choice of piece
                pos = wanted[at] - self._firsts[k]
                hit = pos < self._lengths[k]
            else:
                pos = np.minimum(np.searchsorted(seqs, wanted[at]), len(seqs) - 1)
                hit = seqs[pos] == wanted[at]
            rows.append(at[hit])
            found.append(values[k].take(pa.array(pos[hit])))
        if not rows:
            return pa.nulls(len(seq), pa.string()), np.zeros(len(seq), np.bool_)
        where = np.full(len(seq), -1, np.int64)
        where[np.concatenate(rows)] = np.arange(sum(len(r) for r in rows))
        return pa.concat_arrays(found).take(pa.array(where, mask=where < 0)), where >= 0


def _in_order(seqs: list[np.ndarray]) -> bool:
    """Each piece's seqs grow, and each piece starts after the one before ends."""
    ends = [(s[0], s[-1]) for s in seqs]
    return all(bool(np.all(s[1:] > s[:-1])) for s in seqs) and all(
        a[1] < b[0] for a, b in itertools.pairwise(ends)
    )
