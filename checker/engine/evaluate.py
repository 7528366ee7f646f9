"""Rules -> outcomes: one shared per-customer window pass, then one outcome table per rule."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from checker.engine.cache import materialize
from checker.engine.context import RuleContext, customer_window
from checker.engine.prepare import Prepared
from checker.engine.registry import get_kind
from checker.engine.segments import segment_table
from checker.playbook.model import Playbook, Rule


def _base(prep: Prepared, pb: Playbook) -> ir.Table:
    """Valid events + segment, actor, outbound and their rank in the customer's order."""
    ev = prep.events
    seg = segment_table(ev, pb, prep.as_of, prep.customers)
    j = ev.left_join(seg, ev.customer_id == seg.customer_id)
    j = j.select(*[c for c in ev.columns], "segment", "last_purchase")
    shop = [e for e, spec in pb.events.items() if spec.get("actor") == "shop"]
    remote = [c for c, spec in pb.data.get("channels", {}).items() if spec.get("remote")]
    is_remote = j.channel.isin(remote)
    if pb.data.get("missing_channel_is_remote", True):
        is_remote = is_remote | j.channel.isnull()
    is_shop = j.event.isin(shop)
    return j.mutate(
        actor=ibis.ifelse(is_shop, "shop", "customer"),
        outbound=(is_shop & is_remote).fill_null(False),
        ord=ibis.row_number().over(customer_window(j)),
    )


def shared_pass(prep: Prepared, pb: Playbook, rules: list[Rule], ctx: RuleContext) -> ir.Table:
    """Every rule's window columns over the same ordering, computed once and cached."""
    base = _base(prep, pb)
    columns: dict[str, ir.Value] = {}
    for rule in rules:
        for name, expr in get_kind(rule.kind).columns(rule, ctx, base).items():
            columns[ctx.prefix(rule) + name] = expr
    return materialize(base.mutate(**columns) if columns else base)


def evaluate(prep: Prepared, pb: Playbook, rules: list[Rule]) -> ir.Table | None:
    """The union of every rule's outcomes (OUTCOME_SCHEMA), or None without rules."""
    ctx = RuleContext(
        playbook=pb,
        as_of=prep.as_of,
        audit_start=prep.audit_start,
        customers=prep.customers,
        prefixes={rule.id: f"r{i:02d}_" for i, rule in enumerate(rules)},
    )
    base = shared_pass(prep, pb, rules, ctx)
    tables = [get_kind(rule.kind).outcomes(rule, ctx, base) for rule in rules]
    if not tables:
        return None
    return tables[0].union(*tables[1:]) if len(tables) > 1 else tables[0]
