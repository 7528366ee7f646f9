"""What a rule kind needs to build its expression: the playbook, the audit window, helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.durations import parse_duration
from checker.lazy import lazy
from checker.log.event_flags import is_event
from checker.playbook.model import Playbook, Rule

if TYPE_CHECKING:
    import ibis.expr.types as ir

ibis = lazy("ibis")  # imported by the first expression built (the registry's words need none)


@dataclass
class RuleContext:
    playbook: Playbook
    as_of: datetime
    audit_start: datetime
    customers: ir.Table | None  # customer_id, birthday (string), tier; None when not given
    # customer_id, customer_key, segment, last_purchase: a row per audited customer (small)
    segments: ir.Table | None = None
    prefixes: dict[str, str] | None = None

    def prefix(self, rule: Rule) -> str:
        """The column-name prefix of ``rule`` in the shared pass (``r07_``)."""
        assert self.prefixes is not None
        return self.prefixes[rule.id]

    def col(self, t: ir.Table, rule: Rule, name: str) -> ir.Value:
        return t[self.prefix(rule) + name]

    def match(self, spec: dict[str, Any] | None, t: ir.Table) -> ir.BooleanValue:
        """An event filter (events / channels / outbound / segments / min_amount) as a boolean,
        never NULL. Over the audited events, the event, ``outbound`` and the customer are
        never NULL; only the tests of nullable columns (channel, amount) need a default,
        which keeps a COALESCE off every row of every other filter."""
        if not spec:
            return ibis.literal(False)
        cond = is_event(t, self.playbook.expand(spec.get("events", [])), self.playbook)
        if spec.get("channels"):
            cond &= t.channel.isin(spec["channels"]).fill_null(False)
        if spec.get("outbound"):
            cond &= t.outbound
        if spec.get("segments"):
            cond &= self.in_segment(t, spec["segments"])
        if spec.get("min_amount") is not None:
            cond &= (t.amount >= float(spec["min_amount"])).fill_null(False)
        return cond

    def customer_is(
        self, t: ir.Table, holds: Callable[[ir.Table], ir.BooleanValue]
    ) -> ir.BooleanValue:
        """The row's customer satisfies ``holds`` (over the segments table): a semi-join
        against a small table, so events never carry their customer's attributes. On the
        customer key (see `checker.engine.customer_keys`): a pass need not carry the id."""
        assert self.segments is not None
        s = self.segments
        return t.customer_key.isin(s.filter(holds(s).fill_null(False)).customer_key)

    def in_segment(self, t: ir.Table, segments: list[str]) -> ir.BooleanValue:
        return self.customer_is(t, lambda s: s.segment.isin(segments))

    def as_of_lit(self) -> ir.TimestampScalar:
        return ibis.literal(self.as_of, type="timestamp")


def whole_seconds(value: str) -> int:
    """A playbook duration in whole seconds, as every window of the engine measures it."""
    return int(parse_duration(value).total_seconds())


def interval(value: str) -> ir.IntervalScalar:
    """A playbook duration as an Ibis interval (whole seconds)."""
    return ibis.interval(seconds=whole_seconds(value))


def customer_window(
    t: ir.Table,
    *,
    rows: tuple[int | None, int | None] | None = None,
    extra_keys: list[str] | None = None,
) -> Any:
    """The shared ordering: per customer (and ``extra_keys``) by (ts, seq), ties by input order.
    A customer is told by its key (see `checker.engine.customer_keys`)."""
    keys = [t.customer_key, *[t[k] for k in extra_keys or []]]
    if rows is None:
        return ibis.window(group_by=keys, order_by=[t.ts, t.seq])
    return ibis.window(group_by=keys, order_by=[t.ts, t.seq], rows=rows)


# The pass key (see ``Kind.pass_key``) of rules whose windows use just `customer_window`.
BY_CUSTOMER = ("customer",)

FOLLOWING = (1, None)
PRECEDING = (None, -1)


# A stamp is a time as one positive integer: microseconds since 1970 plus _SHIFT (which keeps
# years 0001-9999 positive), so its sign is free to carry one bit (see `last_of_either`).
_SHIFT = 10**17


@cache
def _epoch() -> ir.TimestampScalar:
    return ibis.timestamp("1970-01-01 00:00:00")


def stamp(ts: ir.TimestampValue) -> ir.IntegerValue:
    """``ts`` as a stamp (positive)."""
    return ts.delta(_epoch(), unit="microsecond") + _SHIFT


def stamp_ts(signed: ir.IntegerValue) -> ir.TimestampValue:
    """The time of a stamp, whatever its sign."""
    return _epoch() + (signed.abs() - _SHIFT).as_interval("us")
