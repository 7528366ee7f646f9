"""Rules -> outcomes. Kinds that need per-customer windows share ONE pass over a narrow table
(only the columns windows use, so the sorts stay small); a rule whose windows need another
ordering gets a pass over just the rows it reads; the other kinds read the event rows."""

from __future__ import annotations

from collections.abc import Iterator

import ibis
import ibis.expr.types as ir

from checker.engine.cache import drop, materialize
from checker.engine.context import RuleContext
from checker.engine.prepare import Prepared
from checker.engine.registry import get_kind
from checker.log.sources import FILE_STRIDE
from checker.playbook.model import Playbook, Rule

# What the window kinds read; everything else (text, due, ref, agent_id...) stays out of the
# sort. file_no and line are not carried either: they are recovered from seq afterwards.
WINDOW_COLUMNS = (
    "seq",
    "event_id",
    "customer_id",
    "ts",
    "event",
    "channel",
    "amount",
    "outbound",
)
# A pass of a rule's own may also partition by these (none_after's ``same``).
OWN_PASS_COLUMNS = (*WINDOW_COLUMNS, "product", "order_id")


def _windowed(narrow: ir.Table, columns: dict[str, ir.Value]) -> ir.Table:
    """Materialise the window columns; file_no and line come back from seq (no sort cost)."""
    t = materialize(narrow.mutate(**columns))
    return t.mutate(file_no=t.seq // FILE_STRIDE, line=t.seq % FILE_STRIDE)


def window_passes(rows: ir.Table, rules: list[Rule], ctx: RuleContext) -> dict[str, ir.Table]:
    """The table each window rule's outcomes read: the shared pass, or a pass of its own."""
    narrow = rows.select(*WINDOW_COLUMNS)
    shared: dict[str, ir.Value] = {}
    shared_rules: list[str] = []
    tables: dict[str, ir.Table] = {}
    for rule in rules:
        kind = get_kind(rule.kind)
        own = _own_rows(rule, ctx, rows)
        if own is not None:
            sub = rows.filter(own).select(*OWN_PASS_COLUMNS)
            cols = kind.columns(rule, ctx, sub)
            tables[rule.id] = _windowed(sub, {ctx.prefix(rule) + n: e for n, e in cols.items()})
            continue
        cols = kind.columns(rule, ctx, narrow)
        if cols:
            shared.update({ctx.prefix(rule) + n: e for n, e in cols.items()})
            shared_rules.append(rule.id)
    if shared:
        base = _windowed(narrow, shared)
        tables.update(dict.fromkeys(shared_rules, base))
    return tables


def evaluate(prep: Prepared, pb: Playbook, rules: list[Rule]) -> Iterator[list[ir.Table]]:
    """Outcome tables (OUTCOME_SCHEMA), one per rule, in two stages; read each stage before
    asking for the next. First the rules that read the event rows; then, once the window
    passes are built, the event rows' table is released and the window rules follow, so the
    two big tables are never both needed."""
    ctx = RuleContext(
        playbook=pb,
        as_of=prep.as_of,
        audit_start=prep.audit_start,
        customers=prep.customers,
        segments=prep.segments,
        prefixes={rule.id: f"r{i:02d}_" for i, rule in enumerate(rules)},
    )
    windowed = [r for r in rules if _windowed_rule(r, ctx, prep.events)]
    plain = [r for r in rules if r not in windowed]
    if plain:
        yield [get_kind(r.kind).outcomes(r, ctx, prep.events) for r in plain]
    if windowed:
        passes = window_passes(prep.events, windowed, ctx)
        drop(prep.source)
        yield [get_kind(r.kind).outcomes(r, ctx, passes[r.id]) for r in windowed]


def _own_rows(rule: Rule, ctx: RuleContext, rows: ir.Table) -> ir.BooleanValue | None:
    """The rows of a pass of the rule's own (see ``Kind.scope``); None: the shared pass."""
    kind = get_kind(rule.kind)
    return kind.scope(rule, ctx, rows) if kind.scope else None


def _windowed_rule(rule: Rule, ctx: RuleContext, rows: ir.Table) -> bool:
    """The rule reads a window pass (its own, or columns of the shared one)."""
    if _own_rows(rule, ctx, rows) is not None:
        return True
    return bool(get_kind(rule.kind).columns(rule, ctx, rows.select(*WINDOW_COLUMNS)))


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
