"""The key the window passes partition by: a number per customer instead of the id itself.

Every window pass sorts its rows by customer, time and input order, and carries every column
read after it through that sort. A 64-bit key sorts and compares faster than a string id, and
it is all a pass needs: a finding's customer id is looked up by its key as each pass is read
(`CustomerIndex`). The key is a hash of the id, used only when it is proven one-to-one over
the audit's customers (the segments table has one row per customer); otherwise, the id
itself is the key. The findings are the same either way.
"""

from __future__ import annotations

import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KEY = "customer_key"


def hashed(customer_id: ir.StringValue) -> ir.IntegerValue:
    """The numeric key of a customer id (a hash: every backend has one)."""
    return customer_id.hash()


def key_counts(segments: ir.Table) -> ir.Table:
    """n (customers) and distinct (keys among them), of segments with a ``customer_key``."""
    return segments.aggregate(n=segments.count(), distinct=segments[KEY].nunique())


def hashed_keys(rows: ir.Table) -> ir.Table:
    """``rows`` with their customer id's hash as ``customer_key``: worked out once, as the
    rows are written, not in every pass."""
    return rows.mutate(**{KEY: hashed(rows.customer_id)})


def keyed(events: ir.Table, segments: ir.Table) -> tuple[ir.Table, ir.Table]:
    """``events`` (with `hashed_keys`) and ``segments`` with the ``customer_key`` to use: the
    hashed id when no two of the audit's customers share a hash, else the id itself. One
    small query (over the segments, a row per customer)."""
    hashed_segments = hashed_keys(segments)
    counted = key_counts(hashed_segments).execute()
    if int(counted["n"].iloc[0]) == int(counted["distinct"].iloc[0]):
        return events, hashed_segments
    return (
        events.mutate(**{KEY: events.customer_id}),
        segments.mutate(**{KEY: segments.customer_id}),
    )


class CustomerIndex:
    """The audit's customers (customer_key, customer_id: as `keyed` gives the segments, one
    row each) by key, for the many lookups of an audit (every pass's findings): hashed keys
    are sorted once and each lookup is a binary search, not a hash table of every customer
    built anew; keys that are the ids themselves are looked up by a hash table."""

    def __init__(self, customers: pa.Table) -> None:
        keys = customers[KEY].combine_chunks()
        self._keys = keys
        self._ids = customers["customer_id"].combine_chunks()
        self._sorted: np.ndarray | None = None
        if pa.types.is_integer(keys.type) and not keys.null_count and len(keys):
            values = keys.to_numpy()
            self._order = np.argsort(values, kind="stable")
            self._sorted = values[self._order]

    def rows(self, keys: pa.Array) -> pa.Array:
        """The customers' row of each key (NULL: no such customer), vectorised."""
        if self._sorted is None or not pa.types.is_integer(keys.type):
            return pc.index_in(keys, value_set=self._keys)
        wanted = pc.fill_null(keys, 0).to_numpy(zero_copy_only=False)
        at = np.minimum(np.searchsorted(self._sorted, wanted), len(self._sorted) - 1)
        missing = self._sorted[at] != wanted
        if keys.null_count:
            missing |= pc.is_null(keys).to_numpy(zero_copy_only=False)
        return pa.array(self._order[at], mask=missing)

    def ids(self, keys: pa.Array) -> pa.Array:
        """The ``customer_id`` of each key."""
        return pc.take(self._ids, self.rows(keys))
