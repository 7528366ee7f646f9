"""The reference `next_not`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("ref_ts", False),)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_after, is_checked = ctx.filter(p["after"]), ctx.filter(p["checked"])
    is_forbidden = ctx.filter(p["forbidden"])
    out = []
    for events in ctx.timelines():
        for i, e in enumerate(events):
            if not is_checked(e):
                continue
            a = next((x for x in reversed(events[:i]) if is_after(x)), None)
            k = next((x for x in reversed(events[:i]) if is_checked(x)), None)
            if a is None or (k is not None and not k.key < a.key):
                continue
            status = "violation" if is_forbidden(e) else "ok"
            out.append(finding(rule, status, e, ref_ts=a.ts, ref_id=a.event_id))
    return out
