"""The reference `rolling_cap`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("count", True),)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    per, cap = parse_duration(p["per"]), int(p["max"])
    out = []
    for events in ctx.timelines():
        for i, e in enumerate(events):
            if not is_checked(e):
                continue
            n = sum(1 for x in events[: i + 1] if is_checked(x) and e.ts - per <= x.ts <= e.ts)
            out.append(finding(rule, "violation" if n > cap else "ok", e, count=n))
    return out
