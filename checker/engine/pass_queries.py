"""Each pass as the queries that count its rules' outcomes and collect its findings, with
how to read their results: counts per rule and status, and the findings, their customers
already named and their evidence written as the report will show them.

The reading is Python work (Arrow kernels) that `checker.engine.in_turn` does while the
backend runs the next query; naming the customers and writing the evidence there, pass by
pass, keeps that work out of the end of the audit, where nothing else runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, partial

import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc

from checker.engine.customer_keys import CustomerIndex
from checker.engine.evaluate import Pass
from checker.engine.event_ids import EventIds
from checker.engine.identity import anchors
from checker.engine.outcomes import DETAILS
from checker.engine.report_order import CustomerNames, shown_customers
from checker.engine.tally import Tally, split, summary_query, tally, unpack

# A query's result -> (counts, findings) of each slice of it, in turn (see `slices`).
Read = Callable[[pa.Table], Iterator[tuple[pa.Table, pa.Table]]]
Evidence = Callable[[pa.Table], pa.Array]  # findings -> a sentence of evidence each


SLICE = 200_000  # findings read out of a query's result at a time


def slices(result: pa.Table, found: str, size: int = SLICE) -> Iterator[pa.Table]:
    """``result`` (groups, each with a list column ``found`` of its findings) a few groups at
    a time, each slice about ``size`` findings (a larger group alone): what reading a result
    holds in memory at once is bounded by the slice, not by the pass's findings."""
    lengths = pc.fill_null(pc.list_value_length(result.column(found)), 0).to_pylist()
    start = held = 0
    for i, n in enumerate(lengths):
        if held and held + n > size:
            yield result.slice(start, i - start)
            start, held = i, 0
        held += n
    if start < len(lengths) or not lengths:
        yield result.slice(start)


def pass_queries(
    all_passes: list[Pass],
    customers_by_key: pa.Table,
    names: CustomerNames | None,
    evidence: Evidence | None,
    event_ids: EventIds,
) -> list[tuple[ir.Table, Read]]:
    """Per pass, one aggregate over it for every row-wise rule (a tally), and one query for
    the rules whose outcomes are tables; each with how to read its result.
    ``customers_by_key``: the audit's customer_key and customer_id (see
    `checker.engine.customer_keys`); ``names``: how the report names customers (None: by
    their ids); ``evidence``: how the report words each finding's evidence (None: the
    findings go without); ``event_ids``: the audited rows' ids (see
    `checker.engine.event_ids`)."""

    @cache
    def shown_by_key() -> CustomerIndex:  # named when the first result is read
        at = customers_by_key.schema.get_field_index("customer_id")
        ids = customers_by_key["customer_id"].combine_chunks()
        shown = ids if names is None else names(ids)  # distinct ids: named once each
        return CustomerIndex(customers_by_key.set_column(at, "customer_id", shown))

    def described(found: pa.Table) -> pa.Table:
        """With each finding's anchor (see `checker.engine.identity`) and the evidence
        written, what only those read goes (the findings are sorted next: the narrower, the
        better)."""
        found = found.append_column("anchor", anchors(found, event_ids))
        if evidence is None:
            return found
        return found.drop_columns(list(DETAILS)).append_column("evidence", evidence(found))

    def read_tally(result: pa.Table, counted: Tally) -> Iterator[tuple[pa.Table, pa.Table]]:
        for rows in slices(result, "found"):
            counts, found = unpack(rows, counted, shown_by_key(), event_ids)
            yield counts, described(found)

    def read_summary(result: pa.Table) -> Iterator[tuple[pa.Table, pa.Table]]:
        for rows in slices(result, "rows"):
            counts, found = split(rows)
            at = found.schema.get_field_index("customer_id")
            shown = shown_customers(found["customer_id"], names)
            yield counts, described(found.set_column(at, "customer_id", shown))

    out: list[tuple[ir.Table, Read]] = []
    for p in all_passes:
        parts = [part for _, o in p.outcomes if isinstance(o, list) for part in o]
        if parts:
            counted = tally(p.table, parts)
            out.append((counted.expr, partial(read_tally, counted=counted)))
        tables = [o for _, o in p.outcomes if not isinstance(o, list)]
        if tables:
            out.append((summary_query(tables), read_summary))
    return out
