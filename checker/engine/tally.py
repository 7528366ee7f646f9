"""Outcomes -> counts per rule and status, and the findings (outcomes that are not ok).

Row-wise outcomes (``Part``s) of every rule reading one table are counted and collected by
ONE aggregate over that table: the table is read once, straight from its source (a window
pass is never written out), and only the findings leave the backend. The aggregate is
grouped by the rows' agent and channel (a few groups), so each outcome is counted where it
is attributed (see `checker.engine.outcomes.Part`). Outcome tables (kinds
that join or aggregate) are grouped per rule and status instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ibis
import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from checker.engine.customer_keys import KEY, CustomerIndex
from checker.engine.event_ids import EventIds
from checker.engine.outcomes import DETAILS, OUTCOME_SCHEMA, STATUSES, Part, union
from checker.engine.weeks import WEEK, week_of
from checker.log.places import place

# What a part's findings carry out of the aggregate besides the row's seq, time and customer
# key (a struct per row with a finding). Not the customer or event id: strings a window pass
# would carry through its sort for every row. The customer id comes from the key (see
# `checker.engine.customer_keys`), the event id from the seq (`checker.engine.event_ids`).
PAYLOAD = ("ts", *DETAILS)
ATTRIBUTION = ("agent_id", "channel")  # the aggregate's groups (and the week: see `tally`)
OK = STATUSES.index("ok")


@cache
def status_names() -> pa.Array:
    """A status's name by its code. Made at first use, not on import: building an Arrow array
    from Python values imports pandas (0.15-0.2 s), which a session imports on a thread of
    its own while its first query runs (`checker.engine.backends.duckdb`)."""
    return pa.array(STATUSES, pa.string())


FOUND_SCHEMA = OUTCOME_SCHEMA.to_pyarrow()  # a tally's findings, as the outcome tables'


@dataclass(frozen=True)
class Tally:
    """One aggregate (a single row) over a table, and the parts it counts."""

    expr: ir.Table
    parts: list[Part]
    fields: list[dict[str, str]]  # part k's payload field -> its name in the collected struct


def tally(b: ir.Table, parts: list[Part]) -> Tally:
    """One row per agent and channel of ``b``'s rows: ``n{k}``, how many outcomes part k
    has, and ``found``, the rows that have a finding in any part: a struct per row with each
    part's status code (``s{k}``) and the values its findings carry. Counts and a single
    filtered list: an aggregate with a FILTER per part would copy the rows once per part.
    The statuses are not counted here (a sum per part and status over every row): every
    outcome that is not ok is in ``found``, where `unpack` counts them.
    The rows are grouped by their week too (see `checker.engine.weeks`); a part whose
    outcomes have a time of their own (a period: ``values["ts"]``) adds a group key ``w{k}``,
    its outcomes' week, so each outcome is counted in its own week."""
    m = b.mutate(
        **{
            f"_s{k}": ibis.ifelse(part.where, part.status, ibis.null("int8"))
            for k, part in enumerate(parts)
        },
        **{WEEK: week_of(b.ts)},
        **{
            f"w{k}": ibis.ifelse(part.where, week_of(part.values["ts"]), ibis.null("date"))
            for k, part in enumerate(parts)
            if "ts" in part.values
        },
    )
    codes = [m[f"_s{k}"] for k in range(len(parts))]
    aggs: dict[str, ir.Value] = {}
    for k, s in enumerate(codes):
        aggs[f"n{k}"] = s.count()  # NULL: no outcome of part k on that row
    row: dict[str, ir.Value] = {"seq": b.seq, "ts": b.ts, "key": b[KEY]}
    fields: list[dict[str, str]] = []
    flagged = [s != OK for s in codes]  # NULL (no outcome): a CASE and a FILTER skip it
    for k, part in enumerate(parts):
        row[f"s{k}"] = codes[k]
        named = {f: f"v{k}_{f}" for f in PAYLOAD if f in part.values}
        for f, name in named.items():  # worked out only for the rows with a finding
            value = part.values[f].cast(OUTCOME_SCHEMA[f])
            row[name] = ibis.ifelse(flagged[k], value, ibis.null(OUTCOME_SCHEMA[f]))
        fields.append(named)
    found = ibis.or_(*flagged)
    aggs["found"] = ibis.struct(row).collect(where=found)  # a struct is never NULL
    weeks = [WEEK, *(f"w{k}" for k, part in enumerate(parts) if "ts" in part.values)]
    return Tally(m.group_by([*ATTRIBUTION, *weeks]).aggregate(**aggs), parts, fields)


def unpack(
    result: pa.Table, t: Tally, customers: CustomerIndex, event_ids: EventIds
) -> tuple[pa.Table, pa.Table]:
    """The aggregate's rows (``t.expr`` run) -> (rule, status, agent_id, channel, week, n) and the
    findings in `FOUND_SCHEMA`; ``customers``: the audit's customers by key, their ids as the
    findings are to name them (see `checker.engine.customer_keys.CustomerIndex`); ``event_ids``: the
    audited rows' ids, by seq."""
    lists = result.column("found").combine_chunks()
    rows = pc.list_flatten(lists)
    group = pc.list_parent_indices(lists)  # each found row's group (agent, channel)
    customer = customers.ids(rows.field("key"))  # once per row, whatever its parts
    # Each group's agent and channel, as the findings and the counts carry them.
    groups = {a: result.column(a).combine_chunks().cast(pa.string()) for a in ATTRIBUTION}
    found = [FOUND_SCHEMA.empty_table()]
    for k, part in enumerate(t.parts):
        code = rows.field(f"s{k}")  # NULL where the row has no outcome of part k
        mine = pc.fill_null(pc.not_equal(code, OK), False)
        if pc.any(mine).as_py():
            read = ["seq", "ts", *t.fields[k].values()]  # not the other parts' fields
            picked = pa.table([rows.field(f) for f in read], names=read).filter(mine)
            of = group.filter(mine) if part.named else None  # each finding's group
            attributed = {a: None if of is None else groups[a].take(of) for a in ATTRIBUTION}
            found.append(
                _findings(
                    part,
                    picked,
                    pc.filter(code, mine),
                    t.fields[k],
                    customer.filter(mine),
                    event_ids,
                    attributed,
                )
            )
    return _counts(result, t.parts, rows, group, groups), pa.concat_tables(found)


COUNT_SCHEMA = pa.schema(
    [("rule", pa.string()), ("status", pa.string())]
    + [(a, pa.string()) for a in ATTRIBUTION]
    + [(WEEK, pa.date32()), ("n", pa.int64())]
)


def _counts(
    result: pa.Table,
    parts: list[Part],
    rows: pa.StructArray,
    group: pa.Array,
    attribution: dict[str, pa.Array],
) -> pa.Table:
    """Every part's outcomes per status and group (the group's week of the part's outcomes):
    its findings (every outcome that is not ok) are counted from their codes, ok ones are the
    group's outcomes less its findings. A part that is not ``named`` is about customers alone:
    unassigned, whatever the rows' groups (`summed_by` adds those up); ``attribution``: each
    group's agent and channel. Array operations only, a part at a time (a part's counts are a
    status-by-group matrix)."""
    unassigned = pa.nulls(result.num_rows, pa.string())
    counted = [COUNT_SCHEMA.empty_table()]
    for k, part in enumerate(parts):
        code = rows.field(f"s{k}")  # NULL where the row has no outcome of part k
        flagged = pc.fill_null(pc.not_equal(code, OK), False)
        by = np.zeros((len(STATUSES), result.num_rows), dtype=np.int64)  # [status, group]
        np.add.at(
            by,
            (
                pc.filter(code, flagged).to_numpy(zero_copy_only=False).astype(np.int64),
                group.filter(flagged).to_numpy(zero_copy_only=False).astype(np.int64),
            ),
            1,
        )
        total = pc.fill_null(result.column(f"n{k}").combine_chunks(), 0)
        by[OK] = total.to_numpy(zero_copy_only=False).astype(np.int64) - by.sum(axis=0)
        status, at = np.nonzero(by)  # rows with none are dropped anyway
        own = f"w{k}" if "ts" in part.values else WEEK  # see `tally`
        columns = {
            "rule": pa.repeat(pa.scalar(part.rule, pa.string()), len(at)),
            "status": status_names().take(status),
            **{a: (attribution[a] if part.named else unassigned).take(at) for a in ATTRIBUTION},
            WEEK: result.column(own).combine_chunks().cast(pa.date32()).take(at),
            "n": pa.array(by[status, at], pa.int64()),
        }
        counted.append(pa.table(columns, schema=COUNT_SCHEMA))
    return summed_by(pa.concat_tables(counted), [n for n in COUNT_SCHEMA.names if n != "n"])


def summed_by(counts: pa.Table, keys: list[str]) -> pa.Table:
    """``counts`` (keys and ``n``) added up per ``keys``, rows with none dropped."""
    summed = counts.group_by(keys, use_threads=False).aggregate([("n", "sum")])
    n = summed["n_sum"].cast(pa.int64())
    table = pa.table({name: summed[name] for name in keys} | {"n": n})
    return table.filter(pc.greater(table["n"], 0))


def _findings(
    part: Part,
    rows: pa.Table,
    code: pa.Array,
    fields: dict[str, str],
    customer: pa.Array,
    event_ids: EventIds,
    attributed: dict[str, pa.Array | None],
) -> pa.Table:
    """One part's findings (the ``seq``, ``ts`` and ``fields`` of its collected ``rows``,
    status ``code``s, ``customer`` ids) in `FOUND_SCHEMA`, each with the event id of its row
    (by seq, from ``event_ids``). A finding about the customer alone (not ``named``) has no
    file, line or event id."""
    n = rows.num_rows
    if part.named:
        seq = rows.column("seq").combine_chunks()
        file_no, line = place(seq)
        event_id = event_ids.of(seq)
    else:
        file_no = line = pa.nulls(n, pa.int64())
        event_id = pa.nulls(n, pa.string())
    values = {f: rows.column(name) for f, name in fields.items()}
    columns = {
        "rule": pa.array([part.rule] * n, pa.string()),
        "status": status_names().take(code),
        "customer_id": customer,
        "event_id": event_id,
        "ts": values.get("ts", rows.column("ts")),
        "file_no": file_no,
        "line": line,
    }
    for f in PAYLOAD:
        if f != "ts":
            columns[f] = values.get(f, pa.nulls(n, FOUND_SCHEMA.field(f).type))
    for a in ATTRIBUTION:
        given = attributed.get(a)
        columns[a] = pa.nulls(n, pa.string()) if given is None else given  # strings already
    return pa.table(columns, schema=FOUND_SCHEMA)


def counts(tables: list[ir.Table]) -> ir.Table:
    """rule, status, agent_id, channel, week, n: aggregated, so no outcome row is
    materialised."""
    keys = ["rule", "status", *ATTRIBUTION]
    return union(
        [t.group_by([*keys, week_of(t.ts).name(WEEK)]).aggregate(n=t.count()) for t in tables]
    )


def summary_query(tables: list[ir.Table]) -> ir.Table:
    """Per rule, status, agent, channel and week of the outcome ``tables``: a count, and for
    violations and pending the rows themselves (collected)."""
    parts = []
    keys = ["rule", "status", *ATTRIBUTION]
    for t in tables:
        row = ibis.struct({c: t[c] for c in t.columns if c not in keys})
        by = [*keys, week_of(t.ts).name(WEEK)]
        parts.append(
            t.group_by(by).aggregate(n=t.count(), rows=row.collect(where=t.status != "ok"))
        )
    return union(parts)


def split(result: pa.Table) -> tuple[pa.Table, pa.Table]:
    """`summary_query` run -> (rule, status, agent_id, channel, week, n) and the collected
    outcome rows, flat."""
    counted = result.select(["rule", "status", *ATTRIBUTION, WEEK, "n"])
    counted = counted.set_column(
        counted.schema.get_field_index(WEEK), WEEK, counted[WEEK].cast(pa.date32())
    )
    lists = result.column("rows").combine_chunks()
    parents = pc.list_parent_indices(lists)
    rows = pc.list_flatten(lists)
    fields = {f.name: rows.field(f.name) for f in rows.type}
    flat = pa.table(
        {
            "rule": pc.take(result.column("rule"), parents),
            "status": pc.take(result.column("status"), parents),
            **{a: pc.take(result.column(a), parents) for a in ATTRIBUTION},
            **fields,
        }
    )
    return counted, flat.select(list(OUTCOME_SCHEMA.names))
