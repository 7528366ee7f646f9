"""What a rule kind needs to build its expression: the playbook, the audit window, helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import ibis
import ibis.expr.types as ir

from checker.durations import parse_duration
from checker.playbook.model import Playbook, Rule


@dataclass
class RuleContext:
    playbook: Playbook
    as_of: datetime
    audit_start: datetime
    customers: ir.Table | None  # customer_id, birthday (string), tier; None when not given
    prefixes: dict[str, str] | None = None

    def prefix(self, rule: Rule) -> str:
        """The column-name prefix of ``rule`` in the shared pass (``r07_``)."""
        assert self.prefixes is not None
        return self.prefixes[rule.id]

    def col(self, t: ir.Table, rule: Rule, name: str) -> ir.Value:
        return t[self.prefix(rule) + name]

    def match(self, spec: dict[str, Any] | None, t: ir.Table) -> ir.BooleanValue:
        """An event filter (events / channels / outbound / segments / min_amount) as a boolean."""
        if not spec:
            return ibis.literal(False)
        cond: ir.BooleanValue = t.event.isin(self.playbook.expand(spec.get("events", [])))
        if spec.get("channels"):
            cond &= t.channel.isin(spec["channels"])
        if spec.get("outbound"):
            cond &= t.outbound
        if spec.get("segments"):
            cond &= t.segment.isin(spec["segments"])
        if spec.get("min_amount") is not None:
            cond &= t.amount >= float(spec["min_amount"])
        return cond.fill_null(False)

    def as_of_lit(self) -> ir.TimestampScalar:
        return ibis.literal(self.as_of, type="timestamp")


def interval(value: str) -> ir.IntervalScalar:
    """A playbook duration as an Ibis interval (whole seconds)."""
    return ibis.interval(seconds=int(parse_duration(value).total_seconds()))


def customer_window(
    t: ir.Table,
    *,
    rows: tuple[int | None, int | None] | None = None,
    extra_keys: list[str] | None = None,
) -> Any:
    """The shared ordering: per customer (and ``extra_keys``) by (ts, seq), ties by input order."""
    keys = [t.customer_id, *[t[k] for k in extra_keys or []]]
    if rows is None:
        return ibis.window(group_by=keys, order_by=[t.ts, t.seq])
    return ibis.window(group_by=keys, order_by=[t.ts, t.seq], rows=rows)


FOLLOWING = (1, None)
PRECEDING = (None, -1)
