"""The reference `phrases`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("detail", True),)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    field = p["field"]
    wanted = [str(x) for x in p["phrases"]]
    out = []
    for events in ctx.timelines():
        for e in events:
            value = getattr(e, field)
            if not is_checked(e) or value is None or not str(value).strip():
                continue
            low = str(value).lower()
            hit = next((w for w in wanted if w.lower() in low), None)
            out.append(finding(rule, "violation" if hit else "ok", e, detail=hit))
    return out
