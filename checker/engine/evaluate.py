"""Rules -> outcomes. Kinds that need per-customer windows share ONE pass over a narrow table
(only the columns windows use, so the sorts stay small); the others read the event rows."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from checker.engine.cache import materialize
from checker.engine.context import RuleContext, customer_window
from checker.engine.prepare import Prepared
from checker.engine.registry import get_kind
from checker.engine.segments import segment_table
from checker.playbook.model import Playbook, Rule

# What the window kinds read; everything else (text, due, ref, agent_id...) stays out of the sort.
WINDOW_COLUMNS = (
    "seq",
    "event_id",
    "customer_id",
    "ts",
    "event",
    "channel",
    "amount",
    "product",
    "order_id",
    "file_no",
    "line",
    "segment",
    "last_purchase",
    "actor",
    "outbound",
)


def event_rows(prep: Prepared, pb: Playbook) -> ir.Table:
    """Valid events + the customer's segment, and who acted (actor) and whether remotely."""
    ev = prep.events
    seg = segment_table(ev, pb, prep.as_of, prep.customers)
    j = ev.left_join(seg, ev.customer_id == seg.customer_id)
    j = j.select(*ev.columns, "segment", "last_purchase")
    shop = [e for e, spec in pb.events.items() if spec.get("actor") == "shop"]
    remote = [c for c, spec in pb.data.get("channels", {}).items() if spec.get("remote")]
    is_remote = j.channel.isin(remote)
    if pb.data.get("missing_channel_is_remote", True):
        is_remote = is_remote | j.channel.isnull()
    is_shop = j.event.isin(shop)
    return j.mutate(
        actor=ibis.ifelse(is_shop, "shop", "customer"),
        outbound=(is_shop & is_remote).fill_null(False),
    )


def shared_pass(
    rows: ir.Table, rules: list[Rule], ctx: RuleContext
) -> tuple[ir.Table | None, set[str]]:
    """Every window rule's columns over the same per-customer ordering, computed once; and the
    ids of the rules that use it."""
    narrow = rows.select(*WINDOW_COLUMNS)
    narrow = narrow.mutate(ord=ibis.row_number().over(customer_window(narrow)))
    columns: dict[str, ir.Value] = {}
    windowed: set[str] = set()
    for rule in rules:
        for name, expr in get_kind(rule.kind).columns(rule, ctx, narrow).items():
            columns[ctx.prefix(rule) + name] = expr
            windowed.add(rule.id)
    return (materialize(narrow.mutate(**columns)) if columns else None), windowed


def evaluate(prep: Prepared, pb: Playbook, rules: list[Rule]) -> list[ir.Table]:
    """One outcome table (OUTCOME_SCHEMA) per rule."""
    ctx = RuleContext(
        playbook=pb,
        as_of=prep.as_of,
        audit_start=prep.audit_start,
        customers=prep.customers,
        prefixes={rule.id: f"r{i:02d}_" for i, rule in enumerate(rules)},
    )
    rows = materialize(event_rows(prep, pb))
    base, windowed = shared_pass(rows, rules, ctx)
    return [
        get_kind(rule.kind).outcomes(rule, ctx, base if rule.id in windowed else rows)
        for rule in rules
    ]


def union(tables: list[ir.Table]) -> ir.Table:
    return tables[0].union(*tables[1:]) if len(tables) > 1 else tables[0]


def counts(tables: list[ir.Table]) -> ir.Table:
    """rule, status, n: aggregated per rule, so no outcome row is ever materialised."""
    return union([t.group_by(["rule", "status"]).aggregate(n=t.count()) for t in tables])


def summary(tables: list[ir.Table]) -> ir.Table:
    """One pass over every rule's outcomes: rule, status, n, and for violations and pending
    the outcome rows themselves (collected as a list), so no rule is evaluated twice."""
    parts = []
    for t in tables:
        row = ibis.struct({c: t[c] for c in t.columns if c not in ("rule", "status")})
        parts.append(
            t.group_by(["rule", "status"]).aggregate(
                n=t.count(), rows=row.collect(where=t.status != "ok")
            )
        )
    return union(parts)
