"""Customer segments as of the audit's end, computed exactly as the semantics describe."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from checker.durations import parse_duration
from tests.reference.events import Event


def compute_segments(
    events: list[Event],
    config: Mapping[str, Any],
    as_of: datetime,
    tiers: Mapping[str, str] | None = None,
) -> dict[str, str | None]:
    """Segment of every customer with at least one event (None when no segment holds)."""
    lookback = parse_duration(config.get("lookback", "365d"))
    customers = sorted({e.customer_id for e in events})
    spend = {c: 0.0 for c in customers}
    orders = {c: 0 for c in customers}
    ever = {c: 0 for c in customers}
    last_purchase: dict[str, datetime] = {}
    for e in events:
        in_window = as_of - lookback <= e.ts <= as_of
        if e.event == "purchase":
            ever[e.customer_id] += 1
            last = last_purchase.get(e.customer_id)
            last_purchase[e.customer_id] = e.ts if last is None else max(last, e.ts)
            if in_window:
                orders[e.customer_id] += 1
                spend[e.customer_id] += e.amount or 0.0
        elif e.event == "refund" and in_window:
            spend[e.customer_id] -= e.amount or 0.0

    buyers = [c for c in customers if orders[c] >= 1]
    vip_spec = config.get("vip", {})
    k = math.ceil(round(vip_spec.get("top_share", 0) * len(buyers), 9))
    ranked = sorted(buyers, key=lambda c: (-spend[c], c))
    top = set(ranked[:k])
    min_orders = vip_spec.get("min_orders")

    def holds(name: str, c: str) -> bool:
        spec = config.get(name, {})
        if name == "vip":
            worth = spend[c] >= orders[c] * float(vip_spec.get("min_order_value", 0))
            return worth and (c in top or (min_orders is not None and orders[c] >= min_orders))
        if name == "dormant":
            gap = parse_duration(spec["no_purchase_for"])
            return ever[c] >= 1 and as_of - last_purchase[c] > gap
        if name in ("regular", "new"):
            return ever[c] >= spec.get("min_purchases", 1)
        return False

    out: dict[str, str | None] = {}
    for c in customers:
        tier = (tiers or {}).get(c)
        if tier:
            out[c] = tier
            continue
        out[c] = next((s for s in config.get("precedence", []) if holds(s, c)), None)
    return out
