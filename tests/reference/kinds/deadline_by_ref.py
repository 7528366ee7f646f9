"""The reference `deadline_by_ref`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Event, Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("deadline", False),)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked, fulfils = ctx.filter(p["checked"]), ctx.filter(p["fulfilled_by"])
    first: dict[str, Event] = {}  # ref -> the first fulfilling event, in (ts, input) order
    for x in sorted(ctx.events, key=lambda e: e.key):
        if x.ref is not None and fulfils(x):
            first.setdefault(x.ref, x)
    out = []
    for events in ctx.timelines():
        for e in events:
            if not is_checked(e) or e.due is None:
                continue
            f = first.get(e.event_id)
            if f is not None and f.ts <= e.due:
                status = "ok"
            elif f is None and e.due > ctx.as_of:
                status = "pending"
            else:
                status = "violation"
            out.append(
                finding(
                    rule,
                    status,
                    e,
                    deadline=e.due,
                    ref_ts=f.ts if f else None,
                    ref_id=f.event_id if f else None,
                )
            )
    return out
