"""The reference `follow_up`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("ref_ts", False), ("deadline", False))


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_trigger, is_expect = ctx.filter(p["trigger"]), ctx.filter(p["expect"])
    within = parse_duration(p["within"])
    gap = parse_duration(p["min_gap"]) if p.get("min_gap") else None
    out = []
    for events in ctx.timelines():
        for i, t in enumerate(events):
            if not is_trigger(t):
                continue
            later = events[i + 1 :]
            if gap:  # only a separate contact at least `gap` later answers the trigger
                later = [e for e in events if e.ts >= t.ts + gap]
            r = next((e for e in later if is_expect(e)), None)
            deadline = t.ts + within
            if r is not None and r.ts <= deadline:
                status = "ok"
            elif r is None and deadline > ctx.as_of:
                status = "pending"
            else:
                status = "violation"
            out.append(
                finding(
                    rule,
                    status,
                    t,
                    ref_ts=r.ts if r else None,
                    ref_id=r.event_id if r else None,
                    deadline=deadline,
                )
            )
    return out
