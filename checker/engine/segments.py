"""Customer segments as of the audit's end (vip / dormant / regular / new), one Ibis query."""

from __future__ import annotations

from datetime import datetime

import ibis
import ibis.expr.types as ir

from checker.engine.context import interval
from checker.log.event_flags import is_event
from checker.playbook.model import Playbook


def segment_table(
    events: ir.Table, pb: Playbook, as_of: datetime, customers: ir.Table | None
) -> ir.Table:
    """customer_id, segment (NULL when none applies), last_purchase, and ``active_segment``:
    the segment with ``dormant`` passed over, i.e. the one the customer would have if they were
    still buying (the churn analysis reports it: every lapsed customer is dormant)."""
    spec = pb.data["segments"]
    end = ibis.literal(as_of, type="timestamp")
    in_window = (events.ts >= end - interval(spec["lookback"])) & (events.ts <= end)
    buy, refund = is_event(events, ["purchase"], pb), is_event(events, ["refund"], pb)
    amount = events.amount.fill_null(0)
    per = events.group_by("customer_id").aggregate(
        orders=events.ts.count(where=buy & in_window),
        spend=amount.sum(where=buy & in_window).fill_null(0)
        - amount.sum(where=refund & in_window).fill_null(0),
        purchases_ever=events.ts.count(where=buy),
        last_purchase=events.ts.max(where=buy),
    )
    buyers = (per.orders >= 1).cast("int64")
    everyone = ibis.window()
    per = per.mutate(
        _n=buyers.sum().over(everyone),
        _rank=ibis.row_number().over(
            ibis.window(order_by=[buyers.desc(), per.spend.desc(), per.customer_id])
        )
        + 1,
    )
    vip, dormant = spec.get("vip", {}), spec.get("dormant", {})
    k = (per._n * float(vip.get("top_share", 0))).round(9).ceil()
    # Value is more than the total (seed 004): a VIP's orders must average at least
    # `min_order_value`, so many cheap orders never make one, however much they add up to.
    worth = per.spend >= per.orders * float(vip.get("min_order_value", 0))
    holds = {
        "vip": worth
        & (
            ((per.orders >= 1) & (per._rank <= k))
            | (per.orders >= int(vip.get("min_orders", 10**9)))
        ),
        "dormant": (per.purchases_ever >= 1)
        & (per.last_purchase + interval(dormant.get("no_purchase_for", "36500d")) < end),
        "regular": per.purchases_ever >= int(spec.get("regular", {}).get("min_purchases", 2)),
        "new": per.purchases_ever >= int(spec.get("new", {}).get("min_purchases", 1)),
    }

    def first_of(names: list[str]) -> ir.StringValue:
        held = [(holds[name].fill_null(False), name) for name in names if name in holds]
        return ibis.cases(*held, else_=ibis.null("string")) if held else ibis.null("string")

    awake = [name for name in spec["precedence"] if name != "dormant"]
    out = per.select(
        "customer_id",
        "last_purchase",
        segment=first_of(spec["precedence"]),
        active_segment=first_of(awake),
    )
    if customers is not None:
        tiers = (
            customers.filter(customers.tier.notnull() & (customers.reason == ""))
            .select(t_id=customers.customer_id, tier=customers.tier)
            .distinct(on="t_id", keep="last")
        )
        j = out.left_join(tiers, out.customer_id == tiers.t_id)
        out = j.select(
            "customer_id",
            "last_purchase",
            segment=ibis.coalesce(j.tier, j.segment),
            active_segment=ibis.coalesce(j.tier, j.active_segment),
        )
    return out
