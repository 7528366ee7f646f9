"""Event ids: the default for a row without one, and the rejection of repeated ones."""

from __future__ import annotations

from typing import Any, overload

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc

from checker.log.places import place
from checker.log.sources import UNKNOWN_FILE, file_name


@overload
def at_place(
    file_no: ir.IntegerValue, line: ir.IntegerValue, files: list[str]
) -> ir.StringValue: ...
@overload
def at_place(file_no: pa.Array, line: pa.Array, files: list[str]) -> pa.Array: ...


def at_place(file_no: Any, line: Any, files: list[str]) -> Any:
    """``FILE:LINE``, a row's place as text (the id of a row without one), for Ibis integers
    (in a query) or Arrow int64 arrays (a query's result)."""
    if isinstance(file_no, pa.Array | pa.ChunkedArray):
        names = pa.array([*files, UNKNOWN_FILE], pa.string())
        name = names.take(pc.min_element_wise(file_no, len(files)))
        return pc.binary_join_element_wise(name, pc.cast(line, pa.string()), ":")
    return file_name(file_no, files) + ":" + line.cast("string")


def duplicates(t: ir.Table) -> ir.Table:
    """event ids seen more than once, with the input position of the first occurrence
    (a GROUP BY, not a window: no sort of every row by id)."""
    per_id = t.group_by(_dup_id=t.event_id).aggregate(_n=t.count(), _first_seq=t.seq.min())
    return per_id.filter(per_id._n > 1).drop("_n")


def flag_duplicates(t: ir.Table, dups: ir.Table, files: list[str]) -> ir.Table:
    """Reject every occurrence of a duplicated event id but the first (in input order)."""
    j = t.left_join(dups, t.event_id == dups._dup_id)
    first = j._first_seq
    dup = first.notnull() & (j.seq != first)
    first_file, first_line = place(first)
    first_at = at_place(first_file, first_line, files)
    text = "duplicate event_id '" + j.event_id + "' (first at " + first_at + "); "
    return j.mutate(reason=j.reason + ibis.ifelse(dup, text, "")).drop("_dup_id", "_first_seq")


def default_ids(t: ir.Table, files: list[str]) -> ir.Table:
    """A row without an ``event_id`` is known by its place, ``FILE:LINE``."""
    where = at_place(t.file_no, t.line, files)
    # A CASE, so the text is only built for the rows without an id.
    return t.mutate(event_id=ibis.ifelse(t.event_id.isnull(), where, t.event_id))
