"""The reference `required_field`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("detail", True),)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    field = p["field"]
    known: set[str] = set()
    if p.get("known_from") == "roster":
        known = {str(x) for x in ctx.playbook.data.get("roster") or []}
    out = []
    for events in ctx.timelines():
        for e in events:
            if not is_checked(e):
                continue
            value = getattr(e, field)
            detail = None
            if value is None or (isinstance(value, str) and not value.strip()):
                detail = "missing"
            elif known and str(value) not in known:
                detail = "unknown"
            elif p.get("min_lead") and e.due is not None:
                if e.due < e.ts + parse_duration(p["min_lead"]):
                    detail = "short"
            extra = {"deadline": e.due} if p.get("min_lead") else {}
            out.append(finding(rule, "violation" if detail else "ok", e, detail=detail, **extra))
    return out
