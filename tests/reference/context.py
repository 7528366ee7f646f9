"""What every rule kind sees: the audited events, per customer and in order, and the audit span."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checker.durations import parse_duration
from checker.playbook import Playbook, Rule
from tests.reference.events import Event, Outcome, event_filter


@dataclass
class Context:
    playbook: Playbook
    events: list[Event]  # audited events in input order (ts <= as_of)
    as_of: datetime
    audit_start: datetime
    segments: dict[str, str | None]
    birthdays: dict[str, str] = field(default_factory=dict)
    by_customer: dict[str, list[Event]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_customer = {}
        for e in sorted(self.events, key=lambda e: e.key):
            self.by_customer.setdefault(e.customer_id, []).append(e)

    def filter(self, spec: Mapping[str, Any] | None) -> Callable[[Event], bool]:
        return event_filter(spec, self.playbook, self.segments)

    def timelines(self) -> list[list[Event]]:
        """Each customer's events in (ts, input order), customers in id order."""
        return [self.by_customer[c] for c in sorted(self.by_customer)]


def finding(rule: Rule, status: str, e: Event, **extra: object) -> Outcome:
    """An outcome named by ``e``: attributed to its agent and channel."""
    attributed = {"agent_id": e.agent_id, "channel": e.channel}
    return Outcome(rule.id, status, e.customer_id, e.event_id, e.ts, **extra, **attributed)  # type: ignore[arg-type]


def in_scope(ctx: Context, customer: str, scope: dict) -> bool:
    """Whether ``customer`` is in a rule's ``scope`` (segments, a purchase within)."""
    segs = scope.get("segments")
    if segs is not None and ctx.segments.get(customer) not in segs:
        return False
    within = scope.get("purchased_within")
    if within is not None:
        since = ctx.as_of - parse_duration(within)
        events = ctx.by_customer[customer]
        return any(e.event == "purchase" and e.ts >= since for e in events)
    return True
