"""The lapsed repeat customers' facts, as Ibis queries over the audited events.

A repeat customer (`spec.MIN_PURCHASES` purchases or more) whose last purchase lies more than
``churn.after`` before the audit's end has lapsed, on ``last purchase + after``. Exactly
``after`` before the end is not yet lapsed. Per lapsed customer: purchases, last purchase,
the lapse, the segment (`checker.engine.segments`: ``active_segment``) and, per reason that
names events, whether the customer had one of them after the last purchase and up to the
lapse. Aggregates over the purchases and the reasons' events only, then small joins: no
window, nothing backend-specific (it runs on Spark as on DuckDB)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from checker.churn.spec import MIN_PURCHASES, ChurnSpec, churn_spec, event_column
from checker.engine.context import interval
from checker.engine.customer_keys import KEY
from checker.engine.prepare import Prepared
from checker.engine.report_order import CustomerNames, shown_customers
from checker.log.event_flags import is_event
from checker.playbook.model import Playbook

FACTS = ("customer_id", "segment", "purchases", "last_purchase", "lapsed_at")


def _buyers(events: ir.Table, pb: Playbook) -> ir.Table:
    buys = events.filter(is_event(events, ["purchase"], pb))
    per = buys.group_by(KEY).aggregate(purchases=buys.count(), last_purchase=buys.ts.max())
    return per.filter(per.purchases >= MIN_PURCHASES)


def repeat_count_query(events: ir.Table, pb: Playbook) -> ir.Table:
    """One row: ``n``, the repeat customers of the audit."""
    buyers = _buyers(events, pb)
    return buyers.aggregate(n=buyers.count())


def lapsed_query(
    events: ir.Table, segments: ir.Table, pb: Playbook, spec: ChurnSpec, as_of: datetime
) -> ir.Table:
    """One row per lapsed customer: FACTS (the raw customer id), then `event_column` of
    each reason (true or false)."""
    buyers = _buyers(events, pb)
    after = interval(spec.after_text)
    lapsed = buyers.filter(buyers.last_purchase + after < ibis.literal(as_of, type="timestamp"))
    lapsed = lapsed.mutate(lapsed_at=lapsed.last_purchase + after)
    flags = {
        event_column(i): is_event(events, list(r.events), pb)
        for i, r in enumerate(spec.reasons)
        if r.events
    }
    if flags:
        names = sorted({e for r in spec.reasons for e in r.events})
        marked = events.filter(is_event(events, names, pb)).select(
            e_key=events[KEY], e_ts=events.ts, **flags
        )
        j = marked.join(lapsed, marked.e_key == lapsed[KEY])
        j = j.filter((j.e_ts > j.last_purchase) & (j.e_ts <= j.lapsed_at))
        had = j.group_by("e_key").aggregate(**{name: j[name].any() for name in flags})
        lapsed = lapsed.left_join(had, lapsed[KEY] == had.e_key).drop("e_key")
    people = segments.select(
        s_key=segments[KEY], customer_id=segments.customer_id, segment=segments.active_segment
    )
    out = lapsed.join(people, lapsed[KEY] == people.s_key)
    columns = {
        event_column(i): out[event_column(i)].fill_null(False)
        if event_column(i) in flags
        else ibis.literal(False)
        for i in range(len(spec.reasons))
    }
    return out.select(*FACTS, **columns)


@dataclass(frozen=True)
class Lapsed:
    """What the engine hands the report: the repeat customers' count, and the lapsed ones
    (`lapsed_query`'s rows, their customers as the report names them)."""

    repeat_customers: int
    customers: pa.Table


def lapsed_customers(
    con: ibis.BaseBackend, prep: Prepared, pb: Playbook, names: CustomerNames | None
) -> Lapsed:
    """Run the two queries on ``con``; name the lapsed customers by ``names`` (None: raw)."""
    spec = churn_spec(pb)
    repeat = con.to_pyarrow(repeat_count_query(prep.events, pb))["n"][0].as_py() or 0
    table = con.to_pyarrow(lapsed_query(prep.events, prep.segments, pb, spec, prep.as_of))
    at = table.schema.get_field_index("customer_id")
    table = table.set_column(at, "customer_id", shown_customers(table["customer_id"], names))
    return Lapsed(int(repeat), table)
