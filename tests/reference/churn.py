"""The churn analysis computed plainly, customer by customer, from the reference's events and
outcomes (see `checker.churn` for the definitions)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from checker.durations import parse_duration
from checker.playbook import Playbook
from tests.reference.context import Context
from tests.reference.events import Outcome
from tests.reference.segments import compute_segments


def lapsed(
    ctx: Context, outcomes: list[Outcome], pb: Playbook, tiers: Mapping[str, str] | None = None
) -> dict[str, dict[str, Any]]:
    """customer -> segment, purchases, last_purchase, lapsed_at, reasons (sorted ids)."""
    churn = pb.data.get("churn") or {}
    after = parse_duration(churn.get("after", "180d"))
    config = dict(pb.data.get("segments", {}))
    config["precedence"] = [s for s in config.get("precedence", []) if s != "dormant"]
    segments = compute_segments(ctx.events, config, ctx.as_of, tiers)
    buys: dict[str, list[datetime]] = {}
    for e in ctx.events:
        if e.event == "purchase":
            buys.setdefault(e.customer_id, []).append(e.ts)
    kinds = {r.id: r.kind for r in pb.rules}
    out: dict[str, dict[str, Any]] = {}
    for who, times in buys.items():
        last = max(times)
        if len(times) < 2 or not ctx.as_of - last > after:
            continue
        at = last + after
        reasons = []
        for r in churn.get("reasons", []):
            found = any(
                o.customer_id == who
                and o.status == "violation"
                and o.ts is not None
                and o.ts <= at
                and (o.rule in r.get("rules", []) or kinds.get(o.rule) in r.get("kinds", []))
                for o in outcomes
            )
            found |= any(
                e.customer_id == who and e.event in r.get("events", []) and last < e.ts <= at
                for e in ctx.events
            )
            if found:
                reasons.append(r["id"])
        out[who] = {
            "segment": segments.get(who),
            "purchases": len(times),
            "last_purchase": last.strftime("%Y-%m-%d %H:%M:%S"),
            "lapsed_on": at.strftime("%Y-%m-%d"),
            "reasons": sorted(reasons or ["none"]),
        }
    return out
