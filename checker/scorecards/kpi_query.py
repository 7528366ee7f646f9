"""The KPIs of seed 004 per agent, as one Ibis query over the audited events.

Inquiry conversion: an ``inquiry`` row (a pre-sale question; its ``agent_id`` is the agent
who answered) converts when the same customer's next purchase after it (in the log's order:
time, then input order) comes within ``kpi.conversion_within``. An inquiry whose window ends
after the audit's end and has no purchase yet is still open: it is left out. Order value: the
paid ``amount`` of the purchases carrying the agent's id (mean, median). A window over just
the inquiries and purchases (a small share of a log), then one aggregate per agent.
"""

from __future__ import annotations

from datetime import datetime

import ibis
import ibis.expr.types as ir

from checker.engine.context import FOLLOWING, customer_window, interval
from checker.engine.nearest import first_where
from checker.log.event_flags import is_event
from checker.playbook.model import Playbook

DEFAULT_CONVERSION_WITHIN = "3d"  # seed 004 reviews conversion over a few days
KPI_COLUMNS = ("agent_id", "inquiries", "converted", "orders", "order_mean", "order_median")


def conversion_within(pb: Playbook) -> str:
    return str((pb.data.get("kpi") or {}).get("conversion_within", DEFAULT_CONVERSION_WITHIN))


def kpi_query(events: ir.Table, pb: Playbook, as_of: datetime) -> ir.Table:
    """One row per agent id (NULL: none on the row): KPI_COLUMNS."""
    inquiry = is_event(events, ["inquiry"], pb) if "inquiry" in pb.events else ibis.literal(False)
    purchase = is_event(events, ["purchase"], pb)
    t = events.filter(inquiry | purchase).select(
        "seq", "customer_key", "ts", "agent_id", "amount", is_inquiry=inquiry, is_buy=purchase
    )
    nxt = first_where(t.ts, t.is_buy, customer_window(t, rows=FOLLOWING))
    w = t.mutate(next_buy=nxt)
    deadline = w.ts + interval(conversion_within(pb))
    converted = w.is_inquiry & w.next_buy.notnull() & (w.next_buy <= deadline)
    still_open = w.is_inquiry & ~converted & (deadline > ibis.literal(as_of, type="timestamp"))
    counted = w.is_inquiry & ~still_open
    paid = w.is_buy & w.amount.notnull()
    # The median reads a NULLed column, not ``where=``: Ibis's PySpark compiler would wrap the
    # percentage in the filter too, which Spark refuses (it must be a constant).
    paid_amount = ibis.ifelse(paid, w.amount, ibis.null(w.amount.type()))
    return w.group_by("agent_id").aggregate(
        inquiries=counted.cast("int64").sum(),
        converted=converted.cast("int64").sum(),
        orders=paid.cast("int64").sum(),
        order_mean=w.amount.mean(where=paid),
        order_median=paid_amount.median(),
    )
