"""Rules -> outcomes, grouped by the table they read. Kinds that need per-customer windows
share ONE pass over a narrow table (only the columns windows use, so the sort stays small);
a rule whose windows need another ordering gets a pass over just the rows it reads; the
other kinds read the event rows."""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from checker.engine import plan
from checker.engine.context import RuleContext
from checker.engine.outcomes import Outcomes
from checker.engine.prepare import Prepared
from checker.engine.registry import get_kind
from checker.log.event_flags import event_flags
from checker.log.places import place
from checker.playbook.model import Playbook, Rule

# What the window kinds read; everything else (text, due, ref...) stays out of the
# sort. file_no and line are not carried either: they are recovered from seq afterwards. The
# ids are read only when every outcome is asked for: an audit's findings get the customer id
# from their key and the event id by their seq as each pass is read (see
# `checker.engine.customer_keys` and `checker.engine.event_ids`), so they stay out of its sorts.
WINDOW_COLUMNS = (
    "seq",
    "event_id",
    "customer_id",
    "customer_key",  # what the windows partition by (see `checker.engine.customer_keys`)
    "ts",
    "event_flag",  # not the name: see `checker.log.event_flags`
    "channel",
    "amount",
    "outbound",
    "agent_id",  # the attribution of a finding named by its row (see `outcomes.Part`)
)
# A pass of a rule's own may also partition by these (none_after's ``same``).
OWN_PASS_EXTRA = ("product", "order_id")


def window_columns(pb: Playbook, *, own: bool = False) -> tuple[str, ...]:
    """The columns a window pass reads (``own``: a pass of a rule's own). A vocabulary too
    large for event flags is told apart by the event's name, which is then carried too."""
    columns = WINDOW_COLUMNS if event_flags(pb) is not None else (*WINDOW_COLUMNS, "event")
    return (*columns, *OWN_PASS_EXTRA) if own else columns


@dataclass(frozen=True)
class Pass:
    """A table and the outcomes of the rules that read it."""

    table: ir.Table
    outcomes: list[tuple[Rule, Outcomes]]


def _located(t: ir.Table) -> ir.Table:
    """file_no and line come back from seq (they are not carried through the sort)."""
    file_no, line = place(t.seq)
    return t.mutate(file_no=file_no, line=line)


def window_tables(
    rows: ir.Table, rules: list[Rule], ctx: RuleContext, total: int | None = None
) -> list[Pass]:
    """The window passes: the shared one, and passes over the rows that rules read on
    their own (see ``Kind.scope``). Rules that order rows alike (``Kind.pass_key``) may
    share such a pass: `checker.engine.plan` decides from the rows' counts (about ``total``
    rows; None: one pass per key). Expressions only: each is read by one aggregate, never
    written out."""
    shared: list[Rule] = []  # every rule here reads a window pass (see `_windowed_rule`)
    own: dict[object, list[tuple[Rule, ir.BooleanValue]]] = {}
    for rule in rules:
        kind = get_kind(rule.kind)
        scope = own_rows(rule, ctx, rows)
        if scope is None:
            shared.append(rule)
            continue
        key = kind.pass_key(rule) if kind.pass_key else rule.id
        own.setdefault(key, []).append((rule, scope))
    out = [_pass(rows.select(*window_columns(ctx.playbook)), shared, ctx)] if shared else []
    own_columns = window_columns(ctx.playbook, own=True)
    for group in _planned(rows, list(own.values()), ctx, total):
        sub = rows.filter(ibis.or_(*[scope for _, scope in group])).select(*own_columns)
        out.append(_pass(sub, [rule for rule, _ in group], ctx))
    return out


Scoped = list[tuple[Rule, ir.BooleanValue]]


def _planned(
    rows: ir.Table, keyed: list[Scoped], ctx: RuleContext, total: int | None
) -> list[Scoped]:
    """The passes of rules with rows of their own: each group of rules that order rows alike
    split as `checker.engine.plan` chooses (one count of every rule's rows for all groups),
    or kept whole for a small log (see ``plan.SMALL_LOG``)."""
    scoped = [entry for alike in keyed for entry in alike]
    unplanned = total is None or total <= plan.SMALL_LOG  # one pass per ordering, uncounted
    if unplanned or len(scoped) > plan.MAX_PLANNED or all(len(a) < 2 for a in keyed):
        return keyed
    counts = plan.row_counts(rows, [scope for _, scope in scoped], total)
    t = rows.select(*window_columns(ctx.playbook, own=True))
    out: list[Scoped] = []
    start = 0
    for alike in keyed:
        positions = list(range(start, start + len(alike)))
        start += len(alike)
        windows = [len(get_kind(rule.kind).window_columns(rule, ctx, t)) for rule, _ in alike]
        local = plan.restrict(counts, positions)
        out += [[alike[i] for i in group] for group in plan.share(local, windows, total)]
    return out


def _pass(t: ir.Table, rules: list[Rule], ctx: RuleContext) -> Pass:
    """``rules``' window columns over ``t``, and their outcomes over that."""
    cols: dict[str, ir.Value] = {}
    for rule in rules:
        found = get_kind(rule.kind).window_columns(rule, ctx, t)
        cols.update({ctx.prefix(rule) + n: e for n, e in found.items()})
    table = _located(_computed_once(t, cols))
    return Pass(table, [(r, get_kind(r.kind).outcomes(r, ctx, table)) for r in rules])


def _computed_once(t: ir.Table, cols: dict[str, ir.Value]) -> ir.Table:
    """``t`` with ``cols``; a column equal to an earlier one (two rules asking the same of
    the same rows, e.g. "is this the customer's first event") is that one, not a second
    window."""
    first: dict[object, str] = {}  # an expression's operation (equal when built alike)
    same: dict[str, str] = {}
    for name, expr in cols.items():
        same[name] = first.setdefault(expr.op(), name)
    table = t.mutate(**{name: cols[name] for name in first.values()})
    copies = {name: table[was] for name, was in same.items() if name != was}
    return table.mutate(**copies) if copies else table


def context(prep: Prepared, pb: Playbook, rules: list[Rule]) -> RuleContext:
    """What the kinds need to build ``rules``' expressions over the prepared events."""
    return RuleContext(
        playbook=pb,
        as_of=prep.as_of,
        audit_start=prep.audit_start,
        customers=prep.customers,
        segments=prep.segments,
        prefixes={rule.id: f"r{i:02d}_" for i, rule in enumerate(rules)},
    )


def passes(prep: Prepared, pb: Playbook, rules: list[Rule]) -> list[Pass]:
    """Every rule's outcomes, grouped by the table they read: the event rows (rules that
    read each row on its own, or join), then the window passes."""
    ctx = context(prep, pb, rules)
    windowed = [r for r in rules if _windowed_rule(r, ctx, prep.events)]
    plain = [r for r in rules if r not in windowed]
    out = []
    if plain:
        ev = prep.events
        out.append(Pass(ev, [(r, get_kind(r.kind).outcomes(r, ctx, ev)) for r in plain]))
    return out + window_tables(prep.events, windowed, ctx, prep.rows_read)


def own_rows(rule: Rule, ctx: RuleContext, rows: ir.Table) -> ir.BooleanValue | None:
    """The rows of a pass of the rule's own (see ``Kind.scope``); None: the shared pass."""
    kind = get_kind(rule.kind)
    return kind.scope(rule, ctx, rows) if kind.scope else None


def _windowed_rule(rule: Rule, ctx: RuleContext, rows: ir.Table) -> bool:
    """The rule reads a window pass (its own, or columns of the shared one)."""
    if own_rows(rule, ctx, rows) is not None:
        return True
    shared = rows.select(*window_columns(ctx.playbook))
    return bool(get_kind(rule.kind).window_columns(rule, ctx, shared))
