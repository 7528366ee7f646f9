"""The findings in the order the report lists them, sorted by the backend (in parallel).

The report lists violations first, then by rule, file, line, customer (as the report names
them), time and evidence. The backend sorts an audit's findings by all of these, on disk
beyond its memory limit (see `checker.engine.found_files`): the engine writes the evidence as
it reads each pass (see `checker.engine.pass_queries`). `checker.findings` checks the order
as it reads them a batch at a time. Rows without the evidence (the report to write it) are
sorted again in memory once it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc

# Customer ids -> the names a report shows (pseudonyms, or the ids themselves), one per id.
CustomerNames = Callable[[pa.Array], pa.Array]


def shown_customers(ids: pa.ChunkedArray | pa.Array, names: CustomerNames | None) -> pa.Array:
    """Each row's customer as the report names it: ``names`` applied once per distinct id."""
    ids = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    if names is None:
        return ids
    encoded = ids.dictionary_encode()
    return pc.take(names(encoded.dictionary), encoded.indices)


def named_ahead(names: CustomerNames, ids: pa.Array, pool: Executor) -> CustomerNames:
    """``names``, worked out for ``ids`` (distinct) on ``pool`` meanwhile (while the audit
    runs on: naming hundreds of thousands of customers takes a while). Asked later, each
    id is looked up there; an id not among them is named then."""
    ahead = pool.submit(names, ids)

    def lookup(asked: pa.Array) -> pa.Array:
        if asked.equals(ids):  # every customer, as given (a comparison, not a hash table)
            return ahead.result()
        at = pc.index_in(asked, value_set=ids)
        shown = pc.take(ahead.result(), at)
        missing = pc.is_null(at)
        if pc.any(missing).as_py():
            shown = pc.replace_with_mask(shown, missing, names(asked.filter(missing)))
        return shown

    return lookup


def file_rank(file_no: ir.IntegerValue, files: list[str]) -> ir.IntegerValue:
    """A number per input file that sorts as the file's name does (NULL: no file)."""
    ranked = sorted(set(files))
    return ibis.cases(*[(file_no == i, ranked.index(name)) for i, name in enumerate(files)])


def _file_ranks(file_no: pa.ChunkedArray, files: list[str]) -> pa.Array:
    """`file_rank` in Arrow."""
    ranked = sorted(set(files))
    ranks = pa.array([ranked.index(name) for name in files], pa.int64())
    return pc.take(ranks, file_no)


def in_report_order_here(found: pa.Table, files: list[str]) -> pa.Table:
    """`in_report_order`, sorted by Arrow in this process: for a backend that would have to
    be sent the findings first (Spark). The same keys: NULLs first, strings by their bytes."""
    keys = pa.table(
        {
            "pending": pc.not_equal(found["status"], "violation"),
            "rule": found["rule"],
            "file": _file_ranks(found["file_no"], files),
            "line": found["line"],
            "customer_id": found["customer_id"],
            "ts": found["ts"],
            **({"evidence": found["evidence"]} if "evidence" in found.column_names else {}),
        }
    )
    order = pc.sort_indices(keys, [(name, "ascending", "at_start") for name in keys.column_names])
    return found.take(order)


def report_keys(t: ir.Table, files: list[str]) -> list[ir.Value]:
    """The keys that sort ``t`` (OUTCOME_SCHEMA rows, ``file_no`` for the file,
    ``customer_id`` as the report names it: see `shown_customers`) as the report lists the
    findings (but for the evidence, unless ``t`` has it)."""
    keys = [
        t.status != "violation",
        t.rule,
        ibis.asc(file_rank(t.file_no, files), nulls_first=True),
        ibis.asc(t.line, nulls_first=True),
        t.customer_id,
        ibis.asc(t.ts, nulls_first=True),
    ]
    if "evidence" in t.columns:  # written already: the report's order in full
        keys.append(t.evidence)
    return keys


def in_report_order(con: ibis.BaseBackend, found: pa.Table, files: list[str]) -> pa.Table:
    """``found`` sorted on ``con`` as the report lists the findings (see `report_keys`)."""
    t = ibis.memtable(found)
    return con.to_pyarrow(t.order_by(report_keys(t, files)))
