"""Outcomes -> counts per rule and status, and the findings (outcomes that are not ok).

Row-wise outcomes (``Part``s) of every rule reading one table are counted and collected by
ONE aggregate over that table: the table is read once, straight from its source (a window
pass is never written out), and only the findings leave the backend. Outcome tables (kinds
that join or aggregate) are grouped per rule and status instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc

from checker.engine.outcomes import OUTCOME_SCHEMA, STATUSES, Part, union
from checker.log.sources import place

# What a part's findings carry out of the aggregate: strings taken from the rows (customer and
# event ids) are looked up by ``seq`` afterwards, for the findings alone (see `name_findings`).
PAYLOAD = ("ts", "ref_ts", "ref_id", "deadline", "detail", "count")
OK = STATUSES.index("ok")


@dataclass(frozen=True)
class Tally:
    """One aggregate (a single row) over a table, and the parts it counts."""

    expr: ir.Table
    parts: list[Part]
    fields: list[dict[str, str]]  # part k's payload field -> its name in the collected struct

    def read(self) -> tuple[pa.Table, pa.Table]:
        """Run it: (rule, status, n) and the findings (rule, status, seq, named, PAYLOAD)."""
        return unpack(self.expr.to_pyarrow(), self)


def tally(b: ir.Table, parts: list[Part]) -> Tally:
    """One row: ``n{k}_{status}``, how many outcomes of part k have each status, and
    ``found``, the rows that have a finding in any part: a struct per row with each part's
    status code (``s{k}``) and the values its findings carry. Sums and a single filtered
    list: an aggregate with a FILTER per part would copy the rows once per part."""
    m = b.mutate(
        **{
            f"_s{k}": ibis.ifelse(part.where, part.status, ibis.null("int8"))
            for k, part in enumerate(parts)
        }
    )
    codes = [m[f"_s{k}"] for k in range(len(parts))]
    aggs: dict[str, ir.Value] = {}
    for k, s in enumerate(codes):
        for i, name in enumerate(STATUSES):
            aggs[f"n{k}_{name}"] = (s == i).cast("int64").sum()
    row: dict[str, ir.Value] = {"seq": b.seq, "ts": b.ts}
    fields: list[dict[str, str]] = []
    flagged = [(s != OK).fill_null(False) for s in codes]
    for k, part in enumerate(parts):
        row[f"s{k}"] = codes[k]
        named = {f: f"v{k}_{f}" for f in PAYLOAD if f in part.values}
        for f, name in named.items():  # worked out only for the rows with a finding
            value = part.values[f].cast(OUTCOME_SCHEMA[f])
            row[name] = ibis.ifelse(flagged[k], value, ibis.null(OUTCOME_SCHEMA[f]))
        fields.append(named)
    found = ibis.or_(*flagged)
    aggs["found"] = ibis.struct(row).collect(where=found)  # a struct is never NULL
    return Tally(m.aggregate(**aggs), parts, fields)


def unpack(result: pa.Table, t: Tally) -> tuple[pa.Table, pa.Table]:
    counts: Counter[tuple[str, str]] = Counter()
    for k, part in enumerate(t.parts):
        for name in STATUSES:
            counts[(part.rule, name)] += int(result.column(f"n{k}_{name}")[0].as_py() or 0)
    rows = pc.list_flatten(result.column("found").combine_chunks())
    found = [_FOUND.empty_table()]
    for k, part in enumerate(t.parts):
        code = rows.field(f"s{k}")
        mine = pc.fill_null(pc.not_equal(code, OK), False)
        n = pc.sum(mine).as_py() or 0
        if not n:
            continue
        taken = {f: pc.filter(rows.field(name), mine) for f, name in t.fields[k].items()}
        if "ts" not in taken:
            taken["ts"] = pc.filter(rows.field("ts"), mine)
        names = pa.array(STATUSES, pa.string())
        columns = {
            "rule": pa.array([part.rule] * n, pa.string()),
            "status": pc.take(names, pc.filter(code, mine)),
            "seq": pc.filter(rows.field("seq"), mine),
            "named": pa.array([part.named] * n, pa.bool_()),
            **{f: taken.get(f, pa.nulls(n, _FOUND.field(f).type)) for f in PAYLOAD},
        }
        found.append(pa.table(columns, schema=_FOUND))
    table = pa.table(
        {
            "rule": pa.array([r for r, _ in counts], pa.string()),
            "status": pa.array([s for _, s in counts], pa.string()),
            "n": pa.array(list(counts.values()), pa.int64()),
        }
    )
    return table, pa.concat_tables(found)


_FOUND = pa.schema(
    [
        ("rule", pa.string()),
        ("status", pa.string()),
        ("seq", pa.int64()),
        ("named", pa.bool_()),
        *[(f, OUTCOME_SCHEMA[f].to_pyarrow()) for f in PAYLOAD],
    ]
)


def name_findings(found: pa.Table, events: ir.Table) -> ir.Table:
    """The tallied findings in OUTCOME_SCHEMA: customer and event id looked up by ``seq`` in
    the event rows, file and line recovered from ``seq`` (a named finding's)."""
    f = ibis.memtable(found)
    e = events.select(_seq=events.seq, _customer=events.customer_id, _event=events.event_id)
    j = f.join(e, f.seq == e._seq)
    named = j.named
    file_no, line = place(j.seq)
    return j.select(
        rule=j.rule,
        status=j.status,
        customer_id=j._customer,
        event_id=ibis.ifelse(named, j._event, ibis.null("string")),
        ts=j.ts,
        file_no=ibis.ifelse(named, file_no, ibis.null("int64")),
        line=ibis.ifelse(named, line, ibis.null("int64")),
        **{f: j[f] for f in PAYLOAD if f != "ts"},
    )


def counts(tables: list[ir.Table]) -> ir.Table:
    """rule, status, n: aggregated per rule, so no outcome row is ever materialised."""
    return union([t.group_by(["rule", "status"]).aggregate(n=t.count()) for t in tables])


def summary_query(tables: list[ir.Table]) -> ir.Table:
    """Per rule and status of the outcome ``tables``: a count, and for violations and
    pending the rows themselves (collected)."""
    parts = []
    for t in tables:
        row = ibis.struct({c: t[c] for c in t.columns if c not in ("rule", "status")})
        parts.append(
            t.group_by(["rule", "status"]).aggregate(
                n=t.count(), rows=row.collect(where=t.status != "ok")
            )
        )
    return union(parts)


def summary(tables: list[ir.Table]) -> tuple[pa.Table, pa.Table]:
    """Outcome tables -> (rule, status, n) and the findings, in one query."""
    return _split(summary_query(tables).to_pyarrow())


def _split(result: pa.Table) -> tuple[pa.Table, pa.Table]:
    """The summary pass -> (rule, status, n) and the collected outcome rows, flat."""
    counted = result.select(["rule", "status", "n"])
    lists = result.column("rows").combine_chunks()
    parents = pc.list_parent_indices(lists)
    rows = pc.list_flatten(lists)
    fields = {f.name: rows.field(f.name) for f in rows.type}
    flat = pa.table(
        {
            "rule": pc.take(result.column("rule"), parents),
            "status": pc.take(result.column("status"), parents),
            **fields,
        }
    )
    return counted, flat.select(list(OUTCOME_SCHEMA.names))
