"""The reference `max_silence`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from datetime import datetime

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context, in_scope
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("ref_ts", False),)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_contact = ctx.filter(p["contacts"])
    gap = parse_duration(p["max_gap"])
    p0 = ctx.as_of - parse_duration(p.get("period", "365d"))

    def status(start: datetime, end: datetime | None) -> str:
        if end is not None:
            return "ok" if end - start <= gap else "violation"
        return "violation" if ctx.as_of - start > gap else "pending"

    out = []
    for customer in sorted(ctx.by_customer):
        if not in_scope(ctx, customer, p.get("scope") or {}):
            continue
        events = ctx.by_customer[customer]
        s = max(events[0].ts, p0)
        contacts = [e for e in events if is_contact(e) and e.ts >= p0]
        first = contacts[0] if contacts else None
        if first is None or first.ts != s:
            end = first.ts if first else None
            out.append(
                Outcome(
                    rule.id,
                    status(s, end),
                    customer,
                    None,
                    s,
                    ref_ts=end,
                    ref_id=first.event_id if first else None,
                )
            )
        for i, c in enumerate(contacts):
            nxt = contacts[i + 1] if i + 1 < len(contacts) else None
            end = nxt.ts if nxt else None
            out.append(
                Outcome(
                    rule.id,
                    status(c.ts, end),
                    customer,
                    c.event_id,
                    c.ts,
                    ref_ts=end,
                    ref_id=nxt.event_id if nxt else None,
                    agent_id=c.agent_id,
                    channel=c.channel,
                )
            )
    return out
