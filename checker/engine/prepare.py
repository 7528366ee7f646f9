"""From log files to the audited events: read, normalise, account for every row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir

from checker.engine import plan
from checker.engine.backends import backend_for
from checker.engine.backends.base import Fetch
from checker.engine.customer_keys import hashed_keys, keyed
from checker.engine.event_ids import EventIds
from checker.engine.identity import with_content
from checker.engine.segments import segment_table
from checker.log.customers import flag_repeats, open_customers
from checker.log.event_flags import event_of
from checker.log.ids import default_ids, duplicates, flag_duplicates
from checker.log.normalize_once import normalized
from checker.playbook.model import Playbook


@dataclass
class Prepared:
    # valid events with ts <= as_of (typed), outbound, customer_key: a view over the typed rows
    events: ir.Table
    # file_no, line, reason of every rejected row (events + customers): a query, read once by
    # the audit (a copy would cost a table's creation and a compile more, and save nothing)
    rejected: ir.Table
    files: list[str]  # input files by file_no (logs in argument order, then customers)
    customers: ir.Table | None
    # customer_id, customer_key, segment, last_purchase, active_segment: a row per customer
    segments: ir.Table
    rows_read: int
    event_ids: EventIds  # every row's event id, by seq
    as_of: datetime
    audit_start: datetime


def _py(value: Any) -> datetime | None:
    if value is None or value != value:  # NULL / NaT
        return None
    return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value


def _hashes_distinct(typed: ir.Table, n: int, fetch: Fetch) -> bool:
    """As many distinct hashes of the ids as rows: proves the ids distinct (fewer, a
    duplicate or two ids that share a hash, sends every row through the exact check)."""
    hashes = fetch(typed.aggregate(distinct=typed.event_id.hash().nunique()))
    return n == hashes["distinct"][0].as_py()


def prepare(
    con: ibis.BaseBackend,
    paths: list[Path],
    pb: Playbook,
    *,
    customers_path: Path | None,
    as_of: datetime | None,
    workdir: Path,
    on_rows: Callable[[int], None] | None = None,
) -> Prepared:
    backend = backend_for(con, workdir)  # the rest is plain Ibis
    fetch, materialize = backend.fetch, backend.materialize
    files = [str(p) for p in paths] + ([str(customers_path)] if customers_path else [])
    aliases = pb.data.get("column_aliases", {})

    def build(raw: ir.Table) -> ir.Table:
        return hashed_keys(normalized(raw, pb))

    source = backend.read_logs(paths, aliases, build, on_rows)
    typed = default_ids(source, files)
    # Usually the ids are distinct, proven without grouping millions of them: ids that
    # only grow in input order are, and so are places (no row has an id of its own), else
    # as many distinct hashes as rows. Only when all fail does every row go through the
    # exact check (a join in the rows every later pass reads).
    event_ids = EventIds.read(with_content(source, pb), files[: len(paths)], fetch)
    rows_read = len(event_ids)
    unique = (
        event_ids.growing()
        or event_ids.all_by_place()
        # every row with an id of its own: the ids as read are the ids (no file named)
        or _hashes_distinct(source if event_ids.given() == rows_read else typed, rows_read, fetch)
    )
    all_rows = typed if unique else flag_duplicates(typed, materialize(duplicates(typed)), files)
    # A small log's rows are copied once: every later query then reads a table, not the
    # view that places and names them, and compiles in a fraction of the time (compiling
    # costs more than the copy up to `plan.SMALL_LOG` rows). A large log is read as a view,
    # so that no second copy of every row is made.
    small = rows_read <= plan.SMALL_LOG
    if small:
        all_rows = materialize(all_rows)
    customers = (
        materialize(
            flag_repeats(
                materialize(open_customers(backend.read_customers(customers_path), len(paths), pb)),
                files[-1],
            )
        )
        if customers_path
        else None
    )
    good = all_rows.reason == ""
    span = fetch(all_rows.filter(good).aggregate(lo=all_rows.ts.min(), hi=all_rows.ts.max()))
    earliest, latest = _py(span["lo"][0].as_py()), _py(span["hi"][0].as_py())
    if as_of is None:
        as_of = latest or datetime(1970, 1, 1)
    end = ibis.literal(as_of, type="timestamp")
    late_reason = (
        "after the audit end (--as-of "
        + as_of.strftime("%Y-%m-%d %H:%M:%S")
        + "); give a later --as-of to audit it"
    )
    rejected = all_rows.filter(~good | (all_rows.ts > end)).select(
        "file_no",
        "line",
        reason=ibis.ifelse(all_rows.reason == "", ibis.literal(late_reason), all_rows.reason),
    )
    if customers is not None:
        bad = customers.filter(customers.reason != "")
        rejected = rejected.union(
            bad.select(
                file_no=bad.file_no.cast("int64"), line=bad.line.cast("int64"), reason=bad.reason
            )
        )
        rows_read += fetch(customers.aggregate(n=customers.count()))["n"][0].as_py()
    # Events stay a view over the one typed table (no second copy of every row); the
    # duplicate ids it joins and the segments are small tables.
    events = all_rows.filter(good & (all_rows.ts <= end)).drop("reason")
    if "event" not in events.columns:  # stored as its flag only: the name, where read
        events = events.mutate(event=event_of(events.event_flag, pb))
    events, segments = keyed(
        events, materialize(segment_table(events, pb, as_of, customers)), fetch
    )
    if small:  # the audited events as a table of their own too (see above)
        events = materialize(events)
    return Prepared(
        events=events,
        rejected=rejected,
        segments=segments,
        files=files,
        customers=customers,
        rows_read=rows_read,
        event_ids=event_ids,
        as_of=as_of,
        audit_start=min(earliest or as_of, as_of),
    )
